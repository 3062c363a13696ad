"""Shared fixtures: paths of the bundled fixtures. Text builders live in `tests/helpers`."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SAMPLES = DATA / "samples"


@pytest.fixture
def samples() -> dict[str, Path]:
    return {p.name[:3]: p for p in sorted(SAMPLES.glob("*.txt"))}
