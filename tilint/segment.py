"""Split checkable text into segments: paragraphs, list items, headings and labelled lines.

Segments are linted independently and cached by their text, so an edit re-lints only the
segment it touches. Sentences never cross a segment boundary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_SEGMENT = 20_000  # characters; longer runs are cut at a sentence end or a space

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_STARTS_ITEM = re.compile(
    r"""^[ \t]*(?:
        [-*+•–·▪◦‣][ \t]            # bullet
      | \d{1,3}[.)][ \t]             # numbered item
      | [a-zA-Z][.)][ \t]            # lettered item
      | \#{1,6}[ \t]                 # Markdown heading
      | \|                           # table row
      | [A-Z][A-Za-z0-9 /&()'-]{0,40}:(?:[ \t]|$)   # a labelled line: "Plan: ..."
    )""",
    re.VERBOSE,
)


def segments(text: str) -> Iterator[tuple[int, str]]:
    """(offset, segment text) for every non-blank segment."""
    start: int | None = None
    end = 0
    pos = 0
    for m in _LINE.finditer(text):
        line = m.group()
        if not line:
            break
        line_start = m.start()
        if not line.strip():
            if start is not None:
                yield from _bounded(text, start, end)
                start = None
        else:
            if start is not None and _STARTS_ITEM.match(line):
                yield from _bounded(text, start, end)
                start = None
            if start is None:
                start = line_start
            end = line_start + len(line.rstrip("\r\n"))
        pos = m.end()
        if pos >= len(text):
            break
    if start is not None:
        yield from _bounded(text, start, end)




def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    while end - start > MAX_SEGMENT:
        window = text[start : start + MAX_SEGMENT]
        cut = _last_cut(window)
        yield start, _one_line(text[start : start + cut])
        start += cut
    if text[start:end].strip():
        yield start, _one_line(text[start:end])


def _one_line(segment: str) -> str:
    """A hard-wrapped line is one line to the matcher ('Alcoholics\nAnonymous' is a
    name); each break becomes spaces of the same length, so offsets stay exact."""
    return segment.replace("\r", " ").replace("\n", " ")


def _last_cut(window: str) -> int:
    """Where to cut a long run: after the last sentence end, else the last space."""
    best = 0
    for m in re.finditer(r"[.!?;][\"')\]]*\s+", window):
        best = m.end()
    if best > len(window) // 2:
        return best
    space = max(window.rfind(" "), window.rfind("\n"))
    return space + 1 if space > len(window) // 2 else len(window)
