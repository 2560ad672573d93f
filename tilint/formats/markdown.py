"""Markdown: code, front matter, HTML, URLs and link targets are never checked.

markdown-it-py finds the block structure (fenced and indented code, HTML blocks,
blockquotes) the CommonMark way; inline code spans and link targets are blanked by
scanning the remaining lines.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from markdown_it import MarkdownIt

from tilint.formats.document import _URL, Document, blank
from tilint.positions import line_starts
from tilint.suppress import find_directives, html_comments, suppressions

# Only the block structure is used: inline parsing (half the time of a lint) is skipped.
_PARSER = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>")
_LINK_TARGET = re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", re.MULTILINE)
_QUOTE_MARKER = re.compile(r"^([ ]{0,3}>[ ]?)+", re.MULTILINE)


_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})(.*)$")
_RAW_OPEN = re.compile(r"<(script|pre|style|textarea)\b", re.IGNORECASE)
_RAW_CLOSE = re.compile(r"</(script|pre|style|textarea)\s*>", re.IGNORECASE)
# A lone CR must not be followed by LF, or CRLF would read as two line breaks.
_BLANK_THEN_LINE = re.compile(r"(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))(?=[^ \t\r\n])")


def prepare_markdown(text: str) -> Document:
    """Blank what is never checked. The document is prepared in chunks that end at blank
    lines outside fences, comments and raw HTML blocks, and each chunk's result is cached:
    an edit in a long document re-parses only the chunk it touches."""
    front = _FRONT_MATTER.match(text)
    body_start = front.end() if front else 0
    parts: list[str] = [_blanked(text[:body_start])] if front else []
    quoted: list[tuple[int, int]] = []
    for a, b in _chunks(text, body_start):
        checkable, chunk_quoted = _prepare_chunk(text[a:b])
        parts.append(checkable)
        quoted.extend((a + x, a + y) for x, y in chunk_quoted)
    directives = [d for d in find_directives(text, bare_lines=False) if d.start >= body_start]
    return Document(text, "".join(parts), tuple(quoted), tuple(suppressions(text, directives)), kind="markdown")


def _blanked(part: str) -> str:
    chars = list(part)
    blank(chars, 0, len(chars))
    return "".join(chars)


def _chunks(text: str, start: int) -> list[tuple[int, int]]:
    """Ranges covering text[start:], split where a blank line is followed by an
    unindented line that no fence, HTML comment or raw block spans."""
    protected = _protected(text, start)
    cuts = [start]
    for m in _BLANK_THEN_LINE.finditer(text, start):
        cut = m.end()
        if not any(a < cut < b for a, b in protected):
            cuts.append(cut)
    cuts.append(len(text))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _protected(text: str, start: int) -> list[tuple[int, int]]:
    spans = html_comments(text, start)
    spans += _raw_blocks(text, start)
    fence: tuple[str, int, int] | None = None  # marker char, length, where it opened
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\n|\r|$)", text[start:]):
        line = m.group().rstrip("\r\n")
        f = _FENCE.match(line)
        if fence is None:
            if f and not (f.group(1)[0] == "`" and "`" in f.group(2)):
                fence = (f.group(1)[0], len(f.group(1)), start + m.start())
        elif f and f.group(1)[0] == fence[0] and len(f.group(1)) >= fence[1] and not f.group(2).strip():
            spans.append((fence[2], start + m.end()))
            fence = None
        if m.end() >= len(text) - start:
            break
    if fence is not None:
        spans.append((fence[2], len(text)))
    return spans


def _raw_blocks(text: str, start: int) -> list[tuple[int, int]]:
    """<script>, <pre>, <style>, <textarea> up to their closing tag, in O(n log n): each
    opening looks up the next closing of its name instead of rescanning the text."""
    closings: dict[str, tuple[list[int], list[int]]] = {}
    for close in _RAW_CLOSE.finditer(text, start):
        starts, ends = closings.setdefault(close.group(1).lower(), ([], []))
        starts.append(close.start())
        ends.append(close.end())
    spans: list[tuple[int, int]] = []
    pos = start
    while (m := _RAW_OPEN.search(text, pos)) is not None:
        starts, ends = closings.get(m.group(1).lower(), ([], []))
        k = bisect.bisect_left(starts, m.end())
        if k == len(starts):
            pos = m.end()
            continue
        spans.append((m.start(), ends[k]))
        pos = ends[k]
    return spans


@lru_cache(maxsize=8192)
def _prepare_chunk(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """(checkable text, quoted ranges) for a chunk with no front matter."""
    chars = list(text)
    starts = line_starts(text)
    quoted: list[tuple[int, int]] = []
    for tok in _PARSER.parse(text):
        if tok.map is None:
            continue
        a = _offset(starts, tok.map[0], len(text))
        b = _offset(starts, tok.map[1], len(text))
        if tok.type in ("fence", "code_block"):
            blank(chars, a, b)
        elif tok.type == "blockquote_open":
            quoted.append((a, b))
    for a, b in html_comments(text):
        blank(chars, a, b)
    for pattern in (_CODE_SPAN, _AUTOLINK, _HTML_TAG, _LINK_TARGET, _REF_DEF, _URL):
        current = "".join(chars)
        for m in pattern.finditer(current):
            if pattern is _LINK_TARGET:
                blank(chars, m.start() + 1, m.end())  # keep the ']' ending the link text
            else:
                blank(chars, m.start(), m.end())
    current = "".join(chars)
    for m in _QUOTE_MARKER.finditer(current):
        blank(chars, m.start(), m.end())
    return "".join(chars), tuple(quoted)


def _offset(starts: list[int], line_index: int, length: int) -> int:
    return starts[line_index] if line_index < len(starts) else length
