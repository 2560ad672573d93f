"""The page at / in headless Chromium (Debian's, driven by playwright): type a note, see
the highlights, apply a suggestion with the mouse and with the keyboard, read the why,
copy the revised text, upload a .docx for the report; injected markup never runs; no
request leaves the server. Saves docs/images/serve-page.png with TILINT_UPDATE_SCREENSHOT=1."""

from __future__ import annotations

import io
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_helpers import ROOT, Server

pytestmark = pytest.mark.slow

SCREENSHOT = ROOT / "docs" / "images" / "serve-page.png"
CHROMIUM = os.environ.get("TILINT_E2E_CHROMIUM", "/usr/bin/chromium")
INJECTED = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><b onclick="window.pwned=3">x</b> '


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.fail("headless Chromium is needed: apt-get install chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    pg = context.new_page()
    pg.requests = []  # type: ignore[attr-defined]
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))  # type: ignore[attr-defined]
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type in ("error", "warning") else None)  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))  # type: ignore[attr-defined]
    pg.goto(server.url + "/")
    yield pg
    context.close()


def marks(page: Any) -> list[str]:
    return [m.text_content() for m in page.query_selector_all("#highlights mark")]


def wait_for(page: Any, condition: Any, what: str, timeout: float = 10.0) -> None:
    """Poll from Python: the page's CSP forbids the eval that wait_for_function uses."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        page.wait_for_timeout(50)


def wait_marks(page: Any, expected: list[str]) -> None:
    wait_for(page, lambda: marks(page) == expected, f"highlights {expected} (have {marks(page)})")


def test_type_see_apply_copy(page: Any, server: Server) -> None:
    note = page.locator("#note")
    note.click()
    page.keyboard.type("Café 😀 review: he refused his depot")  # typed key by key: checked as typed
    wait_marks(page, ["refused"])
    note.press("End")
    page.keyboard.type(" and was non-compliant. 🙂 She claims it hurts.")
    wait_marks(page, ["refused", "non-compliant", "claims"])
    items = page.locator("#findings > li")
    assert items.count() == 3
    first = items.nth(0)
    assert "TI102" in first.text_content()
    # The why comes from the rule (GET /api/rules), shown on request.
    why = server.get_json("/api/rules/TI102")["why"]
    first.locator("summary").click()
    assert " ".join(why.split())[:60] in " ".join(first.locator("details").text_content().split())
    # Apply a suggestion with the mouse.
    first.get_by_role("button", name="declined").click()
    wait_marks(page, ["non-compliant", "claims"])
    assert note.input_value() == "Café 😀 review: he declined his depot and was non-compliant. 🙂 She claims it hurts."
    # And one with the keyboard only: Tab from the note reaches the findings' buttons.
    note.focus()
    for _ in range(12):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.textContent")
        if label == "reports":
            break
    else:
        raise AssertionError("the suggestion button is not reachable with Tab")
    page.keyboard.press("Enter")
    wait_marks(page, ["non-compliant"])
    assert "She reports it hurts." in note.input_value()
    # Copy the revised text.
    page.get_by_role("button", name="Copy revised text").click()
    wait_for(page, lambda: page.locator("#status").text_content().startswith("Copied"), "the copy")
    assert page.evaluate("navigator.clipboard.readText()") == note.input_value()
    assert page.requests and all(url.startswith(server.url + "/") for url in page.requests)
    assert page.problems == []


def test_injected_markup_is_shown_as_text_and_never_runs(page: Any) -> None:
    page.locator("#note").fill(INJECTED + "He refused his depot.")
    wait_marks(page, ["refused"])
    page.locator("#findings summary").first.click()
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("document.querySelectorAll('img, b, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 1  # the page's own
    # The markup is text in the backdrop, exactly as typed.
    assert page.locator("#highlights").text_content().startswith(INJECTED)
    # A finding's own text is markup-looking too: shown as text in the list.
    page.locator("#note").fill("<i>He refused his depot</i> and was <u>upset</u>.")
    wait_marks(page, ["refused"])
    assert page.evaluate("document.querySelectorAll('#findings i, #highlights i').length") == 0


def test_csp_blocks_inline_script(page: Any) -> None:
    """The policy itself: an inline script added to the page is refused by the browser."""
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.inline = 1'; document.body.append(s); }")
    assert page.evaluate("window.inline") is None
    assert any("Content Security Policy" in p for p in page.problems)


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Care plan review.")
    d.add_paragraph("He refused his depot <script>window.pwned=1</script>.")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_upload_a_document_for_the_report(page: Any, server: Server, tmp_path: Path) -> None:
    page.locator("#note").fill("Café 😀: he refused his depot and was non-compliant.\n\nShe was allowed leave on Tuesday.")
    wait_marks(page, ["refused", "non-compliant", "was allowed"])
    shot = tmp_path / "page.png"
    page.locator("#findings > li").first.locator("summary").click()
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    if os.environ.get("TILINT_UPDATE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
    assert SCREENSHOT.exists(), "run with TILINT_UPDATE_SCREENSHOT=1 to store docs/images/serve-page.png"

    path = tmp_path / "care-plan.docx"
    path.write_bytes(_docx())
    page.locator("#file").set_input_files(str(path))
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Open the report").click()
    report = opened.value
    report.wait_for_load_state()
    assert "TI102" in report.content()
    assert "care-plan.docx" in report.title()
    assert report.evaluate("window.pwned") is None
    assert report.evaluate("document.scripts.length") == 0
