"""Lint a large batch of notes on a Dask cluster, with the same public API.

    python examples/dask_lint.py NOTES_FOLDER [--workers 2] [--scheduler tcp://host:8786]

Without --scheduler a local cluster of worker processes is started (what the test in
tests/test_scaling.py runs); with it, the same code runs on any Dask cluster whose
workers have tilint installed. Each task lints one chunk of files with
`tilint.lint_paths`, so each worker process loads the pipeline once and keeps it. Only
findings travel back, as plain dicts (never the document text).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def lint_chunk(paths: Sequence[str]) -> list[dict[str, Any]]:
    """Runs on a worker: lint some files, return JSON-able results."""
    from tilint import lint_paths

    out = []
    for result in lint_paths(list(paths), discover_config=True):
        out.append({
            "path": result.path,
            "error": str(result.error) if result.error else None,
            "findings": [
                {"rule": f.rule, "line": f.line, "column": f.column, "start": f.start, "end": f.end, "severity": f.severity.value}
                for f in result.findings
            ],
        })
    return out


def lint_with_dask(paths: Sequence[str], client: Any, chunk: int = 64) -> list[dict[str, Any]]:
    """Lint files on the cluster behind a dask.distributed Client, in input order."""
    import dask.bag as db

    chunks = [list(paths[i : i + chunk]) for i in range(0, len(paths), chunk)]
    bag = db.from_sequence(chunks, npartitions=max(1, len(chunks)))
    return list(bag.map(lint_chunk).flatten().compute(scheduler=client.get))


def main(argv: list[str] | None = None) -> int:
    from dask.distributed import Client, LocalCluster

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    args = parser.parse_args(argv)
    files = sorted(str(p) for p in args.folder.rglob("*") if p.suffix in (".txt", ".md"))
    if args.scheduler:
        with Client(args.scheduler) as client:
            results = lint_with_dask(files, client)
    else:
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
            results = lint_with_dask(files, client)
    json.dump(results, sys.stdout, indent=1)
    print(f"\n{len(results)} files, {sum(len(r['findings']) for r in results)} findings", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
