"""--fix and --diff: safe suggestions only, atomic writes that keep encoding, line endings
and permissions, refusal when the file changed, idempotent, never Word or PowerPoint."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.helpers import check_in_process as check
from tests.test_formats_office import make_docx
from tilint import fix
from tilint.errors import InputError

NOTE = "Plan agreed.\nShe refused her tablets and is non-compliant.\nHe refuses lunch. `refused` stays.\n"
FIXED = "Plan agreed.\nShe declined her tablets and is non-compliant.\nHe declines lunch. `refused` stays.\n"


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("utf-16", "\r\n"), ("utf-16-be", "\n"), ("utf-8", "\r")],
)
def test_fix_keeps_encoding_line_endings_and_permissions(tmp_path: Path, encoding: str, newline: str) -> None:
    note = tmp_path / "note.md"
    text = NOTE.replace("\n", newline)
    raw = (b"\xfe\xff" if encoding == "utf-16-be" else b"") + text.encode(encoding)
    note.write_bytes(raw)
    note.chmod(0o640)
    inode = note.stat().st_ino
    code, out, err = check("--fix", str(note))
    assert code == 1  # 'non-compliant' has no safe fix and is still reported
    assert "non-compliant" in out and "refused" not in out.split("non-compliant")[0].split("|")[-1]
    assert f"tilint: note: {note}: applied 2 fixes" in err
    expected = (b"\xfe\xff" if encoding == "utf-16-be" else b"") + FIXED.replace("\n", newline).encode(encoding)
    assert note.read_bytes() == expected
    assert stat.S_IMODE(note.stat().st_mode) == 0o640
    assert note.stat().st_ino != inode  # replaced by rename, not rewritten in place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.md"]  # no temporary files left

    before = note.read_bytes()
    code, _, err = check("--fix", str(note))  # a second run changes nothing
    assert note.read_bytes() == before
    assert "applied" not in err


def test_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    code, out, _ = check("--diff", str(note))
    assert code == 1
    assert out.startswith(f"--- {note}\n+++ {note}\n")
    assert "\n-She refused her tablets and is non-compliant.\n" in out
    assert "\n+She declined her tablets and is non-compliant.\n" in out
    assert "\n+He declines lunch. `declined` stays.\n" in out  # backticks are not code in .txt
    assert note.read_text(encoding="utf-8") == NOTE
    clean = tmp_path / "clean.txt"
    clean.write_text("We agreed a plan.\n", encoding="utf-8")
    assert check("--diff", str(clean)) == (0, "", "")


def test_fix_with_diff_shows_the_diff_and_writes_nothing_as_ruff_does(tmp_path: Path) -> None:
    # As in ruff, whose --diff "avoids writing any fixed files back" and implies --fix-only: a ruff
    # user typing `--fix --diff` expects the preview, and the README says so.
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    code, out, err = check("--fix", "--diff", str(note))
    assert (code, out, err) == (1, check("--diff", str(note))[1], "")
    assert "\n+She declined her tablets and is non-compliant.\n" in out
    assert note.read_text(encoding="utf-8") == NOTE
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "--fix --diff" in readme and "writes nothing" in readme


def test_word_is_never_rewritten(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "plan.docx")
    before = path.read_bytes()
    code, _, err = check("--fix", str(path))
    assert code == 1
    assert path.read_bytes() == before
    assert "not rewritten" in err


def test_refuses_to_write_a_file_that_changed_since_it_was_read(tmp_path: Path) -> None:
    note = tmp_path / "n.txt"
    note.write_bytes(b"She refused.\n")
    read = note.read_bytes()
    note.write_bytes(b"She refused. Someone else typed this.\n")
    with pytest.raises(InputError, match="changed since it was read"):
        fix.write_atomically(note, "n.txt", b"She declined.\n", fix.digest(read))
    assert note.read_bytes() == b"She refused. Someone else typed this.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.txt"]


def test_a_failed_rename_leaves_the_original_and_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    note = tmp_path / "n.txt"
    note.write_bytes(b"She refused.\n")

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(InputError, match="cannot write: No space left"):
        fix.write_atomically(note, "n.txt", b"She declined.\n", fix.digest(note.read_bytes()))
    assert note.read_bytes() == b"She refused.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.txt"]


CRASH_MID_WRITE = """
import os, sys, time
from pathlib import Path
from tilint import fix

note, ready = Path(sys.argv[1]), Path(sys.argv[2])

def stalled_fsync(fd):
    ready.write_text("written, not yet renamed")
    time.sleep(60)  # killed here

os.fsync = stalled_fsync
fix.write_atomically(note, "n.txt", b"She declined." * 100_000, fix.digest(note.read_bytes()))
"""


def test_a_process_killed_mid_write_leaves_the_original_intact(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    note = tmp_path / "n.txt"
    note.write_bytes(b"She refused.\n")
    ready = tmp_path.parent / f"{tmp_path.name}-ready"
    child = subprocess.Popen([sys.executable, "-c", CRASH_MID_WRITE, str(note), str(ready)])
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():  # a hang guard, not a performance limit
            assert child.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    assert child.returncode == -signal.SIGKILL
    assert note.read_bytes() == b"She refused.\n"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "n.txt"]
    assert all(name.startswith(".n.txt.") and name.endswith(".tilint-tmp") for name in leftovers)


def test_fix_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("She refused.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    check("--fix", str(link))
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "She declined.\n"


def test_apply_fixes_skips_overlaps_and_unsafe_suggestions() -> None:
    from tilint import lint_text

    text = "She refused, he refuses and they are non-compliant."
    findings = lint_text(text)
    fixed, count = fix.apply_fixes(text, findings)
    assert fixed == "She declined, he declines and they are non-compliant."
    assert count == 2
    assert fix.apply_fixes(fixed, lint_text(fixed)) == (fixed, 0)
