"""OpenDocument text (.odt, flat .fodt) and presentations (.odp, flat .fodp).

Same contract and limits as Word and PowerPoint (tilint.formats.container): only
content.xml and styles.xml are read, each with a cap; XML with a DOCTYPE is refused;
encrypted documents are named as such.

Text: body paragraphs and headings (lists, sections, tables and text boxes included, in
reading order), then each page style's header and footer, then footnotes and endnotes,
then comments (annotations). Deleted text (tracked changes) and generated indexes (table
of contents) are left out. A tilint directive in a comment silences the range the comment
is anchored to (the paragraph, for a comment on a point).

Presentations: each slide's shapes in order (groups, tables and custom shapes included),
then its speaker notes, then its comments; a directive in the notes or a slide's comment
covers the slide.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from xml.etree import ElementTree as ET

from tilint.errors import InputError, read_error
from tilint.formats import container
from tilint.formats.container import Archive, Raw, assemble, parse_xml
from tilint.formats.document import Document

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_PRES = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_OOO = "{http://openoffice.org/2009/office}"  # LibreOffice Impress writes its comments here

_NAMES = {"odt": ("OpenDocument text", "text"), "odp": ("OpenDocument presentation", "presentation")}
_ANNOTATIONS = (f"{_OFFICE}annotation", f"{_OOO}annotation")

# Never checked: deleted text, declarations, forms, and indexes generated from headings.
_SKIP = frozenset(
    [f"{_TEXT}{t}" for t in (
        "tracked-changes", "sequence-decls", "variable-decls", "user-field-decls", "dde-connection-decls",
        "table-of-content", "alphabetical-index", "illustration-index", "table-index", "object-index",
        "user-index", "bibliography", "soft-page-break", "note-citation",
    )]
    + [f"{_OFFICE}forms", f"{_TABLE}table-columns", f"{_TABLE}table-column", f"{_TABLE}table-column-group"]
    + [f"{_TEXT}ruby-text", f"{_DRAW}image", f"{_OFFICE}event-listeners", "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}title",
       "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}desc"]
)


def read_odf(path: Path, display: str, kind: str) -> Document:
    try:
        size = path.stat().st_size
        if size > container.MAX_FILE_BYTES:
            raise InputError(display, f"file is larger than {container.MAX_FILE_BYTES // 1_000_000} MB", "split it, or exclude it")
        with path.open("rb") as fh:
            return _read(fh, display, kind, flat=path.suffix.lower().startswith(".f"))
    except OSError as exc:
        raise read_error(exc, display) from None


def odf_from_bytes(raw: bytes, display: str, kind: str) -> Document:
    if len(raw) > container.MAX_FILE_BYTES:
        raise InputError(display, f"input is larger than {container.MAX_FILE_BYTES // 1_000_000} MB")
    return _read(io.BytesIO(raw), display, kind, flat=display.lower().endswith((".fodt", ".fodp")))


def _read(fh: IO[bytes], display: str, kind: str, flat: bool) -> Document:
    app, body_tag = _NAMES[kind]
    head = fh.read(8)
    fh.seek(0)
    try:
        if head.startswith(b"PK"):
            content, styles = _from_package(Archive(fh, display), display, app, kind)
        elif flat or head.lstrip().startswith(b"<"):
            data = fh.read(container.MAX_PART_BYTES + 1)
            if len(data) > container.MAX_PART_BYTES:
                raise InputError(display, "expands to too much XML", "split it")
            content = styles = parse_xml(data, display, "the document")
        elif head.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError(display, "is an old binary office file", f"save it as .{kind} to check it")
        else:
            raise InputError(display, f"is not an {app} file: not a zip archive", "is it another format renamed?")
        body = content.find(f"{_OFFICE}body/{_OFFICE}{body_tag}")
        if body is None:
            raise InputError(display, f"is not an {app} document (no {body_tag} body)", f"is it another kind of document renamed .{kind}?")
        raws = list(_text_blocks(body, styles) if kind == "odt" else _presentation_blocks(body))
    except container.ZIP_ERRORS as exc:
        raise container.corrupt(display, app, exc) from None
    return assemble(raws, kind, display)


def _from_package(pkg: Archive, display: str, app: str, kind: str) -> tuple[ET.Element, ET.Element | None]:
    if pkg.has("META-INF/manifest.xml") and b"encryption-data" in pkg.read("META-INF/manifest.xml"):
        raise InputError(display, "is password-protected (encrypted)", "save a copy without a password to check it")
    if pkg.has("mimetype"):
        mime = pkg.read("mimetype")[:200].decode("ascii", "replace").strip()
        expected = f"application/vnd.oasis.opendocument.{_NAMES[kind][1]}"
        if not mime.startswith(expected):
            raise InputError(display, f"is not an {app} file (its type is {mime or 'empty'})", "is it another format renamed?")
    if not pkg.has("content.xml"):
        raise InputError(display, f"is a zip archive but not an {app} document", "it has no content.xml")
    content = pkg.xml("content.xml")
    styles = pkg.xml("styles.xml") if pkg.has("styles.xml") else None
    return content, styles


# ---------------------------------------------------------------- text documents


class _Notes:
    """What one document collects while its body is read: notes and comments, read after."""

    def __init__(self) -> None:
        self.notes: list[tuple[str, ET.Element]] = []
        self.comments: list[tuple[str, ET.Element]] = []
        self.names = 0

    def comment_key(self, annotation: ET.Element) -> str:
        self.names += 1
        return annotation.get(f"{_OFFICE}name") or f"#{self.names}"


class _Part:
    def __init__(self, part: str, number: int | None, found: _Notes) -> None:
        self.part = part
        self.number = number
        self.found = found
        self.paragraphs = 0
        self.tables = 0

    def walk(self, element: ET.Element, cell: tuple[int, int, int] | None = None) -> Iterator[Raw]:
        for child in element:
            tag = child.tag
            if tag in (f"{_TEXT}p", f"{_TEXT}h"):
                yield from self._paragraph(child, cell)
            elif tag == f"{_TABLE}table":
                self.tables += 1
                table = self.tables
                for r, row in enumerate(_table_rows(child), 1):
                    column = 0
                    for tc in row:
                        if tc.tag not in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                            continue
                        column += 1
                        yield from self.walk(tc, (table, r, column))
                        repeat = tc.get(f"{_TABLE}number-columns-repeated", "1")
                        column += min(int(repeat), 16_384) - 1 if repeat.isdigit() and int(repeat) > 1 else 0
            elif tag in _SKIP or tag in _ANNOTATIONS:
                continue
            else:  # lists, sections, frames and text boxes anchored to the page: look inside
                yield from self.walk(child, cell)

    def _paragraph(self, p: ET.Element, cell: tuple[int, int, int] | None) -> Iterator[Raw]:
        self.paragraphs += 1
        out: list[str] = []
        boxes: list[ET.Element] = []
        anchors: list[tuple[str, str, int]] = []
        self._inline(p, out, boxes, anchors)
        table, row, col = cell if cell else (None, None, None)
        yield Raw(
            "".join(out), self.part, self.paragraphs, number=self.number, table=table, row=row, cell=col, anchors=anchors
        )
        for box in boxes:  # text boxes anchored in this paragraph
            yield from self.walk(box, cell)

    def _inline(
        self, element: ET.Element, out: list[str], boxes: list[ET.Element], anchors: list[tuple[str, str, int]]
    ) -> None:
        if element.text:
            out.append(element.text)
        for child in element:
            tag = child.tag
            if tag == f"{_TEXT}s":
                count = child.get(f"{_TEXT}c", "1")
                out.append(" " * (min(int(count), 1000) if count.isdigit() else 1))
            elif tag == f"{_TEXT}tab":
                out.append("\t")
            elif tag == f"{_TEXT}line-break":
                out.append(" ")
            elif tag == f"{_TEXT}note":
                self.found.notes.append((child.get(f"{_TEXT}note-class", "footnote"), child))
            elif tag in _ANNOTATIONS:
                key = self.found.comment_key(child)
                self.found.comments.append((key, child))
                anchors.append((key, "start", sum(map(len, out))))
            elif tag == f"{_OFFICE}annotation-end":
                anchors.append((child.get(f"{_OFFICE}name", ""), "end", sum(map(len, out))))
            elif tag == f"{_DRAW}text-box":
                boxes.append(child)
            elif tag not in _SKIP:
                self._inline(child, out, boxes, anchors)
            if child.tail:
                out.append(child.tail)


_ROW_GROUPS = frozenset(f"{_TABLE}{t}" for t in ("table-header-rows", "table-rows", "table-row-group"))


def _table_rows(table: ET.Element) -> Iterator[ET.Element]:
    """A table's own rows, in order (header rows and row groups included, nested tables not)."""
    for child in table:
        if child.tag == f"{_TABLE}table-row":
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _table_rows(child)


def _text_blocks(body: ET.Element, styles: ET.Element | None) -> Iterator[Raw]:
    found = _Notes()
    yield from _Part("body", None, found).walk(body)
    counts = {"header": 0, "footer": 0}
    masters = styles.find(f"{_OFFICE}master-styles") if styles is not None else None
    for master in masters.iter(f"{_STYLE}master-page") if masters is not None else ():
        for child in master:
            kind = child.tag.removeprefix(_STYLE).split("-")[0]
            if kind in counts and child.get(f"{_STYLE}display") != "false":
                counts[kind] += 1
                yield from _Part(kind, counts[kind], found).walk(child)
    numbers = {"footnote": 0, "endnote": 0}
    done = 0
    while done < len(found.notes):  # notes may hold notes
        note_class, note = found.notes[done]
        done += 1
        part = "endnote" if note_class == "endnote" else "footnote"
        numbers[part] += 1
        body_el = note.find(f"{_TEXT}note-body")
        if body_el is not None:
            yield from _Part(part, numbers[part], found).walk(body_el)
    yield from _comments(found)


def _comments(found: _Notes, slide: int | None = None) -> Iterator[Raw]:
    done = 0
    while done < len(found.comments):
        key, annotation = found.comments[done]
        done += 1
        for raw in _Part("comment", done, found).walk(annotation):
            raw.comment = key
            raw.slide = slide
            raw.directives = True
            yield raw
    found.comments.clear()


# ---------------------------------------------------------------- presentations


def _presentation_blocks(body: ET.Element) -> Iterator[Raw]:
    for number, page in enumerate((c for c in body if c.tag == f"{_DRAW}page"), 1):
        found = _Notes()
        yield from _odp_shapes(page, "slide", number, found)
        for notes in page.iter(f"{_PRES}notes"):
            for frame in notes.iter(f"{_DRAW}frame"):
                if frame.get(f"{_PRES}class") == "notes":
                    for raw in _odp_text(frame, "notes", number, None, found):
                        raw.directives = True  # a directive in the notes covers the slide
                        yield raw
        for annotation in page:
            if annotation.tag in _ANNOTATIONS:
                found.comments.append((found.comment_key(annotation), annotation))
        for raw in _comments(found, slide=number):
            raw.part = "comment"
            yield raw


def _odp_shapes(container_el: ET.Element, part: str, slide: int, found: _Notes) -> Iterator[Raw]:
    for shape in container_el:
        tag = shape.tag
        if tag == f"{_DRAW}g":
            yield from _odp_shapes(shape, part, slide, found)
        elif tag in (f"{_PRES}notes", *_ANNOTATIONS) or not tag.startswith(_DRAW):
            continue
        else:  # frames (text boxes, tables), custom shapes, rectangles, ...
            name = shape.get(f"{_DRAW}name") or shape.get(f"{_PRES}class")
            yield from _odp_text(shape, part, slide, name, found)


def _odp_text(shape: ET.Element, part: str, slide: int, name: str | None, found: _Notes) -> Iterator[Raw]:
    walker = _Part(part, None, found)  # paragraphs count per shape, as in PowerPoint
    direct = ET.Element("holder")
    for child in shape:
        if child.tag == f"{_TABLE}table":
            for r, row in enumerate(_table_rows(child), 1):
                cells = [c for c in row if c.tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")]
                for c, tc in enumerate(cells, 1):
                    for raw in _Part(part, None, found).walk(tc):
                        raw.slide, raw.shape, raw.row, raw.cell = slide, name, r, c
                        yield raw
        elif child.tag == f"{_DRAW}text-box":
            direct.extend(child)
        elif child.tag in (f"{_TEXT}p", f"{_TEXT}h", f"{_TEXT}list"):
            direct.append(child)
    for raw in walker.walk(direct):
        raw.slide, raw.shape = slide, name
        yield raw
