"""Split checkable text into segments: paragraphs, list items, headings and labelled lines.

Segments are linted independently and cached by their text, so an edit re-lints only the
segment it touches. Sentences never cross a segment boundary.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence

MAX_SEGMENT = 20_000  # characters; longer runs are cut at a sentence end or a space

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
# The linter normalises segments after splitting (no-break space to space, Unicode
# hyphens to '-', U+2019 to "'"), so each class here takes both forms and a text splits
# the same either way.
_STARTS_ITEM = re.compile(
    r"""^[ \t\u00a0]*(?:
        [-\u2010\u2011*+•–·▪◦‣][ \t\u00a0]            # bullet
      | \d{1,3}[.)][ \t\u00a0]                        # numbered item
      | [a-zA-Z][.)][ \t\u00a0]                        # lettered item
      | \#{1,6}[ \t\u00a0]                            # Markdown heading
      | \|                                            # table row
      | [A-Z][A-Za-z0-9 \u00a0/&()'\u2019\u2010\u2011-]{0,40}:(?:[ \t\u00a0]|$)   # a labelled line: "Plan: ..."
    )""",
    re.VERBOSE,
)


def segments(text: str, blanks: Sequence[tuple[int, int]] = ()) -> Iterator[tuple[int, str]]:
    """(offset, segment text) for every non-blank segment of `text` with the sorted
    ranges `blanks` blanked (as blank_ranges would, without copying the whole text)."""
    view = _Blanked(text, blanks).slice
    start: int | None = None
    end = 0
    for line_start, line_end, line in _lines(text, view, bool(blanks)):
        if not line.strip():
            if start is not None:
                yield from _bounded(view, start, end)
                start = None
        else:
            if start is not None and _STARTS_ITEM.match(line):
                yield from _bounded(view, start, end)
                start = None
            if start is None:
                start = line_start
            end = line_end
    if start is not None:
        yield from _bounded(view, start, end)


def _lines(text: str, view: Callable[[int, int], str], blanked: bool) -> Iterator[tuple[int, int, str]]:
    """(start, end without its line break, the line as segments() reads it) for each line.
    Text with line feeds only (most text) is split in C, and a line is read without its
    line feed, which neither strip() nor _STARTS_ITEM (its '$' matches before a final line
    feed) tells apart; other line breaks take a regular expression per line."""
    if "\r" not in text:
        line_start = 0
        for piece in text.split("\n"):
            line_end = line_start + len(piece)
            yield line_start, line_end, view(line_start, line_end) if blanked else piece
            line_start = line_end + 1
        return
    for m in _LINE.finditer(text):
        if not m.group():
            break
        line = view(m.start(), m.end()) if blanked else m.group()
        yield m.start(), m.start() + len(line.rstrip("\r\n")), line
        if m.end() >= len(text):
            break


class _Blanked:
    """Slices of a text as if some ranges were blanked."""

    def __init__(self, text: str, ranges: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.ranges = ranges
        self.starts = [a for a, _ in ranges]
        self.reach: list[int] = []  # furthest end of the ranges up to each
        furthest = 0
        for _, b in ranges:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def slice(self, a: int, b: int) -> str:
        hi = bisect.bisect_left(self.starts, b)
        lo = bisect.bisect_left(self.reach, a + 1, 0, hi)  # the first range ending after a
        if lo >= hi:
            return self.text[a:b]
        inside = [(max(s, a) - a, min(e, b) - a) for s, e in self.ranges[lo:hi] if e > a]
        return blank_ranges(self.text[a:b], inside)


_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


def blank_ranges(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """`text` with each range blanked to spaces, line breaks kept (so lines and columns
    stay put), built from slices: a list of characters costs 8 bytes each."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(ranges):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        parts.append(text[pos:start])
        parts.append(_NOT_LINE_BREAK.sub(" ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _bounded(view: Callable[[int, int], str], start: int, end: int) -> Iterator[tuple[int, str]]:
    while end - start > MAX_SEGMENT:
        window = view(start, start + MAX_SEGMENT)
        cut = _last_cut(window)
        yield start, _one_line(window[:cut])
        start += cut
    last = view(start, end)
    if last.strip():
        yield start, _one_line(last)


def _one_line(segment: str) -> str:
    """A hard-wrapped line is one line to the matcher ('Alcoholics\nAnonymous' is a
    name); each break becomes spaces of the same length, so offsets stay exact."""
    return segment.replace("\r", " ").replace("\n", " ")


def _last_cut(window: str) -> int:
    """Where to cut a long run: after the last sentence end, else the last space."""
    best = 0
    for m in re.finditer(r"[.!?;][\"'\u2019)\]]*\s+", window):
        best = m.end()
    if best > len(window) // 2:
        return best
    space = max(window.rfind(" "), window.rfind("\u00a0"), window.rfind("\n"))
    return space + 1 if space > len(window) // 2 else len(window)
