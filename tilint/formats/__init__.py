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

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tilint.formats.document import (
    _URL,
    FIXABLE_KINDS,
    KINDS,
    OFFICE_KINDS,
    TEXT_KINDS,
    Block,
    Document,
    blank,
    kind_for,
    prepare_text,
)
from tilint.formats.files import decode, read_text_file
from tilint.segment import blank_ranges

if TYPE_CHECKING:
    from tilint.findings import Finding

__all__ = [
    "FIXABLE_KINDS", "KINDS", "OFFICE_KINDS", "TEXT_KINDS", "_URL", "Block", "Document", "blank", "blank_ranges",
    "document_from_bytes", "kind_for", "localize", "prepare", "prepare_text", "read_document",
]

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
    return prepare(read_text_file(path, display), kind)


def document_from_bytes(raw: bytes, display: str, kind: str) -> Document:
    """Prepare a document already in memory (standard input)."""
    if kind in OFFICE_KINDS:
        return _reader(kind)[1](raw, display, kind)
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
