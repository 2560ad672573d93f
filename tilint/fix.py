"""`tilint check --fix` / `--diff`: apply safe suggestions to .txt and .md files.

Only suggestions marked safe (grammatical drop-ins) are applied; advice is never
inserted. Writes are atomic (a temporary file in the same folder, then a rename), keep
the file's encoding (UTF-8 with or without a BOM, UTF-16 with its BOM), line endings and
permissions, and are refused when the file changed after it was read. Word and
PowerPoint files are never rewritten.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from tilint.errors import InputError
from tilint.findings import Finding
from tilint.formats.files import Encoding as Encoding  # re-exported: they lived here
from tilint.formats.files import detect as detect

MAX_PASSES = 5  # a fix whose result is flagged again gets another pass, never a loop


def encode(text: str, encoding: Encoding) -> bytes:
    return encoding.bom + text.encode(encoding.codec)


def plan_fixes(text: str, findings: Sequence[Finding]) -> list[tuple[int, int, str]]:
    """The edits (start, end, replacement) that apply each finding's safe fix, left to
    right, skipping overlaps and findings whose text is no longer there."""
    edits: list[tuple[int, int, str]] = []
    pos = 0
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        fix = f.safe_fix
        if fix is None or f.start < pos or text[f.start : f.end] != f.text:
            continue
        edits.append((f.start, f.end, fix.text))
        pos = f.end
    return edits


def apply_fixes(text: str, findings: Sequence[Finding]) -> tuple[str, int]:
    """Apply each finding's safe fix (see plan_fixes). (new text, count)."""
    out: list[str] = []
    pos = 0
    edits = plan_fixes(text, findings)
    for start, end, replacement in edits:
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out), len(edits)


def fix_text(text: str, lint: Callable[[str], list[Finding]]) -> tuple[str, int, list[Finding]]:
    """Fix until no safe fix is left (at most MAX_PASSES passes).

    Returns (fixed text, fixes applied, findings in the fixed text).
    """
    total = 0
    findings = lint(text)
    for _ in range(MAX_PASSES):
        fixed, count = apply_fixes(text, findings)
        if count == 0 or fixed == text:
            break
        text, total = fixed, total + count
        findings = lint(text)
    return text, total, findings


def unified_diff(path: str, before: str, after: str) -> str:
    absolute = os.path.isabs(path)
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        path if absolute else f"a/{path}",
        path if absolute else f"b/{path}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def write_atomically(path: Path, display: str, data: bytes, expected_digest: str) -> None:
    """Replace `path` with `data` if it still holds what was read (by digest).

    The new content goes to a temporary file beside it (same file system), gets the old
    file's permission bits, is flushed to disk and renamed over the original.
    """
    try:
        current = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as exc:
        raise InputError(display, f"cannot re-read before writing: {exc.strerror or exc}") from None
    if digest(current) != expected_digest:
        raise InputError(display, "changed since it was read; not written", "run tilint again")
    target = path.resolve()  # write through a symlink, never replace it
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tilint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if digest(path.read_bytes()) != expected_digest:  # a last look, just before the rename
            raise InputError(display, "changed since it was read; not written", "run tilint again")
        os.replace(tmp, target)
    except OSError as exc:
        raise InputError(display, f"cannot write: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
