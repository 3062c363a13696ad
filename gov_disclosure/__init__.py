"""gov_disclosure: China's government information-disclosure annual reports as typed,
validated records.

    >>> import gov_disclosure
    >>> report = gov_disclosure.parse_file("report.txt")
    >>> report.requests.total.total.value
    >>> gov_disclosure.to_json(report)
"""

from __future__ import annotations

from gov_disclosure.batch import Outcome, parse_many
from gov_disclosure.codes import CODES, register_code
from gov_disclosure.errors import DecodeError, GovDisclosureError, InputFormatError, MissingExtraError
from gov_disclosure.export import CSV_FIELDS, csv_rows, from_dict, to_csv, to_dict, to_json, to_jsonl
from gov_disclosure.pipeline import build_report, parse_bytes, parse_file, parse_text, read_document
from gov_disclosure.readers.text import register_dialect
from gov_disclosure.records import Completeness, Count, Issue, Money, Report, Section, Source
from gov_disclosure.sections import register_heading
from gov_disclosure.validate import register_check

__version__ = "0.1.0"

__all__ = [
    "CODES",
    "CSV_FIELDS",
    "Completeness",
    "Count",
    "DecodeError",
    "GovDisclosureError",
    "InputFormatError",
    "Issue",
    "MissingExtraError",
    "Outcome",
    "Money",
    "Report",
    "Section",
    "Source",
    "__version__",
    "build_report",
    "csv_rows",
    "from_dict",
    "parse_bytes",
    "parse_file",
    "parse_many",
    "parse_text",
    "read_document",
    "register_check",
    "register_code",
    "register_dialect",
    "register_heading",
    "to_csv",
    "to_dict",
    "to_json",
    "to_jsonl",
]
