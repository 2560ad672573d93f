"""Exported records in, one chunk of notes at a time: CSV, JSONL, Parquet, or a folder
of documents. Memory stays flat however large the export: nothing is read whole.

CSV and Parquet go through pyarrow (its streaming CSV reader handles quoting, embedded
line breaks and encodings that hand-written splitting gets wrong); JSONL is read a line
at a time with the standard library.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tilint.errors import InputError, UsageError, read_error

TEXT_COLUMNS = ("text", "note_text", "note", "body", "content")
ID_COLUMNS = ("id", "note_id", "record_id", "document_id")
DATE_COLUMNS = ("date", "note_date", "created", "created_at", "timestamp", "datetime")
PERIODS = ("year", "quarter", "month", "week")
TABLE_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}
CSV_BLOCK = 4 << 20  # bytes per CSV chunk
ROWS_PER_CHUNK = 5000  # notes per JSONL / Parquet / folder chunk


@dataclass(frozen=True)
class Columns:
    """Which input columns mean what, as the user named them (or the defaults found)."""

    text: str | None = None
    id: str | None = None
    date: str | None = None
    by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    note_id: str
    text: str
    groups: tuple[str, ...]
    kind: str = "text"  # how to read `text`: a folder's Markdown keeps its code blocks unchecked


@dataclass(frozen=True)
class Chunk:
    index: int
    notes: tuple[Note, ...]
    done: float  # progress after this chunk, 0..1


def input_kind(path: Path) -> str:
    if path.is_dir():
        return "folder"
    kind = TABLE_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UsageError(str(path), "unknown input type", "give a .csv, .jsonl, .parquet file or a folder of documents")
    return kind


def period(value: str, unit: str) -> str:
    """'2026-03-14...' -> '2026-03' (month), '2026-Q1', '2026', '2026-W11'; 'unknown' if no date."""
    m = re.match(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", value)
    if not m:
        return "unknown"
    year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return "unknown"
    if unit == "year":
        return f"{year:04d}"
    if unit == "quarter":
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "month":
        return f"{year:04d}-{month:02d}"
    try:
        iso = dt.date(year, month, int(m.group(3) or 1)).isocalendar()
    except ValueError:
        return "unknown"
    return f"{iso[0]:04d}-W{iso[1]:02d}"


class _Plan:
    """How to turn a row into a Note: which column feeds each field."""

    def __init__(self, display: str, names: Sequence[str], columns: Columns) -> None:
        present = set(names)

        def pick(given: str | None, defaults: Sequence[str], flag: str, required: bool) -> str | None:
            if given is not None:
                if given not in present:
                    raise InputError(display, f"no column {given!r} (columns: {', '.join(names)})", f"name the right one with {flag}")
                return given
            found = next((c for c in defaults if c in present), None)
            if found is None and required:
                raise InputError(display, f"no text column (columns: {', '.join(names)})", f"name it with {flag}")
            return found

        self.text = pick(columns.text, TEXT_COLUMNS, "--text-column", True)
        self.id = pick(columns.id, ID_COLUMNS, "--id-column", False)
        self.date = pick(columns.date, DATE_COLUMNS, "--date-column", False)
        self.by: list[tuple[str, str | None]] = []  # (column, period unit or None)
        for name in columns.by:
            if name in present:
                self.by.append((name, None))
            elif name in PERIODS:
                if self.date is None:
                    raise InputError(display, f"--by {name} needs a date column (columns: {', '.join(names)})", "name it with --date-column")
                self.by.append((self.date, name))
            else:
                raise InputError(display, f"no column {name!r} for --by (columns: {', '.join(names)})", f"--by takes a column name or one of {', '.join(PERIODS)}")
        self.needed = sorted({c for c in (self.text, self.id, *(col for col, _ in self.by)) if c})

    def note(self, row: dict[str, Any], number: int) -> Note:
        text = row.get(self.text or "")
        groups = []
        for column, unit in self.by:
            value = _as_text(row.get(column))
            groups.append(period(value, unit) if unit else (value or "(blank)"))
        note_id = _as_text(row.get(self.id)) if self.id else ""
        return Note(note_id or str(number), _as_text(text), tuple(groups))


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Counting:
    """A binary file that counts what has been read, for progress by bytes."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.read_bytes += len(data)
        return data

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)


def read_chunks(path: Path, columns: Columns, *, rows_per_chunk: int = ROWS_PER_CHUNK) -> Iterator[Chunk]:
    """Chunks of notes in input order. The same input and options always give the same
    chunks, so a checkpoint can name the last chunk done."""
    kind = input_kind(path)
    display = str(path)
    try:
        if kind == "csv":
            yield from _csv_chunks(path, display, columns)
        elif kind == "parquet":
            yield from _parquet_chunks(path, display, columns, rows_per_chunk)
        elif kind == "jsonl":
            yield from _jsonl_chunks(path, display, columns, rows_per_chunk)
        else:
            yield from _folder_chunks(path, columns, rows_per_chunk)
    except OSError as exc:
        raise read_error(exc, display) from None


def _csv_chunks(path: Path, display: str, columns: Columns) -> Iterator[Chunk]:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    size = max(1, path.stat().st_size)
    read_options = pacsv.ReadOptions(block_size=CSV_BLOCK)
    parse_options = pacsv.ParseOptions(newlines_in_values=True)  # notes hold line breaks
    try:
        with path.open("rb") as head:
            names = pacsv.open_csv(head, read_options=read_options, parse_options=parse_options).schema.names
        plan = _Plan(display, names, columns)
        convert = pacsv.ConvertOptions(
            column_types={c: pa.string() for c in names}, include_columns=plan.needed, strings_can_be_null=False
        )
        number = 0
        with path.open("rb") as raw:
            counting = _Counting(raw)
            reader = pacsv.open_csv(counting, read_options=read_options, parse_options=parse_options, convert_options=convert)
            for index, batch in enumerate(reader):
                notes = []
                for row in batch.to_pylist():
                    number += 1
                    notes.append(plan.note(row, number))
                yield Chunk(index, tuple(notes), min(1.0, counting.read_bytes / size))
    except pa.ArrowInvalid as exc:
        raise InputError(display, f"not a readable CSV file: {_first_line(exc)}") from None


def _parquet_chunks(path: Path, display: str, columns: Columns, rows: int) -> Iterator[Chunk]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        source = pq.ParquetFile(path)
        plan = _Plan(display, source.schema_arrow.names, columns)
        total = max(1, source.metadata.num_rows)
        number = 0
        for index, batch in enumerate(source.iter_batches(batch_size=rows, columns=plan.needed)):
            notes = []
            for row in batch.to_pylist():
                number += 1
                notes.append(plan.note(row, number))
            yield Chunk(index, tuple(notes), min(1.0, number / total))
    except (pa.ArrowInvalid, pa.ArrowException) as exc:
        raise InputError(display, f"not a readable Parquet file: {_first_line(exc)}") from None


def _jsonl_chunks(path: Path, display: str, columns: Columns, rows: int) -> Iterator[Chunk]:
    size = max(1, path.stat().st_size)
    plan: _Plan | None = None
    notes: list[Note] = []
    index = 0
    number = 0
    read = 0
    with path.open("rb") as handle:
        for line_number, line in enumerate(handle, 1):
            read += len(line)
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise InputError(f"{display}:{line_number}", f"not a JSON object: {_first_line(exc)}") from None
            if not isinstance(row, dict):
                raise InputError(f"{display}:{line_number}", "each line must be a JSON object")
            if plan is None:
                plan = _Plan(display, list(row), columns)
            number += 1
            notes.append(plan.note(row, number))
            if len(notes) == rows:
                yield Chunk(index, tuple(notes), min(1.0, read / size))
                index += 1
                notes = []
    if notes:
        yield Chunk(index, tuple(notes), 1.0)


def _folder_chunks(folder: Path, columns: Columns, rows: int) -> Iterator[Chunk]:
    """Every document tilint can read, as one note each; the id is its path in the
    folder. `--by folder` groups by the first folder below it."""
    from tilint.api import iter_files, read_text_file
    from tilint.formats import OFFICE_KINDS, kind_for, read_document

    for name in columns.by:
        if name != "folder":
            raise UsageError(str(folder), f"--by {name}: a folder of documents can be grouped only by 'folder'")
    paths = [p for p, _, _ in iter_files([str(folder)])]
    notes: list[Note] = []
    index = 0
    for n, path in enumerate(paths, 1):
        relative = path.relative_to(folder).as_posix()
        group = relative.split("/", 1)[0] if "/" in relative else "(top)"
        kind = kind_for(path) or "text"
        if kind in OFFICE_KINDS:
            note = Note(relative, read_document(path, str(path), kind).text, (group,) * len(columns.by))
        else:
            note = Note(relative, read_text_file(path, str(path)), (group,) * len(columns.by), kind)
        notes.append(note)
        if len(notes) == rows:
            yield Chunk(index, tuple(notes), n / len(paths))
            index += 1
            notes = []
    if notes:
        yield Chunk(index, tuple(notes), 1.0)


def fingerprint(path: Path) -> dict[str, Any]:
    """What identifies an input for resuming: a changed file starts again."""
    if path.is_dir():
        return {"path": str(path.resolve()), "kind": "folder"}
    info = os.stat(path)
    return {"path": str(path.resolve()), "size": info.st_size, "mtime_ns": info.st_mtime_ns}


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
