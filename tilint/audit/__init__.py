"""`tilint audit`: how often does trauma-informed language go wrong in a set of records?

Exported notes are read a chunk at a time (tilint.audit.inputs), each note linted with
the same pipeline as `tilint check`, and every chunk's findings and counts saved before
the next is started, so an interrupted audit resumes where it stopped without counting
anything twice. The outputs (docs/audit.md):

    findings.csv / findings.parquet   one row per finding: note id, rule, offsets, phrase
    summary.csv  / summary.parquet    counts and rates with 95% Wilson intervals
    report.html                        charts and tables, self-contained
    compare.csv  / compare.parquet     with --compare: change from an earlier audit
    audit.json                         what was audited, with which options and versions
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tilint.audit.inputs import Chunk, Columns, Note, fingerprint, input_kind, read_chunks
from tilint.audit.records import ChunkResult, finding_columns
from tilint.audit.stats import Accumulator, NoteCounts
from tilint.config import Config
from tilint.errors import InputError, UsageError

STATE_DIR = ".audit-state"
# spaCy's vocabulary grows by every new word tokenized (names, numbers, misspellings:
# real notes never run out of them), about 350 bytes each, and never shrinks. Past this
# many strings a worker renews its linter after the chunk, so memory stays flat.
VOCAB_LIMIT = 100_000
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


@dataclass(frozen=True)
class AuditOptions:
    columns: Columns = field(default_factory=Columns)
    config: Config = field(default_factory=Config)
    context: bool = False  # also write the sentence around each finding (shares more of the note)
    jobs: int = 1
    rows_per_chunk: int = 5000


@dataclass
class AuditResult:
    notes: int
    words: int
    findings: int
    output: Path
    resumed_from: int = 0
    seconds: float = 0.0


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def audit_chunk(chunk: Chunk, by: Sequence[str], config: Config, context: bool) -> ChunkResult:
    """Lint one chunk of notes. Picklable both ways: it runs in worker processes or on
    a Dask worker (examples/dask_audit.py). Renews the process's linter past
    VOCAB_LIMIT words, so a long-lived worker's memory stays flat."""
    from tilint.api import get_linter, renew_linter
    from tilint.formats import prepare

    linter = get_linter(config)
    columns: dict[str, list[Any]] = {name: [] for name in finding_columns(by, context)}
    notes: list[NoteCounts] = []
    phrases: list[tuple[str, str]] = []
    words = 0
    for note in chunk.notes:
        findings = linter.lint_document(prepare(note.text, note.kind), config)
        n_words = count_words(note.text)
        words += n_words
        by_rule: Counter[str] = Counter()
        for f in findings:
            by_rule[f.rule] += 1
            phrases.append((f.rule, f.text))
            row = [note.note_id, f.rule, f.name, f.category, f.severity.value, f.start, f.end, f.line, f.column, f.text]
            row.extend(note.groups)
            if context:
                row.append(_sentence(note.text, f.start, f.end))
            for name, value in zip(columns, row, strict=True):
                columns[name].append(value)
        notes.append(NoteCounts(note.note_id, note.groups, n_words, dict(by_rule)))
    if len(linter.nlp.vocab.strings) > VOCAB_LIMIT:
        renew_linter(config)
    return ChunkResult(chunk.index, columns, notes, phrases, words)


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return " ".join(text[left + 1 : right].split())


class _State:
    """The checkpoint: which chunks are done, their totals, and a part file per chunk."""

    def __init__(self, output: Path, identity: dict[str, Any]) -> None:
        self.dir = output / STATE_DIR
        self.parts = self.dir / "parts"
        self.file = self.dir / "state.json"
        self.identity = identity

    def load(self, restart: bool) -> dict[str, Any] | None:
        if restart and self.dir.exists():
            shutil.rmtree(self.dir)
        if not self.file.exists():
            return None
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise InputError(str(self.file), "the audit checkpoint is unreadable", "run again with --restart") from None
        if data.get("identity") != self.identity:
            raise UsageError(
                str(self.dir.parent),
                "holds an unfinished audit of other inputs or options",
                "run again with --restart to start over, or choose another --output",
            )
        return dict(data)

    def save(self, chunks_done: int, inputs_done: int, acc: Accumulator) -> None:
        data = {"identity": self.identity, "chunks_done": chunks_done, "inputs_done": inputs_done, "totals": acc.to_json()}
        _write_atomically(self.file, json.dumps(data).encode())


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def run_audit(
    inputs: Sequence[Path],
    output: Path,
    options: AuditOptions,
    *,
    restart: bool = False,
    progress: Callable[[float, int], None] | None = None,
    compare: Path | None = None,
    submit: Submit | None = None,
    workers: int = 0,
) -> AuditResult:
    """Audit `inputs` into the folder `output`. `progress(fraction, notes)` after each chunk.

    `submit` runs chunks on another engine: e.g. a Dask client's `submit` with `workers`
    its number of workers (examples/dask_audit.py); the outputs are the same."""
    from tilint.api import get_linter, renew_linter

    began = time.monotonic()
    for path in inputs:
        if not path.exists():
            raise InputError(str(path), "no such file or directory")
        input_kind(path)
    output.mkdir(parents=True, exist_ok=True)
    rules = get_linter(options.config).rules  # loads the lexicon now: a broken one stops here
    categories: dict[str, str] = {r.code: str(r.category) for r in rules}
    names = {r.code: r.name for r in rules}
    del rules  # holds no linter: audit_chunk may renew it (VOCAB_LIMIT)
    if submit is not None or (options.jobs or os.cpu_count() or 1) > 1:
        renew_linter(options.config)  # chunks are linted elsewhere: free this process's pipeline
    by = options.columns.by
    identity = {
        "inputs": [fingerprint(p) for p in inputs],
        "columns": [options.columns.text, options.columns.id, options.columns.date, list(by)],
        "config": options.config.model_dump(mode="json"),
        "context": options.context,
        "rows_per_chunk": options.rows_per_chunk,
        "rules": sorted(categories),
    }
    state = _State(output, identity)
    saved = state.load(restart)
    acc = Accumulator(tuple(by), categories) if saved is None else Accumulator.from_json(saved["totals"])
    inputs_done = 0 if saved is None else int(saved["inputs_done"])
    chunks_done = 0 if saved is None else int(saved["chunks_done"])
    resumed = acc.notes.get("all\x1fall", 0)  # notes counted before an interruption
    state.parts.mkdir(parents=True, exist_ok=True)

    from tilint.audit import outputs

    for number, path in enumerate(inputs):
        if number < inputs_done:
            continue
        skip = chunks_done
        chunks = (c for c in read_chunks(path, options.columns, rows_per_chunk=options.rows_per_chunk) if c.index >= skip)
        for result, done in _linted(chunks, options, submit, workers):
            outputs.write_part(state.parts / f"{number:04d}-{result.index:07d}.parquet", result, by, options.context)
            for note in result.notes:
                acc.add(note)
            acc.add_phrases(result.phrases)
            chunks_done = result.index + 1
            state.save(chunks_done, number, acc)
            if progress is not None:
                progress((number + done) / len(inputs), acc.notes.get("all\x1fall", 0))
        inputs_done, chunks_done = number + 1, 0
        state.save(0, inputs_done, acc)

    total_findings = outputs.finish(output, state.parts, by, options.context, acc, compare, names)
    notes, words = acc.notes.get("all\x1fall", 0), acc.words.get("all\x1fall", 0)
    manifest: dict[str, Any] = {
        "inputs": identity["inputs"],
        "options": {k: v for k, v in identity.items() if k != "inputs"},
        "notes": notes,
        "words": words,
        "findings": total_findings,
    }
    from tilint.__about__ import __version__

    manifest["tilint"] = __version__
    _write_atomically(output / "audit.json", json.dumps(manifest, indent=2).encode())
    shutil.rmtree(state.dir, ignore_errors=True)
    return AuditResult(
        notes=notes,
        words=words,
        findings=total_findings,
        output=output,
        resumed_from=resumed,
        seconds=time.monotonic() - began,
    )


Submit = Callable[..., Any]  # submit(fn, *args) -> a future with .result(): a process pool's or Dask's


def _linted(
    chunks: Iterator[Chunk], options: AuditOptions, submit: Submit | None = None, workers: int = 0
) -> Iterator[tuple[ChunkResult, float]]:
    """Chunk results in input order, with the input's progress after each. With `submit`
    (or jobs > 1) chunks run elsewhere, at most two per worker in flight, so memory stays
    flat however long the input."""
    by, config, context = options.columns.by, options.config, options.context
    if submit is not None:
        yield from _windowed(chunks, submit, max(1, workers), by, config, context)
        return
    jobs = options.jobs or (os.cpu_count() or 1)
    if jobs <= 1:
        for chunk in chunks:
            yield audit_chunk(chunk, by, config, context), chunk.done
        return
    import multiprocessing

    # forkserver, as tilint.api.lint_paths: forking a threaded parent can deadlock.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method)) as pool:
        yield from _windowed(chunks, pool.submit, jobs, by, config, context)


def _windowed(
    chunks: Iterator[Chunk], submit: Submit, workers: int, by: Sequence[str], config: Config, context: bool
) -> Iterator[tuple[ChunkResult, float]]:
    from collections import deque

    pending: deque[tuple[Any, float]] = deque()
    for chunk in chunks:
        pending.append((submit(audit_chunk, chunk, by, config, context), chunk.done))
        if len(pending) >= 2 * workers:
            future, done = pending.popleft()
            yield future.result(), done
    while pending:
        future, done = pending.popleft()
        yield future.result(), done


__all__ = ["AuditOptions", "AuditResult", "Columns", "Note", "audit_chunk", "run_audit"]
