"""The audit's files: findings and summary as CSV and Parquet (pyarrow), the comparison
with an earlier audit, and the HTML report. Part files are merged a file at a time, so
memory stays flat however many findings there are."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tilint.audit.records import ChunkResult, finding_columns
from tilint.audit.stats import Accumulator, compare_rows
from tilint.errors import InputError

if TYPE_CHECKING:
    import pyarrow as pa


def findings_schema(by: Sequence[str], context: bool) -> pa.Schema:
    import pyarrow as pa

    types = {"start": pa.int64(), "end": pa.int64(), "line": pa.int64(), "column": pa.int64()}
    return pa.schema([(name, types.get(name, pa.string())) for name in finding_columns(by, context)])


def write_part(path: Path, result: ChunkResult, by: Sequence[str], context: bool) -> None:
    """One chunk's findings, written to a temporary name and renamed: a part file is
    whole or absent, so a resumed audit never reads half a chunk."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(result.findings, schema=findings_schema(by, context))
    temporary = path.with_name(path.name + ".tmp")
    pq.write_table(table, temporary)
    temporary.replace(path)


def finish(
    output: Path, parts: Path, by: Sequence[str], context: bool, acc: Accumulator, compare: Path | None, names: dict[str, str]
) -> int:
    """Write every output file from the part files and totals; return the number of findings."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    schema = findings_schema(by, context)
    total = 0
    part_files = sorted(parts.glob("*.parquet"))
    with pq.ParquetWriter(output / "findings.parquet.tmp", schema) as parquet_out, pacsv.CSVWriter(
        output / "findings.csv.tmp", schema
    ) as csv_out:
        for part in part_files:
            table = pq.read_table(part, schema=schema)
            total += table.num_rows
            if table.num_rows:
                parquet_out.write_table(table)
                csv_out.write_table(table)
    (output / "findings.parquet.tmp").replace(output / "findings.parquet")
    (output / "findings.csv.tmp").replace(output / "findings.csv")

    rows = acc.summary_rows()
    _write_rows(output / "summary", rows, SUMMARY_COLUMNS)
    changes: list[dict[str, Any]] | None = None
    if compare is not None:
        changes = compare_rows(read_summary(compare), rows)
        _write_rows(output / "compare", changes, COMPARE_COLUMNS)
    from tilint.audit.report import render

    (output / "report.html").write_text(render(acc, rows, changes, names), encoding="utf-8")
    return total


SUMMARY_COLUMNS = [
    "by", "group", "level", "key", "category", "notes", "words", "findings", "notes_with_findings",
    "per_100_notes", "per_100_notes_low", "per_100_notes_high",
    "per_1000_words", "per_1000_words_low", "per_1000_words_high",
]
COMPARE_COLUMNS = [
    "by", "group", "level", "key",
    "per_100_notes_before", "per_100_notes_after", "per_100_notes_change", "per_100_notes_change_low", "per_100_notes_change_high",
    "per_1000_words_before", "per_1000_words_after", "per_1000_words_change", "per_1000_words_change_low", "per_1000_words_change_high",
]


def _write_rows(stem: Path, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    table = pa.table({name: [r[name] for r in rows] for name in columns})
    pq.write_table(table, stem.with_suffix(".parquet"))
    pacsv.write_csv(table, stem.with_suffix(".csv"))


def read_summary(path: Path) -> list[dict[str, Any]]:
    """An earlier audit's summary: its folder, summary.parquet or summary.csv."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    if path.is_dir():
        path = path / "summary.parquet"
    try:
        table = pacsv.read_csv(path) if path.suffix.lower() == ".csv" else pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(str(path), f"not an audit summary: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", "give the summary.parquet of an earlier audit") from None
    missing = [c for c in ("by", "group", "level", "key", "notes", "words", "findings", "notes_with_findings") if c not in table.column_names]
    if missing:
        raise InputError(str(path), f"not an audit summary (no {', '.join(missing)})", "give the summary.parquet of an earlier audit")
    rows: list[dict[str, Any]] = table.to_pylist()
    for row in rows:
        for key in ("by", "group", "level", "key"):
            row[key] = str(row[key])
    return rows
