"""Errors a user can act on. Each has a searchable code and names where it happened."""

from __future__ import annotations


class TilintError(Exception):
    """A problem with input the user controls: a lexicon, a config file, a document.

    `str(error)` is one line: `CODE where: what (how to fix)`.
    """

    code = "TL000"

    def __init__(self, where: str, problem: str, hint: str | None = None) -> None:
        self.where = where
        self.problem = problem
        self.hint = hint
        super().__init__(self.one_line())

    def __reduce__(self) -> tuple[type[TilintError], tuple[str, str, str | None]]:
        # Exception pickles its args (here the one line), not these: results of worker
        # processes carry errors, so they must come back whole.
        return (type(self), (self.where, self.problem, self.hint))

    def one_line(self) -> str:
        text = f"{self.code} {self.where}: {self.problem}"
        if self.hint:
            text += f" ({self.hint})"
        return " ".join(text.split())


class LexiconError(TilintError):
    code = "TL001"


class ConfigError(TilintError):
    code = "TL002"


class InputError(TilintError):
    code = "TL003"


class UsageError(TilintError):
    code = "TL004"


def read_error(exc: OSError, display: str) -> InputError:
    """The one-line error for a file that cannot be read."""
    if isinstance(exc, IsADirectoryError):
        return InputError(display, "is a directory")
    if isinstance(exc, FileNotFoundError):
        return InputError(display, "no such file")
    if isinstance(exc, PermissionError):
        return InputError(display, "permission denied")
    return InputError(display, f"cannot read: {exc.strerror or exc}")
