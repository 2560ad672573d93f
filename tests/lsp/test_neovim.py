"""A real editor: headless Neovim (0.7, as in Debian; no plugins) runs the server,
receives diagnostics, applies a quick fix and re-diagnoses. Never skipped: CI installs
Neovim, and a machine without it fails here with instructions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent / "nvim" / "quickfix.lua"
NOTE = "Café review 😀: she refused her meds.\nHe is non-compliant.\n"


def nvim() -> str:
    found = shutil.which("nvim")
    if found is None:
        pytest.fail(
            "Neovim is required for this end-to-end test and was not found on PATH: "
            "install it (Debian/Ubuntu: `apt-get install -y neovim`; macOS: `brew install neovim`)",
            pytrace=False,
        )
    return found


def test_neovim_diagnostics_quick_fix_and_hover(tmp_path: Path) -> None:
    exe = nvim()
    root = tmp_path / "notes"
    root.mkdir()
    note = root / "review.txt"
    note.write_text(NOTE, encoding="utf-8")
    out = tmp_path / "result.json"
    env = {
        **os.environ,
        "TILINT_CMD": json.dumps([sys.executable, "-m", "lsp_server", "--stdio"]),
        "NOTE": str(note),
        "ROOT": str(root),
        "OUT": str(out),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    proc = subprocess.run(
        [exe, "--headless", "--clean", "-n", "-i", "NONE", "-c", f"luafile {SCRIPT}"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=env,
        timeout=180,
    )
    result = json.loads(out.read_text()) if out.exists() else {}
    detail = f"nvim exit {proc.returncode}; result {result}; stderr {proc.stderr.decode(errors='replace')[-2000:]}"
    assert proc.returncode == 0 and "error" not in result, detail
    assert result["steps"] == ["started", "diagnostics", "applied", "rediagnosed", "hover"]

    # Neovim holds byte columns: the server's UTF-16 positions were converted correctly.
    start = len("Café review 😀: she ".encode())
    assert result["diagnostics"] == [
        {"code": "TI102", "source": "tilint", "severity": 2, "lnum": 0, "col": start, "end_lnum": 0, "end_col": start + 7},
        {"code": "TI101", "source": "tilint", "severity": 2, "lnum": 1, "col": 6, "end_lnum": 1, "end_col": 19},
    ]
    assert result["titles"][:2] == [
        "Replace 'refused' with 'declined'",
        "Ignore TI102 on this line",
    ]
    assert result["applied"] == "Replace 'refused' with 'declined'"
    assert result["titles"][2:] == ["Add 'refused' to the project's allow list", "Apply all safe tilint fixes"]
    # Neovim 0.7 sent the diagnostic back with byte columns; the fix still hit the word.
    assert result["lines"] == ["Café review 😀: she declined her meds.", "He is non-compliant."]
    assert result["after"] == ["TI101"]
    assert result["hover"].startswith("**TI101 non-compliant** (deficit, warning)")
    assert result["exit_code"] == 0
