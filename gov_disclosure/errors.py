"""The library's exceptions: one root, each also the matching builtin."""

from __future__ import annotations


class GovDisclosureError(Exception):
    """Root of every error this library raises on purpose."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"

    def with_path(self, path: str) -> GovDisclosureError:
        """The same error naming `path`, for callers that learn the file name late."""
        if self.path:
            return self
        err = type(self).__new__(type(self))
        GovDisclosureError.__init__(err, self.message, path=path, line=self.line)
        return err


class DecodeError(GovDisclosureError, UnicodeError):
    """The bytes could not be decoded as text in any supported encoding."""


class InputFormatError(GovDisclosureError, ValueError):
    """The input is not a report in a form this library reads (or is damaged/hostile)."""


class MissingExtraError(GovDisclosureError, ImportError):
    """An optional dependency needed for this input is not installed."""
