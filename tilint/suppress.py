"""Suppression written in the document itself.

    <!-- tilint-disable TI101, manipulative -- reason -->   ... <!-- tilint-enable -->
    <!-- tilint-disable-next-line TI401 -- quoting the referral letter -->
    some text <!-- tilint-disable-line TI401 -->

In plain text the same directives may stand alone on a line, optionally after a comment
leader (#, //, %, ;). A directive with no rules applies to every rule.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tilint.positions import compact_line_starts, line_of

_COMMENT_OPEN = re.compile(r"<!--[ \t]*tilint-(disable-next-line|disable-line|disable|enable)\b")
_BARE_LINE = re.compile(
    r"^[ \t]*(?:#|//|%|;)?[ \t]*tilint-(disable-next-line|disable-line|disable|enable)\b([^\r\n]*)$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Suppression:
    start: int  # character range of text it covers
    end: int
    selectors: frozenset[str]  # empty: every rule
    line: int  # 1-based line of the directive


@dataclass(frozen=True, slots=True)
class Directive:
    kind: str
    selectors: frozenset[str]
    start: int  # where the directive text is
    end: int
    args_end: int  # just after its last selector (where another one would be added)


def html_comments(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Ranges of `<!-- ... -->` comments, in linear time: a regex with `.*?` rescans to the
    end of the text from every unclosed opening (quadratic on hostile input)."""
    spans: list[tuple[int, int]] = []
    pos = start
    while (i := text.find("<!--", pos)) >= 0:
        j = text.find("-->", i + 4)
        if j < 0:
            break  # nothing closes after here, so no later opening can close either
        spans.append((i, j + 3))
        pos = j + 3
    return spans


def find_directives(text: str, *, bare_lines: bool) -> list[Directive]:
    if "tilint-" not in text:  # every directive holds it: most texts have none
        return []
    found: list[Directive] = []
    pos = 0
    while (m := _COMMENT_OPEN.search(text, pos)) is not None:
        close = text.find("-->", m.end())
        if close < 0:
            break
        found.append(_directive(m.group(1), text[m.end() : close], m.end(), m.start(), close + 3))
        pos = close + 3
    if bare_lines:
        taken_starts = [d.start for d in found]
        taken_ends = [d.end for d in found]
        for m in _BARE_LINE.finditer(text):
            k = bisect.bisect_right(taken_starts, m.start()) - 1
            if k < 0 or m.start() >= taken_ends[k]:
                found.append(_directive(m.group(1), m.group(2), m.start(2), m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def _directive(kind: str, body: str, body_start: int, start: int, end: int) -> Directive:
    args = body.split("--", 1)[0]
    selectors = frozenset(s.lower() for s in re.split(r"[\s,]+", args) if s.strip())
    return Directive(kind, selectors, start, end, body_start + len(args.rstrip()))


def suppressions(text: str, directives: Iterable[Directive]) -> list[Suppression]:
    """Turn directives into the character ranges they silence."""
    directives = list(directives)
    if not directives:
        return []
    starts = compact_line_starts(text)
    out: list[Suppression] = []
    open_blocks: list[tuple[int, frozenset[str], int]] = []
    for d in directives:
        line = line_of(starts, d.start)
        if d.kind == "disable":
            open_blocks.append((d.end, d.selectors, line))
        elif d.kind == "enable":
            still_open = []
            for start, selectors, at in open_blocks:
                if not d.selectors or selectors == d.selectors or (selectors and selectors <= d.selectors):
                    out.append(Suppression(start, d.start, selectors, at))
                elif selectors and d.selectors & selectors:
                    out.append(Suppression(start, d.start, selectors & d.selectors, at))
                    still_open.append((d.start, selectors - d.selectors, at))
                else:
                    still_open.append((start, selectors, at))
            open_blocks = still_open
        elif d.kind == "disable-line":
            a, b = _line_range(text, starts, line - 1)
            out.append(Suppression(a, b, d.selectors, line))
        else:  # disable-next-line: the first line after the directive's own end
            next_line = line_of(starts, d.end) + 1
            if next_line <= len(starts):
                a, b = _line_range(text, starts, next_line - 1)
                out.append(Suppression(a, b, d.selectors, line))
    out.extend(Suppression(start, len(text), sel, at) for start, sel, at in open_blocks)
    return out


def _line_range(text: str, starts: Sequence[int], index: int) -> tuple[int, int]:
    a = starts[index]
    b = starts[index + 1] if index + 1 < len(starts) else len(text)
    return a, b
