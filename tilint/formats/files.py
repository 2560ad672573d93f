"""Files in: which files to check, and their text. Every reader and front end (CLI,
language server, audit, server) finds and decodes files here, so a file's errors read
the same everywhere.

Text is UTF-8 with or without a BOM, or UTF-16 with a BOM; anything else is one line
naming the file. `detect` says which, so `--fix` writes a file back as it was."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tilint.errors import InputError, read_error
from tilint.formats.document import kind_for

SKIPPED_FOLDERS = ("node_modules", "__pycache__")


MAX_FILE_BYTES = 50_000_000


def read_text_file(path: Path, display: str) -> str:
    """Decode a document: UTF-8 (with or without BOM), or UTF-16 with a BOM."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device: open() could block forever
            raise InputError(display, "not a regular file", "name a file, or use '-' for standard input")
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise InputError(display, f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB", "split it, or exclude it")
        raw = path.read_bytes()
    except OSError as exc:
        raise read_error(exc, display) from None
    return decode(raw, display)


def decode(raw: bytes, display: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(display, "invalid UTF-16 text") from None
    if b"\x00" in raw[:8192]:
        raise InputError(display, "looks like a binary file, not text", "exclude it or name a text file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            display, f"not valid UTF-8 (byte {exc.start})", "save the file as UTF-8"
        ) from None


def iter_files(paths: Sequence[str], exclude: Sequence[str] = ()) -> Iterator[tuple[Path, str, bool]]:
    """(path, display name, named explicitly) for files to lint, in a stable order."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS)
                for name in files:
                    if name.startswith("."):
                        continue
                    child = Path(root) / name
                    if kind_for(child) and not excluded(child, exclude):
                        found.append(child)
            for child in sorted(found):
                yield child, str(child), False
        else:
            yield p, given, True


def excluded(path: Path, patterns: Sequence[str]) -> bool:
    from fnmatch import fnmatch

    text = path.as_posix()
    return any(fnmatch(text, pat) or fnmatch(path.name, pat) or fnmatch(text, f"*/{pat}") for pat in patterns)


@dataclass(frozen=True, slots=True)
class Encoding:
    codec: str  # "utf-8", "utf-16-le" or "utf-16-be"
    bom: bytes


def detect(raw: bytes) -> Encoding:
    """The encoding tilint decoded `raw` with (see decode)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return Encoding("utf-8", b"\xef\xbb\xbf")
    if raw.startswith(b"\xff\xfe"):
        return Encoding("utf-16-le", b"\xff\xfe")
    if raw.startswith(b"\xfe\xff"):
        return Encoding("utf-16-be", b"\xfe\xff")
    return Encoding("utf-8", b"")


def unknown_files(folder: Path) -> int:
    """Files under `folder` that a folder walk skips because their type is unknown."""
    count = 0
    for _root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS]
        count += sum(1 for name in files if not name.startswith(".") and kind_for(name) is None)
    return count
