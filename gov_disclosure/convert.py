"""Opt-in conversion of legacy .doc/.wps files through LibreOffice (`soffice`), if installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from gov_disclosure.errors import InputFormatError

TIMEOUT_S = 120


@contextmanager
def convert_legacy(path: str) -> Iterator[str]:
    """Yield the path of a DOCX converted from `path` in a temporary directory."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise InputFormatError("--convert needs LibreOffice (`soffice`) on PATH", path=path)
    with tempfile.TemporaryDirectory(prefix="gov-disclosure-") as tmp:
        try:
            subprocess.run(
                [soffice, "--headless", "--convert-to", "docx", "--outdir", tmp, path],
                check=True,
                capture_output=True,
                timeout=TIMEOUT_S,
            )
        except (subprocess.SubprocessError, OSError) as exc:
            raise InputFormatError(f"soffice could not convert the file: {exc}", path=path) from exc
        out = os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".docx")
        if not os.path.exists(out):
            raise InputFormatError("soffice produced no DOCX", path=path)
        yield out
