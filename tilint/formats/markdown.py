"""Markdown: code, front matter, HTML, URLs and link targets are never checked.

markdown-it-py finds the block structure (fenced and indented code, HTML blocks,
blockquotes) the CommonMark way; inline code spans and link targets are blanked by
scanning the remaining lines.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from tilint.formats import _URL, Document, blank
from tilint.positions import line_of, line_starts
from tilint.suppress import find_directives, suppressions

# Only the block structure is used: inline parsing (half the time of a lint) is skipped.
_PARSER = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>")
_LINK_TARGET = re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", re.MULTILINE)
_QUOTE_MARKER = re.compile(r"^([ ]{0,3}>[ ]?)+", re.MULTILINE)


def prepare_markdown(text: str) -> Document:
    chars = list(text)
    front = _FRONT_MATTER.match(text)
    body_start = front.end() if front else 0
    if front:
        blank(chars, 0, front.end())

    directives = [d for d in find_directives(text, bare_lines=False) if d.start >= body_start]
    starts = line_starts(text)
    quoted: list[tuple[int, int]] = []
    body = text[body_start:]
    first_line = line_of(starts, body_start) - 1  # map body lines back to the file
    tokens = _PARSER.parse(body)
    for tok in tokens:
        if tok.map is None:
            continue
        a = _offset(starts, first_line + tok.map[0], len(text))
        b = _offset(starts, first_line + tok.map[1], len(text))
        if tok.type in ("fence", "code_block"):
            blank(chars, a, b)
        elif tok.type == "blockquote_open":
            quoted.append((a, b))

    for pattern in (_HTML_COMMENT, _CODE_SPAN, _AUTOLINK, _HTML_TAG, _LINK_TARGET, _REF_DEF, _URL):
        current = "".join(chars)
        for m in pattern.finditer(current, body_start):
            if pattern is _LINK_TARGET:
                blank(chars, m.start() + 1, m.end())  # keep the ']' ending the link text
            else:
                blank(chars, m.start(), m.end())
    current = "".join(chars)
    for m in _QUOTE_MARKER.finditer(current):
        blank(chars, m.start(), m.end())
    return Document(text, "".join(chars), tuple(quoted), tuple(suppressions(text, directives)))


def _offset(starts: list[int], line_index: int, length: int) -> int:
    return starts[line_index] if line_index < len(starts) else length
