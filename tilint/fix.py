"""`tilint check --fix` / `--diff`: apply safe suggestions to .txt and .md files.

A step over the results of tilint.api.check_paths (fix_files): a file is re-read only if
one of its findings has a safe fix, and re-linted only after a fix is applied.

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
import re
import stat
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tilint.api import CheckedFile, for_reports, get_linter
from tilint.errors import InputError, TilintError, read_error
from tilint.findings import Finding
from tilint.formats import FIXABLE_KINDS, prepare
from tilint.formats.files import MAX_FILE_BYTES
from tilint.formats.files import Encoding as Encoding  # re-exported: they lived here
from tilint.formats.files import decode as decode_text
from tilint.formats.files import detect as detect
from tilint.suggest import indefinite_article, match_case

MAX_PASSES = 5  # a fix whose result is flagged again gets another pass, never a loop


def encode(text: str, encoding: Encoding) -> bytes:
    return encoding.bom + text.encode(encoding.codec)


def plan_fixes(text: str, findings: Sequence[Finding]) -> list[tuple[int, int, str]]:
    """The edits (start, end, replacement) that apply each finding's safe fix, left to
    right, skipping overlaps and findings whose text is no longer there. An indefinite
    article right before the phrase follows the replacement ("an unsuccessful suicide
    attempt" -> "a suicide attempt"), where the writer's article fitted the phrase."""
    edits: list[tuple[int, int, str]] = []
    pos = 0
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        fix = f.safe_fix
        if fix is None or f.start < pos or text[f.start : f.end] != f.text:
            continue
        start, replacement = f.start, fix.text
        article = _ARTICLE_BEFORE.search(text, max(pos, f.start - 4), f.start)
        if article is not None:
            written = article.group(1)
            wanted = indefinite_article(replacement)
            if written.lower() != wanted and written.lower() == indefinite_article(f.text):
                start = article.start(1)
                replacement = match_case(wanted, written, sentence_start=False) + article.group(2) + replacement
        edits.append((start, f.end, replacement))
        pos = f.end
    return edits


_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(an?|An?|AN?)([ \t]+)$")


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


def fix_text(
    text: str, lint: Callable[[str], list[Finding]], findings: Sequence[Finding] | None = None
) -> tuple[str, int, list[Finding]]:
    """Fix until no safe fix is left (at most MAX_PASSES passes). `findings`: those of
    `text` if already known (the check before the fix found them).

    Returns (fixed text, fixes applied, findings in the fixed text).
    """
    total = 0
    findings = list(findings) if findings is not None else lint(text)
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


@dataclass
class FixStep:
    """What fix_files did: the batch after fixing, and what to tell the user."""

    files: list[CheckedFile]
    diffs: list[str] = field(default_factory=list)  # unified diffs, in file order
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # files that could not be written


def fix_files(files: Sequence[CheckedFile], *, write: bool) -> FixStep:
    """`--fix` (write=True: rewrite files, never standard input) or `--diff` (write=False:
    collect diffs, write nothing) over a checked batch. A fixed file's result becomes the
    findings of its fixed text; a file that cannot be written becomes an error."""
    step = FixStep([])
    for item in files:
        if item.error is not None:
            step.files.append(item)
            continue
        if item.kind not in FIXABLE_KINDS:
            if write:
                step.notes.append(f"note: {item.path}: not rewritten (--fix changes .txt and .md files only)")
            step.files.append(item)
            continue
        try:
            fixed = fix_file(item, write=write and item.source is not None)
        except TilintError as exc:
            step.errors.append(str(exc))
            step.files.append(replace(item, findings=(), document=None, error=exc))
            continue
        if fixed is None:
            step.files.append(item)
        elif not write:
            step.diffs.append(unified_diff(item.path, fixed.before, fixed.after))
            step.files.append(fixed.file)
        elif item.source is None:
            # what the user sent is what is reported: nothing was changed
            step.notes.append(f"note: {item.path}: standard input is not rewritten (use --diff)")
            step.files.append(item)
        else:
            step.notes.append(f"note: {item.path}: applied {fixed.count} fix{'es' if fixed.count != 1 else ''}")
            step.files.append(fixed.file)
    return step


@dataclass(frozen=True, slots=True)
class Fixed:
    file: CheckedFile  # with the findings (and document) of the fixed text
    before: str
    after: str
    count: int


def fix_file(item: CheckedFile, *, write: bool) -> Fixed | None:
    """Apply a checked text file's safe fixes; None if there is none to apply. With
    `write`, the file is replaced atomically, keeping its encoding, and only if it still
    holds the text that was checked. Raises TilintError (one line, names the file)."""
    if item.config is None or not any(f.safe_fix for f in item.findings):
        return None
    config, kind = item.config, item.kind
    raw: bytes | None = None
    if item.source is not None:
        raw = _read_bytes(item.source, item.path)
        before = decode_text(raw, item.path)
    elif item.document is not None:
        before = item.document.text  # standard input: the text that was checked
    else:
        return None
    known = item.document is not None and item.document.text == before
    if item.source is not None and item.document is not None and not known:
        raise InputError(item.path, "changed since it was read; not written", "run tilint again")
    linter = get_linter(config)

    def lint(text: str) -> list[Finding]:
        return linter.lint_document(prepare(text, kind), config)

    after, count, findings = fix_text(before, lint, item.findings if known else None)
    if count == 0:
        return None
    if write and item.source is not None and raw is not None:
        write_atomically(item.source, item.path, encode(after, detect(raw)), digest(raw))
    document = for_reports(prepare(after, kind), findings) if item.document is not None else None
    return Fixed(replace(item, findings=tuple(findings), document=document), before, after, count)


def _read_bytes(path: Path, display: str) -> bytes:
    """The file's bytes, refusing what tilint.api.read_text_file refuses."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(display, "not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise InputError(display, f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
        return path.read_bytes()
    except OSError as exc:
        raise read_error(exc, display) from None
