"""Batches: a progress bar only on a terminal and never for JSON or SARIF; every core used,
with output identical to a single-process run."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, run_cli


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    for i in range(24):
        text = f"Note {i}.\n\nShe refused lunch on day {i}.\n" if i % 3 else f"Note {i}: we agreed a plan.\n"
        (folder / f"note-{i:02d}.md").write_text(text, encoding="utf-8")
    (folder / "zz-broken.txt").write_bytes(b"\x00\x01")
    return folder


def on_a_terminal(*args: str) -> tuple[int, str]:
    """Run tilint with stdout and stderr on a pseudo-terminal; return everything it drew."""
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "tilint", *args], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env, cwd=ROOT)
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            pytest.fail("tilint did not finish on the terminal")
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the other side is closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only(batch: Path) -> None:
    code, screen = on_a_terminal("check", "--no-color", str(batch))
    assert code == 2
    assert "Checking" in screen and "25/25" in screen
    code, screen = on_a_terminal("check", "--format", "json", str(batch))
    assert "Checking" not in screen
    code, screen = on_a_terminal("check", "--format", "sarif", "--progress", str(batch))
    assert "Checking" not in screen
    piped = run_cli("check", str(batch))
    assert "Checking" not in piped.stderr and "Checking" not in piped.stdout


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_parallel_output_is_identical_to_one_process(batch: Path, output_format: str) -> None:
    one = run_cli("check", "--format", output_format, "--jobs", "1", str(batch))
    many = run_cli("check", "--format", output_format, str(batch))  # every core (24 files)
    assert one.returncode == many.returncode == 2
    assert one.stdout == many.stdout
    assert one.stderr == many.stderr
    assert one.stderr.count("\n") == 1 and "zz-broken.txt" in one.stderr


def test_workers_are_used_for_large_batches() -> None:
    from tilint.api import PARALLEL_MIN_FILES, workers_for

    assert workers_for(3, 0) == 1
    assert workers_for(PARALLEL_MIN_FILES, 0) == min(os.cpu_count() or 1, PARALLEL_MIN_FILES)
    assert workers_for(100, 1) == 1
    assert workers_for(100, 3) == 3
