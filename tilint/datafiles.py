"""Reading the shipped data files (YAML) and the on-disk cache of what is compiled from
them, for the lexicon, the word classes and the spellings alike."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from tilint.errors import LexiconError

MAX_DATA_BYTES = 20_000_000


def read_yaml(path: Path) -> Any:
    """A data file's YAML, or one LexiconError line naming the file and the problem."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO would block open() forever
            raise LexiconError(str(path), "not a regular file", "name a .yml file in 'lexicons'")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LexiconError(str(path), "no such lexicon file", "check the path in 'lexicons'") from None
    except OSError as exc:
        raise LexiconError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_DATA_BYTES:
        raise LexiconError(str(path), "lexicon file is larger than 20 MB", "split it up")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LexiconError(str(path), "not UTF-8 text", "save the lexicon as UTF-8") from None
    import yaml  # only when a lexicon is compiled: cached lexicons need no YAML

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LexiconError(where, f"invalid YAML: {problem}") from None


def cache_dir() -> Path | None:
    if os.environ.get("TILINT_NO_CACHE"):
        return None
    base = os.environ.get("TILINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "tilint",
    )
    return Path(base)


# Each lexicon edit, extra lexicon or upgrade keys a new cache file (a compiled lexicon is
# about 20 MB), so only the newest few of each kind are kept.
CACHE_FILES_KEPT = 8


def write_cache_atomically(path: Path, data: bytes) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        return
    prune_cache(path)


def mark_used(path: Path) -> None:
    """Date a cache file that was just read, so that pruning keeps what is in use, not
    only what was written last (a default lexicon's cache outlives extra lexicons' caches)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def prune_cache(newest: Path, keep: int = CACHE_FILES_KEPT) -> None:
    """Remove all but the `keep` most recently used files of `newest`'s kind (the name
    up to its first '-': lexicon, scan, classes). Another process may prune at the same
    time, so a file that is already gone is fine."""
    kind = newest.name.split("-", 1)[0]
    dated: list[tuple[float, Path]] = []
    for other in newest.parent.glob(f"{kind}-*.pickle"):
        if other != newest:
            try:
                dated.append((other.stat().st_mtime, other))
            except OSError:
                continue
    dated.sort(reverse=True)
    for _, stale in dated[keep - 1 :]:
        with contextlib.suppress(OSError):
            stale.unlink()
