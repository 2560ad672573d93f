"""What a reader makes of a file: the Document (text, checkable text, blocks, quotes,
suppressions) and the kinds of file tilint reads. Readers import from here, never from
the package, so the package can import readers without a cycle."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from tilint.segment import blank_ranges
from tilint.suppress import Suppression, find_directives, suppressions

KINDS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rst": "rst",
    ".docx": "docx",
    ".pptx": "pptx",
    ".odt": "odt",
    ".fodt": "odt",
    ".odp": "odp",
    ".fodp": "odp",
    ".pdf": "pdf",
}
TEXT_KINDS = frozenset({"text", "markdown", "html", "rst"})
OFFICE_KINDS = frozenset({"docx", "pptx", "odt", "odp", "pdf"})  # read into blocks
FIXABLE_KINDS = frozenset({"text", "markdown"})


@dataclass(frozen=True, slots=True)
class Block:
    """Where one block of a Word, PowerPoint, OpenDocument or PDF document's text came from.

    `start`/`end` are offsets into `Document.text`. Numbers are 1-based. `paragraph`
    counts every paragraph of its part, empty ones included: Word's body (tables and
    text boxes included, in reading order), one header, footer, note or comment; in
    PowerPoint, one shape or table cell. A PDF block is one printed line: `page` and
    `line` (counted on its page, running headers and footers included).
    """

    start: int
    end: int
    part: str  # body, header, footer, footnote, endnote, comment, slide, notes, page
    paragraph: int
    slide: int | None = None
    shape: str | None = None
    number: int | None = None  # which header, footer, footnote or endnote
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    line: int | None = None

    def describe(self) -> str:
        """'slide 3, shape "Title 1", paragraph 1' and the like, for people."""
        if self.page is not None:
            where = f"page {self.page}" + (f", line {self.line}" if self.line is not None else "")
            if self.part == "page":
                return where
            return f"{where} ({self.part}{f' {self.number}' if self.number is not None else ''})"
        parts: list[str] = []
        if self.slide is not None:
            extra = {"notes": " notes", "comment": f" comment {self.number}"}.get(self.part, "")
            parts.append(f"slide {self.slide}{extra}")
        elif self.part != "body":
            parts.append(f"{self.part} {self.number}" if self.number is not None else self.part)
        if self.shape:
            parts.append(f'shape "{self.shape}"')
        if self.row is not None:
            table = f"table {self.table}, " if self.table is not None else ""
            parts.append(f"{table}row {self.row}, cell {self.cell}")
        parts.append(f"paragraph {self.paragraph}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"part": self.part}
        for name in ("slide", "shape", "number", "table", "row", "cell", "page", "line"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.page is None:
            out["paragraph"] = self.paragraph
        return out


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    checkable: str
    quoted: tuple[tuple[int, int], ...]  # ranges the format itself marks as quotation
    suppressions: tuple[Suppression, ...]
    kind: str = "text"
    blocks: tuple[Block, ...] = ()  # Word, PowerPoint, OpenDocument and PDF only
    block_starts: tuple[int, ...] = ()  # each block's start, for bisecting
    # Ranges of `checkable` that are still to be blanked (plain text: URLs, tilint
    # comments). The linter blanks them segment by segment, so a large plain text is
    # not copied whole; checked_text() gives the whole result.
    blanks: tuple[tuple[int, int], ...] = ()
    note: str | None = None  # said once about the file (a PDF with no text layer)

    def checked_text(self) -> str:
        return blank_ranges(self.checkable, self.blanks) if self.blanks else self.checkable

    def block_at(self, offset: int) -> tuple[int, Block] | None:
        """(0-based index, block) holding `offset`, for Word and PowerPoint documents."""
        if not self.blocks:
            return None
        starts = self.block_starts if len(self.block_starts) == len(self.blocks) else [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        return (i, self.blocks[i]) if i >= 0 else None

    def display_text(self) -> str:
        """Text whose line N is what a finding's line N points at: the document itself for
        text formats, one block per line for Word and PowerPoint."""
        if not self.blocks:
            return self.text
        return "\n".join(self.text[b.start : b.end] for b in self.blocks)


def kind_for(path: str | PurePath) -> str | None:
    return KINDS.get(PurePath(path).suffix.lower())


_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+")


def url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of _URL.finditer(text), found faster: a match starts 3-5 characters
    before a '://' or at a 'www.', so only those places are tried (the regex tried every
    position: 4 ms on 200 KB of prose with one URL)."""
    starts: set[int] = set()
    for mark, backs in (("://", (3, 4, 5)), ("www.", (0,))):
        i = text.find(mark)
        while i >= 0:
            starts.update(i - b for b in backs if i >= b)
            i = text.find(mark, i + 1)
    spans: list[tuple[int, int]] = []
    pos = 0
    for start in sorted(starts):
        if start >= pos and (m := _URL.match(text, start)) is not None:
            spans.append(m.span())
            pos = m.end()
    return spans


def prepare_text(text: str) -> Document:
    directives = find_directives(text, bare_lines=True)
    ranges = [(d.start, d.end) for d in directives]
    if "://" in text or "www." in text:
        ranges.extend(url_spans(text))
    return Document(text, text, (), tuple(suppressions(text, directives)), blanks=tuple(sorted(ranges)))


def blank(chars: list[str], start: int, end: int) -> None:
    """Blank a range to spaces, keeping line breaks so lines and columns stay put."""
    for i in range(start, min(end, len(chars))):
        if chars[i] not in "\r\n":
            chars[i] = " "


