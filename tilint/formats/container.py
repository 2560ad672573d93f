"""What the zip-packaged readers share: bounded reading and assembly into blocks.

Word, PowerPoint (Office Open XML) and OpenDocument files are zip archives of XML parts.
`Archive` reads their parts with every limit checked twice: against the zip directory
before anything is inflated, and again while reading (declared sizes are not trusted), so
a zip bomb is refused before it is inflated. XML with a DOCTYPE is refused (neither format
ever has one), which rules out entity expansion.

A reader yields `Raw` pieces (the text of one paragraph, cell, note, comment...) and
`assemble` joins them into a `Document` whose blocks map every character back to its
place. Comments and speaker notes may hold tilint directives; `assemble` turns them into
suppressions of the range the comment is anchored to, or of the whole slide.
"""

from __future__ import annotations

import bisect
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO
from xml.etree import ElementTree as ET

from tilint.errors import InputError
from tilint.formats.document import _URL, Block, Document, blank
from tilint.suppress import Suppression, find_directives

MAX_FILE_BYTES = 200_000_000  # the document itself (media included)
MAX_ENTRIES = 20_000
MAX_PART_BYTES = 64_000_000  # one XML part, uncompressed
MAX_TOTAL_BYTES = 256_000_000  # all XML parts read, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for parts over 1 MB
MAX_TEXT_CHARS = 20_000_000

ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, ET.ParseError)


def corrupt(display: str, app: str, exc: BaseException) -> InputError:
    """The one line for a damaged archive or part."""
    if isinstance(exc, zipfile.BadZipFile):
        return InputError(display, f"is a corrupt {app} file: {exc}")
    if isinstance(exc, ET.ParseError):
        return InputError(display, f"is a corrupt {app} file: bad XML ({exc})")
    return InputError(display, f"is a corrupt {app} file: {type(exc).__name__}: {exc}")


def parse_xml(data: bytes, display: str, name: str) -> ET.Element:
    """Parse one XML part; a DOCTYPE (entity expansion) is refused."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise InputError(display, f"has a DOCTYPE in {name}", "office documents never do; refused")
    return ET.fromstring(data)


class Archive:
    """Bounded access to the parts of a zip-packaged document."""

    def __init__(self, fh: IO[bytes], display: str) -> None:
        self.zip = zipfile.ZipFile(fh)
        self.display = display
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise InputError(display, f"has {len(infos)} parts, more than {MAX_ENTRIES}", "is it really an office document?")
        self.infos = {i.filename: i for i in infos}
        self.read_total = 0

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes:
        info = self.infos.get(name)
        if info is None:
            raise InputError(self.display, f"is missing the part {name}", "the file is damaged")
        if info.file_size > MAX_PART_BYTES or self.read_total + info.file_size > MAX_TOTAL_BYTES:
            raise InputError(self.display, "expands to too much XML (a zip bomb?)", "refused to unpack it")
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise InputError(self.display, "is compressed suspiciously well (a zip bomb?)", "refused to unpack it")
        with self.zip.open(info) as part:  # never trust the declared size: read with a cap
            data = part.read(MAX_PART_BYTES + 1)
        if len(data) > MAX_PART_BYTES:
            raise InputError(self.display, "expands to too much XML (a zip bomb?)", "refused to unpack it")
        self.read_total += len(data)
        return data

    def xml(self, name: str) -> ET.Element:
        return parse_xml(self.read(name), self.display, name)


@dataclass
class Raw:
    """One paragraph's text and where it stands, as a reader found it.

    `anchors` are comment anchors inside the text: (comment key, "start" or "end", offset
    in `text`). `comment` is the key of the comment this text belongs to; `directives`
    marks text (comments, speaker notes) whose tilint directives count.
    """

    text: str
    part: str
    paragraph: int
    slide: int | None = None
    shape: str | None = None
    number: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    line: int | None = None
    anchors: list[tuple[str, str, int]] = field(default_factory=list)
    comment: str | None = None
    directives: bool = False
    joiner: str = "\n\n"  # what stands between the previous block and this one
    covers: tuple[int, int, int] | None = None  # PDF comments: (page, first line, last line)


# Line breaks inside a paragraph become spaces, so each block is one line of the
# extracted text and blank lines only ever separate blocks.
FLATTEN = str.maketrans({"\r": " ", "\n": " ", "\x0b": " ", "\x0c": " ", "\u2028": " ", "\u2029": " "})


def assemble(raws: Iterable[Raw], kind: str, display: str, note: str | None = None) -> Document:
    pieces: list[str] = []
    blocks: list[Block] = []
    pos = 0
    anchors: dict[str, dict[str, int]] = {}
    slides: dict[int, list[int]] = {}  # slide -> [start, end] of its text
    holders: list[tuple[int, Raw]] = []  # blocks whose directives count
    for raw in raws:
        for key, which, offset in raw.anchors:
            anchors.setdefault(key, {}).setdefault(which, pos + (len(raw.joiner) if pieces else 0) + offset)
        text = raw.text.translate(FLATTEN)
        if not text.strip():
            continue
        if pieces:
            pieces.append(raw.joiner)
            pos += len(raw.joiner)
        blocks.append(
            Block(
                pos, pos + len(text), raw.part, raw.paragraph, raw.slide, raw.shape, raw.number,
                raw.table, raw.row, raw.cell, raw.page, raw.line,
            )
        )
        if raw.slide is not None:
            span = slides.setdefault(raw.slide, [pos, pos])
            span[1] = pos + len(text)
        if raw.directives or raw.comment is not None or raw.covers is not None:
            holders.append((len(blocks) - 1, raw))
        pieces.append(text)
        pos += len(text)
        if pos > MAX_TEXT_CHARS:
            raise InputError(display, f"holds more than {MAX_TEXT_CHARS:,} characters of text", "split it")
    text = "".join(pieces)
    chars: list[str] | None = None
    for m in _URL.finditer(text):
        chars = chars if chars is not None else list(text)
        blank(chars, m.start(), m.end())
    starts = tuple(b.start for b in blocks)
    out: list[Suppression] = []
    for index, raw in holders:
        block = blocks[index]
        for d in find_directives(text[block.start : block.end], bare_lines=True):
            chars = chars if chars is not None else list(text)
            blank(chars, block.start + d.start, block.start + d.end)  # the directive is not prose
            if d.kind == "enable":
                continue
            covered = _covered(raw, anchors, slides, blocks, starts, len(text))
            if covered is not None:
                out.append(Suppression(covered[0], covered[1], d.selectors, index + 1))
    checkable = "".join(chars) if chars is not None else text
    return Document(
        text, checkable, (), tuple(out), kind=kind, blocks=tuple(blocks), block_starts=starts, note=note
    )


def _covered(
    raw: Raw,
    anchors: dict[str, dict[str, int]],
    slides: dict[int, list[int]],
    blocks: list[Block],
    starts: tuple[int, ...],
    length: int,
) -> tuple[int, int] | None:
    """The range a directive silences: a slide's text for notes and slide comments, the
    anchored range for a comment (the whole paragraph when it is anchored to a point)."""
    if raw.covers is not None:  # a PDF comment: the printed lines it is pinned to
        page, first, last = raw.covers
        covered = [b for b in blocks if b.page == page and b.part != "comment" and b.line is not None and first <= b.line <= last]
        return (min(b.start for b in covered), max(b.end for b in covered)) if covered else None
    if raw.slide is not None:
        span = slides.get(raw.slide)
        return (span[0], span[1]) if span else None
    if raw.comment is None:
        return None
    found = anchors.get(raw.comment, {})
    a = found.get("start", found.get("ref", found.get("end")))
    b = found.get("end", found.get("ref", a))
    if a is None or b is None:
        return None
    a, b = min(a, b), max(a, b)
    if a == b:  # a point: the paragraph (block) it stands in
        i = max(0, bisect.bisect_right(starts, a) - 1)
        if not blocks:
            return None
        return (blocks[i].start, blocks[i].end) if blocks[i].start <= a <= blocks[i].end + 2 else (a, min(length, a + 1))
    return a, b
