"""A real editor with the configuration a user copies from our docs: headless Neovim 0.7
(as in Debian; no plugins) runs the "Neovim 0.7 to 0.9" snippet of docs/editors.md, read
from that file at test time, as its init.lua. Through the snippet's own mappings it gets
diagnostics that follow the snippet's `settings`, a hover (K) shown without Markdown
escapes, a quick fix (<leader>ca) for the word under the cursor only, and an allow-list
entry that takes effect when the config buffer is saved. Never skipped: CI installs
Neovim, and a machine without it fails here with instructions."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

SESSION = Path(__file__).parent / "nvim" / "snippet_session.lua"
DOCS = ROOT / "docs" / "editors.md"
PREFIX = "Café 😀: she "
NOTE = PREFIX + "denies chest pain, refused her lunch and is non-compliant with the plan; she refused tea.\n"


def nvim() -> str:
    found = shutil.which("nvim")
    if found is None:
        pytest.fail(
            "Neovim is required for this end-to-end test and was not found on PATH: "
            "install it (Debian/Ubuntu: `apt-get install -y neovim`; macOS: `brew install neovim`)",
            pytrace=False,
        )
    return found


def documented_snippet() -> str:
    """The Lua block under "Neovim 0.7 to 0.9" in docs/editors.md, unchanged."""
    text = DOCS.read_text(encoding="utf-8")
    after = text.split("**Neovim 0.7 to 0.9**", 1)[1]
    match = re.search(r"```lua\n(.*?)```", after, re.S)
    assert match, "docs/editors.md has no Lua block after 'Neovim 0.7 to 0.9'"
    return match.group(1)


def test_neovim_runs_the_documented_snippet(tmp_path: Path) -> None:
    from tilint import Config, lint_text

    exe = nvim()
    snippet = documented_snippet()
    ignored = re.search(r'settings = \{ tilint = \{ ignore = \{ "(TI\d+)" \} \} \}', snippet)
    assert ignored, "the documented snippet shows no settings"
    ignored_code = ignored.group(1)
    # Without the snippet's settings the note has a finding of that rule: the settings matter.
    assert ignored_code in {f.rule for f in lint_text(NOTE, Config())}

    root = tmp_path / "notes"
    root.mkdir()
    note = root / "review.md"
    note.write_text(NOTE, encoding="utf-8")
    init = tmp_path / "init.lua"
    init.write_text(snippet, encoding="utf-8")
    out = tmp_path / "result.json"
    env = {
        **os.environ,
        # `tilint` on PATH: the one installed with the Python running this test.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "NOTE": str(note),
        "OUT": str(out),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    assert shutil.which("tilint", path=env["PATH"]), "tilint is not installed next to this Python"
    proc = subprocess.run(
        [exe, "--headless", "-n", "-i", "NONE", "--noplugin", "-u", str(init), "-c", f"luafile {SESSION}"],
        cwd=root,  # the snippet's root_dir is the working directory
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=env,
        timeout=180,
    )
    result = json.loads(out.read_text()) if out.exists() else {}
    detail = f"nvim exit {proc.returncode}; result {result}; stderr {proc.stderr.decode(errors='replace')[-2000:]}"
    assert proc.returncode == 0 and "error" not in result, detail
    assert result["steps"] == ["diagnostics", "hover", "fixed", "allowed"]
    assert result["filetype"] == "markdown" and result["client"] == "tilint"

    # The snippet's settings took effect from the first diagnostics on.
    codes = [d["code"] for d in result["diagnostics"]]
    assert ignored_code not in codes
    assert codes == ["TI102", "TI101", "TI102"]
    # Neovim holds byte columns: the server's UTF-16 positions were converted correctly.
    first = result["diagnostics"][0]
    assert (first["lnum"], first["col"]) == (0, len((PREFIX + "denies chest pain, ").encode()))

    # K: the explanation as shown, with no Markdown escapes on screen.
    hover = "\n".join(result["hover"])
    assert "TI101 non-compliant" in hover
    assert "\\" not in hover, hover

    # <leader>ca on 'refused': that word's actions only; the preferred fix applied there.
    titles = result["titles"]
    assert titles[0] == "Replace 'refused' with 'declined'" == result["applied"]
    assert not any("non-compliant" in t or "TI101" in t for t in titles), titles
    assert result["lines"] == [NOTE.rstrip("\n").replace("refused her lunch", "declined her lunch")]
    assert result["after_fix"] == ["TI101", "TI102"]

    # Allow list: .tilint.toml written by Neovim, saved, re-read by the server.
    assert result["allowed"] == "Add 'non-compliant' to the project's allow list"
    assert "non-compliant" in (root / ".tilint.toml").read_text(encoding="utf-8")
    assert result["after_allow"] == ["TI102"]
    assert note.read_text(encoding="utf-8") == NOTE.replace("refused her lunch", "declined her lunch")
    assert result["stopped"] is True
