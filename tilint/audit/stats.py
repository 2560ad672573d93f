"""Counts, rates and their confidence intervals for an audit.

Rates are proportions, so their intervals are Wilson score intervals (they stay inside
0..1 and behave for rare events, unlike the normal approximation); differences between
two audits use Newcombe's hybrid score interval, built from the two Wilson intervals.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Z95 = 1.959963984540054
ALL = "all"  # the `by` of the whole audit, and the `key` of every finding


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for successes/trials; (0, 0) with no trials."""
    if trials <= 0:
        return (0.0, 0.0)
    p = successes / trials
    z2 = z * z
    centre = (p + z2 / (2 * trials)) / (1 + z2 / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / (1 + z2 / trials)
    return (max(0.0, centre - half), min(1.0, centre + half))


def newcombe(x1: int, n1: int, x2: int, n2: int, z: float = Z95) -> tuple[float, float, float]:
    """p2 - p1 and its 95% interval (Newcombe 1998, method 10)."""
    if n1 <= 0 or n2 <= 0:
        return (0.0, 0.0, 0.0)
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson(x1, n1, z)
    l2, u2 = wilson(x2, n2, z)
    d = p2 - p1
    low = d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    high = d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    return (d, low, high)


@dataclass
class NoteCounts:
    """What one note adds to the totals. Picklable: it comes back from worker processes."""

    note_id: str
    groups: tuple[str, ...]  # one value per --by column, in order
    words: int
    by_rule: dict[str, int]


@dataclass
class Accumulator:
    """Totals per (by, group) and finding counts per (by, group, level, key).

    `level` is "all", "category" or "rule". JSON-serialisable, so an interrupted audit
    resumes from its checkpoint."""

    by: tuple[str, ...]
    categories: dict[str, str]  # rule code -> category
    top_notes: int = 20
    notes: Counter[str] = field(default_factory=Counter)  # "by\x1fgroup" -> notes
    words: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)  # "by\x1fgroup\x1flevel\x1fkey"
    notes_hit: Counter[str] = field(default_factory=Counter)
    phrases: Counter[str] = field(default_factory=Counter)  # "rule\x1fphrase" -> findings
    worst: list[tuple[int, int, str]] = field(default_factory=list)  # heap of (findings, words, id)

    def add(self, note: NoteCounts) -> None:
        pairs = [(ALL, ALL), *zip(self.by, note.groups, strict=True)]
        by_category: Counter[str] = Counter()
        for rule, n in note.by_rule.items():
            by_category[self.categories.get(rule, "other")] += n
        total = sum(note.by_rule.values())
        for by, group in pairs:
            head = f"{by}\x1f{group}"
            self.notes[head] += 1
            self.words[head] += note.words
            for level, counts in (("all", {ALL: total}), ("category", by_category), ("rule", note.by_rule)):
                for key, n in counts.items():
                    if n:
                        cell = f"{head}\x1f{level}\x1f{key}"
                        self.findings[cell] += n
                        self.notes_hit[cell] += 1
        if total:
            item = (total, note.words, note.note_id)
            if len(self.worst) < self.top_notes:
                heapq.heappush(self.worst, item)
            elif item > self.worst[0]:
                heapq.heapreplace(self.worst, item)

    def add_phrases(self, phrases: Iterable[tuple[str, str]]) -> None:
        self.phrases.update(f"{rule}\x1f{phrase.lower()}" for rule, phrase in phrases)

    def to_json(self) -> dict[str, Any]:
        return {
            "by": list(self.by),
            "categories": self.categories,
            "top_notes": self.top_notes,
            "notes": dict(self.notes),
            "words": dict(self.words),
            "findings": dict(self.findings),
            "notes_hit": dict(self.notes_hit),
            "phrases": dict(self.phrases),
            "worst": [list(w) for w in self.worst],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Accumulator:
        acc = cls(tuple(data["by"]), dict(data["categories"]), int(data["top_notes"]))
        for name in ("notes", "words", "findings", "notes_hit", "phrases"):
            getattr(acc, name).update(data[name])
        acc.worst = [(int(a), int(b), str(c)) for a, b, c in data["worst"]]
        heapq.heapify(acc.worst)
        return acc

    def summary_rows(self) -> list[dict[str, Any]]:
        """One row per (by, group, level, key): counts, and rates with 95% intervals."""
        rows: list[dict[str, Any]] = []
        keys_by_head: dict[str, list[tuple[str, str]]] = {}
        for cell in self.findings:
            by, group, level, key = cell.split("\x1f")
            keys_by_head.setdefault(f"{by}\x1f{group}", []).append((level, key))
        levels = {"all": 0, "category": 1, "rule": 2}
        for head in sorted(self.notes, key=lambda h: (h.split("\x1f")[0] != ALL, h)):
            by, group = head.split("\x1f")
            cells = {*keys_by_head.get(head, ()), ("all", ALL)}  # a group with no finding still has its row
            for level, key in sorted(cells, key=lambda c: (levels[c[0]], c[1])):
                rows.append(self._row(by, group, level, key))
        return rows

    def _row(self, by: str, group: str, level: str, key: str) -> dict[str, Any]:
        head = f"{by}\x1f{group}"
        notes, words = self.notes[head], self.words[head]
        cell = f"{head}\x1f{level}\x1f{key}"
        found, hit = self.findings[cell], self.notes_hit[cell]
        notes_low, notes_high = wilson(hit, notes)
        words_low, words_high = wilson(found, words) if found <= words else (0.0, 1.0)
        return {
            "by": by,
            "group": group,
            "level": level,
            "key": key,
            "category": key if level == "category" else self.categories.get(key, "") if level == "rule" else "",
            "notes": notes,
            "words": words,
            "findings": found,
            "notes_with_findings": hit,
            "per_100_notes": 100 * hit / notes if notes else 0.0,
            "per_100_notes_low": 100 * notes_low,
            "per_100_notes_high": 100 * notes_high,
            "per_1000_words": 1000 * found / words if words else 0.0,
            "per_1000_words_low": 1000 * words_low,
            "per_1000_words_high": 1000 * words_high,
        }

    def top_phrases(self, limit: int = 20) -> list[tuple[str, str, int]]:
        out: list[tuple[str, str, int]] = []
        for cell, n in self.phrases.items():
            rule, phrase = cell.split("\x1f", 1)
            out.append((rule, phrase, n))
        out.sort(key=lambda r: (-r[2], r[0], r[1]))
        return out[:limit]

    def worst_notes(self) -> list[tuple[str, int, int]]:
        return [(i, f, w) for f, w, i in sorted(self.worst, reverse=True)]


def compare_rows(before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Change from one audit's summary rows to another's, for cells in both."""
    index = {(r["by"], r["group"], r["level"], r["key"]): r for r in before}
    out = []
    for r in after:
        b = index.get((r["by"], r["group"], r["level"], r["key"]))
        if b is None:
            continue
        d_notes = newcombe(int(b["notes_with_findings"]), int(b["notes"]), int(r["notes_with_findings"]), int(r["notes"]))
        d_words = newcombe(int(b["findings"]), int(b["words"]), int(r["findings"]), int(r["words"]))
        out.append(
            {
                "by": r["by"],
                "group": r["group"],
                "level": r["level"],
                "key": r["key"],
                "per_100_notes_before": float(b["per_100_notes"]),
                "per_100_notes_after": float(r["per_100_notes"]),
                "per_100_notes_change": 100 * d_notes[0],
                "per_100_notes_change_low": 100 * d_notes[1],
                "per_100_notes_change_high": 100 * d_notes[2],
                "per_1000_words_before": float(b["per_1000_words"]),
                "per_1000_words_after": float(r["per_1000_words"]),
                "per_1000_words_change": 1000 * d_words[0],
                "per_1000_words_change_low": 1000 * d_words[1],
                "per_1000_words_change_high": 1000 * d_words[2],
            }
        )
    return out
