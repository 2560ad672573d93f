"""How fast `tilint audit` goes, and whether its memory stays flat as input grows.

    python bench/audit_bench.py [--notes 100000] [--sizes 10MB,100MB,1GB] [--jobs 2]

Notes are generated but unique: each is a shuffle of 2-8 sentences drawn from the
accuracy corpus (real public text about care) and the benchmark's real prose
(bench/make_corpus.py: Debian's fortunes, KJV, Python docs, Debian Reference), with a
service, a date and an id, written as CSV. No sentence sequence repeats, so neither
tilint's segment cache nor spaCy's tokenizer cache flatters the figures.

Each size is audited by `tilint audit` in a separate process (started from a small
launcher, so the child's peak memory is its own); the table gives wall time, notes and
words per second, and peak resident memory, with memory per size as a ratio to the
smallest run of the same session (flat: close to 1).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
SERVICES = ["Acute ward", "Community team", "Crisis team", "Prison healthcare", "Older adults", "Perinatal", "Forensic", "Eating disorders"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def sentences() -> list[str]:
    from make_corpus import make_text

    pool: list[str] = []
    for line in (ROOT / "tests" / "corpus" / "corpus.jsonl").open(encoding="utf-8"):
        pool.extend(s.strip() for s in _SENTENCE.split(json.loads(line)["text"]) if len(s.strip()) > 20)
    prose, _ = make_text(9_000_000)
    for para in prose.split("\n\n"):
        pool.extend(s.strip() for s in _SENTENCE.split(" ".join(para.split())) if len(s.strip()) > 20)
    return pool


def write_notes(path: Path, target_bytes: int = 0, notes: int = 0, seed: int = 11) -> tuple[int, int]:
    """Write notes until `notes` rows or `target_bytes`; (rows, bytes)."""
    rng = random.Random(seed)
    pool = sentences()
    rows = 0
    size = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["note_id", "date", "service", "text"])
        while (notes and rows < notes) or (target_bytes and size < target_bytes):
            text = " ".join(rng.sample(pool, rng.randint(2, 8)))
            day = rng.randrange(365)
            row = [f"N{rows:09d}", f"2026-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}", rng.choice(SERVICES), text]
            writer.writerow(row)
            rows += 1
            size += sum(len(v) for v in row) + 8
    return rows, path.stat().st_size


def audit(path: Path, output: Path, jobs: int) -> dict[str, float]:
    """Run tilint audit in a child of a small launcher; wall time and the child's peak RSS."""
    launcher = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "wall = time.perf_counter() - t\n"
        "ru = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(wall, ru.ru_maxrss, ru.ru_utime + ru.ru_stime, p.returncode)\n"
        "sys.stderr.write(p.stderr)\n"
    )
    command = [sys.executable, "-m", "tilint", "audit", str(path), "-o", str(output), "--by", "service", "--by", "month", "-j", str(jobs), "--no-progress", "--restart"]
    done = subprocess.run([sys.executable, "-c", launcher, *command], capture_output=True, text=True, check=True)
    wall, rss, cpu, code = done.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"tilint audit failed: {done.stderr.strip()}")
    result = json.loads((output / "audit.json").read_text(encoding="utf-8"))
    return {"wall": float(wall), "rss_mb": int(rss) / 1024, "cpu": float(cpu), "notes": result["notes"], "words": result["words"], "findings": result["findings"]}


def parse_size(text: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]?B)", text.strip().upper())
    if not m:
        raise SystemExit(f"not a size: {text!r} (e.g. 10MB, 1GB)")
    return int(float(m.group(1)) * {"B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9}[m.group(2)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=100_000, help="first run: this many notes")
    parser.add_argument("--sizes", default="", help="further runs by size, e.g. 100MB,1GB")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tilint-audit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    runs = [("notes", args.notes)] + [("bytes", parse_size(s)) for s in args.sizes.split(",") if s.strip()]
    lines = ["| input | notes | words | findings | wall | notes/s | words/s | driver CPU | peak RSS | RSS / first |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    first_rss = 0.0
    for kind, amount in runs:
        notes_csv = work / f"notes-{kind}-{amount}.csv"
        _, size = write_notes(notes_csv, notes=amount if kind == "notes" else 0, target_bytes=amount if kind == "bytes" else 0)
        figures = audit(notes_csv, work / f"out-{kind}-{amount}", args.jobs)
        first_rss = first_rss or figures["rss_mb"]
        lines.append(
            f"| {size / 1e6:,.0f} MB CSV | {figures['notes']:,} | {figures['words']:,} | {figures['findings']:,} | {figures['wall']:,.1f} s "
            f"| {figures['notes'] / figures['wall']:,.0f} | {figures['words'] / figures['wall']:,.0f} | {figures['cpu']:,.1f} s "
            f"| {figures['rss_mb']:,.0f} MB | {figures['rss_mb'] / first_rss:.2f}x |"
        )
        print(lines[-1], flush=True)
        notes_csv.unlink()
    print(f"\n`tilint audit --by service --by month -j {args.jobs}`, one run each:\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
