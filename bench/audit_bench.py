"""How fast `tilint audit` goes, and whether its memory stays flat as input grows.

    python bench/audit_bench.py [--notes 100000] [--sizes 50MB,200MB,1GB] [--jobs 2]
    nice python bench/audit_bench.py --notes 0 --sizes 50MB,200MB,1GB   # the flat-memory check

Notes are generated but unique: each is a shuffle of 2-8 sentences drawn from the
accuracy corpus (real public text about care) and the benchmark's real prose
(bench/make_corpus.py: Debian's fortunes, KJV, Python docs, Debian Reference, and its
generated clinical sentences), after a first sentence naming a made-up person whose
name encodes the note's number. So every note is unique by construction, neither
tilint's segment cache nor spaCy's tokenizer cache flatters the figures, and like real
notes the input never runs out of new words (which is what would make spaCy's
vocabulary, and memory, grow). Most notes hold no finding (about 6 in 7), as in
published audits. The CSV is written to a temporary folder a row at a time and deleted
after its run.

Each size is audited by `tilint audit` in a child process. Its whole process tree (the
driver, the forkserver and the worker processes) is sampled from /proc five times a
second: the table gives wall time, words per second, the tree's CPU time, and the
tree's peak resident memory (the sum of every process's RSS at the worst moment; PSS
counts pages shared between processes once), with peak RSS per size as a ratio to the
first run of the same session (flat: close to 1). The load average before and after
each run says how busy the (shared) machine was.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

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
    return list(dict.fromkeys(pool))  # each sentence once


def person(number: int) -> str:
    """A made-up name, different for every number (bijective base 70): 0 -> 'Ba', 70 -> 'Baba'."""
    consonants, vowels = "bdfgklmnprstvz", "aeiou"
    out = ""
    number += 1
    while number:
        number, digit = divmod(number - 1, len(consonants) * len(vowels))
        out += consonants[digit // len(vowels)] + vowels[digit % len(vowels)]
    return out.title()


def write_notes(path: Path, target_bytes: int = 0, notes: int = 0, seed: int = 11) -> tuple[int, int]:
    """Write notes, a row at a time, until `notes` rows or `target_bytes`; (rows, bytes)."""
    rng = random.Random(seed)
    pool = sentences()
    rows = size = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["note_id", "date", "service", "text"])
        while (notes and rows < notes) or (target_bytes and size < target_bytes):
            if rows % 1000 == 0:
                size = handle.tell()
            seen = f"Seen with {person(rows)} at {rng.randrange(8, 20):02d}:{rng.randrange(60):02d}."
            text = " ".join([seen, *rng.sample(pool, rng.randint(2, 8))])
            day = rng.randrange(365)
            row = [f"N{rows:09d}", f"2026-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}", rng.choice(SERVICES), text]
            writer.writerow(row)
            rows += 1
    return rows, path.stat().st_size


def _descendants(root: int) -> list[int]:
    """`root` and every process below it, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far; 0 once it has gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB; (0, 0) once it has gone."""
    found = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                name, _, value = line.partition(":")
                if name in ("Rss", "Pss"):
                    found[name] = int(value.split()[0])
    except (OSError, ValueError):
        return 0, 0
    return found.get("Rss", 0), found.get("Pss", 0)


class TreeMemory:
    """Samples the memory of a process tree until stopped; the peaks of its sums."""

    def __init__(self, root: int, interval: float = 0.2) -> None:
        self.root, self.interval = root, interval
        self.peak_rss_kb = self.peak_pss_kb = self.peak_processes = 0
        self.peak_root_kb = self.peak_other_kb = 0  # the driver; the largest other process (a worker)
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds at its last sample
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = _descendants(self.root)
            for pid in pids:
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu_seconds(pid))
            sizes = [_memory_kb(pid) for pid in pids]
            self.peak_root_kb = max(self.peak_root_kb, sizes[0][0])
            self.peak_other_kb = max([self.peak_other_kb, *(r for r, _ in sizes[1:])])
            rss = sum(r for r, _ in sizes)
            if rss > self.peak_rss_kb:
                self.peak_rss_kb, self.peak_processes = rss, sum(1 for r, _ in sizes if r)
            self.peak_pss_kb = max(self.peak_pss_kb, sum(p for _, p in sizes))
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def audit(path: Path, output: Path, jobs: int, limit: float | None = None) -> dict[str, Any]:
    """Run tilint audit in a child process; wall time, the tree's CPU and peak memory.
    Past `limit` seconds the audit is interrupted as by Ctrl-C (its checkpoint stays)
    and the counts are those of the chunks done ("stopped")."""
    command = [sys.executable, "-m", "tilint", "audit", str(path), "-o", str(output), "--by", "service", "--by", "month", "-j", str(jobs), "--no-progress", "--restart"]
    load_before = os.getloadavg()[0]
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(child.pid)
    stopped = False
    try:
        _, err = child.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGINT)
        _, err = child.communicate()
        stopped = True
    wall = time.perf_counter() - began
    memory.stop()
    figures: dict[str, Any] = {
        "wall": wall,
        "cpu": sum(memory.cpu.values()),
        "rss_mb": memory.peak_rss_kb / 1024,
        "pss_mb": memory.peak_pss_kb / 1024,
        "driver_mb": memory.peak_root_kb / 1024,
        "worker_mb": memory.peak_other_kb / 1024,
        "processes": memory.peak_processes,
        "load": (load_before, os.getloadavg()[0]),
        "stopped": stopped,
    }
    if stopped:
        checkpoint = output / ".audit-state" / "state.json"
        totals = json.loads(checkpoint.read_text(encoding="utf-8"))["totals"] if checkpoint.exists() else {}
        every, found = "all\x1fall", "all\x1fall\x1fall\x1fall"
        figures["notes"] = totals.get("notes", {}).get(every, 0)
        figures["words"] = totals.get("words", {}).get(every, 0)
        figures["findings"] = totals.get("findings", {}).get(found, 0)
        figures["notes_hit"] = totals.get("notes_hit", {}).get(found, 0)
        return figures
    if child.returncode != 0:
        raise SystemExit(f"tilint audit failed: {err.strip()}")
    result = json.loads((output / "audit.json").read_text(encoding="utf-8"))
    [overall] = [r for r in _summary(output) if (r["by"], r["level"]) == ("all", "all")]
    figures.update(notes=result["notes"], words=result["words"], findings=result["findings"], notes_hit=int(overall["notes_with_findings"]))
    return figures


def _summary(output: Path) -> list[dict[str, str]]:
    with (output / "summary.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def parse_size(text: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]?)B?", text.strip().upper())
    if not m:
        raise SystemExit(f"not a size: {text!r} (e.g. 10MB, 1GB)")
    return int(float(m.group(1)) * {"": 1, "K": 10**3, "M": 10**6, "G": 10**9}[m.group(2)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=100_000, help="first run: this many notes (0: none)")
    parser.add_argument("--sizes", "--bytes", default="", help="further runs by size of CSV, e.g. 50MB,200MB,1GB (or 1G)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--max-minutes", type=float, default=None, help="interrupt a run after this long and report the share done, with the full time extrapolated")
    parser.add_argument("--workdir", type=Path, default=None, help="where the CSV and outputs go (default: a temporary folder)")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tilint-audit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    runs = ([("notes", args.notes)] if args.notes else []) + [("bytes", parse_size(s)) for s in args.sizes.split(",") if s.strip()]
    if not runs:
        raise SystemExit("nothing to run: give --notes or --sizes")
    lines = [
        "| input | notes | words | notes with a finding | findings | wall | words/s | CPU (tree) | words per CPU s | peak RSS (tree) | peak PSS (tree) | driver / largest worker | RSS / first | load before/after |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    first_rss = 0.0
    for kind, amount in runs:
        notes_csv = work / f"notes-{kind}-{amount}.csv"
        began = time.perf_counter()
        rows, size = write_notes(notes_csv, notes=amount if kind == "notes" else 0, target_bytes=amount if kind == "bytes" else 0)
        print(f"(generated {size / 1e6:,.0f} MB in {time.perf_counter() - began:,.0f} s)", file=sys.stderr, flush=True)
        f = audit(notes_csv, work / f"out-{kind}-{amount}", args.jobs, args.max_minutes * 60 if args.max_minutes else None)
        first_rss = first_rss or f["rss_mb"]
        label = f"{size / 1e6:,.0f} MB CSV"
        if f["stopped"]:
            share = f["notes"] / rows
            full = f"full run ~{f['wall'] / share / 60:,.1f} min" if share else "no chunk finished"
            label += f", stopped after {f['wall'] / 60:,.1f} min at {100 * share:.0f}% ({full})"
        lines.append(
            f"| {label} | {f['notes']:,} | {f['words']:,} | {100 * f['notes_hit'] / max(1, f['notes']):.1f}% | {f['findings']:,} "
            f"| {f['wall']:,.1f} s | {f['words'] / f['wall']:,.0f} | {f['cpu']:,.0f} s | {f['words'] / max(f['cpu'], 1e-9):,.0f} "
            f"| {f['rss_mb']:,.0f} MB ({f['processes']} processes) | {f['pss_mb']:,.0f} MB | {f['driver_mb']:,.0f} / {f['worker_mb']:,.0f} MB | {f['rss_mb'] / first_rss:.2f}x "
            f"| {f['load'][0]:.1f} / {f['load'][1]:.1f} |"
        )
        print(lines[-1], flush=True)
        notes_csv.unlink()
    print(f"\n`tilint audit --by service --by month -j {args.jobs}`, one run each, on {os.cpu_count()} cores:\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
