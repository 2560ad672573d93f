"""Where a finding stands, for reports: the sentence around it and a location label
(line and column, or the block of an Office, OpenDocument or PDF file)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tilint.findings import Finding
    from tilint.formats.document import Document

_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
MAX_SENTENCE = 320


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: never past a blank line, at most about
    MAX_SENTENCE characters (cut at spaces)."""
    para_start = 0
    for m in _PARAGRAPH_BREAK.finditer(text, max(0, start - 4000), start):
        para_start = m.end()
    nxt = _PARAGRAPH_BREAK.search(text, end, end + 4000)
    para_end = nxt.start() if nxt else min(len(text), end + 4000)
    a = para_start
    for m in _SENTENCE_END.finditer(text, para_start, start):
        a = m.end()
    m_end = _SENTENCE_END.search(text, end, para_end)
    b = m_end.start() + len(m_end.group().rstrip()) if m_end else para_end
    if b - a > MAX_SENTENCE:
        room = max(0, (MAX_SENTENCE - (end - start)) // 2)
        if start - a > room:
            cut = text.find(" ", start - room, start)
            a = cut + 1 if cut >= 0 else start - room
        if b - end > room:
            cut = text.rfind(" ", end, end + room)
            b = cut if cut >= 0 else end + room
    while a < start and text[a].isspace():
        a += 1
    while b > end and text[b - 1].isspace():
        b -= 1
    return a, b


def sentence_of(document: Document, finding: Finding) -> tuple[str, str, str]:
    """(before, flagged, after) of the sentence holding a finding, on one line."""
    text = document.text
    a, b = sentence_bounds(text, finding.start, finding.end)

    def flat(s: str) -> str:
        return _SPACE.sub(" ", s)

    before = flat(text[a : finding.start])
    after = flat(text[finding.end : b])
    return (
        ("… " if a > 0 and not _starts_sentence(text, a) else "") + before,
        flat(text[finding.start : finding.end]),
        after + (" …" if b < len(text) and not _ends_sentence(text, b) else ""),
    )


_SPACE = re.compile(r"\s+")


def _starts_sentence(text: str, a: int) -> bool:
    before = text[max(0, a - 3) : a]
    return not before.strip() or bool(re.search(r"[.!?…][\"'”’)\]]*\s*$", before)) or "\n" in before


def _ends_sentence(text: str, b: int) -> bool:
    return text[b - 1 : b] in ".!?…\"'”’)]" or not text[b : b + 2].strip() or text[b : b + 1] in "\r\n"


def location_label(document: Document | None, finding: Finding) -> str:
    """'line 4, column 10' for text formats; the block's description for Office files."""
    if document is not None and document.blocks:
        found = document.block_at(finding.start)
        if found is not None:
            return found[1].describe()
    return f"line {finding.line}, column {finding.column}"
