"""OpenDocument and PDF: findings at the places people recognise, the same note gives the
same findings as .docx, .odt and PDF, bad files fail alone with one line.

The .odt and .odp files are written here as zip + XML; the PDFs are made from them by
LibreOffice (headless, Debian's libreoffice-writer-nogui, installed by .ci/run), once per
session, or written by hand where the layout must be exact (columns drawn line across,
running headers on every page).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import pptx
import pytest
from pptx.util import Inches

from tests.helpers import ROOT, load_module
from tests.helpers import check_in_process as check
from tilint.formats import read_document


def _load_fuzz() -> ModuleType:
    """bench/fuzz.py: the small PDF writer and the hostile inputs, shared with the fuzz suite."""
    return load_module("tilint_bench_fuzz_formats", ROOT / "bench" / "fuzz.py")


fuzz = _load_fuzz()

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"'
)

# A care note with a table, a footnote, a tracked deletion (not checked), a comment whose
# directive covers a deliberate example, and a comment with a finding of its own.
NOTE_BODY = (
    '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>'
    "<dc:creator>A</dc:creator><dc:date>2024-01-01T00:00:00</dc:date></office:change-info>"
    "<text:p>She refused it.</text:p></text:deletion></text:changed-region></text:tracked-changes>"
    '<text:h text:outline-level="1">Care plan review</text:h>'
    "<text:p>We met on Tuesday and agreed the plan.</text:p>"
    "<text:p>He refused his depot. Staff found he has been non-compliant for weeks."
    '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
    "<text:note-body><text:p>The patient refused the interview.</text:p></text:note-body></text:note></text:p>"
    '<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>'
    "<table:table-row><table:table-cell><text:p>Name</text:p></table:table-cell>"
    "<table:table-cell><text:p>Plan</text:p></table:table-cell></table:table-row>"
    "<table:table-row><table:table-cell><text:p>Jo</text:p></table:table-cell>"
    "<table:table-cell><text:p>She refused lunch.</text:p></table:table-cell></table:table-row></table:table>"
    '<text:p>Plan agreed.<text:change text:change-id="ct1"/> Next review in May.</text:p>'
    '<text:p><office:annotation office:name="c1"><dc:creator>Trainer</dc:creator>'
    "<text:p>tilint-disable TI101 -- deliberate example for the course</text:p></office:annotation>"
    'Course example: the client was non-compliant.<office:annotation-end office:name="c1"/>'
    " Outside the example he was non-compliant too.</text:p>"
    "<text:p>The ward round went well.<office:annotation><dc:creator>Reviewer</dc:creator>"
    "<text:p>Was he manipulative here?</text:p></office:annotation></text:p>"
)


def _styles(header: str = "Confidential: he refused consent to share", footer: str = "Ward 7", columns: int = 1) -> str:
    cols = f'<style:columns fo:column-count="{columns}" fo:column-gap="1cm"/>' if columns > 1 else ""
    return (
        f'<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties'
        f' fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm"'
        f' fo:margin-left="2cm" fo:margin-right="2cm">{cols}</style:page-layout-properties></style:page-layout>'
        f'</office:automatic-styles><office:master-styles><style:master-page style:name="Standard"'
        f' style:page-layout-name="pm1"><style:header><text:p>{header}</text:p></style:header>'
        f"<style:footer><text:p>{footer}</text:p></style:footer></style:master-page></office:master-styles>"
    )


def write_odt(path: Path, body: str = NOTE_BODY, **styles: Any) -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.3">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    style_xml = f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS} office:version="1.3">{_styles(**styles)}</office:document-styles>'
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        for name, data in (("content.xml", content), ("styles.xml", style_xml), ("META-INF/manifest.xml", manifest)):
            z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def write_fodt(path: Path, body: str = NOTE_BODY, **styles: Any) -> Path:
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.3"'
        f' office:mimetype="application/vnd.oasis.opendocument.text">{_styles(**styles)}'
        f"<office:body><office:text>{body}</office:text></office:body></office:document>",
        encoding="utf-8",
    )
    return path


SLIDES = (
    # slide 1: a deliberate example, covered by the directive in its notes
    '<draw:page draw:name="page1">'
    '<draw:frame draw:name="Title 1" presentation:class="title"><draw:text-box><text:p>Bad example</text:p></draw:text-box></draw:frame>'
    '<draw:frame draw:name="Content 2"><draw:text-box><text:p>He was non-compliant and refused.</text:p></draw:text-box></draw:frame>'
    '<presentation:notes><draw:page-thumbnail/><draw:frame presentation:class="notes"><draw:text-box>'
    "<text:p>tilint-disable TI101 -- deliberate example for the course</text:p></draw:text-box></draw:frame></presentation:notes>"
    "</draw:page>"
    # slide 2: a grouped shape, a table, a custom shape and speaker notes, all checked
    '<draw:page draw:name="page2">'
    '<draw:frame draw:name="Title 1"><draw:text-box><text:p>Real practice</text:p></draw:text-box></draw:frame>'
    '<draw:g><draw:frame draw:name="Grouped box"><draw:text-box><text:p>Intro.</text:p>'
    "<text:p>She was non-compliant with the plan.</text:p></draw:text-box></draw:frame></draw:g>"
    '<draw:frame draw:name="Table 3"><table:table><table:table-row><table:table-cell><text:p>Day</text:p></table:table-cell>'
    "<table:table-cell><text:p>Note</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell>"
    "<text:p>Monday</text:p></table:table-cell><table:table-cell><text:p>He refused lunch.</text:p></table:table-cell>"
    "</table:table-row></table:table></draw:frame>"
    '<draw:custom-shape draw:name="Callout"><text:p>She was manipulative on the ward.</text:p></draw:custom-shape>'
    '<presentation:notes><draw:frame presentation:class="notes"><draw:text-box><text:p>Say that he refused the tablets.</text:p>'
    "</draw:text-box></draw:frame></presentation:notes>"
    "</draw:page>"
)


def write_odp(path: Path) -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.3">'
        f"<office:body><office:presentation>{SLIDES}</office:presentation></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.presentation", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def check_json(*args: str) -> tuple[int, dict[str, Any], str]:
    code, out, err = check("--format", "json", *args)
    return code, json.loads(out), err


def found(report: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(f["rule"], f["text"], {k: v for k, v in f["location"].items() if k != "sentence"}) for f in report["findings"]]


# ---------------------------------------------------------------- OpenDocument text


@pytest.mark.parametrize("writer", [write_odt, write_fodt], ids=["odt", "fodt"])
def test_odt_findings_and_locations(tmp_path: Path, writer: Any) -> None:
    path = writer(tmp_path / ("note.odt" if writer is write_odt else "note.fodt"))
    code, report, _ = check_json(str(path))
    assert code == 1
    assert found(report) == [
        ("TI102", "refused", {"part": "body", "paragraph": 3}),
        ("TI101", "non-compliant", {"part": "body", "paragraph": 3}),
        ("TI102", "refused", {"part": "body", "table": 1, "row": 2, "cell": 2, "paragraph": 7}),
        # paragraph 9: the deliberate example before it is silenced by the comment
        ("TI101", "non-compliant", {"part": "body", "paragraph": 9}),
        ("TI102", "refused", {"part": "header", "number": 1, "paragraph": 1}),
        ("TI102", "refused", {"part": "footnote", "number": 1, "paragraph": 1}),
        ("TI113", "manipulative", {"part": "comment", "number": 2, "paragraph": 1}),
    ]
    document = read_document(path, path.name, "odt")
    assert "She refused it." not in document.text  # the tracked deletion
    assert "Next review in May." in document.text
    for f in report["findings"]:
        assert document.text[f["start"] : f["end"]] == f["text"]
    silenced = next(f for f in report["findings"] if f["location"]["paragraph"] == 9)
    assert silenced["location"]["sentence"] == "Outside the example he was non-compliant too."


def test_odt_text_report_names_the_place(tmp_path: Path) -> None:
    _, out, _ = check(str(write_odt(tmp_path / "note.odt")))
    assert f"{tmp_path / 'note.odt'}: table 1, row 2, cell 2, paragraph 7" in out
    assert f"{tmp_path / 'note.odt'}: footnote 1, paragraph 1" in out
    assert f"{tmp_path / 'note.odt'}: comment 2, paragraph 1" in out


def test_directive_in_a_comment_covers_only_its_rules(tmp_path: Path) -> None:
    body = NOTE_BODY.replace("tilint-disable TI101 --", "tilint-disable TI102 --")
    _, report, _ = check_json(str(write_odt(tmp_path / "note.odt", body)))
    sentences = [f["location"]["sentence"] for f in report["findings"] if f["rule"] == "TI101"]
    assert "Course example: the client was non-compliant." in sentences


def test_comment_on_a_point_covers_its_paragraph(tmp_path: Path) -> None:
    body = (
        "<text:p>He was non-compliant.<office:annotation><text:p>tilint-disable -- quoted from the referral</text:p>"
        "</office:annotation> She refused lunch.</text:p><text:p>Later he refused again.</text:p>"
    )
    _, report, _ = check_json(str(write_odt(tmp_path / "note.odt", body, header="", footer="")))
    assert [(f["rule"], f["location"]["sentence"]) for f in report["findings"]] == [("TI102", "Later he refused again.")]


def test_comment_over_several_paragraphs_covers_them_all(tmp_path: Path) -> None:
    body = (
        '<text:p><office:annotation office:name="ex"><text:p>tilint-disable TI101 -- examples</text:p></office:annotation>'
        "One: he was non-compliant.</text:p><text:p>Two: she was non-compliant.</text:p>"
        '<text:p>Three: they were non-compliant.<office:annotation-end office:name="ex"/></text:p>'
        "<text:p>After: he was non-compliant.</text:p>"
    )
    _, report, _ = check_json(str(write_odt(tmp_path / "note.odt", body, header="", footer="")))
    assert [(f["rule"], f["location"]["paragraph"]) for f in report["findings"]] == [("TI101", 4)]


def test_header_rows_and_nested_tables_are_read_once_in_place(tmp_path: Path) -> None:
    body = (
        "<table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Head</text:p>"
        "</table:table-cell></table:table-row></table:table-header-rows><table:table-row><table:table-cell>"
        "<table:table><table:table-row><table:table-cell><text:p>He refused.</text:p></table:table-cell>"
        "</table:table-row></table:table></table:table-cell><table:table-cell><text:p>Second</text:p>"
        "</table:table-cell></table:table-row></table:table>"
    )
    path = write_odt(tmp_path / "nested.odt", body, header="", footer="")
    document = read_document(path, path.name, "odt")
    assert [(document.text[b.start : b.end], b.table, b.row, b.cell) for b in document.blocks] == [
        ("Head", 1, 1, 1), ("He refused.", 2, 1, 1), ("Second", 1, 2, 2)
    ]


# ---------------------------------------------------------------- OpenDocument presentations


def test_odp_slides_groups_tables_and_notes(tmp_path: Path) -> None:
    code, report, _ = check_json(str(write_odp(tmp_path / "deck.odp")))
    assert code == 1
    assert found(report) == [
        # slide 1: the notes' directive silences TI101 on the slide, not TI102
        ("TI102", "refused", {"part": "slide", "slide": 1, "shape": "Content 2", "paragraph": 1}),
        ("TI101", "non-compliant", {"part": "slide", "slide": 2, "shape": "Grouped box", "paragraph": 2}),
        ("TI102", "refused", {"part": "slide", "slide": 2, "shape": "Table 3", "row": 2, "cell": 2, "paragraph": 1}),
        ("TI113", "manipulative", {"part": "slide", "slide": 2, "shape": "Callout", "paragraph": 1}),
        ("TI102", "refused", {"part": "notes", "slide": 2, "paragraph": 1}),
    ]


# ---------------------------------------------------------------- bad OpenDocument files


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("enc.odt", fuzz.odt_encrypted(1), "is password-protected (encrypted)"),
        ("bomb.odt", fuzz.odt_bomb(1), "zip bomb"),
        ("cut.odt", fuzz.odt_truncated(1), "is a corrupt OpenDocument text file"),
        ("text.odt", b"She refused lunch.", "is not an OpenDocument text file: not a zip archive"),
        ("slides.odt", _zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.presentation", "content.xml": b"<x/>"}), "its type is application/vnd.oasis.opendocument.presentation"),
        ("bad.odt", _zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content"}), "bad XML"),
        ("doctype.fodt", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "refused">]><x>&a;</x>', "DOCTYPE"),
        ("empty.odp", b"", "not a zip archive"),
    ],
)
def test_bad_opendocument_files_fail_alone(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("She refused lunch.\n", encoding="utf-8")
    code, out, err = check("--format", "json", str(bad), str(good))
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"tilint: TL003 {bad}: "), err
    assert expected in lines[0]
    assert [f["path"] for f in json.loads(out)["findings"]] == [str(good)]


# ---------------------------------------------------------------- PDF written by hand


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday"]


def _text_pdf(lines: list[tuple[float, float, str]], pages: int = 1, notes: tuple[tuple[float, str], ...] = ()) -> bytes:
    """A PDF drawing each (x, y, text) with Helvetica 10 in the order given; every page the same
    but for {page} (its number) and {day} (a word that differs on each page). `notes`:
    sticky notes (y, text) on every page, pinned at the left margin."""
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode()]
    for page in range(pages):
        ops = ["BT /F1 10 Tf"]
        for x, y, text in lines:
            shown = text.format(page=page + 1, day=DAYS[page % 4]).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"1 0 0 1 {x} {y} Tm ({shown}) Tj")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        font = 3 + 2 * pages
        annots = " ".join(f"<< /Type /Annot /Subtype /Text /Rect [40 {y - 2} 60 {y + 10}] /Contents ({t}) >>" for y, t in notes)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >>"
            f" /Contents {4 + 2 * page} 0 R /Annots [{annots}] >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return fuzz._pdf(objects)


def test_pdf_columns_drawn_line_across_are_read_column_by_column(tmp_path: Path) -> None:
    left = ["Left column one starts here and", "the patient was often non-", "compliant with the team in the", "morning meeting."]
    right = ["Right column text begins with", "a plan agreed by everyone at", "the ward meeting: she refused", "the new tablets."]
    lines = []
    for i, (a, b) in enumerate(zip(left, right, strict=True)):  # stream order: across both columns
        lines += [(72, 700 - 14 * i, a), (320, 700 - 14 * i, b)]
    path = tmp_path / "columns.pdf"
    path.write_bytes(_text_pdf(lines))
    code, report, _ = check_json(str(path))
    assert code == 1
    got = [(f["rule"], f["text"], f["line"], f["end_line"], f["location"]) for f in report["findings"]]
    assert got == [
        ("TI101", "non-compliant", 2, 3, {"part": "page", "page": 1, "line": 2,
         "sentence": "Left column one starts here and the patient was often non-compliant with the team in the morning meeting."}),
        ("TI102", "refused", 7, 7, {"part": "page", "page": 1, "line": 3,
         "sentence": "Right column text begins with a plan agreed by everyone at the ward meeting: she refused the new tablets."}),
    ]


def test_pdf_running_headers_footers_and_page_numbers_stay_out_of_sentences(tmp_path: Path) -> None:
    lines = [
        (72, 800, "Ward 7 policy: he refused visits"),  # running header: checked once
        (72, 700, "on {day} the team agreed that the plan would be reviewed and that he was"),
        (72, 686, "non-compliant with the diet at the start of the"),
        (72, 672, "{day} visit, then the team met again and it went"),
        (290, 60, "{page}"),  # page number
    ]
    path = tmp_path / "policy.pdf"
    path.write_bytes(_text_pdf(lines, pages=3))
    _, report, _ = check_json(str(path))
    findings = report["findings"]
    assert [(f["rule"], f["location"]["page"], f["location"]["part"]) for f in findings] == [
        ("TI101", 1, "page"), ("TI101", 2, "page"), ("TI101", 3, "page"), ("TI102", 1, "header")
    ]
    document = read_document(path, path.name, "pdf")
    assert document.text.count("Ward 7 policy") == 1
    assert "Ward 7 policy" not in findings[0]["location"]["sentence"]
    # "...and it went" runs over the page break into the next page's text, with neither the
    # page number nor the header glued in between
    assert "and it went on Tuesday the team agreed" in document.text
    assert not any(line.strip().isdigit() for line in document.text.splitlines())


def test_pdf_comment_is_checked_and_its_directive_covers_its_line(tmp_path: Path) -> None:
    lines = [(72, 700, "Example: he was non-compliant."), (72, 686, "In the real note she was non-compliant.")]
    notes = ((700, "tilint-disable TI101 -- deliberate example for the course"), (686, "Was he manipulative?"))
    path = tmp_path / "course.pdf"
    path.write_bytes(_text_pdf(lines, notes=notes))
    _, report, _ = check_json(str(path))
    assert [(f["rule"], f["location"]) for f in report["findings"]] == [
        ("TI101", {"part": "page", "page": 1, "line": 2, "sentence": "In the real note she was non-compliant."}),
        ("TI113", {"part": "comment", "number": 2, "page": 1, "line": 2, "sentence": "Was he manipulative?"}),
    ]
    _, out, _ = check(str(path))
    assert f"{path}: page 1, line 2 (comment 2)" in out


def test_pdf_without_text_gets_a_note_not_silence(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(fuzz.pdf_document(b"0 0 1 rg 10 10 200 200 re f"))  # a drawing, no text
    code, out, err = check(str(scan))
    assert code == 0
    assert out.strip() == "No findings in 1 file."
    assert err.strip() == f"tilint: note: {scan}: has no text layer (a scanned image?): nothing to check; run OCR on it first"


@pytest.mark.parametrize(
    ("builder", "expected"),
    [
        (fuzz.pdf_encrypted, "is password-protected (encrypted)"),
        (fuzz.pdf_truncated, "is a corrupt PDF file"),
        (fuzz.pdf_object_stream_bomb, "a decompression bomb?"),
        (lambda _: b"She refused lunch.", "is not a PDF file"),
    ],
)
def test_bad_pdfs_fail_alone(tmp_path: Path, builder: Any, expected: str) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(builder(1))
    good = tmp_path / "good.txt"
    good.write_text("She refused lunch.\n", encoding="utf-8")
    code, out, err = check("--format", "json", str(bad), str(good))
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"tilint: TL003 {bad}: "), err
    assert expected in lines[0]
    assert [f["path"] for f in json.loads(out)["findings"]] == [str(good)]


def test_fix_never_writes_into_opendocument_or_pdf(tmp_path: Path) -> None:
    odt = write_odt(tmp_path / "note.odt")
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(_text_pdf([(72, 700, "She refused lunch.")]))
    before = {p: p.read_bytes() for p in (odt, pdf)}
    code, _, err = check("--fix", str(odt), str(pdf))
    assert code == 1
    for p in (odt, pdf):
        assert p.read_bytes() == before[p]
        assert f"tilint: note: {p}: not rewritten (--fix changes .txt and .md files only)" in err.splitlines()


def test_sarif_and_html_carry_page_and_line(tmp_path: Path) -> None:
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(_text_pdf([(72, 700, "Intro line."), (72, 686, "She refused lunch.")]))
    _, out, _ = check("--format", "sarif", str(pdf))
    result = json.loads(out)["runs"][0]["results"][0]
    assert result["properties"]["location"] == {"part": "page", "page": 1, "line": 2}
    assert result["message"]["text"].startswith("page 1, line 2: ")
    _, html, _ = check("--format", "html", str(pdf))
    assert "page 1, line 2" in html
    odp = write_odp(tmp_path / "deck.odp")
    _, out, _ = check("--format", "sarif", str(odp))
    locations = [r["properties"]["location"] for r in json.loads(out)["runs"][0]["results"]]
    assert {"part": "notes", "slide": 2, "paragraph": 1} in locations


def test_new_formats_are_found_in_folders(tmp_path: Path) -> None:
    write_odt(tmp_path / "a.odt")
    write_odp(tmp_path / "b.odp")
    (tmp_path / "c.pdf").write_bytes(_text_pdf([(72, 700, "She refused lunch.")]))
    _, report, err = check_json(str(tmp_path))
    assert {Path(f["path"]).name for f in report["findings"]} == {"a.odt", "b.odp", "c.pdf"}
    assert "skipped" not in err


# ---------------------------------------------------------------- PDFs made by LibreOffice

SOFFICE = shutil.which("soffice")
HYPHENATED = (
    "<text:p>"
    + " ".join(
        f"Week {i}: the young person was non-compliant with the multi\u00addis\u00adci\u00adpli\u00adnary team plan "
        f"in the ac\u00adcom\u00admo\u00adda\u00adtion review{'.' * (i % 2)} {'and' if i % 2 == 0 else 'The'} "
        "plan was agreed."
        for i in range(40)
    )
    + "</text:p>"
)
TWO_COLUMNS = "".join(
    f"<text:p>Paragraph {i}. The team met on the ward and agreed a plan with the family for the coming week; "
    f"{'he refused the depot injection because it frightens him' if i % 4 == 1 else 'everyone agreed the next steps'}"
    " and the review is booked for next month.</text:p>"
    for i in range(40)
)


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One LibreOffice run for the whole session: .odt -> .docx and .odt -> .pdf."""
    if SOFFICE is None:
        raise RuntimeError("LibreOffice is missing: .ci/run installs libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("libreoffice")
    sources = [
        write_odt(folder / "note.odt"),
        write_odt(folder / "hyphenated.odt", HYPHENATED, header="", footer="", columns=3),
        write_odt(folder / "columns.odt", TWO_COLUMNS, header="Ward 7 policy", footer="Policy review", columns=2),
    ]
    profile = folder / "profile"
    base = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    env = {**os.environ, "HOME": str(folder)}
    course = folder / "course.docx"  # Word comments, as LibreOffice turns them into annotations
    d = docx.Document()
    d.add_paragraph("Course example: the client was non-compliant.")
    d.add_comment(d.paragraphs[0].runs[0], text="tilint-disable TI101 -- deliberate example for the course", author="T")
    real = d.add_paragraph("In the real note ").add_run("he refused lunch and was non-compliant.")
    d.add_comment(real, text="Was he manipulative here?", author="R")
    d.save(str(course))
    deck = folder / "deck.pptx"  # speaker notes and a grouped shape, as Impress writes them
    p = pptx.Presentation()
    for title, notes in (("Bad example", "tilint-disable TI101 -- deliberate example for the course"), ("Real", "Say he refused.")):
        slide = p.slides.add_slide(p.slide_layouts[5])
        slide.shapes.title.text = title
        group = slide.shapes.add_group_shape()
        box = group.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(1))
        box.name = "Grouped box"
        box.text_frame.text = "He was non-compliant."
        slide.notes_slide.notes_text_frame.text = notes
    p.save(str(deck))
    pdf = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'  # comments as PDF comments
    for target, inputs in ((pdf, sources), ("docx", sources[:1]), ("odt", [course]), ("odp", [deck])):
        subprocess.run(
            [*base, "--convert-to", target, "--outdir", str(folder), *map(str, inputs)],
            check=True, capture_output=True, timeout=300, env=env,
        )
        ext = target.split(":")[0]
        for source in inputs:
            assert source.with_suffix(f".{ext}").is_file(), f"LibreOffice made no {ext} from {source.name}"
    yield folder


def _sentences(path: Path) -> Counter[tuple[str, str, str]]:
    _, report, _ = check_json(str(path))
    return Counter((f["rule"], f["text"], f["location"]["sentence"]) for f in report["findings"])


@pytest.mark.slow
def test_same_note_same_findings_as_docx_odt_and_pdf(libreoffice: Path) -> None:
    odt, docx, pdf = (_sentences(libreoffice / f"note.{ext}") for ext in ("odt", "docx", "pdf"))
    assert odt == docx == pdf
    # what makes them equal: the tracked deletion is not checked (in the PDF it is printed
    # struck through), the comment is checked, and its directive silences the example
    # (in the PDF: a comment pinned to the example's printed line)
    assert ("TI113", "manipulative", "Was he manipulative here?") in pdf
    assert ("TI101", "non-compliant", "Course example: the client was non-compliant.") not in pdf
    assert ("TI101", "non-compliant", "Outside the example he was non-compliant too.") in pdf
    assert not any("She refused it." in sentence for _, _, sentence in pdf)
    _, report, _ = check_json(str(libreoffice / "note.pdf"))
    places = {(f["text"], f["location"]["part"], f["location"]["page"]) for f in report["findings"]}
    assert ("manipulative", "comment", 1) in places and ("non-compliant", "page", 1) in places


@pytest.mark.slow
def test_libreoffice_hyphenation_is_joined(libreoffice: Path) -> None:
    path = libreoffice / "hyphenated.pdf"
    document = read_document(path, path.name, "pdf")
    assert document.text.count("multidisciplinary team plan") == 40
    assert document.text.count("accommodation review") == 40
    _, report, _ = check_json(str(path))
    ti101 = [f for f in report["findings"] if f["rule"] == "TI101"]
    assert len(ti101) == 40 and {f["text"] for f in ti101} == {"non-compliant"}
    assert any(f["end_line"] > f["line"] for f in ti101), "no line ended at the hyphen of non-compliant"


@pytest.mark.slow
def test_libreoffice_two_columns_with_running_header_and_footer(libreoffice: Path) -> None:
    path = libreoffice / "columns.pdf"
    document = read_document(path, path.name, "pdf")
    # reading order: down the left column, then the right one, page after page
    assert re.findall(r"Paragraph (\d+)\.", document.text) == [str(i) for i in range(40)]
    # no paragraph is cut by a column or page break: each runs whole to its last words
    assert len(re.findall(r"Paragraph \d+\. The team met .*? next month\.", document.text)) == 40
    assert document.text.count("Ward 7 policy") == 1 and document.text.count("Policy review") == 1
    _, report, _ = check_json(str(path))
    refused = [f for f in report["findings"] if f["rule"] == "TI102"]
    assert len(refused) == 10
    assert all(f["location"]["sentence"].startswith("The team met on the ward") for f in refused)
    assert {f["location"]["page"] for f in refused} >= {1, 2}


def _no_notes_shape(location: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in location.items() if not (k == "shape" and location["part"] == "notes")}


@pytest.mark.slow
def test_word_and_powerpoint_saved_by_libreoffice_as_opendocument(libreoffice: Path) -> None:
    """Comments and notes as LibreOffice writes them: same findings, same suppressions."""
    for name in ("course", "deck"):
        ext = "odt" if name == "course" else "odp"
        ms, od = (check_json(str(libreoffice / f"{name}.{e}"))[1] for e in ("docx" if name == "course" else "pptx", ext))
        # PowerPoint names its notes placeholder; OpenDocument's notes frame has no name
        assert [(f["rule"], f["text"], _no_notes_shape(f["location"])) for f in ms["findings"]] == [
            (f["rule"], f["text"], f["location"]) for f in od["findings"]
        ]
    _, course, _ = check_json(str(libreoffice / "course.odt"))
    assert [(f["rule"], f["location"]["part"]) for f in course["findings"]] == [
        ("TI102", "body"), ("TI101", "body"), ("TI113", "comment")
    ]
    _, deck, _ = check_json(str(libreoffice / "deck.odp"))
    assert [(f["rule"], f["location"]["part"], f["location"]["slide"], f["location"].get("shape")) for f in deck["findings"]] == [
        ("TI101", "slide", 2, "Grouped box"), ("TI102", "notes", 2, None)
    ]


def test_every_reader_extension_is_a_hook_file_and_documented() -> None:
    """The pre-commit hook, docs/formats.md and the README name every extension a reader
    is registered for, so a new reader cannot be left out of them."""
    from tilint.formats import KINDS

    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    pattern = re.search(r"^  files: (.+)$", hook, re.MULTILINE)
    assert pattern is not None
    formats = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    table = formats.split("\n## ", 1)[0]  # before the first section: the table of readers
    readme_line = next(line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if "recursively:" in line)
    for ext in KINDS:
        assert re.search(pattern.group(1), f"notes/file{ext}"), ext
        assert f"`{ext}`" in table, ext
    main_extensions = {kind: ext for ext, kind in reversed(list(KINDS.items()))}  # the first of each kind
    for ext in main_extensions.values():
        assert f" {ext}" in readme_line, ext
