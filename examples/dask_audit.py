"""Run `tilint audit` on a Dask cluster: the same outputs, chunks linted on the workers.

    python examples/dask_audit.py NOTES.csv --output audit/ [--by service --by month]
        [--workers 2] [--scheduler tcp://host:8786]

Without --scheduler a local cluster of worker processes is started (what the test in
tests/test_audit.py runs); with it, the same code runs on any Dask cluster whose workers
have tilint installed with its audit extra. The input is read here, a chunk at a time;
each chunk of notes goes to a worker, which lints it with tilint's own pipeline and
sends back only findings and counts. Checkpoints and outputs are written here, exactly
as `tilint audit` writes them, so an interrupted run resumes the same way.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def audit_with_dask(inputs: list[Path], output: Path, client: Any, by: tuple[str, ...] = (), restart: bool = False) -> Any:
    """Audit on the cluster behind a dask.distributed Client."""
    from tilint.audit import AuditOptions, Columns, run_audit

    workers = max(1, len(client.scheduler_info()["workers"]))
    options = AuditOptions(columns=Columns(by=by))
    return run_audit(inputs, output, options, restart=restart, submit=client.submit, workers=workers)


def main(argv: list[str] | None = None) -> int:
    from dask.distributed import Client, LocalCluster

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--output", required=True, type=Path)
    parser.add_argument("--by", action="append", default=[])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", default=None, help="address of an existing Dask scheduler")
    parser.add_argument("--restart", action="store_true")
    args = parser.parse_args(argv)
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None))
    with client:
        result = audit_with_dask(args.inputs, args.output, client, tuple(args.by), args.restart)
    print(f"Audited {result.notes:,} notes: {result.findings:,} findings in {result.seconds:.1f} s -> {args.output}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
