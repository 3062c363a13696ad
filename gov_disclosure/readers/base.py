"""What a text dialect is: a way to find table regions in lines and read them into a grid.

Dialects are chosen by a scored search (see `readers.scoring`): every registered dialect
proposes regions and readings, each reading is scored, the best non-overlapping readings win.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from gov_disclosure.blocks import Table


class Dialect(Protocol):
    """A text table dialect (tab cells, TSV, pipe, fixed-width, markdown...)."""

    name: str

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        """Half-open 0-based line ranges `[start, end)` that this dialect could read as a table."""
        ...

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        """Read `lines` (one region) into a Table; `first_line` is the 1-based number of
        `lines[0]` in the whole text, so every cell can carry its source line. None if the
        region is not a table in this dialect after all."""
        ...
