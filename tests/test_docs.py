"""The documentation lists exactly the issue codes the library emits."""

from __future__ import annotations

from pathlib import Path

from gov_disclosure.codes import markdown_table

DOCS = Path(__file__).parent.parent / "docs"


def test_issue_code_table_is_in_sync() -> None:
    text = (DOCS / "issue-codes.md").read_text(encoding="utf-8")
    assert text.endswith(markdown_table()), "regenerate docs/issue-codes.md from gov_disclosure.codes.markdown_table()"
