"""Shared fixtures: paths of the bundled fixtures. Text builders live in `tests/helpers`.

Hypothesis profiles: `ci` (the default) keeps the suite quick; `thorough` draws many more
examples. Choose with GOV_DISCLOSURE_HYPOTHESIS_PROFILE=thorough."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("GOV_DISCLOSURE_HYPOTHESIS_PROFILE", "ci"))

DATA = Path(__file__).parent / "data"
SAMPLES = DATA / "samples"


@pytest.fixture
def samples() -> dict[str, Path]:
    return {p.name[:3]: p for p in sorted(SAMPLES.glob("*.txt"))}
