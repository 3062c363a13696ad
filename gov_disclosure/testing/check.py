"""What a round trip must give back: every number, blank as null, the template, the title,
organization and year, the prose, and no `error`. Plain functions, usable outside hypothesis."""

from __future__ import annotations

from gov_disclosure.records import Count, Report, table_values
from gov_disclosure.script import simplified

Value = int | tuple[float | None, str | None] | None


def numbers(report: Report) -> dict[str, Value]:
    """Every cell of the report's tables as `table.row.column` -> value (an amount as value and
    unit: its printed text may differ, full-width digits or traditional units)."""
    out: dict[str, Value] = {}
    for key, cell in table_values(report):
        out[key] = cell.value if isinstance(cell, Count) else (cell.value, cell.unit)
    return out


def number_diff(expected: Report, parsed: Report) -> dict[str, tuple[Value, Value]]:
    """The cells where `parsed` differs from `expected`: key -> (expected, got)."""
    want, got = numbers(expected), numbers(parsed)
    return {k: (want.get(k), got.get(k)) for k in sorted(set(want) | set(got)) if want.get(k) != got.get(k)}


def _same_text(a: str | None, b: str | None) -> bool:
    """Equal once blanks are dropped and traditional characters read as simplified."""

    def norm(s: str | None) -> str:
        return "".join(simplified(s or "").split()).replace("\u3000", "")

    return norm(a) == norm(b)


def round_trip_problems(expected: Report, parsed: Report, *, dialect: str | None = None) -> list[str]:
    """Every way `parsed` fails to give back `expected` (empty when the round trip holds)."""
    problems = [f"{k}: expected {w!r}, got {g!r}" for k, (w, g) in number_diff(expected, parsed).items()]
    if parsed.template != expected.template:
        problems.append(f"template: expected {expected.template}, got {parsed.template}")
    if parsed.year != expected.year:
        problems.append(f"year: expected {expected.year}, got {parsed.year}")
    for name in ("title", "organization"):
        if not _same_text(getattr(expected, name), getattr(parsed, name)):
            problems.append(f"{name}: expected {getattr(expected, name)!r}, got {getattr(parsed, name)!r}")
    for name in ("overview", "problems", "other_matters"):
        if not _same_text(getattr(expected, name).text, getattr(parsed, name).text):
            problems.append(
                f"{name}: expected {getattr(expected, name).text[:30]!r}, got {getattr(parsed, name).text[:30]!r}"
            )
    if dialect is not None and parsed.source.dialect != dialect:
        problems.append(f"dialect: expected {dialect}, got {parsed.source.dialect}")
    problems += [f"error {i.code}: {i.message}" for i in parsed.issues if i.severity == "error"]
    return problems


def assert_round_trip(expected: Report, parsed: Report, *, dialect: str | None = None) -> None:
    """AssertionError listing every problem when `parsed` does not give back `expected`."""
    problems = round_trip_problems(expected, parsed, dialect=dialect)
    assert not problems, "round trip lost:\n" + "\n".join(problems)


def parse_rendered(rendered: str | bytes, form: str) -> Report:
    """Parse what `render` printed as the library would meet it: a file's bytes (`docx`) or a
    page (`html*`) through `parse_bytes`, a text dump through `parse_text`."""
    from gov_disclosure.pipeline import parse_bytes, parse_text

    if isinstance(rendered, bytes):
        return parse_bytes(rendered)
    return parse_bytes(rendered.encode("utf-8")) if form.startswith("html") else parse_text(rendered)
