"""Which files a compiled lexicon is made from, and the cache keys over their bytes.

Light on purpose (no pydantic models, no spaCy, no importlib.metadata): a check whose
text holds no phrase of the lexicon reads its prefilter's scan from the cache with these
keys and never loads the rest (tilint/scan.py, tilint.api.Linter).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path

from tilint.__about__ import __version__
from tilint.policy import data_dir

# What the compiled caches hold: 3 the candidate prefilter; 4 safe_forms, the prefilter
# knows fillers; 5 tilint.compiled; 6 the prefilter's TextScan (tilint.scan), the scan's
# own cache, packages stamped by their files; 7 anchors carry their groups, the prefilter
# knows the tokenizer's letters-only special cases; 8 terms may name a word class (@people);
# 10 the scan knows the special cases that split a filler off letters (TextScan.fused; 9 was
# used while it was built); 11 "<adjective> to <verb>" phrases are also matched hyphenated
# ("hard-to-reach"); 12 groups may require words on either side (requires_near); 13 the
# phrase trie shares its leaves (PhraseIndex.share_leaves); 16 an -ly adverb inside a longer
# phrase is also matched hyphenated to its word ("the mentally-ill").
COMPILER_VERSION = 16


def builtin_files() -> list[Path]:
    """The shipped lexicon files, without the names list."""
    return sorted(p for p in data_dir().glob("*.yml") if p.name != "names.yml")


def fillers_file() -> Path:
    """The words a phrase may hold in its gaps (the matcher's and the prefilter's)."""
    return data_dir() / "classes" / "phrase-fillers.yml"


def spellings_file() -> Path:
    """lexicons/spellings/uk-us.yml: British/American pairs and -ise stems, as data."""
    return data_dir() / "spellings" / "uk-us.yml"


def misspellings_file() -> Path:
    """lexicons/spellings/misspellings.yml: common misspellings of listed words, as data."""
    return data_dir() / "spellings" / "misspellings.yml"


def source_files(extra_files: Sequence[str | Path] = (), *, builtin: bool = True) -> list[Path]:
    """Every file the compiled lexicon (without its phrase index) is made from."""
    files = [*(builtin_files() if builtin else []), *(Path(f) for f in extra_files)]
    if builtin:
        files.append(data_dir() / "names.yml")
    files.append(spellings_file())  # every term is expanded with these spellings
    files.append(misspellings_file())  # and with these misspellings
    files.extend(sorted((data_dir() / "classes").glob("*.yml")))  # terms may name a class ("@people")
    return files


def package_stamp(name: str, file: str = "__init__.py") -> str:
    """A digest of one small file of an installed package (spaCy's about.py holds its
    version), found without importing the package: a different install, a new key."""
    try:
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        data = Path(origin).with_name(file).read_bytes() if origin else b""
    except (ImportError, ValueError, OSError):
        data = b""
    return f"{name}:{hashlib.sha256(data).hexdigest()[:16]}"


def cache_key(files: Sequence[Path], salt: str = "") -> str | None:
    """A key over tilint's version, the compiler's, lemminflect's install, `salt` and
    the bytes of every file; None when a file cannot be read (validation says why)."""
    digest = hashlib.sha256()
    digest.update(f"{__version__}/{COMPILER_VERSION}/{package_stamp('lemminflect')}/{salt}".encode())
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest.update(str(path.resolve()).encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:24]


def cache_path(folder: Path | None, prefix: str, key: str | None) -> Path | None:
    return folder / f"{prefix}-{key}.pickle" if (folder and key) else None
