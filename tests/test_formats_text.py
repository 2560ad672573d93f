"""Text formats keep the file's own lines and columns; what is never prose is never checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import check_in_process
from tilint import lint_text
from tilint.formats import blank, blank_ranges, prepare
from tilint.formats.html import prepare_html
from tilint.report.locations import sentence_bounds


def check_json(*args: str, stdin: bytes | None = None) -> tuple[int, Any, str]:
    code, out, err = check_in_process("--format", "json", *args, stdin=stdin)
    return code, json.loads(out), err


def spans(text: str, kind: str) -> list[tuple[str, int, int]]:
    return [(f.text, f.line, f.column) for f in lint_text(text, kind=kind)]


def test_markdown_skips_code_front_matter_urls_and_comments_but_obeys_tilint_comments() -> None:
    text = (
        "---\ntitle: He refused\n---\n"
        "Use `refused` rarely. See https://example.org/refused and <!-- he refused -->.\n"
        "\n```\nrefused\n```\n\n"
        "    indented code: refused\n\n"
        "<!-- tilint-disable-next-line TI102 -- quoting the order -->\n"
        "The court refused him.\n"
        "She refused lunch.\n"
    )
    assert spans(text, "markdown") == [("refused", 14, 5)]


def test_html_checks_only_what_people_read() -> None:
    text = (
        "<!DOCTYPE html>\n<html><head><title>Plan</title>\n"
        "<style>p.refused { color: red }</style><script>var refused = 1; if (a<b) {}</script></head>\n"
        '<body><h1>Medication</h1><p>She <a href="/refused">asked</a> twice.</p>\n'
        "<p>He refused his depot &amp; was non-compliant.</p>\n"
        "<pre>refused</pre><code>refused</code><p><img alt='x' src='refused.png'></p>\n"
        "<blockquote>I refused because it hurts.</blockquote>\n"
        "<!-- tilint-disable-next-line -->\n<p>The patient refused.</p>\n"
        "<p>Lacks insight</p><p>She refused lunch.</p></body></html>\n"
    )
    assert spans(text, "html") == [
        ("refused", 5, 7),
        ("non-compliant", 5, 35),
        ("Lacks insight", 10, 4),
        ("refused", 10, 28),
    ]
    document = prepare_html(text)
    assert len(document.checkable) == len(text)


def test_html_block_elements_end_sentences() -> None:
    document = prepare_html("<h2>Plan</h2><p>She refused.</p>")
    assert "Plan\n\n" in document.checkable.replace(" ", "")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/\"'=&;#!-pbrscipt aq\n\r")), max_size=200))
def test_html_reader_keeps_length_and_line_breaks(text: str) -> None:
    checkable = prepare_html(text).checkable
    assert len(checkable) == len(text)
    for original, seen in zip(text, checkable, strict=True):
        if original in "\r\n":
            assert seen == original


def test_rst_skips_literals_code_comments_and_targets() -> None:
    text = (
        "Title\n=====\n\n"
        "Run this::\n\n    refused --force\n\n"
        ".. code-block:: python\n\n   print('refused')\n\n"
        ".. a comment: he refused\n\n"
        ".. _refused: https://example.org/refused\n\n"
        "Use ``refused`` and :code:`refused` and `a link <https://x.org/refused>`_.\n\n"
        ".. note:: He refused the plan.\n\n"
        ".. tilint-disable-next-line TI102\n"
        "The court refused.\n"
        "She refused lunch.\n"
    )
    assert spans(text, "rst") == [("refused", 18, 14), ("refused", 22, 5)]


def test_plain_text_and_markdown_documents_have_no_blocks() -> None:
    for kind in ("text", "markdown", "html", "rst"):
        document = prepare("She refused.\n", kind)
        assert document.blocks == ()
        assert document.kind == kind


def test_stdin_filename_picks_html_and_rst() -> None:
    code, data, _ = check_json("--stdin-filename", "page.html", "-", stdin=b"<p>refused</p><code>refused</code>")
    assert code == 1
    assert [(f["path"], f["start"]) for f in data["findings"]] == [("page.html", 3)]
    code, data, _ = check_json("--stdin-filename", "doc.rst", "-", stdin=b"``refused``\n")
    assert code == 0


def test_unknown_extensions_are_skipped_with_a_note_unless_named(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("She refused.\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("He refused\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("# refused\n", encoding="utf-8")
    code, data, err = check_json(str(tmp_path))
    assert [Path(f["path"]).name for f in data["findings"]] == ["a.md"]
    assert f"tilint: note: {tmp_path}: skipped 2 files of unknown type" in err
    code, data, err = check_json(str(tmp_path / "b.csv"))
    assert code == 1 and [f["text"] for f in data["findings"]] == ["refused"]
    assert "skipped" not in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plan agreed. She refused lunch. We will ask again.", "She refused lunch."),
        ("First line\n\nShe refused lunch\n\nNext", "She refused lunch"),
        ("She refused", "She refused"),
    ],
)
def test_sentence_bounds(text: str, expected: str) -> None:
    start = text.index("refused")
    a, b = sentence_bounds(text, start, start + 7)
    assert text[a:b] == expected


def test_html_offsets_slice_the_source(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    source = "<html>\r\n<body>\r\n<p>Résumé 😀 — she refused.</p>\r\n</body></html>\r\n"
    page.write_bytes(source.encode("utf-8"))
    code, data, _ = check_json(str(page))
    assert code == 1
    [f] = data["findings"]
    assert source[f["start"] : f["end"]] == "refused"
    assert (f["line"], f["column"]) == (3, source.split("\r\n")[2].index("refused") + 1)
    assert "location" not in f


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="ab \r\n\u2028é", max_size=60),
    ranges=st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=6),
)
def test_blank_ranges_equals_blanking_character_by_character(text: str, ranges: list[tuple[int, int]]) -> None:
    chars = list(text)
    for start, end in ranges:
        blank(chars, start, end)
    assert blank_ranges(text, ranges) == "".join(chars)


def test_plain_text_blanks_urls_and_directives_keeping_lines() -> None:
    text = "See https://example.org/a\r\nb now.\n<!-- tilint-disable-next-line -->\nShe refused.\n"
    lines = prepare(text, "text").checked_text().split("\n")
    assert lines == ["See " + " " * len("https://example.org/a") + "\r", "b now.", " " * len("<!-- tilint-disable-next-line -->"), "She refused.", ""]
