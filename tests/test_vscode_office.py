"""VS Code: "tilint: Check this Word or PowerPoint file". The manifest offers it in the
explorer's context menu for .docx/.pptx and in the command palette; the extension's own
helpers (vscode-extension/src/report.ts, bundled with the extension's esbuild and run in
Node) build the CLI call, which is run here exactly as the extension runs it, and turn
the report into what the webview shows: the findings with their paragraph and slide
locations, under a Content-Security-Policy that loads and runs nothing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, npm_ci
from tests.test_formats_office import make_docx, make_pptx

EXTENSION = ROOT / "vscode-extension"
MANIFEST = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
COMMAND = "tilint.checkDocument"
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def test_the_command_is_in_the_explorer_menu_for_word_and_powerpoint_and_in_the_palette() -> None:
    assert COMMAND in {c["command"] for c in MANIFEST["contributes"]["commands"]}
    (entry,) = [m for m in MANIFEST["contributes"]["menus"]["explorer/context"] if m["command"] == COMMAND]
    found = re.search(r"resourceExtname =~ /(.+)/(i?)", entry["when"])
    assert found and "resourceScheme == file" in entry["when"]
    pattern = re.compile(found.group(1), re.I if found.group(2) else 0)
    for ext in (".docx", ".pptx", ".DOCX", ".odt", ".fodt", ".odp", ".fodp", ".pdf"):
        assert pattern.search(ext), ext
    for ext in (".doc", ".md", ".txt", ".docx.bak", ".xlsx"):
        assert not pattern.search(ext), ext
    palette = MANIFEST["contributes"]["menus"]["commandPalette"]
    assert {"command": COMMAND} in palette  # no `when`: offered everywhere, asks for a file
    source = (EXTENSION / "src" / "extension.ts").read_text(encoding="utf-8")
    assert "registerCommand(CHECK_DOCUMENT_COMMAND" in source
    assert f"CHECK_DOCUMENT_COMMAND = '{COMMAND}'" in (EXTENSION / "src" / "office.ts").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report_helpers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """src/report.ts bundled for Node by the extension's own esbuild."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is needed to build the VS Code extension: apt-get install -y nodejs npm", pytrace=False)
    npm_ci(EXTENSION)
    esbuild = EXTENSION / "node_modules" / ".bin" / "esbuild"
    out = tmp_path_factory.mktemp("ext") / "report.js"
    subprocess.run(
        [str(esbuild), "src/report.ts", "--bundle", "--platform=node", "--format=cjs", f"--outfile={out}", "--log-level=warning"],
        cwd=EXTENSION, check=True, capture_output=True, timeout=120,
    )
    return out


def call(helpers: Path, function: str, *args: object) -> object:
    script = "const r = require(process.argv[1]); const a = JSON.parse(process.argv[2]);" \
        f"process.stdout.write(JSON.stringify(r.{function}(...a)));"
    proc = subprocess.run(["node", "-e", script, str(helpers), json.dumps(args)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.slow  # builds with the extension's esbuild and runs Node
@pytest.mark.parametrize("maker, locations", [(make_docx, ["paragraph 4", "table 1, row 2, cell 2"]), (make_pptx, ["slide 1", "slide 2"])])
def test_checking_a_document_shows_its_report_with_locations(report_helpers: Path, tmp_path: Path, maker, locations: list[str]) -> None:  # type: ignore[no-untyped-def]
    document = maker(tmp_path / f"plan{'.docx' if maker is make_docx else '.pptx'}")
    assert call(report_helpers, "isOfficeFile", str(document)) is True
    assert call(report_helpers, "isOfficeFile", str(tmp_path / "note.md")) is False
    output = tmp_path / "out" / "report.html"
    output.parent.mkdir()
    # The CLI of the server's installation, as the extension finds it for `tilint.interpreter`.
    command = call(report_helpers, "checkCommand", [sys.executable, "-m", "tilint"], str(document), str(output))
    assert isinstance(command, dict)
    proc = subprocess.run([command["program"], *command["args"]], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr  # findings are the result, not a failure
    shown = call(report_helpers, "withStrictCsp", output.read_text(encoding="utf-8"))
    assert isinstance(shown, str)
    policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', shown, re.I)
    assert policies == [CSP]
    assert "<script" not in shown.lower()
    assert "refused" in shown and document.name in shown
    for where in locations:
        assert where in shown, where


@pytest.mark.slow  # builds with the extension's esbuild and runs Node
def test_the_webview_never_runs_a_script_from_a_report(report_helpers: Path) -> None:
    hostile = '<html><head><meta http-equiv="content-security-policy" content="script-src *"><script>alert(1)</script></head><body><script src=x.js></script>ok</body></html>'
    shown = call(report_helpers, "withStrictCsp", hostile)
    assert isinstance(shown, str)
    assert "script" not in shown.lower().replace("script-src", "")
    assert shown.count("Content-Security-Policy") == 1 and CSP in shown


@pytest.mark.slow  # builds with the extension's esbuild and runs Node
def test_an_unreadable_document_is_a_one_line_error(report_helpers: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    command = call(report_helpers, "checkCommand", [sys.executable, "-m", "tilint"], str(broken), str(tmp_path / "r.html"))
    assert isinstance(command, dict)
    proc = subprocess.run([command["program"], *command["args"]], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "broken.docx" in proc.stderr  # what the extension shows
