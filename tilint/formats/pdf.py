"""PDF: the text layer in reading order, with page and line for every block.

pypdfium2 (PDFium, the PDF engine of Chromium; BSD-3-Clause and Apache-2.0) gives the
text of each page as segments with their boxes; this module puts them in reading order
and joins them into paragraphs (docs/formats.md says why PDFium and not pdfminer.six or
pypdf: the same text, ten times faster, and boxes to order columns with):

- Segments on one baseline make a line; lines are numbered from the top of their page.
- Columns: a vertical gap that no line crosses, with text on both sides, is a gutter.
  Text between two lines that span the page (a title, a full-width paragraph) is read
  column by column, left to right.
- Running headers and footers: the top and bottom lines of a page that repeat (digits
  aside) on at least half the pages are checked once, as their own paragraph, on the
  first page they appear; page numbers are never checked. Neither is glued into the
  sentence that runs over the page break.
- Paragraphs end at vertical space, at an indented first line, at a list bullet, at a
  table cell, or where a line ends a sentence although the next line's first word would
  have fitted after it. A paragraph that ends a page or column without ending its
  sentence goes on in the next one.
- A word hyphenated at a line end is joined; a word list decides whether the hyphen
  stays ("non-" + "compliant" is "non-compliant", "accommo-" + "dation" is
  "accommodation"): see `_join`.
- Struck-through text (a tracked deletion as printed) and raised footnote reference
  numbers are left out.
- Comments (sticky notes, free text, highlight and underline notes) are checked after
  the text; a tilint directive in one silences the printed lines it is pinned to.

Bad files: one line naming the file and the problem (encrypted, not a PDF, damaged).
Memory stays bounded: the file at most 200 MB; compressed streams are inflated once,
with a cap, before PDFium sees them, so a decompression bomb (a huge content or object
stream) is refused before it is expanded; at most 20,000 pages. A PDF without a text
layer (a scan) is not an error: a note says there is nothing to check.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import statistics
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tilint.errors import InputError, read_error
from tilint.formats import container
from tilint.formats.container import Raw, assemble
from tilint.formats.document import Document

MAX_PAGES = 20_000
MAX_STREAM_BYTES = 256_000_000  # one compressed stream, inflated
MAX_INFLATED_BYTES = 768_000_000  # all compressed streams, inflated
MAX_SEGMENTS = 50_000  # text segments on one page

NO_TEXT_NOTE = "has no text layer (a scanned image?): nothing to check; run OCR on it first"

_SOFT_HYPHENS = "\x02\xad\ufffe"  # PDFium marks a hyphen the typesetter added with \x02
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_PAGE_NUMBER = re.compile(r"^\W*(?:page\s*)?(?:\d{1,5}|[ivxlcdm]{1,8})(?:\s*(?:of|/)\s*\d{1,5})?\W*$", re.IGNORECASE)
_REFERENCE = re.compile(r"^\s*(?:\d{1,3}|[*†‡§])\s*$")
_SENTENCE_END = re.compile(r"[.!?:…][\"'”’)\]]*$")


def read_pdf(path: Path, display: str, kind: str = "pdf") -> Document:
    try:
        size = path.stat().st_size
        if size > container.MAX_FILE_BYTES:
            raise InputError(display, f"file is larger than {container.MAX_FILE_BYTES // 1_000_000} MB", "split it, or exclude it")
        data = path.read_bytes()
    except OSError as exc:
        raise read_error(exc, display) from None
    return pdf_from_bytes(data, display, kind)


def pdf_from_bytes(data: bytes, display: str, kind: str = "pdf") -> Document:
    if len(data) > container.MAX_FILE_BYTES:
        raise InputError(display, f"input is larger than {container.MAX_FILE_BYTES // 1_000_000} MB")
    if b"%PDF-" not in data[:1024]:
        raise InputError(display, "is not a PDF file (no %PDF header)", "is it another format renamed?")
    _guard_streams(data, display)
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(display, "is password-protected (encrypted)", "save a copy without a password to check it") from None
        reason = str(exc).split("(PDFium: ", 1)[-1].rstrip(").") if "PDFium" in str(exc) else str(exc)
        raise InputError(display, f"is a corrupt PDF file ({reason})", "can another program open it?") from None
    try:
        count = len(doc)
        if count > MAX_PAGES:
            raise InputError(display, f"has {count:,} pages, more than {MAX_PAGES:,}", "split it")
        read = [_page_rows(doc, i, display) for i in range(count)]
    except pdfium.PdfiumError as exc:
        raise InputError(display, f"is a corrupt PDF file ({exc})", "can another program open it?") from None
    finally:
        doc.close()
    try:
        raws = list(_layout([rows for rows, _ in read], [notes for _, notes in read]))
    except (ValueError, OverflowError, ZeroDivisionError, statistics.StatisticsError) as exc:  # absurd boxes
        raise InputError(display, f"has text that cannot be laid out ({type(exc).__name__})", "can another program read it?") from None
    note = NO_TEXT_NOTE if not raws else None
    return assemble(raws, kind, display, note=note)


def _guard_streams(data: bytes, display: str) -> None:
    """Inflate every zlib stream once, with caps, before PDFium expands it unbounded."""
    total = 0
    pos = 0
    while (i := data.find(b"stream", pos)) >= 0:
        pos = i + 6
        if data[i - 3 : i] == b"end":
            continue
        start = pos + (2 if data[pos : pos + 2] == b"\r\n" else 1 if data[pos : pos + 1] in (b"\n", b"\r") else 0)
        if data[start : start + 1] not in (b"x", b"X", b"h", b"H", b"8"):  # zlib headers; other filters pass
            continue
        inflater = zlib.decompressobj()
        size = 0
        chunk = start
        try:
            while not inflater.eof and chunk < len(data):
                out = inflater.decompress(data[chunk : chunk + 65_536], 4_000_000)
                chunk += 65_536
                size += len(out)
                while inflater.unconsumed_tail and size <= MAX_STREAM_BYTES:
                    out = inflater.decompress(inflater.unconsumed_tail, 4_000_000)
                    size += len(out)
                if size > MAX_STREAM_BYTES or total + size > MAX_INFLATED_BYTES:
                    raise InputError(display, "has a compressed stream that expands too far (a decompression bomb?)", "refused to expand it")
        except zlib.error:
            pass  # not zlib after all, or damaged: PDFium decides
        total += size
        if inflater.eof:
            pos = max(pos, min(chunk, len(data)) - len(inflater.unused_data))


@dataclass
class _Piece:
    left: float
    bottom: float
    right: float
    top: float
    text: str
    cell: bool = False  # shares its line with other pieces in its column: a table cell
    edge: float = 0.0  # the right edge of its column on its page

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass
class _Row:
    number: int  # line on its page, from the top
    pieces: list[_Piece] = field(default_factory=list)


_NOTE_TYPES = frozenset({1, 3, 9, 10, 11})  # Text (sticky note), FreeText, Highlight, Underline, Squiggly
MAX_NOTES = 200  # comments (annotations) read on one page


@dataclass
class _Note:
    """A PDF comment: its text, and the band of the page it is pinned to or marks."""

    text: str
    bottom: float
    top: float


def _page_rows(doc: Any, index: int, display: str) -> tuple[list[_Row], list[_Note]]:
    import pypdfium2.raw as pdfium_c

    page = doc[index]
    textpage = page.get_textpage()
    try:
        segments = []
        count = textpage.count_rects()
        if count > MAX_SEGMENTS:
            raise InputError(display, f"has {count:,} pieces of text on page {index + 1}", "is it a drawing?")
        for i in range(count):
            left, bottom, right, top = textpage.get_rect(i)
            text = textpage.get_text_bounded(left, bottom, right, top)
            if text.strip() and all(map(math.isfinite, (left, bottom, right, top))):
                segments.append(_Piece(left, bottom, right, top, text.translate(_LIGATURES)))
        notes = _notes(page) if segments else []
        strokes = []
        if segments:
            for n, obj in enumerate(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])):
                if n >= MAX_SEGMENTS:
                    break
                left, bottom, right, top = obj.get_bounds()
                if 0 <= top - bottom <= 2.0 and right - left >= 3.0:
                    strokes.append((left, bottom, right, top))
    finally:
        textpage.close()
        page.close()
    return _rows([s for s in segments if not _struck(s, strokes)] if strokes else segments), notes


def _notes(page: Any) -> list[_Note]:
    """The page's comments: sticky notes, free text, and highlight or underline marks."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    out = []
    for i in range(min(pdfium_c.FPDFPage_GetAnnotCount(page.raw), MAX_NOTES)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) not in _NOTE_TYPES:
                continue
            rect = pdfium_c.FS_RECTF()
            if not pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect)) or not all(
                map(math.isfinite, (rect.bottom, rect.top))
            ):
                continue
            size = pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", None, 0)
            if size <= 2 or size > 200_000:
                continue
            buffer = ctypes.create_string_buffer(size)
            pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
            text = buffer.raw.decode("utf-16-le", "replace").rstrip("\x00")
            if text.strip():
                out.append(_Note(text, min(rect.bottom, rect.top), max(rect.bottom, rect.top)))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return out


def _struck(s: _Piece, strokes: list[tuple[float, float, float, float]]) -> bool:
    """Struck through (deleted text shown as a tracked change): a thin line across the
    middle of most of the segment."""
    h = s.top - s.bottom
    for left, bottom, right, top in strokes:
        y = (bottom + top) / 2
        if s.bottom + 0.25 * h <= y <= s.top - 0.2 * h and min(right, s.right) - max(left, s.left) >= 0.7 * (s.right - s.left):
            return True
    return False


def _rows(segments: list[_Piece]) -> list[_Row]:
    """Segments on one baseline, left to right, merged where they touch."""
    if not segments:
        return []
    height = statistics.median(s.height for s in segments if s.height > 0) if any(s.height > 0 for s in segments) else 10.0
    segments.sort(key=lambda s: -(s.top + s.bottom) / 2)
    rows: list[list[_Piece]] = []
    centre = 0.0
    for s in segments:
        c = (s.top + s.bottom) / 2
        if rows and abs(c - centre) < 0.45 * max(height, s.height):
            rows[-1].append(s)
        else:
            rows.append([s])
            centre = c
    out = []
    for number, row in enumerate(rows, 1):
        row.sort(key=lambda s: s.left)
        base = min(s.bottom for s in row)
        if len(row) > 1:  # a raised number is a footnote reference, not part of the sentence
            row = [s for s in row if not (_REFERENCE.match(s.text) and s.bottom > base + 0.25 * height)] or row
        if len(row) > 1 and _REFERENCE.match(row[0].text) and row[1].left - row[0].right > 0.5 * height:
            row = row[1:]  # a footnote's or list item's number, set apart before its text
        merged: list[_Piece] = []
        for s in row:
            last = merged[-1] if merged else None
            gap = s.left - last.right if last else 0.0
            if last is not None and gap < 1.2 * height:
                tight = gap < 0.3 * height or last.text.endswith(" ") or s.text.startswith(" ")
                last.text += ("" if tight else " ") + s.text
                last.right = max(last.right, s.right)
                last.bottom, last.top = min(last.bottom, s.bottom), max(last.top, s.top)
            else:
                merged.append(_Piece(s.left, s.bottom, s.right, s.top, s.text))
        out.append(_Row(number, merged))
    return out


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _running(pages: list[list[_Row]]) -> set[str]:
    """Normalised texts of lines that open or close at least half the pages."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for rows in pages:
        ends = {_norm(" ".join(p.text for p in r.pieces)) for r in rows[:2] + rows[-2:]}
        seen.update(ends)
    return {text for text, n in seen.items() if n >= max(2, len(pages) / 2)}


def _layout(pages: list[list[_Row]], notes: list[list[_Note]]) -> Iterator[Raw]:
    running = _running(pages)
    said: set[str] = set()
    edges: list[Raw] = []  # running headers and footers: after the body, like Word's
    lines: list[tuple[int, int, _Piece, bool, float]] = []  # page, line, piece, column start, pitch
    for page_number, rows in enumerate(pages, 1):
        body: list[_Row] = []
        for i, row in enumerate(rows):
            text = " ".join(p.text for p in row.pieces)
            at_edge = i < 2 or i >= len(rows) - 2
            if at_edge and _PAGE_NUMBER.match(text.strip()):
                continue
            key = _norm(text)
            if at_edge and key in running:
                if key not in said:
                    said.add(key)
                    part = "header" if i < 2 else "footer"
                    edges.append(Raw(_clean(text), part, 0, page=page_number, line=row.number))
                continue
            body.append(row)
        height = _median_height(body)
        pitch = _pitch(body, height)
        for row_number, piece, column_start in _reading_order(body, height):
            piece.text = " ".join(piece.text.replace("\ufffe", "\x02").split())
            if piece.text.strip(_SOFT_HYPHENS):
                lines.append((page_number, row_number, piece, column_start, pitch))
    paragraph = 0
    joiner = "\n\n"
    for k, (page_number, row_number, piece, _, _) in enumerate(lines):
        text = piece.text
        following = "\n\n"
        if k + 1 < len(lines):
            _, _, nxt, column_start, pitch = lines[k + 1]
            if not _new_paragraph(piece, nxt, nxt.top - nxt.bottom, pitch, column_start):
                text, following = _join(text, nxt.text)
        if joiner == "\n\n":
            paragraph += 1
        yield Raw(_clean(text), "page", paragraph, page=page_number, line=row_number, joiner=joiner)
        joiner = following
    for raw in edges:
        paragraph += 1
        raw.paragraph = paragraph
        yield raw
    number = 0
    for page_number, (rows, page_notes) in enumerate(zip(pages, notes, strict=True), 1):
        for note in page_notes:
            number += 1
            pinned = [r.number for r in rows if r.pieces and _overlaps(r, note)]
            covers = (page_number, min(pinned), max(pinned)) if pinned else None
            for k, text in enumerate(t for t in note.text.replace("\r", "\n").split("\n") if t.strip()):
                yield Raw(" ".join(text.split()), "comment", k + 1, number=number, page=page_number,
                          line=pinned[0] if pinned else None, directives=True, covers=covers)


def _overlaps(row: _Row, note: _Note) -> bool:
    """Whether a comment is pinned to (or marks) this printed line: their bands overlap by
    at least half the line's height."""
    bottom = min(p.bottom for p in row.pieces)
    top = max(p.top for p in row.pieces)
    return min(top, note.top) - max(bottom, note.bottom) >= 0.5 * (top - bottom)


def _clean(text: str) -> str:
    return " ".join(text.split()).replace("\x02", "").replace("\xad", "")


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[-\x02\xad]$")
_WORD_AFTER = re.compile(r"^([^\W\d_]+)")


def _join(previous: str, following: str) -> tuple[str, str]:
    """The previous line as it joins the next one, and what stands between them.

    A hyphen at a line end joins the word. PDFium reports a typed hyphen and a typesetter's
    hyphen alike there, so a word list decides (lemminflect's, already a dependency, loaded
    only for such a line): dropped when the joined word is a word ("accommo-" + "dation"),
    kept when the first part is a word or a prefix ("non-" + "compliant", "self-" + "harm"),
    dropped otherwise ("multidiscipli-" + "nary")."""
    before = _WORD_BEFORE.search(previous)
    if before is None:
        return previous, " "
    after = _WORD_AFTER.match(following)
    stem = previous[:-1]
    if after is None or not after.group(1)[0].islower():
        return stem + "-", ""  # "COVID-19", "Smith-Jones"
    first = before.group(1)
    if _is_word(first + after.group(1)):
        return stem, ""
    if first.lower() in _PREFIXES or _is_word(first):
        return stem + "-", ""  # "non-compliant", "self-harm"
    return stem, ""  # "multidiscipli-" + "nary": a word the list does not know


_PREFIXES = frozenset(
    "anti co counter cross ex extra inter intra mid multi non over post pre pro pseudo quasi re semi sub super un under".split()
)


def _is_word(word: str) -> bool:
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word.lower()))


def _new_paragraph(prev: _Piece, cur: _Piece, height: float, pitch: float, column_start: bool) -> bool:
    prev_text = prev.text.rstrip()
    if not cur.text.strip():
        return False
    if prev.cell or cur.cell:
        return True  # table cells are paragraphs of their own
    if column_start:  # top of a new column or page: go on only if the sentence did not end
        hyphen = prev_text.endswith(("-", *_SOFT_HYPHENS))
        return bool(_SENTENCE_END.search(prev_text)) or not (cur.text.lstrip()[:1].islower() or hyphen)
    if (prev.top + prev.bottom) / 2 - (cur.top + cur.bottom) / 2 > 1.35 * pitch:
        return True  # space between them
    if cur.left > prev.left + 1.5 * height:
        return True  # an indented first line
    if cur.text.lstrip()[:1] in "•▪◦‣–·":
        return True  # a list item
    if not _SENTENCE_END.search(prev_text):
        return False
    # A sentence ended, and the next line's first word would have fit after it: the line
    # was ended on purpose (works for ragged and justified text alike).
    first_word = cur.text.split()[0] if cur.text.split() else ""
    char_width = (prev.right - prev.left) / max(1, len(prev_text))
    return max(prev.edge, cur.edge) - prev.right > (len(first_word) + 1.5) * char_width


def _pitch(rows: list[_Row], height: float) -> float:
    """The usual distance from one line to the next on a page."""
    centres = [(r.pieces[0].top + r.pieces[0].bottom) / 2 for r in rows if r.pieces]
    steps = [a - b for a, b in itertools.pairwise(centres) if a - b > 0.3 * height]
    return statistics.median(steps) if steps else 1.2 * height


def _median_height(rows: list[_Row]) -> float:
    heights = [p.height for r in rows for p in r.pieces if p.height > 0]
    return statistics.median(heights) if heights else 10.0


def _reading_order(rows: list[_Row], height: float) -> Iterator[tuple[int, _Piece, bool]]:
    """(line number, piece, starts a column or page) in reading order."""
    pieces = [p for r in rows for p in r.pieces]
    gutters = _gutters(pieces, height)
    first = True
    band: list[list[tuple[int, _Piece]]] = [[] for _ in range(len(gutters) + 1)]

    def flush() -> Iterator[tuple[int, _Piece, bool]]:
        nonlocal first
        for column in band:
            edge = max((piece.right for _, piece in column), default=0.0)
            for k, (number, piece) in enumerate(column):
                piece.edge = edge
                yield number, piece, first or k == 0
                first = False
            column.clear()

    for row in rows:
        columns = [_column_of(piece, gutters) for piece in row.pieces]
        for piece, column in zip(row.pieces, columns, strict=True):
            piece.cell = column is not None and columns.count(column) > 1  # a table row
            if column is None:  # spans a gutter: ends the band above it
                yield from flush()
                piece.edge = max(p.right for p in pieces)
                yield row.number, piece, first
                first = False
            else:
                band[column].append((row.number, piece))
    yield from flush()


def _column_of(piece: _Piece, gutters: list[tuple[float, float]]) -> int | None:
    column = 0
    for a, b in gutters:
        if piece.left >= b - 0.5:
            column += 1
        elif piece.right > a + 0.5:
            return None
    return column


def _gutters(pieces: list[_Piece], height: float) -> list[tuple[float, float]]:
    """Vertical gaps with text on both sides that (almost) no narrow line crosses."""
    if len(pieces) < 6:
        return []
    left = min(p.left for p in pieces)
    right = max(p.right for p in pieces)
    width = right - left
    narrow = [p for p in pieces if p.right - p.left < 0.6 * width]
    if len(narrow) < 6:
        return []
    step = max(2.0, width / 2_000)  # at most about 2,000 bins, whatever the page claims
    diff = [0] * (int(width / step) + 3)
    for p in narrow:  # how many narrow lines cover each bin: a difference array, then sums
        diff[int((p.left - left) / step)] += 1
        diff[int((p.right - left) / step) + 1] -= 1
    bins = list(itertools.accumulate(diff))
    rights = sorted(p.right for p in narrow)
    lefts = sorted(p.left for p in narrow)
    allowance = 1 if len(narrow) >= 10 else 0
    out = []
    k = 0
    while k < len(bins):
        if bins[k] > allowance:
            k += 1
            continue
        j = k
        while j < len(bins) and bins[j] <= allowance:
            j += 1
        a, b = left + k * step, left + j * step
        if b - a >= max(0.8 * height, 6.0):
            before = bisect.bisect_right(rights, a + step)
            after = len(lefts) - bisect.bisect_left(lefts, b - step)
            need = max(3, len(narrow) // 20)
            if before >= need and after >= need:
                out.append((a, b))
        k = j
    return out
