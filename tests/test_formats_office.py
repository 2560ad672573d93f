"""Word and PowerPoint: findings at the right paragraph, slide and shape; bad files fail
alone with one clear line; memory stays bounded; the readers are imported lazily."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT, run_cli
from tests.helpers import check_in_process as check
from tilint import lint_paths
from tilint.__about__ import __version__
from tilint.errors import InputError
from tilint.formats import container, office, read_document

try:
    import docx
    import pptx
    from docx.oxml import parse_xml
    from pptx.util import Inches
except ImportError as exc:  # never skip: the CI script installs the test extras
    raise ImportError(f"{exc}: install the test extras: pip install -e '.[test]'") from None

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def check_json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = check("--format", "json", *args)
    return code, json.loads(out)


def make_docx(path: Path) -> Path:
    """A Word document with findings in the body, a table, a header, a footer, a footnote
    and a text box, plus deleted (tracked) text that must not be checked."""
    d = docx.Document()
    d.add_heading("Care plan review", 1)  # paragraph 1
    d.add_paragraph("We met on Tuesday and agreed the plan.")  # 2
    d.add_paragraph("")  # 3 (empty, still counted)
    d.add_paragraph("He refused his depot. Staff found he has been non-compliant for weeks.")  # 4
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Name"  # 5
    table.cell(1, 1).text = "She refused lunch."  # cell (2, 2)
    deleted = d.add_paragraph("Plan agreed. ")
    deleted._p.append(
        parse_xml(
            f'<w:del xmlns:w="{W_NS}" w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:delText>She refused it.</w:delText></w:r></w:del>"
        )
    )
    section = d.sections[0]
    section.header.paragraphs[0].text = "Confidential: he refused consent to share"
    section.footer.paragraphs[0].text = "Ward 7 notes"
    d.save(str(path))
    _add_footnote(path, "The patient refused the interview.")
    return path


def _add_footnote(path: Path, text: str) -> None:
    """python-docx cannot write footnotes: add a footnotes part to the package by hand."""
    with zipfile.ZipFile(path) as zin:
        parts = {name: zin.read(name) for name in zin.namelist()}
    parts["word/footnotes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdFoot1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    parts["word/_rels/document.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode().replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)


def make_pptx(path: Path) -> Path:
    p = pptx.Presentation()
    s1 = p.slides.add_slide(p.slide_layouts[1])
    s1.shapes.title.text = "Medication"
    s1.placeholders[1].text = "First point\nHe refused the tablets."
    s1.notes_slide.notes_text_frame.text = "Say that she was non-compliant last year."
    s2 = p.slides.add_slide(p.slide_layouts[5])
    s2.shapes.title.text = "Who we work with"
    table = s2.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    table.cell(0, 0).text = "Group"
    table.cell(1, 0).text = "Patients who refused"
    s3 = p.slides.add_slide(p.slide_layouts[6])
    box = s3.shapes.add_textbox(Inches(1), Inches(1), Inches(6), Inches(1))
    box.name = "Quote box"
    box.text_frame.text = "No findings on this slide."
    box.text_frame.add_paragraph().text = "But he refused again."
    p.save(str(path))
    return path


def test_docx_findings_name_the_paragraph_table_header_and_footnote(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "plan.docx")
    code, data = check_json(str(path))
    assert code == 1
    found = [(f["rule"], f["text"], f["location"]) for f in data["findings"]]
    locations = [loc for _, _, loc in found]
    assert found[0][:2] == ("TI102", "refused")
    assert locations[0] == {"part": "body", "paragraph": 4, "sentence": "He refused his depot."}
    assert found[1][:2] == ("TI101", "non-compliant")
    assert locations[1]["sentence"] == "Staff found he has been non-compliant for weeks."
    cell = next(loc for loc in locations if "row" in loc)
    assert (cell["table"], cell["row"], cell["cell"], cell["sentence"]) == (1, 2, 2, "She refused lunch.")
    header = next(loc for loc in locations if loc["part"] == "header")
    assert header == {"part": "header", "number": 1, "paragraph": 1, "sentence": "Confidential: he refused consent to share"}
    footnote = next(loc for loc in locations if loc["part"] == "footnote")
    assert footnote["number"] == 1 and footnote["sentence"] == "The patient refused the interview."
    assert len(data["findings"]) == 5  # the deleted (tracked) 'refused' is not checked
    # line = block of the extracted text, column = position in it; text slices the block
    document = read_document(path, "plan.docx", "docx")
    lines = document.display_text().split("\n")
    for f in data["findings"]:
        assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == f["text"]
        assert document.text[f["start"] : f["end"]] == f["text"]


def test_docx_text_output_names_paragraph_and_quotes_sentence(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "plan.docx")
    code, out, _ = check(str(path))
    assert code == 1
    assert f"{path}: paragraph 4  warning" in out
    assert "   | He refused his depot.\n   |    ^^^^^^^" in out
    assert f"{path}: table 1, row 2, cell 2, paragraph" in out
    assert f"{path}: header 1, paragraph 1  warning" in out


def test_pptx_findings_name_slide_shape_and_notes(tmp_path: Path) -> None:
    path = make_pptx(tmp_path / "deck.pptx")
    code, data = check_json(str(path))
    assert code == 1
    locs = [(f["text"], f["location"]) for f in data["findings"]]
    assert locs[0] == ("refused", {"part": "slide", "slide": 1, "shape": "Content Placeholder 2", "paragraph": 2, "sentence": "He refused the tablets."})
    assert locs[1][0] == "non-compliant"
    assert locs[1][1]["part"] == "notes" and locs[1][1]["slide"] == 1
    assert locs[1][1]["sentence"] == "Say that she was non-compliant last year."
    assert locs[2][1] == {"part": "slide", "slide": 2, "shape": "Table 2", "row": 2, "cell": 1, "paragraph": 1, "sentence": "Patients who refused"}
    assert locs[3][1] == {"part": "slide", "slide": 3, "shape": "Quote box", "paragraph": 2, "sentence": "But he refused again."}
    _, out, _ = check(str(path))
    assert f'{path}: slide 1, shape "Content Placeholder 2", paragraph 2  warning' in out
    assert f'{path}: slide 1 notes, shape "Notes Placeholder 2", paragraph 1  warning' in out


def test_word_comments_are_checked_and_their_directives_cover_the_anchored_range(tmp_path: Path) -> None:
    d = docx.Document()
    example = d.add_paragraph("Course example: the client was non-compliant.")
    d.add_comment(example.runs[0], text="tilint-disable TI101 -- deliberate example for the course", author="Trainer")
    mixed = d.add_paragraph("Deliberate: he was non-compliant. ")
    real = mixed.add_run("In the real note he was non-compliant and refused lunch.")
    d.add_comment(mixed.runs[0], text="tilint-disable TI101 -- deliberate example for the course", author="Trainer")
    d.add_comment(real, text="Was he manipulative here?", author="Reviewer")
    d.add_paragraph("Later he was non-compliant again.")
    path = tmp_path / "course.docx"
    d.save(str(path))
    code, data = check_json(str(path))
    assert code == 1
    got = [(f["rule"], f["text"], f["location"]) for f in data["findings"]]
    assert got == [
        # the directive covers only the run it is anchored to, not the rest of paragraph 2
        ("TI101", "non-compliant", {"part": "body", "paragraph": 2, "sentence": "In the real note he was non-compliant and refused lunch."}),
        ("TI102", "refused", {"part": "body", "paragraph": 2, "sentence": "In the real note he was non-compliant and refused lunch."}),
        ("TI101", "non-compliant", {"part": "body", "paragraph": 3, "sentence": "Later he was non-compliant again."}),
        ("TI113", "manipulative", {"part": "comment", "number": 3, "paragraph": 1, "sentence": "Was he manipulative here?"}),
    ]
    _, out, _ = check(str(path))
    assert f"{path}: comment 3, paragraph 1" in out
    assert "tilint-disable" not in out  # the directive itself is not prose to check or quote


def test_a_word_comment_over_several_paragraphs_covers_them_all(tmp_path: Path) -> None:
    d = docx.Document()
    first = d.add_paragraph("Example one: he was non-compliant.")
    d.add_paragraph("Example two: she was non-compliant.")
    last = d.add_paragraph("Example three: they were non-compliant.")
    d.add_comment([first.runs[0], last.runs[0]], text="tilint-disable -- three deliberate examples", author="T")
    d.add_paragraph("After the examples he was non-compliant.")
    path = tmp_path / "examples.docx"
    d.save(str(path))
    _, data = check_json(str(path))
    assert [(f["rule"], f["location"]["paragraph"]) for f in data["findings"]] == [("TI101", 4)]


def test_a_directive_in_speaker_notes_covers_its_slide_only(tmp_path: Path) -> None:
    p = pptx.Presentation()
    for title, notes in (("Bad example", "tilint-disable TI101 -- deliberate example for the course"), ("Real", "")):
        slide = p.slides.add_slide(p.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = "He was non-compliant and refused."
        slide.notes_slide.notes_text_frame.text = notes
    path = tmp_path / "deck.pptx"
    p.save(str(path))
    _, data = check_json(str(path))
    assert [(f["rule"], f["location"]["slide"]) for f in data["findings"]] == [("TI102", 1), ("TI101", 2), ("TI102", 2)]


def test_office_from_stdin_with_stdin_filename(tmp_path: Path) -> None:
    raw = make_pptx(tmp_path / "deck.pptx").read_bytes()
    code, out, _ = check("--format", "json", "--stdin-filename", "deck.pptx", "-", stdin=raw)
    assert code == 1
    data = json.loads(out)
    assert {f["path"] for f in data["findings"]} == {"deck.pptx"}
    assert data["findings"][0]["location"]["slide"] == 1


def _zip_bytes(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def _cfb(streams: list[str]) -> bytes:
    """Enough of an OLE compound file for the reader's check: magic plus directory names."""
    names = b"".join(s.encode("utf-16-le") + b"\x00\x00" for s in streams)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + names


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("truncated.docx", "truncated", "corrupt Word file"),
        ("text.docx", b"She refused lunch.\n", "not a Word file: not a zip archive"),
        ("locked.docx", _cfb(["EncryptionInfo", "EncryptedPackage"]), "password-protected"),
        ("old.pptx", _cfb(["PowerPoint Document"]), "old binary Office file"),
        ("other.pptx", _zip_bytes({"hello.txt": b"hi"}), "zip archive but not a PowerPoint document"),
        ("doctype.docx", "doctype", "DOCTYPE"),
        ("bomb.docx", "bomb", "zip bomb"),
        ("huge.pptx", "huge", "larger than"),
    ],
)
def test_bad_documents_give_one_line_and_exit_2_while_the_rest_goes_on(
    tmp_path: Path, name: str, content: bytes | str, expected: str
) -> None:
    bad = tmp_path / name
    if content == "truncated":
        full = make_docx(tmp_path / "full.docx").read_bytes()
        bad.write_bytes(full[: len(full) // 2])
    elif content == "doctype":
        bad.write_bytes(
            _zip_bytes(
                {
                    "_rels/.rels": _ROOT_RELS,
                    "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "refused">]><x>&a;</x>',
                }
            )
        )
    elif content == "bomb":
        _write_bomb(bad, 300_000_000)
    elif content == "huge":
        with bad.open("wb") as fh:
            fh.truncate(office.MAX_FILE_BYTES + 1)  # sparse: instant, takes no disk
    else:
        assert isinstance(content, bytes)
        bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("She refused lunch.\n", encoding="utf-8")
    code, out, err = check("--format", "json", str(bad), str(good))
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"tilint: TL003 {bad}: ")
    assert expected in lines[0]
    assert "Traceback" not in err
    assert [f["path"] for f in json.loads(out)["findings"]] == [str(good)]


_ROOT_RELS = (
    b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    b' Target="word/document.xml"/></Relationships>'
)


def _write_bomb(path: Path, size: int) -> None:
    """A small zip whose document part inflates to `size` bytes of zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_rels/.rels", _ROOT_RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\x00" * 1_000_000
            for _ in range(size // len(chunk)):
                part.write(chunk)


def test_zip_bomb_with_a_lying_directory_is_read_with_a_cap(tmp_path: Path) -> None:
    """Declared sizes are not trusted: a part that says it is small but inflates to far more
    is refused after at most MAX_PART_BYTES, in a process whose peak memory stays low."""
    bomb = tmp_path / "liar.docx"
    _write_bomb(bomb, 200_000_000)
    raw = bytearray(bomb.read_bytes())
    _lie_about_sizes(raw, "word/document.xml", 2_000)
    bomb.write_bytes(bytes(raw))
    probe = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from tilint.formats import read_document\n"
        "from tilint.errors import InputError\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n"
        f"    read_document(Path({str(bomb)!r}), 'liar.docx', 'docx')\n"
        "    print('READ')\n"
        "except InputError as exc:\n"
        "    print(exc)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    ).stdout.splitlines()
    assert out[0].startswith("TL003 liar.docx: is a corrupt Word file"), out
    # kB grown while reading, measured against the same process after its imports: bounded
    # by the 64 MB part cap, far below the 200 MB the part inflates to.
    assert int(out[1]) < 150_000


def _lie_about_sizes(raw: bytearray, name: str, fake: int) -> None:
    """Rewrite the uncompressed size recorded for `name` (zip64 extra field included)."""
    import struct

    encoded = name.encode()
    for sig, size_at, name_len_at, extra_len_at, header in ((b"PK\x01\x02", 24, 28, 30, 46), (b"PK\x03\x04", 22, 26, 28, 30)):
        pos = raw.find(sig)
        while pos >= 0:
            n = struct.unpack_from("<H", raw, pos + name_len_at)[0]
            e = struct.unpack_from("<H", raw, pos + extra_len_at)[0]
            if raw[pos + header : pos + header + n] == encoded:
                if struct.unpack_from("<I", raw, pos + size_at)[0] != 0xFFFFFFFF:
                    struct.pack_into("<I", raw, pos + size_at, fake)
                extra = pos + header + n
                i = extra
                while i < extra + e:
                    tag, length = struct.unpack_from("<HH", raw, i)
                    if tag == 1:
                        struct.pack_into("<Q", raw, i + 4, fake)  # zip64: uncompressed size first
                    i += 4 + length
            pos = raw.find(sig, pos + 4)


def test_reader_refuses_oversized_part_before_inflating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(container, "MAX_PART_BYTES", 1_000)
    path = make_docx(tmp_path / "plan.docx")
    with pytest.raises(InputError, match="too much XML"):
        read_document(path, "plan.docx", "docx")


def test_office_readers_are_imported_only_when_needed(tmp_path: Path) -> None:
    note = tmp_path / "n.md"
    note.write_text("She refused.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tilint.cli import main\n"
        f"CliRunner().invoke(main, ['check', {str(note)!r}])\n"
        "print(sorted(m for m in ('tilint.formats.office', 'tilint.formats.odf', 'tilint.formats.pdf', 'pypdfium2',"
        " 'docx', 'pptx', 'lxml', 'xml.etree.ElementTree', 'tilint.report.html_report', 'tilint.report.sarif')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "[]"


def test_word_and_powerpoint_in_a_folder_are_found(tmp_path: Path) -> None:
    make_docx(tmp_path / "a.docx")
    make_pptx(tmp_path / "b.pptx")
    proc = run_cli("check", "--format", "json", str(tmp_path))
    data = json.loads(proc.stdout)
    assert {Path(f["path"]).name for f in data["findings"]} == {"a.docx", "b.pptx"}
    assert data["summary"]["files"] == 2


def test_json_report_text_is_exactly_json_dumps_of_the_report(tmp_path: Path) -> None:
    # The report encodes each finding as it goes (memory); the text must still be what
    # json.dumps(indent=2) gives for the whole document.
    from tilint.report.json_report import finding_to_dict, office_location, render

    note = tmp_path / "n.md"
    note.write_text("Elle a dit « refused »? She refused — non-compliant, ✓.\n\nHe refused.\n", encoding="utf-8")
    paths = [make_docx(tmp_path / "plan.docx"), note, tmp_path / "missing.txt"]
    results = lint_paths([str(p) for p in paths])
    documents = {r.path: read_document(Path(r.path), r.path, "docx" if r.path.endswith(".docx") else "markdown") for r in results if r.error is None}
    text = render(results, documents)
    findings = []
    for r in results:
        for f in r.findings:
            item = finding_to_dict(r.path, f)
            if documents[r.path].blocks:
                item["location"] = office_location(documents[r.path], f)
            findings.append(item)
    summary = {"files": 2, "findings": len(findings), "by_category": dict(sorted(Counter(f["category"] for f in findings).items()))}
    expected = {"version": __version__, "findings": findings, "summary": summary}
    assert len(findings) > 5 and text == json.dumps(expected, ensure_ascii=False, indent=2)
    assert render([r for r in results if not r.findings], {}) == json.dumps(
        {"version": __version__, "findings": [], "summary": {"files": 0, "findings": 0, "by_category": {}}}, ensure_ascii=False, indent=2
    )
