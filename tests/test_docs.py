"""The documentation lists exactly the issue codes the library emits."""

from __future__ import annotations

from pathlib import Path

from gov_disclosure.codes import document

DOCS = Path(__file__).parent.parent / "docs"


def test_issue_code_table_is_in_sync() -> None:
    text = (DOCS / "issue-codes.md").read_text(encoding="utf-8")
    assert text == document(), "regenerate: python -m gov_disclosure.codes > docs/issue-codes.md"
