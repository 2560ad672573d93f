"""What a lint run reports: findings, their suggestions and severities."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from tilint.errors import TilintError


class Severity(str, Enum):
    """How much a finding matters; ordered from most to least serious."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    HINT = "hint"

    @property
    def rank(self) -> int:
        """Higher is more serious, so `a.rank >= b.rank` reads as 'a at or above b'."""
        return _RANKS[self]


_RANKS = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1, Severity.HINT: 0}


class SuggestionKind(str, Enum):
    REPLACE = "replace"  # text that can stand where the phrase stands
    REPHRASE = "rephrase"  # advice on how to rewrite; never inserted into the text


@dataclass(frozen=True, slots=True)
class Suggestion:
    text: str
    safe: bool
    kind: SuggestionKind = SuggestionKind.REPLACE

    @property
    def is_replacement(self) -> bool:
        return self.kind is SuggestionKind.REPLACE

    def to_dict(self) -> dict[str, str | bool]:
        """The suggestion as every output writes it (docs/json-format.md): `safe` only
        ever true with kind `replace`."""
        return {"text": self.text, "kind": self.kind.value, "safe": self.safe and self.is_replacement}

    def label(self) -> str:
        """One line for plain-text outputs: 'replace: declined (safe fix)', 'rephrase: ...'."""
        tail = " (safe fix)" if self.safe and self.is_replacement else ""
        return f"{self.kind.value}: {self.text}{tail}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged phrase. Offsets are code points into the linted text, end exclusive;
    line and column are 1-based, columns counted in code points."""

    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    text: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    suggestions: tuple[Suggestion, ...] = field(default=())

    @property
    def safe_fix(self) -> Suggestion | None:
        """The suggestion `--fix` may apply, if any."""
        for suggestion in self.suggestions:
            if suggestion.safe and suggestion.is_replacement:
                return suggestion
        return None


@dataclass(frozen=True, slots=True)
class FileResult:
    """One checked file: its findings, or the error that kept it from being checked."""

    path: str
    findings: tuple[Finding, ...] = ()
    error: TilintError | None = None
