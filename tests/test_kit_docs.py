"""The plug-in author's example in docs/testing.md runs as printed (copied, it must work)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

DOC = Path(__file__).parent.parent / "docs" / "testing.md"


def test_the_documented_example_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    namespace: dict[str, Any] = {}
    exec(compile(blocks[0], str(DOC), "exec"), namespace)
    tests = [f for name, f in namespace.items() if name.startswith("test_")]
    assert len(tests) == 3
    for test in tests:
        test()
