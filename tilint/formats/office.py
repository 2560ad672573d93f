"""Word (.docx) and PowerPoint (.pptx): text and where each block came from.

Reads the Office Open XML package directly (zipfile + the standard library's XML parser)
and only the parts that hold text, so images and media are never decompressed. Memory
stays bounded: the package's size, each part's size, the total read and the compression
ratio all have limits, checked against the zip directory and again while reading, so a
zip bomb is refused before it is inflated. XML with a DOCTYPE is refused (OOXML never has
one), which rules out entity expansion.

Word: body paragraphs (with tables, content controls and text boxes, in reading order),
then headers, footers, footnotes, endnotes and comments. Deleted text (tracked changes)
and field codes are left out. A tilint directive in a comment silences the range the
comment is anchored to. PowerPoint: each slide's shapes in order (groups and tables
included), then its speaker notes, whose directives cover the slide. The limits and the
assembly into blocks are shared with OpenDocument (tilint.formats.container).
"""

from __future__ import annotations

import io
import posixpath
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO
from xml.etree import ElementTree as ET

from tilint.errors import InputError, read_error
from tilint.formats import container
from tilint.formats.container import Archive, Raw, assemble
from tilint.formats.document import Document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_NAMES = {"docx": ("Word", ".docx"), "pptx": ("PowerPoint", ".pptx")}

# Kept for callers that read the limits here; they live in tilint.formats.container.
MAX_FILE_BYTES = container.MAX_FILE_BYTES


def read_office(path: Path, display: str, kind: str) -> Document:
    try:
        size = path.stat().st_size
        if size > container.MAX_FILE_BYTES:
            raise InputError(display, f"file is larger than {container.MAX_FILE_BYTES // 1_000_000} MB", "split it, or exclude it")
        with path.open("rb") as fh:
            head = fh.read(8)
            fh.seek(0)
            return _read(fh, head, display, kind)
    except OSError as exc:
        raise read_error(exc, display) from None


def office_from_bytes(raw: bytes, display: str, kind: str) -> Document:
    if len(raw) > container.MAX_FILE_BYTES:
        raise InputError(display, f"input is larger than {container.MAX_FILE_BYTES // 1_000_000} MB")
    return _read(io.BytesIO(raw), raw[:8], display, kind)


def _read(fh: IO[bytes], head: bytes, display: str, kind: str) -> Document:
    app, ext = _NAMES[kind]
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        data = fh.read(container.MAX_FILE_BYTES)
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(display, "is password-protected (encrypted)", "save a copy without a password to check it")
        raise InputError(display, f"is an old binary Office file, not {ext}", f"save it as {ext} to check it")
    if not head.startswith(b"PK"):
        raise InputError(display, f"is not a {app} file: not a zip archive", "is it another format renamed?")
    try:
        package = _Package(fh, display)
        blocks = list(_docx_blocks(package) if kind == "docx" else _pptx_blocks(package))
    except container.ZIP_ERRORS as exc:
        raise container.corrupt(display, app, exc) from None
    return assemble(blocks, kind, display)


class _Package(Archive):
    """An OPC (Office) zip package: parts and their relationships."""

    def rels(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type, target part name) of a part's internal relationships."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return []
        out = []
        for rel in self.xml(rels_name).iter(f"{_PKG_REL}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out.append((rel.get("Id", ""), rel.get("Type", ""), name))
        return out

    def main_part(self, display: str, app: str) -> str:
        for _, rel_type, target in self.rels(""):
            if rel_type.endswith("/officeDocument") and self.has(target):
                return target
        raise InputError(display, f"is a zip archive but not a {app} document")


# ---------------------------------------------------------------- Word


def _docx_blocks(pkg: _Package) -> Iterator[Raw]:
    main = pkg.main_part(pkg.display, "Word")
    root = pkg.xml(main)
    body = root.find(f"{_W}body")
    if body is None:
        raise InputError(pkg.display, "is a corrupt Word file: no document body")
    yield from _WordPart("body", None).walk(body)

    rels = {rid: (rtype, target) for rid, rtype, target in pkg.rels(main)}
    seen: set[str] = set()
    for kind in ("header", "footer"):
        count = 0
        for ref in root.iter(f"{_W}{kind}Reference"):
            rel = rels.get(ref.get(f"{_R}id", ""))
            if rel is None or rel[1] in seen or not pkg.has(rel[1]):
                continue
            seen.add(rel[1])
            count += 1
            yield from _WordPart(kind, count).walk(pkg.xml(rel[1]))
    for kind in ("footnote", "endnote"):
        target = next((t for rt, t in rels.values() if rt.endswith(f"/{kind}s") and pkg.has(t)), None)
        if target is None:
            continue
        for note in pkg.xml(target).iter(f"{_W}{kind}"):
            if note.get(f"{_W}type") not in (None, "normal"):
                continue  # separators
            note_id = note.get(f"{_W}id", "0")
            yield from _WordPart(kind, int(note_id) if note_id.lstrip("-").isdigit() else None).walk(note)
    target = next((t for rt, t in rels.values() if rt.endswith("/comments") and pkg.has(t)), None)
    if target is not None:
        for number, comment in enumerate(pkg.xml(target).iter(f"{_W}comment"), 1):
            for raw in _WordPart("comment", number).walk(comment):
                raw.comment = comment.get(f"{_W}id", "")
                yield raw


class _WordPart:
    def __init__(self, part: str, number: int | None) -> None:
        self.part = part
        self.number = number
        self.paragraphs = 0
        self.tables = 0
        self.pending: list[tuple[str, str, int]] = []  # comment anchors between paragraphs

    def walk(self, element: ET.Element, cell: tuple[int, int, int] | None = None) -> Iterator[Raw]:
        for child in element:
            tag = child.tag
            if tag == f"{_W}p":
                yield from self._paragraph(child, cell)
            elif tag == f"{_W}tbl":
                self.tables += 1
                table = self.tables
                for r, row in enumerate((c for c in child if c.tag == f"{_W}tr"), 1):
                    for c, tc in enumerate((x for x in row if x.tag == f"{_W}tc"), 1):
                        yield from self.walk(tc, (table, r, c))
            elif tag in _ANCHOR_TAGS:
                self.pending.append((child.get(f"{_W}id", ""), _ANCHOR_TAGS[tag], 0))
            elif tag in (f"{_W}sectPr", f"{_MC}Fallback", f"{_W}del", f"{_W}moveFrom"):
                continue
            else:  # content controls, custom XML, insertions: look inside
                yield from self.walk(child, cell)

    def _paragraph(self, p: ET.Element, cell: tuple[int, int, int] | None) -> Iterator[Raw]:
        self.paragraphs += 1
        out: list[str] = []
        boxes: list[ET.Element] = []
        anchors, self.pending = self.pending, []
        _word_text(p, out, boxes, anchors)
        table, row, col = cell if cell else (None, None, None)
        yield Raw(
            "".join(out), self.part, self.paragraphs, number=self.number, table=table, row=row, cell=col, anchors=anchors
        )
        for box in boxes:  # text boxes anchored in this paragraph
            yield from self.walk(box, cell)


_WORD_SKIP = frozenset(
    f"{_W}{t}" for t in ("del", "moveFrom", "instrText", "delText", "delInstrText", "rPr", "pPr", "fldData")
) | {f"{_MC}Fallback"}


# Where a comment's range starts and ends; a reference alone anchors it to a point.
_ANCHOR_TAGS = {f"{_W}commentRangeStart": "start", f"{_W}commentRangeEnd": "end", f"{_W}commentReference": "ref"}


def _word_text(
    element: ET.Element, out: list[str], boxes: list[ET.Element], anchors: list[tuple[str, str, int]]
) -> None:
    for child in element:
        tag = child.tag
        if tag in _ANCHOR_TAGS:
            anchors.append((child.get(f"{_W}id", ""), _ANCHOR_TAGS[tag], sum(map(len, out))))
        elif tag == f"{_W}t":
            out.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            out.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append(" ")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
        elif tag == f"{_W}txbxContent":
            boxes.append(child)
        elif tag in _WORD_SKIP:
            continue
        else:
            _word_text(child, out, boxes, anchors)


# ---------------------------------------------------------------- PowerPoint


def _pptx_blocks(pkg: _Package) -> Iterator[Raw]:
    main = pkg.main_part(pkg.display, "PowerPoint")
    root = pkg.xml(main)
    rels = {rid: (rtype, target) for rid, rtype, target in pkg.rels(main)}
    slide_list = root.find(f"{_P}sldIdLst")
    ids = [] if slide_list is None else [s.get(f"{_R}id", "") for s in slide_list if s.tag == f"{_P}sldId"]
    for number, rid in enumerate(ids, 1):
        rel = rels.get(rid)
        if rel is None or not pkg.has(rel[1]):
            continue
        slide_part = rel[1]
        yield from _shapes(pkg.xml(slide_part), "slide", number, lambda _sp: True)
        for _, rtype, target in pkg.rels(slide_part):
            if rtype.endswith("/notesSlide") and pkg.has(target):
                for raw in _shapes(pkg.xml(target), "notes", number, _is_notes_body):
                    raw.directives = True  # a directive in the notes covers the slide
                    yield raw


def _is_notes_body(sp: ET.Element) -> bool:
    ph = sp.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
    return ph is not None and ph.get("type") == "body"


def _shapes(root: ET.Element, part: str, slide: int, wanted: Callable[[ET.Element], bool]) -> Iterator[Raw]:
    tree = root.find(f"{_P}cSld/{_P}spTree")
    if tree is None:
        return
    yield from _walk_shapes(tree, part, slide, wanted)


def _walk_shapes(tree: ET.Element, part: str, slide: int, wanted: Callable[[ET.Element], bool]) -> Iterator[Raw]:
    for shape in tree:
        tag = shape.tag
        if tag == f"{_P}sp":
            if not wanted(shape):
                continue
            name = _shape_name(shape, f"{_P}nvSpPr")
            body = shape.find(f"{_P}txBody")
            if body is not None:
                yield from _text_body(body, part, slide, name, None)
        elif tag == f"{_P}grpSp":
            yield from _walk_shapes(shape, part, slide, wanted)
        elif tag == f"{_P}graphicFrame":
            table = shape.find(f"{_A}graphic/{_A}graphicData/{_A}tbl")
            if table is None:
                continue
            name = _shape_name(shape, f"{_P}nvGraphicFramePr")
            for r, row in enumerate(table.iter(f"{_A}tr"), 1):
                for c, tc in enumerate(row.iter(f"{_A}tc"), 1):
                    body = tc.find(f"{_A}txBody")
                    if body is not None:
                        yield from _text_body(body, part, slide, name, (r, c))
        elif tag == f"{_MC}AlternateContent":
            choice = shape.find(f"{_MC}Choice")
            if choice is not None:
                yield from _walk_shapes(choice, part, slide, wanted)


def _shape_name(shape: ET.Element, nv: str) -> str | None:
    c_nv = shape.find(f"{nv}/{_P}cNvPr")
    return c_nv.get("name") if c_nv is not None else None


def _text_body(
    body: ET.Element, part: str, slide: int, shape: str | None, cell: tuple[int, int] | None
) -> Iterator[Raw]:
    row, col = cell if cell else (None, None)
    for n, p in enumerate((x for x in body if x.tag == f"{_A}p"), 1):
        out: list[str] = []
        for child in p:
            if child.tag in (f"{_A}r", f"{_A}fld"):
                t = child.find(f"{_A}t")
                out.append((t.text or "") if t is not None else "")
            elif child.tag == f"{_A}br":
                out.append(" ")
        yield Raw("".join(out), part, n, slide=slide, shape=shape, row=row, cell=col)
