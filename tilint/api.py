"""The public API: lint_text and lint_paths. Never prints."""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING

from tilint.config import Config
from tilint.errors import InputError, TilintError
from tilint.findings import Finding, Severity, Suggestion
from tilint.formats import Document, kind_for, localize, prepare, read_document
from tilint.positions import line_col, line_starts
from tilint.segment import segments
from tilint.selection import check_selectors, enabled, severity_for, specificity

if TYPE_CHECKING:
    from spacy.language import Language

    from tilint.component import Hit, TilintComponent
    from tilint.lexicon import Lexicon, Rule

CACHE_SEGMENTS = 20_000
_SURROGATE = re.compile("[\ud800-\udfff]")
# One code point for one, so offsets into the user's text stay exact: Unicode hyphens
# ("non\u2011compliant" from Word or &#8209;) and the typographic apostrophe match terms.
_SAME_LENGTH_NORMALISATION = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'", "\u00a0": " "})


def build_pipeline(lexicon_files: Sequence[str] = ()) -> Language:
    """spacy.blank('en') + sentencizer + tilint. No trained model is needed."""
    import spacy

    import tilint.component  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("tilint", config={"lexicon_files": list(lexicon_files)})
    return nlp


class Linter:
    """A loaded pipeline and a cache of results per segment of text.

    Keep one per process: loading costs most of a second, linting a paragraph far less.
    """

    def __init__(self, lexicon_files: Sequence[str] = ()) -> None:
        self.nlp = build_pipeline(lexicon_files)
        self.component: TilintComponent = self.nlp.get_pipe("tilint")  # type: ignore[assignment]
        self._cache: OrderedDict[str, tuple[Hit, ...]] = OrderedDict()
        self._lock = Lock()

    @property
    def lexicon(self) -> Lexicon:
        return self.component.lexicon

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self.component.rules

    def hits(self, checkable: str) -> list[tuple[int, Hit]]:
        """(segment offset, hit) for the text, linting only segments not seen before."""
        parts = list(segments(checkable))
        with self._lock:
            todo = [text for _, text in parts if text not in self._cache]
            if todo:
                unique = list(dict.fromkeys(todo))
                for text, doc in zip(unique, self.nlp.pipe(unique, batch_size=64), strict=True):
                    self._cache[text] = doc._.tilint_hits
                    if len(self._cache) > CACHE_SEGMENTS:
                        self._cache.popitem(last=False)
            out: list[tuple[int, Hit]] = []
            for offset, text in parts:
                found = self._cache.get(text)
                if found is None:  # evicted by a very large document: lint it again
                    found = self.nlp(text)._.tilint_hits
                else:
                    self._cache.move_to_end(text)
                out.extend((offset, hit) for hit in found)
        return out

    def lint_document(self, document: Document, config: Config) -> list[Finding]:
        rules = self.rules
        check_selectors([*config.select, *config.extend_select, *config.ignore, *config.severity], rules, "settings")
        active = [enabled(r, config.select, config.ignore, config.extend_select) for r in rules]
        text = document.text
        starts = line_starts(text)
        allow_ranges = _allow_ranges(text, config.allow)
        findings: list[Finding] = []
        checkable = document.checkable.translate(_SAME_LENGTH_NORMALISATION)
        if _SURROGATE.search(checkable):  # spaCy cannot hash lone surrogates
            checkable = _SURROGATE.sub("\ufffd", checkable)
        for offset, hit in self.hits(checkable):
            rule = rules[hit.rule_index]
            if not active[hit.rule_index] or hit.mention:
                continue
            start, end = offset + hit.start, offset + hit.end
            quoted = hit.quoted or any(a <= start and end <= b for a, b in document.quoted)
            if quoted and not config.check_quotes:
                continue
            if any(a <= start and end <= b for a, b in allow_ranges):
                continue
            if _suppressed(document, rule, start):
                continue
            line, column = line_col(starts, start)
            end_line, end_column = line_col(starts, end)
            findings.append(
                Finding(
                    rule=rule.code,
                    name=rule.name,
                    category=rule.category,
                    severity=severity_for(rule, config.severity),
                    message=rule.message.replace("{text}", text[start:end]),
                    text=text[start:end],
                    start=start,
                    end=end,
                    line=line,
                    column=column,
                    end_line=end_line,
                    end_column=end_column,
                    suggestions=tuple(Suggestion(t, safe, kind) for t, safe, kind in hit.suggestions),
                )
            )
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return findings


def _suppressed(document: Document, rule: Rule, offset: int) -> bool:
    return any(
        s.start <= offset < s.end
        and (not s.selectors or any(specificity(sel, rule) for sel in s.selectors))
        for s in document.suppressions
    )


def _allow_ranges(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    if not phrases:
        return []
    lower = text.lower()
    out = []
    for phrase in phrases:
        p = " ".join(phrase.lower().split())
        if not p:
            continue
        i = lower.find(p)
        while i >= 0:
            out.append((i, i + len(p)))
            i = lower.find(p, i + 1)
    return out


_LINTERS: dict[tuple[str, ...], Linter] = {}
_LINTERS_LOCK = Lock()


def get_linter(config: Config | None = None) -> Linter:
    """The process-wide linter for a config's lexicon files (built on first use)."""
    key = tuple(config.lexicons) if config else ()
    with _LINTERS_LOCK:
        linter = _LINTERS.get(key)
        if linter is None:
            linter = _LINTERS[key] = Linter(key)
        return linter


def lint_text(text: str, config: Config | None = None, *, kind: str = "text") -> list[Finding]:
    """Lint a string. `kind` is 'text' or 'markdown'. Offsets are code points into `text`."""
    config = config or Config()
    if not isinstance(text, str):
        raise TypeError(f"lint_text expects str, not {type(text).__name__}")
    linter = get_linter(config)
    return linter.lint_document(prepare(text, kind), config)


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    findings: tuple[Finding, ...] = ()
    error: TilintError | None = None


MAX_FILE_BYTES = 50_000_000


def read_text_file(path: Path, display: str) -> str:
    """Decode a document: UTF-8 (with or without BOM), or UTF-16 with a BOM."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(display, f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB", "split it, or exclude it")
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InputError(display, "is a directory") from None
    except FileNotFoundError:
        raise InputError(display, "no such file") from None
    except PermissionError:
        raise InputError(display, "permission denied") from None
    except OSError as exc:
        raise InputError(display, f"cannot read: {exc.strerror or exc}") from None
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
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
                for name in files:
                    if name.startswith("."):
                        continue
                    child = Path(root) / name
                    if kind_for(child) and not _excluded(child, exclude):
                        found.append(child)
            for child in sorted(found):
                yield child, str(child), False
        else:
            yield p, given, True


def _excluded(path: Path, patterns: Sequence[str]) -> bool:
    from fnmatch import fnmatch

    text = path.as_posix()
    return any(fnmatch(text, pat) or fnmatch(path.name, pat) or fnmatch(text, f"*/{pat}") for pat in patterns)


def lint_paths(
    paths: Sequence[str], config: Config | None = None, *, discover_config: bool = True
) -> list[FileResult]:
    """Lint files and folders (recursively: every kind in tilint.formats.KINDS, hidden folders skipped).

    Each file uses the nearest config file above it unless `config` is given and
    `discover_config` is False. Problems with one file are reported in its result and the
    rest go on.
    """
    from tilint.config import find_config_file, load_config

    results: list[FileResult] = []
    base = config or Config()
    configs: dict[Path, Config] = {}
    for path, display, _explicit in iter_files(paths, base.exclude):
        try:
            file_config = base
            if discover_config:
                found = find_config_file(path)
                if found is not None:
                    if found not in configs:
                        configs[found] = load_config(found)
                    file_config = configs[found]
            kind = kind_for(path) or "text"
            document = read_document(path, display, kind)
            findings = localize(document, get_linter(file_config).lint_document(document, file_config))
            results.append(FileResult(display, tuple(findings)))
        except TilintError as exc:
            results.append(FileResult(display, (), exc))
    return results


def at_or_above(findings: Iterable[Finding], level: Severity) -> int:
    return sum(1 for f in findings if f.severity.rank >= level.rank)
