"""The public API: lint_text and lint_paths. Never prints."""

from __future__ import annotations

import bisect
import gc
import itertools
import os
import re
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING, Any

from tilint.config import Config
from tilint.errors import InputError, TilintError
from tilint.findings import FileResult as FileResult  # re-exported: it lived here
from tilint.findings import Finding, Severity, Suggestion
from tilint.formats import Document, kind_for, localize, prepare, read_document
from tilint.formats.files import MAX_FILE_BYTES as MAX_FILE_BYTES  # re-exported: they lived here
from tilint.formats.files import decode as decode
from tilint.formats.files import excluded as excluded
from tilint.formats.files import iter_files as iter_files
from tilint.formats.files import read_text_file as read_text_file
from tilint.formats.files import unknown_files
from tilint.positions import compact_line_starts, line_col
from tilint.scan import PassRate, TextScan
from tilint.segment import segments
from tilint.selection import RuleKey, check_selectors, enabled, severity_for, specificity
from tilint.termlists import in_term_list

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
    if len(text) <= LONG_RUN or _spaced(text) or not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(lambda m: _NOT_WORD.sub(" ", m.group()), text)


def _spaced(text: str) -> bool:
    """True if every LONG_RUN + 1 characters of `text` hold a space, so no run is longer:
    a jump to the last space of each window, a tenth of the time of _LONG_RUN.search,
    whose every start rescans the rest of its word."""
    n = len(text)
    pos = -1  # the last space found
    while n - pos - 1 > LONG_RUN:
        pos = text.rfind(" ", pos + 1, pos + LONG_RUN + 2)
        if pos < 0:
            return False
    return True


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
    meanwhile rescans all of spaCy's, which doubled the lexicon's load time.

    Afterwards everything loaded so far (spaCy's modules, the pipeline, the lexicon) is
    frozen (gc.freeze): it lives as long as the process, so the collector never scans it
    again, neither in later collections nor at exit. `tilint check` on a one-line file
    took 1.55x the CPU time of `import spacy` before, 1.12x after (bench/bench.py
    --cold-start-only). Frozen objects are still freed by reference counting; only a
    dropped pipeline's reference cycles stay (about 5 MB each time a process that drops
    its pipelines builds one again, as the bench and some tests do)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
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


@dataclass(frozen=True, slots=True)
class _Pipeline:
    nlp: Language
    component: TilintComponent
    tokenizer: Tokenizer
    prefilter: Prefilter | None  # None: every segment is tokenized


class Linter:
    """A pipeline, loaded when first needed, and a cache of results per segment of text.

    Keep one per process: loading costs most of a second, linting a paragraph far less.
    With the prefilter on and its scan in the on-disk cache (written by the first load
    of the same lexicon), the pipeline, and so spaCy, is loaded only for the first
    segment that the scan lets through (tilint/scan.py): a clean document is checked
    without it. Findings are the same either way; `load()` loads it now.
    """

    def __init__(self, lexicon_files: Sequence[str] = (), *, prefilter: bool = True, rest_when_dense: bool = True) -> None:
        self._files = tuple(lexicon_files)
        # Skips the segments that cannot hold a finding (tilint/prefilter.py); off, every
        # segment is tokenized whole, which is how the tests prove it changes nothing.
        # Resting (tilint.scan.PassRate) skips the prefilter where most text passes it;
        # the tests turn that off to prove the prefilter's every decision.
        self._prefiltered = prefilter
        self._pipeline: _Pipeline | None = None
        self._load_lock = Lock()
        self._scan_path = _scan_cache_path(self._files) if prefilter else None
        cached = _read_scan(self._scan_path)
        self._scan: TextScan | None = cached[0] if cached else None
        self._keys: tuple[RuleKey, ...] = cached[1] if cached else ()  # what selection reads of the rules
        if cached is None:
            self.load()  # now, as before: a broken lexicon raises here
        self._chunk_terms: dict[str, tuple[tuple[int, int, int], ...]] = {}  # the prefilter's memo
        self._new_pass_rate = PassRate if rest_when_dense else PassRate.never_resting
        self._pass_rate = self._new_pass_rate()
        # (rules off, segment) -> its hits: a segment's hits depend on which rules are on
        self._cache: OrderedDict[tuple[frozenset[int], str], tuple[Hit, ...]] = OrderedDict()
        self._cache_chars = 0
        self._selections: dict[tuple[object, ...], tuple[list[bool], list[Severity], frozenset[int]]] = {}
        self._groups_off: dict[frozenset[int], frozenset[int]] = {}
        self._lock = Lock()

    def load(self) -> Linter:
        """Load the pipeline if it is not loaded yet (a server does before its first request)."""
        self._loaded()
        return self

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def _loaded(self) -> _Pipeline:
        pipeline = self._pipeline
        if pipeline is not None:
            return pipeline
        with self._load_lock:
            if self._pipeline is None:
                had_scan = self._scan is not None
                # The prefilter has its own copy of the scan's automata (about 20 MB):
                # dropped before that copy is read, so that the two are never held at once
                # (a reader in _find that finds neither waits here for the pipeline).
                self._scan = None
                nlp = build_pipeline(self._files)
                component: TilintComponent = nlp.get_pipe("tilint")  # type: ignore[assignment]
                prefilter = component.prefilter if self._prefiltered else None
                keys = tuple(RuleKey.of(rule) for rule in component.rules)
                if prefilter is not None and not had_scan:
                    _write_scan(self._scan_path, prefilter.scan, keys)
                self._keys = keys
                self._pipeline = _Pipeline(nlp, component, nlp.tokenizer, prefilter)
            return self._pipeline

    @property
    def nlp(self) -> Language:
        return self._loaded().nlp

    @property
    def component(self) -> TilintComponent:
        return self._loaded().component

    @property
    def prefilter(self) -> Prefilter | None:
        return self._loaded().prefilter if self._prefiltered else None

    def _find(self, texts: Sequence[str], off: frozenset[int] = frozenset()) -> Iterator[tuple[Hit, ...]]:
        """Hits per text: the tokenizer, then the component's matcher, without the
        pipeline's sentencizer (the component finds sentences only around a match)
        and without building span groups nobody reads (a third faster on 1 MB of
        prose, see bench/bench.py). Rules whose index is in `off` make no hits."""
        normalised = [_normalised(t) for t in texts]
        pipeline, scan = self._pipeline, self._scan  # in this order: the scan goes once loaded
        if pipeline is not None and pipeline.prefilter is None:
            find = pipeline.component.find
            for text, doc in zip(normalised, pipeline.tokenizer.pipe(normalised, batch_size=64), strict=True):
                yield tuple(find(doc, text, off))
            return
        off_groups: frozenset[int] | None = None
        for text in normalised:
            if pipeline is None:
                if scan is not None and not scan.may_match(text):  # so prefilter.may_find is False too
                    yield ()
                    continue
                scan = None  # not held while the pipeline's own copy is read
                pipeline = self._loaded()
            prefilter, tokenizer = pipeline.prefilter, pipeline.tokenizer
            if off_groups is None:
                off_groups = self._off_groups(pipeline.component, off)
            if prefilter is None or not self._pass_rate.deciding(len(text)):
                yield tuple(pipeline.component.find(tokenizer(text), text, off))
            elif prefilter.may_find(text, tokenizer, self._chunk_terms, off_groups):
                self._pass_rate.record(len(text), passed=True)
                yield tuple(pipeline.component.find(tokenizer(text), text, off))
            else:
                self._pass_rate.record(len(text), passed=False)
                yield ()

    def _off_groups(self, component: TilintComponent, off: frozenset[int]) -> frozenset[int]:
        """The positions of the phrase groups of the rules in `off` (for the prefilter)."""
        if not off:
            return off
        groups = self._groups_off.get(off)
        if groups is None:
            groups = frozenset(g for g, rule in enumerate(component.group_rules) if rule in off)
            if len(self._groups_off) >= 64:
                self._groups_off.clear()
            self._groups_off[off] = groups
        return groups

    @property
    def lexicon(self) -> Lexicon:
        return self.component.lexicon

    @property
    def redirects(self) -> dict[str, str]:
        """Old code -> new code of the rules that moved (read from the cached keys, so
        without loading the pipeline)."""
        return {old: key.code for key in self._keys for old in key.replaces}

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

    def hits(
        self, checkable: str, blanks: Sequence[tuple[int, int]] = (), off: frozenset[int] = frozenset()
    ) -> list[tuple[int, Hit]]:
        """(segment offset, hit) for the text, linting only segments not seen before;
        rules whose index is in `off` (those a configuration leaves off) make no hits.

        Segments are taken a batch at a time, so a large text is never also held whole
        as segments, and each is looked up and linted once."""
        out: list[tuple[int, Hit]] = []
        batch: list[tuple[int, str]] = []
        with self._lock:
            # Each text is judged on its own: an edit after a dense document is decided,
            # and nothing of one text's density is left to time another's.
            self._pass_rate = self._new_pass_rate()
            for part in segments(checkable, blanks):
                batch.append(part)
                if len(batch) == _BATCH:
                    self._hits_of(batch, out, off)
                    batch = []
            self._hits_of(batch, out, off)
        return out

    def _hits_of(self, parts: Sequence[tuple[int, str]], out: list[tuple[int, Hit]], off: frozenset[int]) -> None:
        found: dict[str, tuple[Hit, ...]] = {}
        todo: list[str] = []
        for _, text in parts:
            if text in found:
                continue
            cached = self._cache.get((off, text))
            if cached is None:
                found[text] = ()
                todo.append(text)
            else:
                self._cache.move_to_end((off, text))
                found[text] = cached
        for text, hits in zip(todo, self._find(todo, off), strict=True):
            found[text] = hits
            self._cache[off, text] = hits
            self._cache_chars += len(text)
            while len(self._cache) > CACHE_SEGMENTS or self._cache_chars > CACHE_CHARS:
                self._cache_chars -= len(self._cache.popitem(last=False)[0][1])
        out.extend((offset, hit) for offset, text in parts for hit in found[text])

    def _selection(self, config: Config) -> tuple[list[bool], list[Severity], frozenset[int]]:
        """Which rules are on, at what severity, and the indexes of those off, for a
        config's selectors: worked out once per set of selectors, not on every lint (it
        was most of a cached re-lint)."""
        key = (config.select, config.extend_select, config.ignore, tuple(config.severity.items()))
        selection = self._selections.get(key)
        if selection is None:
            rules = self._keys
            check_selectors([*config.select, *config.extend_select, *config.ignore, *config.severity], rules, "settings")
            active = [enabled(r, config.select, config.ignore, config.extend_select) for r in rules]
            off = frozenset(i for i, on in enumerate(active) if not on)
            selection = (active, [severity_for(r, config.severity) for r in rules], off)
            if len(self._selections) >= 64:  # settings change rarely; never grow without bound
                self._selections.clear()
            self._selections[key] = selection
        return selection

    def lint_document(
        self, document: Document, config: Config, *, line_starts: Sequence[int] | None = None
    ) -> list[Finding]:
        """Findings in a prepared document. `line_starts`: the text's line index, when
        the caller has one already (the language server keeps one per version)."""
        active, severities, off = self._selection(config)
        hits = self.hits(document.checkable, document.blanks, off)
        if not hits:
            return []
        rules = self.rules  # loaded: there are hits
        text = document.text
        starts = compact_line_starts(text) if line_starts is None else line_starts
        allowed = _Ranges(_allow_ranges(text, config.allow))
        quoted_ranges = _Ranges(document.quoted)
        suppressions = _Suppressions(document.suppressions)
        findings: list[Finding] = []
        for offset, hit in hits:
            rule = rules[hit.rule_index]
            if not active[hit.rule_index] or hit.mention:
                continue
            start, end = offset + hit.start, offset + hit.end
            # A list or table of terms under a heading about language spans segments, so
            # it is told here, from the whole text, for the few hits that reach this far.
            if in_term_list(document.checkable, start, end):
                continue
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


def _scan_cache_path(lexicon_files: Sequence[str]) -> Path | None:
    """Where the prefilter's scan and the rules' keys for these lexicon files are cached:
    keyed by the bytes the compiled lexicon is made from and by spaCy's version and the
    Python's, which decide how build_pipeline's tokenizer split the phrases."""
    import sys

    from tilint.datafiles import cache_dir
    from tilint.sources import cache_key, cache_path, fillers_file, package_stamp, source_files

    salt = f"scan2/{package_stamp('spacy', 'about.py')}/{sys.version_info[0]}.{sys.version_info[1]}"
    return cache_path(cache_dir(), "scan", cache_key([*source_files(lexicon_files), fillers_file()], salt))


def _read_scan(path: Path | None) -> tuple[TextScan, tuple[RuleKey, ...]] | None:
    if path is None or not path.exists():
        return None
    import pickle

    try:
        with path.open("rb") as fh:
            scan, keys = pickle.load(fh)
    except Exception:  # a corrupt or stale cache file: load the pipeline, which writes it again
        return None
    if isinstance(scan, TextScan) and isinstance(keys, tuple) and all(isinstance(k, RuleKey) for k in keys):
        from tilint.datafiles import mark_used

        mark_used(path)
        return scan, keys
    return None


def _write_scan(path: Path | None, scan: TextScan, keys: tuple[RuleKey, ...]) -> None:
    if path is not None:
        import pickle

        from tilint.datafiles import write_cache_atomically

        write_cache_atomically(path, pickle.dumps((scan, keys), protocol=pickle.HIGHEST_PROTOCOL))


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


def renew_linter(config: Config | None = None) -> None:
    """Drop the process-wide linter for a config's lexicon files: the next get_linter
    builds a fresh one (about 0.1 s, the lexicon being cached). spaCy's vocabulary keeps
    every new word it has tokenized and never forgets one, so a process that lints an
    unbounded stream of text (tilint audit) renews its linter to keep memory flat."""
    key = tuple(config.lexicons) if config else ()
    with _LINTERS_LOCK:
        _LINTERS.pop(key, None)


def lint_text(text: str, config: Config | None = None, *, kind: str = "text") -> list[Finding]:
    """Lint a string. `kind` is 'text' or 'markdown'. Offsets are code points into `text`."""
    config = config or Config()
    if not isinstance(text, str):
        raise TypeError(f"lint_text expects str, not {type(text).__name__}")
    linter = get_linter(config)
    return linter.lint_document(prepare(text, kind), config)


# Below this many files, `jobs=0` stays in one process: starting workers and loading the
# lexicon in each costs more than it saves.
PARALLEL_MIN_FILES = 8


def workers_for(count: int, jobs: int) -> int:
    """Processes for `count` files: `jobs` (0: one per core, for batches worth it)."""
    if jobs == 1 or count < 2:
        return 1
    if jobs > 1:
        return min(jobs, count)
    if count < PARALLEL_MIN_FILES:
        return 1
    return min(os.cpu_count() or 1, count)


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """One document of a batch, with what the steps after linting (fixes, baselines,
    reports, exit codes) need: its kind, the config it was checked with, and for a
    file with findings the document that reports quote from."""

    path: str  # as the user named it (or found in a folder); the name for '-' from stdin_filename
    findings: tuple[Finding, ...] = ()
    error: TilintError | None = None
    kind: str = "text"
    config: Config | None = None  # None when the file was never checked (its config failed)
    document: Document | None = None  # see for_reports
    source: Path | None = None  # the file read; None for standard input
    note: str | None = None  # said once about the file (a PDF with no text layer)

    @property
    def result(self) -> FileResult:
        return FileResult(self.path, self.findings, self.error)


@dataclass(frozen=True, slots=True)
class Batch:
    """What check_paths returns: one CheckedFile per document, in the order named."""

    files: tuple[CheckedFile, ...]
    skipped: tuple[tuple[str, int], ...] = ()  # (folder, files of unknown type not checked)

    @property
    def configs(self) -> list[Config]:
        """Every config a file was checked with, each once, in first-use order."""
        out: list[Config] = []
        for f in self.files:
            if f.config is not None and not any(f.config is c or f.config == c for c in out):
                out.append(f.config)
        return out


@dataclass(frozen=True, slots=True)
class _Source:
    """One document to lint. Picklable: it crosses to worker processes."""

    display: str
    path: Path | None  # None: standard input, in `raw`
    raw: bytes | None
    kind: str
    config: Config
    keep: bool  # keep what reports need of the document


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
    rest go on. `jobs` > 1 lints in that many worker processes (0: one per core for
    batches of PARALLEL_MIN_FILES or more); the results are the same, in the same order.
    `overrides` (e.g. {"select": ("TI1",)}, as the CLI's flags) are applied on top of
    every file's config. See check_paths for standard input, documents and progress.
    """
    batch = check_paths(paths, config, discover_config=discover_config, jobs=jobs, overrides=overrides, documents=False)
    return [f.result for f in batch.files]


def check_paths(
    paths: Sequence[str],
    config: Config | None = None,
    *,
    discover_config: bool = True,
    overrides: Mapping[str, Any] | None = None,
    jobs: int = 1,
    stdin: bytes | None = None,
    stdin_filename: str | None = None,
    skip: Collection[Path] = (),
    documents: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Batch:
    """The one multi-file pipeline (`tilint check` and lint_paths): find the files, pick
    each one's config, read and lint them (in worker processes for large batches), and
    return every result in the order the paths were named.

    `stdin`: the bytes the path '-' stands for (None: '-' is a file name), named and typed
    by `stdin_filename`, whose folder is also where its config is looked for. `skip`:
    files never checked (the CLI's baseline file). `documents`: keep what reports need of
    each document with findings. `progress(done, total)` is called with 0 before the
    first file is read and after each one. Never raises TilintError: a file's problems
    are in its result.
    """
    from tilint.config import find_config_file, load_config

    base = config or Config()
    extra = dict(overrides or {})
    fixed = base.merged(**extra) if extra else base
    discovered: dict[Path, Config | TilintError] = {}

    def config_for(path: Path) -> Config:
        if not discover_config:
            return fixed
        found = find_config_file(path)
        if found is None:
            return fixed
        if found not in discovered:
            try:
                loaded = load_config(found)
                discovered[found] = loaded.merged(**extra) if extra else loaded
            except TilintError as exc:
                discovered[found] = exc
        got = discovered[found]
        if isinstance(got, TilintError):
            raise got
        return got

    skipped = [s.resolve() for s in skip]
    files: list[CheckedFile | _Source] = []  # a CheckedFile where the file failed before reading
    unknown: list[tuple[str, int]] = []

    def add(display: str, path: Path | None, raw: bytes | None, kind: str, config_path: Path) -> None:
        try:
            files.append(_Source(display, path, raw, kind, config_for(config_path), documents))
        except TilintError as exc:
            files.append(CheckedFile(display, error=exc, kind=kind, source=path))

    for target in list(paths) or ["."]:
        if target == "-" and stdin is not None:
            name = stdin_filename or "<stdin>"
            add(name, None, stdin, kind_for(name) or "text", Path(stdin_filename or "."))
            continue
        if skipped and _among(Path(target), skipped):
            continue
        if not Path(target).exists():
            files.append(CheckedFile(target, error=InputError(target, "no such file or directory"), kind=kind_for(target) or "text"))
            continue
        if Path(target).is_dir() and (count := unknown_files(Path(target))):
            unknown.append((target, count))
        for path, display, _explicit in iter_files([target], fixed.exclude):
            if not (skipped and _among(path, skipped)):
                add(display, path, None, kind_for(path) or "text", path)

    sources = [s for s in files if isinstance(s, _Source)]
    linted = iter(_lint_all(sources, workers_for(len(sources), jobs), progress))
    out: list[CheckedFile] = []
    for item in files:
        if isinstance(item, _Source):
            findings, document, error, note = next(linted)
            out.append(CheckedFile(item.display, findings, error, item.kind, item.config, document, item.path, note))
        else:
            out.append(item)
    return Batch(tuple(out), tuple(unknown))


_Linted = tuple[tuple[Finding, ...], Document | None, TilintError | None, str | None]  # findings, document, error, note


def _lint_all(sources: Sequence[_Source], workers: int, progress: Callable[[int, int], None] | None) -> list[_Linted]:
    """Lint every source; results in source order whatever the number of processes."""
    total = len(sources)
    out: list[_Linted] = []
    if progress is not None:
        progress(0, total)
    if workers <= 1:
        for source in sources:
            out.append(_lint_one(source))
            if progress is not None:
                progress(len(out), total)
        return out
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver, not fork: a fork of a threaded caller (the language server lints on a
    # thread pool) can deadlock on a lock another thread held at the fork. The server, a
    # single-threaded process, imports spaCy and tilint once; each worker forks from it
    # and only builds its lexicon's matchers (0.2 s). Measured on 300 files of 2 KB,
    # `tilint check --jobs 2`, CPU of the whole process tree: 1-5% more than forking a
    # parent that had built the linter (three runs of 5-9; 4.33 s vs 4.14 s in the last),
    # wall time within the noise; preloading only this module cost 5-7% more.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["tilint.api", "tilint.component", "spacy.lang.en"])
    chunk = max(1, min(16, total // (workers * 4)))  # small chunks balance uneven files
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for linted in pool.map(_lint_one, sources, chunksize=chunk):
            out.append(linted)
            if progress is not None:
                progress(len(out), total)
    return out


def _lint_one(source: _Source) -> _Linted:
    """Read and lint one document. Runs in a worker process for large batches, so it
    returns plain data and never raises a TilintError."""
    from tilint.formats import document_from_bytes

    try:
        linter = get_linter(source.config)
        if source.raw is not None:
            document = document_from_bytes(source.raw, source.display, source.kind)
        else:
            assert source.path is not None
            document = read_document(source.path, source.display, source.kind)
        findings = localize(document, linter.lint_document(document, source.config))
        return tuple(findings), for_reports(document, findings) if source.keep else None, None, document.note
    except TilintError as exc:
        return (), None, exc, None


def for_reports(document: Document, findings: Sequence[Finding]) -> Document | None:
    """What the reports need of a linted document, kept until every file is done: nothing
    for a file without findings, and never the checkable copy (a batch of large files
    kept whole took gigabytes)."""
    if not findings:
        return None
    if document.checkable is document.text:
        return document
    import dataclasses

    return dataclasses.replace(document, checkable=document.text, blanks=())


def _among(path: Path, resolved: Sequence[Path]) -> bool:
    try:
        return path.resolve() in resolved
    except OSError:
        return False


def at_or_above(findings: Iterable[Finding], level: Severity) -> int:
    return sum(1 for f in findings if f.severity.rank >= level.rank)
