"""What an audited chunk gives back, and the columns of the findings table: shared by
the runner and the writers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tilint.audit.stats import NoteCounts


@dataclass(frozen=True)
class ChunkResult:
    index: int
    findings: dict[str, list[Any]]  # column -> values, one entry per finding
    notes: list[NoteCounts]
    phrases: list[tuple[str, str]]
    words: int


def finding_columns(by: Sequence[str], context: bool) -> list[str]:
    base = ["id", "rule", "name", "category", "severity", "start", "end", "line", "column", "phrase"]
    return base + [f"by_{b}" for b in by] + (["sentence"] if context else [])
