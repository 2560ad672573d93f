"""The public API: lint_text and lint_paths. Never prints."""

from __future__ import annotations

import bisect
import gc
import itertools
import os
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING, Any

from tilint.config import Config
from tilint.errors import TilintError
from tilint.findings import Finding, Severity, Suggestion
from tilint.formats import Document, kind_for, localize, prepare, read_document
from tilint.formats.files import MAX_FILE_BYTES as MAX_FILE_BYTES  # re-exported: they lived here
from tilint.formats.files import decode as decode
from tilint.formats.files import excluded as excluded
from tilint.formats.files import iter_files as iter_files
from tilint.formats.files import read_text_file as read_text_file
from tilint.positions import compact_line_starts, line_col
from tilint.segment import segments
from tilint.selection import check_selectors, enabled, severity_for, specificity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

    from tilint.component import Hit, TilintComponent
    from tilint.lexicon import Lexicon, Rule
    from tilint.prefilter import Prefilter
    from tilint.suppress import Suppression

# The segment cache keeps at most this many segments and characters: enough for every
# paragraph of a few long open documents (an edit re-lints one paragraph), while a 10 MB
# file passes through it without keeping 10 MB.
CACHE_SEGMENTS = 20_000
CACHE_CHARS = 2_000_000
_SURROGATE = re.compile("[\ud800-\udfff]")
# One code point for one, so offsets into the user's text stay exact: Unicode hyphens
# ("non\u2011compliant" from Word or &#8209;) and the typographic apostrophe match terms.
_SAME_LENGTH_NORMALISATION = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'", "\u00a0": " "})

# spaCy's tokenizer strips prefix and suffix punctuation one character at a time, so a
# run without spaces costs time quadratic in its length: 20,000 '(' took 48 s, 200-
# character runs of mixed brackets and quotes 25 us per character (prose: under 2).
# In runs longer than this, which prose never has (URLs are blanked before), everything
# but letters and digits becomes a space: the same length, so offsets hold, and words
# glued into the run ('((refused))') are still checked.
LONG_RUN = 64
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")
_NOT_WORD = re.compile(r"[^\w]")


def _tame_long_runs(text: str) -> str:
    if len(text) <= LONG_RUN or not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(lambda m: _NOT_WORD.sub(" ", m.group()), text)


def _normalised(segment: str) -> str:
    """What the tokenizer sees of a segment: the same length, so offsets hold. Done per
    segment, not on the whole text, so a large text is not copied once more."""
    if not segment.isascii():  # most prose is: then both steps would copy it for nothing
        segment = segment.translate(_SAME_LENGTH_NORMALISATION)
        if _SURROGATE.search(segment):  # spaCy cannot hash lone surrogates
            segment = _SURROGATE.sub("\ufffd", segment)
    return _tame_long_runs(segment)


_BATCH = 256  # segments looked up and linted together


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading makes a million long-lived objects and no garbage; each collection
    meanwhile rescans all of spaCy's, which doubled the lexicon's load time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_pipeline(lexicon_files: Sequence[str] = ()) -> Language:
    """spacy.blank('en') + sentencizer + tilint. No trained model is needed."""
    with _gc_paused():
        from spacy.lang.en import English  # as spacy.blank("en"), without its registry look-up

        import tilint.component  # noqa: F401  (registers the factory)

        nlp = English()
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("tilint", config={"lexicon_files": list(lexicon_files)})
    return nlp


class Linter:
    """A loaded pipeline and a cache of results per segment of text.

    Keep one per process: loading costs most of a second, linting a paragraph far less.
    """

    def __init__(self, lexicon_files: Sequence[str] = (), *, prefilter: bool = True) -> None:
        self.nlp = build_pipeline(lexicon_files)
        self.component: TilintComponent = self.nlp.get_pipe("tilint")  # type: ignore[assignment]
        # Skips the segments that cannot hold a finding (tilint/prefilter.py); off, every
        # segment is tokenized whole, which is how the tests prove it changes nothing.
        self.prefilter: Prefilter | None = self.component.prefilter if prefilter else None
        self._tokenizer: Tokenizer = self.nlp.tokenizer
        self._chunk_terms: dict[str, tuple[tuple[int, int, int], ...]] = {}  # the prefilter's memo
        self._cache: OrderedDict[str, tuple[Hit, ...]] = OrderedDict()
        self._cache_chars = 0
        self._selections: dict[tuple[object, ...], tuple[list[bool], list[Severity]]] = {}
        self._lock = Lock()

    def _find(self, texts: Sequence[str]) -> Iterator[tuple[Hit, ...]]:
        """Hits per text: the tokenizer, then the component's matcher, without the
        pipeline's sentencizer (the component finds sentences only around a match)
        and without building span groups nobody reads (a third faster on 1 MB of
        prose, see bench/bench.py)."""
        find = self.component.find
        normalised = [_normalised(t) for t in texts]
        prefilter = self.prefilter
        if prefilter is None:
            for text, doc in zip(normalised, self._tokenizer.pipe(normalised, batch_size=64), strict=True):
                yield tuple(find(doc, text))
            return
        tokenizer = self._tokenizer
        for text in normalised:
            yield tuple(find(tokenizer(text), text)) if prefilter.may_find(text, tokenizer, self._chunk_terms) else ()

    @property
    def lexicon(self) -> Lexicon:
        return self.component.lexicon

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self.component.rules

    def forget(self) -> None:
        """Drop every remembered segment of text: for a server whose requests must leave
        no text behind (and no timing trace of what others checked)."""
        with self._lock:
            self._cache.clear()
            self._cache_chars = 0
            self._chunk_terms.clear()  # the prefilter's memo is keyed by chunks of text

    def hits(self, checkable: str, blanks: Sequence[tuple[int, int]] = ()) -> list[tuple[int, Hit]]:
        """(segment offset, hit) for the text, linting only segments not seen before.

        Segments are taken a batch at a time, so a large text is never also held whole
        as segments, and each is looked up and linted once."""
        out: list[tuple[int, Hit]] = []
        batch: list[tuple[int, str]] = []
        with self._lock:
            for part in segments(checkable, blanks):
                batch.append(part)
                if len(batch) == _BATCH:
                    self._hits_of(batch, out)
                    batch = []
            self._hits_of(batch, out)
        return out

    def _hits_of(self, parts: Sequence[tuple[int, str]], out: list[tuple[int, Hit]]) -> None:
        found: dict[str, tuple[Hit, ...]] = {}
        todo: list[str] = []
        for _, text in parts:
            if text in found:
                continue
            cached = self._cache.get(text)
            if cached is None:
                found[text] = ()
                todo.append(text)
            else:
                self._cache.move_to_end(text)
                found[text] = cached
        for text, hits in zip(todo, self._find(todo), strict=True):
            found[text] = hits
            self._cache[text] = hits
            self._cache_chars += len(text)
            while len(self._cache) > CACHE_SEGMENTS or self._cache_chars > CACHE_CHARS:
                self._cache_chars -= len(self._cache.popitem(last=False)[0])
        out.extend((offset, hit) for offset, text in parts for hit in found[text])

    def _selection(self, config: Config) -> tuple[list[bool], list[Severity]]:
        """Which rules are on, and at what severity, for a config's selectors: worked out
        once per set of selectors, not on every lint (it was most of a cached re-lint)."""
        key = (config.select, config.extend_select, config.ignore, tuple(config.severity.items()))
        selection = self._selections.get(key)
        if selection is None:
            rules = self.rules
            check_selectors([*config.select, *config.extend_select, *config.ignore, *config.severity], rules, "settings")
            selection = (
                [enabled(r, config.select, config.ignore, config.extend_select) for r in rules],
                [severity_for(r, config.severity) for r in rules],
            )
            if len(self._selections) >= 64:  # settings change rarely; never grow without bound
                self._selections.clear()
            self._selections[key] = selection
        return selection

    def lint_document(
        self, document: Document, config: Config, *, line_starts: Sequence[int] | None = None
    ) -> list[Finding]:
        """Findings in a prepared document. `line_starts`: the text's line index, when
        the caller has one already (the language server keeps one per version)."""
        rules = self.rules
        active, severities = self._selection(config)
        text = document.text
        starts = compact_line_starts(text) if line_starts is None else line_starts
        allowed = _Ranges(_allow_ranges(text, config.allow))
        quoted_ranges = _Ranges(document.quoted)
        suppressions = _Suppressions(document.suppressions)
        findings: list[Finding] = []
        for offset, hit in self.hits(document.checkable, document.blanks):
            rule = rules[hit.rule_index]
            if not active[hit.rule_index] or hit.mention:
                continue
            start, end = offset + hit.start, offset + hit.end
            quoted = hit.quoted or quoted_ranges.contain(start, end)
            if quoted and not config.check_quotes:
                continue
            if allowed.contain(start, end):
                continue
            if suppressions.silence(rule, start):
                continue
            line, column = line_col(starts, start)
            end_line, end_column = line_col(starts, end)
            findings.append(
                Finding(
                    rule=rule.code,
                    name=rule.name,
                    category=rule.category,
                    severity=severities[hit.rule_index],
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


class _Ranges:
    """Is [start, end) inside any of many ranges? Each question costs O(log n), not O(n):
    a document with 10,000 block quotes and 20,000 matches spent 14 s asking."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [a for a, _ in ordered]
        self._reach: list[int] = []  # the furthest end among ranges starting at or before
        furthest = -1
        for _, b in ordered:
            furthest = max(furthest, b)
            self._reach.append(furthest)

    def contain(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end


class _Suppressions:
    """Which suppressions cover an offset: only those starting shortly before it are
    looked at, plus the few long ones (disable ... enable blocks)."""

    LONG = 5_000

    def __init__(self, suppressions: Iterable[Suppression]) -> None:
        suppressions = tuple(suppressions)
        short = sorted((s for s in suppressions if s.end - s.start <= self.LONG), key=lambda s: s.start)
        self._long = [s for s in suppressions if s.end - s.start > self.LONG]
        self._short = short
        self._starts = [s.start for s in short]

    def silence(self, rule: Rule, offset: int) -> bool:
        lo = bisect.bisect_left(self._starts, offset - self.LONG)
        hi = bisect.bisect_right(self._starts, offset)
        candidates = itertools.chain(self._short[lo:hi], self._long)
        return any(
            s.start <= offset < s.end and (not s.selectors or any(specificity(sel, rule) for sel in s.selectors))
            for s in candidates
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
            # TILINT_NO_PREFILTER=1: tokenize every segment (for measuring, or to rule it out)
            linter = _LINTERS[key] = Linter(key, prefilter=not os.environ.get("TILINT_NO_PREFILTER"))
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


def lint_paths(
    paths: Sequence[str],
    config: Config | None = None,
    *,
    discover_config: bool = True,
    jobs: int = 1,
    overrides: Mapping[str, Any] | None = None,
) -> list[FileResult]:
    """Lint files and folders (recursively: every kind in tilint.formats.KINDS, hidden folders skipped).

    Each file uses the nearest config file above it unless `config` is given and
    `discover_config` is False. Problems with one file are reported in its result and the
    rest go on. `jobs` > 1 lints in that many worker processes (0: one per core); the
    results are the same, in the same order. `overrides` (e.g. {"select": ("TI1",)},
    as the CLI's flags) are applied on top of every file's config.
    """
    base = config or Config()
    files = [(str(path), display) for path, display, _ in iter_files(paths, base.exclude)]
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1 or len(files) < 2:
        return _lint_files(files, base, discover_config, overrides)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver, not fork: a fork of a threaded caller (a language server) can deadlock.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    size = max(1, min(64, len(files) // (jobs * 4)))  # small chunks balance uneven files
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method)) as pool:
        n = len(chunks)
        done = pool.map(_lint_files, chunks, [base] * n, [discover_config] * n, [overrides] * n)
        return [r for chunk in done for r in chunk]


def _lint_files(
    files: Sequence[tuple[str, str]], base: Config, discover_config: bool, overrides: Mapping[str, Any] | None = None
) -> list[FileResult]:
    from tilint.config import find_config_file, load_config

    if overrides:
        base = base.merged(**overrides)
    configs: dict[Path, Config] = {}
    out: list[FileResult] = []
    for name, display in files:
        path = Path(name)
        try:
            file_config = base
            if discover_config:
                found = find_config_file(path)
                if found is not None:
                    if found not in configs:
                        loaded = load_config(found)
                        configs[found] = loaded.merged(**overrides) if overrides else loaded
                    file_config = configs[found]
            kind = kind_for(path) or "text"
            document = read_document(path, display, kind)
            findings = localize(document, get_linter(file_config).lint_document(document, file_config))
            out.append(FileResult(display, tuple(findings)))
        except TilintError as exc:
            out.append(FileResult(display, (), exc))
    return out


def at_or_above(findings: Iterable[Finding], level: Severity) -> int:
    return sum(1 for f in findings if f.severity.rank >= level.rank)
