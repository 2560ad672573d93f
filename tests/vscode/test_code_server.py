"""The packaged VS Code extension in a real editor: code-server + headless Chromium.

Builds `vscode-extension/tilint.vsix` with `npm ci && npm run package`, installs it into
a fresh extensions folder of code-server 4.100.3, points `tilint.interpreter` at the
Python running this test (which must import tilint and lsp_server), opens a note saying
"She refused her medication." and lets `drive.mjs` check the squiggle, the Problems
panel's TI102 row, the explanation, and the quick fix rewriting it to "declined". The
screenshot is kept in vscode-extension/.e2e/artifacts/vscode.png.

Nothing is skipped: a missing tool fails with the command that installs it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import helpers
from tests.helpers import ROOT

pytestmark = pytest.mark.vscode_e2e

HERE = Path(__file__).resolve().parent
EXTENSION = ROOT / "vscode-extension"
CODE_SERVER_VERSION = "4.100.3"
CACHE = Path(os.environ.get("TILINT_E2E_CACHE") or Path.home() / ".cache" / "tilint-e2e")
ARTIFACTS = Path(os.environ.get("TILINT_E2E_ARTIFACTS") or EXTENSION / ".e2e" / "artifacts")
CHROMIUM = os.environ.get("TILINT_E2E_CHROMIUM", "/usr/bin/chromium")
NOTE = "She refused her medication.\n"
OTHER = "The patient was non-compliant with his medication.\n"
APT_HINT = "apt-get install -y chromium ripgrep libkrb5-dev pkg-config"


def run(cmd: list[str], *, cwd: Path, timeout: float, env: dict[str, str] | None = None) -> str:
    """Run a setup step; on failure, fail the test with its output."""
    try:
        proc = subprocess.run(
            cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"`{' '.join(cmd)}` (in {cwd}) took over {timeout:.0f} s:\n{exc.stdout or ''}{exc.stderr or ''}")
    if proc.returncode != 0:
        pytest.fail(f"`{' '.join(cmd)}` (in {cwd}) exited {proc.returncode}:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")
    return proc.stdout


def require_tools() -> None:
    missing = [tool for tool in ("node", "npm", "rg", "pkg-config") if shutil.which(tool) is None]
    if not Path(CHROMIUM).is_file():
        missing.append(CHROMIUM)
    if missing:
        pytest.fail(f"the VS Code end-to-end test needs {', '.join(missing)}: {APT_HINT} (and Node 20 with npm)")
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    if not node.startswith("v20."):
        pytest.fail(f"code-server {CODE_SERVER_VERSION} needs Node 20, found {node or 'none'}")
    probe = subprocess.run(
        [sys.executable, "-c", "import lsp_server, pygls, tilint"], capture_output=True, text=True
    )
    if probe.returncode != 0:
        pytest.fail(
            f"{sys.executable} cannot run the language server ({probe.stderr.strip().splitlines()[-1:]}); "
            "install tilint with its server into the Python that runs pytest"
        )


def npm_ci(folder: Path) -> None:
    """helpers.npm_ci, with npm's output in the failure message."""
    try:
        helpers.npm_ci(folder)
    except subprocess.CalledProcessError as exc:
        pytest.fail(f"`npm ci` (in {folder}) failed:\n{exc.stdout.decode(errors='replace')}{exc.stderr.decode(errors='replace')}")
    except subprocess.TimeoutExpired:
        pytest.fail(f"`npm ci` (in {folder}) took over 600 s")


def build_vsix() -> Path:
    override = os.environ.get("TILINT_VSIX")
    if override:
        return Path(override).resolve()
    npm_ci(EXTENSION)
    run(["npm", "run", "package"], cwd=EXTENSION, timeout=300)
    vsix = EXTENSION / "tilint.vsix"
    assert vsix.is_file(), "npm run package wrote no tilint.vsix"
    return vsix


def install_code_server() -> Path:
    dest = CACHE / f"code-server-{CODE_SERVER_VERSION}"
    run(["bash", str(HERE / "install_code_server.sh"), str(dest)], cwd=HERE, timeout=900)
    return dest / "node_modules" / ".bin" / "code-server"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"code-server exited {proc.returncode}:\n{log.read_text(errors='replace')[-4000:]}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    pytest.fail(f"code-server did not answer /healthz within {limit:.0f} s:\n{log.read_text(errors='replace')[-4000:]}")


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


@pytest.fixture
def code_server(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """A code-server on 127.0.0.1 with only the freshly built tilint extension installed."""
    require_tools()
    vsix = build_vsix()
    binary = install_code_server()
    npm_ci(HERE)

    home = tmp_path / "home"
    extensions, user_data = home / "extensions", home / "user-data"
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "TMPDIR": str(home / "tmp"),
    }
    (home / "tmp").mkdir(parents=True)
    run(
        [str(binary), "--extensions-dir", str(extensions), "--user-data-dir", str(user_data), "--install-extension", str(vsix)],
        cwd=tmp_path,
        timeout=120,
        env=env,
    )
    write_json(
        user_data / "User" / "settings.json",
        {
            "workbench.startupEditor": "none",
            "workbench.tips.enabled": False,
            "workbench.enableExperiments": False,
            "telemetry.telemetryLevel": "off",
            "extensions.autoCheckUpdates": False,
            "extensions.autoUpdate": False,
            "update.mode": "none",
            "chat.commandCenter.enabled": False,
            "workbench.secondarySideBar.defaultVisibility": "hidden",
            "window.commandCenter": False,
            "editor.minimap.enabled": False,
            "editor.fontSize": 16,
            "files.autoSave": "off",
        },
    )

    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "note.md").write_text(NOTE, encoding="utf-8")
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")
    from tests.test_formats_office import make_docx

    make_docx(folder / "plan.docx")
    write_json(folder / ".vscode" / "settings.json", {"tilint.interpreter": [sys.executable]})
    # The same Python isolated from its site-packages (-I -S) cannot import the server.
    missing = tmp_path / "no-server"
    missing.mkdir()
    (missing / "note.md").write_text(NOTE, encoding="utf-8")
    write_json(missing / ".vscode" / "settings.json", {"tilint.interpreter": [sys.executable, "-I", "-S"]})

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / "code-server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                str(binary),
                "--bind-addr", f"127.0.0.1:{port}",
                "--auth", "none",
                "--user-data-dir", str(user_data),
                "--extensions-dir", str(extensions),
                "--disable-telemetry",
                "--disable-update-check",
                "--disable-workspace-trust",
                "--disable-getting-started-override",
                str(folder),
            ],
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # setsid: the extension host and the language server join its group
        )
    try:
        wait_healthy(url, proc, log)
        yield {"url": url, "folder": folder, "missing": missing, "user_data": user_data, "log": log, "tmp": tmp_path}
    finally:
        stop_group(proc)
        keep_logs(user_data)


def stop_group(proc: subprocess.Popen[bytes]) -> None:
    """End code-server's whole process group: the extension host and the server outlive it."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)
    time.sleep(0.5)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=5)


def keep_logs(user_data: Path) -> None:
    """Copy the extension's log (its messages and the server's stderr) of each window."""
    for n, found in enumerate(sorted(user_data.glob("logs/*/exthost*/tilint.tilint/tilint.log")), 1):
        shutil.copy(found, ARTIFACTS / f"tilint-output-{n}.log")


def test_note_in_code_server(code_server: dict[str, Any]) -> None:
    started = time.monotonic()
    screenshot = ARTIFACTS / "vscode.png"
    result_file = ARTIFACTS / "drive-result.json"
    for stale in (screenshot, result_file, *ARTIFACTS.glob("vscode-failure.png"), *ARTIFACTS.glob("tilint-output*.log")):
        stale.unlink(missing_ok=True)
    config = code_server["tmp"] / "drive.json"
    write_json(
        config,
        {
            "url": code_server["url"],
            "folder": str(code_server["folder"]),
            "file": "note.md",
            "officeFile": "plan.docx",
            "missingFolder": str(code_server["missing"]),
            "profile": str(code_server["tmp"] / "chromium-profile"),
            "chromium": CHROMIUM,
            "screenshot": str(screenshot),
            "result": str(result_file),
            "severity": "warning",
            "timeoutMs": 90_000,
        },
    )
    proc = subprocess.run(
        ["node", str(HERE / "drive.mjs"), str(config)],
        cwd=HERE,
        capture_output=True,
        text=True,
        timeout=400,
        stdin=subprocess.DEVNULL,
    )
    result = json.loads(result_file.read_text(encoding="utf-8")) if result_file.is_file() else {}
    assert proc.returncode == 0 and result.get("ok"), (
        f"the editor did not behave as expected (screenshot: {ARTIFACTS / 'vscode-failure.png'}, "
        f"log: {code_server['log']}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}\n"
        f"browser errors: {result.get('console', [])[:10]}"
    )

    assert any("TI102" in row and "refused" in row for row in result["problems"]), result["problems"]
    assert len([row for row in result["problems"] if "TI102" in row]) == 1, result["problems"]
    assert "TI102" in result["explainTab"]
    assert any("declined" in action for action in result["actions"]), result["actions"]
    assert "She declined her medication." in result["textAfter"]
    assert (code_server["folder"] / "note.md").read_text(encoding="utf-8") == "She declined her medication.\n"
    assert screenshot.is_file() and screenshot.stat().st_size > 10_000
    assert any("TI101" in row and "non-compliant" in row for row in result["workspaceProblems"]), result["workspaceProblems"]
    assert any(row.startswith("other.txt") for row in result["workspaceProblems"]), result["workspaceProblems"]
    # The Explorer's "Check this Word or PowerPoint file": the report, with locations.
    assert result["officeTab"].startswith("tilint: plan.docx")
    assert "refused" in result["officeReport"] and "paragraph 4" in result["officeReport"], result["officeReport"]
    for remedy in ("tilint.interpreter", "tilint.path", "pip install tilint", "lsp_server"):
        assert remedy in result["notFound"], f"the not-found message lacks {remedy!r}: {result['notFound']}"
    print(f"\nVS Code end-to-end: {time.monotonic() - started:.1f} s in the browser; screenshot {screenshot}")
