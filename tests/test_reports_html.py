"""The HTML report: self-contained, renders in headless Chromium, never runs document text."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest

from tests.helpers import ROOT, run_cli
from tests.test_formats_office import make_docx, make_pptx

SCREENSHOT = ROOT / "docs" / "images" / "html-report.png"
HOSTILE = (
    "The note said <script>document.title='pwned';"
    "document.body.insertAdjacentHTML('beforeend','<p id=\"pwned\">ran</p>')</script> "
    "and <img src=x onerror=\"document.title='pwned'\"> that he refused the plan.\n"
)


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("headless Chromium is needed for the HTML report tests: apt-get install chromium")


def run_chromium(*args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="tilint-chromium-") as profile:
        return subprocess.run(
            [
                chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={profile}", *args,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("report")
    docs = base / "training"
    docs.mkdir()
    (docs / "ward-round.md").write_text(
        "# Ward round\n\nHe refused his depot and has been non-compliant with oral medication.\n\n"
        "She said, \"I'm proud to be in recovery.\" The team say she refused lunch again.\n",
        encoding="utf-8",
    )
    (docs / "letter.txt").write_text(HOSTILE, encoding="utf-8")
    (docs / "policy.html").write_text(
        "<h1>Leave</h1><p>Patients who refused medication are reviewed weekly.</p>", encoding="utf-8"
    )
    make_docx(docs / "care-plan.docx")
    make_pptx(docs / "induction.pptx")
    (docs / "clean.md").write_text("We agreed a plan together.\n", encoding="utf-8")
    out = base / "report.html"
    proc = run_cli("check", "--format", "html", "--output", str(out), "training", cwd=base)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    return out


def test_report_is_self_contained(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html.replace("&lt;script", "")  # no scripts of our own
    refs = _references(html)
    assert refs and all(r.startswith("#") for r in refs), refs  # only in-page links
    assert "@import" not in html and "url(" not in html
    assert "<svg" in html and "Findings by category" in html
    for name in ("ward-round.md", "care-plan.docx", "induction.pptx", "policy.html", "clean.md"):
        assert name in html
    assert "<mark>refused</mark>" in html
    assert "slide 1, shape &#34;Content Placeholder 2&#34;, paragraph 2" in html
    assert "table 1, row 2, cell 2" in html
    assert "Why this matters" in html and "safe fix" in html


def test_document_text_is_shown_never_executed(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert "&lt;script&gt;document.title=&#39;pwned&#39;" in html
    proc = run_chromium("--virtual-time-budget=3000", "--dump-dom", report.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    assert "<title>tilint report</title>" in dom
    assert '<p id="pwned">' not in dom and "pwned</title>" not in dom
    assert "<script" not in dom  # the text's <script> is text, not an element
    assert "<img" not in dom
    assert "&lt;script&gt;document.title='pwned'" in dom  # shown, as text


def test_report_renders_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    proc = run_chromium(f"--screenshot={shot}", "--window-size=1280,1600", "--hide-scrollbars", report.as_uri())
    assert shot.exists(), proc.stderr[-2000:]
    width, height, colours = _png_summary(shot.read_bytes())
    assert (width, height) == (1280, 1600)
    assert colours > 20  # text, chips and chart were drawn, not a blank page
    if os.environ.get("TILINT_UPDATE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
    assert SCREENSHOT.exists(), "run with TILINT_UPDATE_SCREENSHOT=1 to store docs/images/html-report.png"


def _references(html: str) -> list[str]:
    """Every URL an element of the page refers to."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(v or "" for k, v in attrs if k in ("src", "href", "srcset", "data", "action", "poster"))

    Collect().feed(html)
    return found


def _png_summary(data: bytes) -> tuple[int, int, int]:
    """Width, height and the number of distinct colours in the first rows of a PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 4
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, _depth, colour_type = struct.unpack(">IIBB", body[:10])
            channels = {2: 3, 6: 4}.get(colour_type, 4)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels + 1
    seen = set()
    for row in range(0, min(height, 400), 4):  # unfiltered enough to count colours roughly
        line = raw[row * stride + 1 : (row + 1) * stride]
        seen.update(line[i : i + channels] for i in range(0, len(line), channels * 8))
    return width, height, len(seen)


def test_html_report_to_stdout_and_progress_never_in_machine_formats(tmp_path: Path) -> None:
    note = tmp_path / "n.txt"
    note.write_text("She refused.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "html", str(note))
    assert proc.stdout.startswith("<!DOCTYPE html>")
    assert "Checking" not in proc.stderr
