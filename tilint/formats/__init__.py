"""Readers: turn a document into checkable text plus what it says about itself.

For text formats (.txt, .md, .html, .rst) the checkable text has the same length as the
original, with what is never checked (code, URLs, comments, markup, front matter) blanked
to spaces, so offsets need no map back: line and column are the file's own.

Word and PowerPoint files are read into one text built from their blocks (paragraphs,
table cells, headers, footers, footnotes, slide shapes, speaker notes) separated by blank
lines; `Document.blocks` maps every character back to where it came from, and
`localize` turns a finding's line and column into "block number, column in the block".
See docs/formats.md.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from tilint.segment import blank_ranges
from tilint.suppress import Suppression, find_directives, suppressions

if TYPE_CHECKING:
    from tilint.findings import Finding

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


def prepare(text: str, kind: str = "text") -> Document:
    """A Document from decoded text (text formats only)."""
    if kind == "markdown":
        from tilint.formats.markdown import prepare_markdown

        return prepare_markdown(text)
    if kind == "html":
        from tilint.formats.html import prepare_html

        return prepare_html(text)
    if kind == "rst":
        from tilint.formats.rst import prepare_rst

        return prepare_rst(text)
    return prepare_text(text)


def read_document(path: Path, display: str, kind: str) -> Document:
    """Read and prepare one file. Raises InputError (one line, names the file)."""
    if kind in OFFICE_KINDS:
        return _reader(kind)[0](path, display, kind)
    from tilint.api import read_text_file

    return prepare(read_text_file(path, display), kind)


def document_from_bytes(raw: bytes, display: str, kind: str) -> Document:
    """Prepare a document already in memory (standard input)."""
    if kind in OFFICE_KINDS:
        return _reader(kind)[1](raw, display, kind)
    from tilint.api import decode

    return prepare(decode(raw, display), kind)


def _reader(kind: str) -> tuple[Callable[[Path, str, str], Document], Callable[[bytes, str, str], Document]]:
    """(read a path, read bytes) for a kind read into blocks, imported when first needed."""
    if kind in ("odt", "odp"):
        from tilint.formats import odf

        return odf.read_odf, odf.odf_from_bytes
    if kind == "pdf":
        from tilint.formats import pdf

        return pdf.read_pdf, pdf.pdf_from_bytes
    from tilint.formats import office

    return office.read_office, office.office_from_bytes


def localize(document: Document, findings: Sequence[Finding]) -> list[Finding]:
    """For Word and PowerPoint: line = block number, column = position in the block.

    Offsets (`start`, `end`) stay offsets into `document.text`, so `text[start:end]` is
    still the flagged text. Text formats are returned unchanged.
    """
    if not document.blocks:
        return list(findings)
    out = []
    for f in findings:
        found = document.block_at(f.start)
        if found is None:
            out.append(f)
            continue
        i, block = found
        end_found = document.block_at(max(f.start, f.end - 1))
        j, end_block = end_found if end_found is not None else (i, block)
        out.append(
            dataclasses.replace(
                f,
                line=i + 1,
                column=f.start - block.start + 1,
                end_line=j + 1,
                end_column=f.end - end_block.start + 1,
            )
        )
    return out


_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+")


def prepare_text(text: str) -> Document:
    directives = find_directives(text, bare_lines=True)
    ranges = [(d.start, d.end) for d in directives]
    if "://" in text or "www." in text:
        ranges.extend((m.start(), m.end()) for m in _URL.finditer(text))
    return Document(text, text, (), tuple(suppressions(text, directives)), blanks=tuple(sorted(ranges)))


def blank(chars: list[str], start: int, end: int) -> None:
    """Blank a range to spaces, keeping line breaks so lines and columns stay put."""
    for i in range(start, min(end, len(chars))):
        if chars[i] not in "\r\n":
            chars[i] = " "


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
