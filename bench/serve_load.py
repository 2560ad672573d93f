"""Load test of `tilint serve` on 127.0.0.1: bounded in time and requests, stops by itself.

    python bench/serve_load.py [--seconds 60] [--clients 20] [--workers 1,2] [--pace-ms 250]

For each number of worker processes it starts a real `tilint serve`, then runs two phases
of `--seconds` each with `--clients` concurrent keep-alive connections posting to
/v2/check (the LanguageTool API editors use):

* saturate: every client sends its next note as soon as the answer arrives, notes of
  50-2,000 words (log-uniform): the most the server can do, and the latency then;
* paced: every client sends a 500-word note every `--pace-ms` (default 500: a person
  typing, each pause re-checking the note), so latency is measured below saturation.

Notes are real prose (bench/make_corpus.py: fortunes, the KJV, Python's docs, the Debian
reference, with generated clinical sentences) cut at paragraph ends, each sent once
until the pool runs out, so the linter's segment cache is not flattered. The baseline,
measured in the same run, is lint_text on the same notes in this process, without HTTP.

Reports p50/p95/p99 latency, throughput, errors, and the server's memory: peak RSS
(all its processes) and RSS after the first 10% of the run and at the end (flat = no
growth). Prints a Markdown table; --json FILE also writes the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
MAX_REQUESTS = 2_000_000  # a bound on any phase, whatever the duration


def make_notes(seed: int = 11) -> tuple[list[str], list[str], str]:
    """(mixed notes of 50-2,000 words, 500-word notes, where the prose came from)."""
    from make_corpus import make_text

    text, source = make_text(8_000_000, seed=seed)
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    rng = random.Random(seed)

    def cut(target_for: object) -> list[str]:
        notes: list[str] = []
        current: list[str] = []
        words = 0
        target = target_for() if callable(target_for) else int(target_for)  # type: ignore[call-overload]
        for para in paragraphs:
            current.append(para)
            words += len(para.split())
            if words >= target:
                notes.append("\n\n".join(current))
                current, words = [], 0
                target = target_for() if callable(target_for) else int(target_for)  # type: ignore[call-overload]
        return notes

    mixed = cut(lambda: int(math.exp(rng.uniform(math.log(50), math.log(2000)))))
    rng.shuffle(paragraphs)
    five_hundred = cut(500)
    return mixed, five_hundred, source


def form_body(text: str) -> bytes:
    return f"text={quote(text, safe='')}&language=en-US".encode("ascii")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Memory:
    """RSS of a process and its children, sampled twice a second."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _pids(self) -> list[int]:
        pids = [self.pid]
        i = 0
        while i < len(pids):
            try:
                for task in os.listdir(f"/proc/{pids[i]}/task"):
                    children = Path(f"/proc/{pids[i]}/task/{task}/children").read_text().split()
                    pids.extend(int(c) for c in children)
            except OSError:
                pass
            i += 1
        return pids

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server's processes so far."""
        tick = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in self._pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])  # utime, stime
            except (OSError, IndexError, ValueError):
                pass
        return total / tick

    def rss(self) -> int:
        total = 0
        for pid in self._pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.samples.append((time.monotonic(), self.rss()))

    def __enter__(self) -> Memory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Phase:
    name: str
    workers: int
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    words: int = 0
    cpu: float = 0.0  # server CPU seconds in the phase
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average at start and end
    memory: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict[str, float | int | str]:
        lat = sorted(self.latencies)

        def pct(p: float) -> float:
            return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else float("nan")

        return {
            "phase": self.name,
            "workers": self.workers,
            "requests": len(lat),
            "errors": self.errors,
            "throughput_rps": len(lat) / self.seconds if self.seconds else 0.0,
            "words_per_s": self.words / self.seconds if self.seconds else 0.0,
            "p50_ms": pct(0.50),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "server_cpu_ms_per_request": self.cpu * 1000 / len(lat) if lat else float("nan"),
            "server_cores_used": self.cpu / self.seconds if self.seconds else 0.0,
            "load_average": f"{self.load[0]:.1f} -> {self.load[1]:.1f}",
            **self.memory,
        }


async def _client(port: int, bodies: list[bytes], words: list[int], next_index: list[int], phase: Phase, deadline: float, pace: float | None, offset: float) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = f"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\n".encode()
    # Paced clients start spread over one interval, as people do not type in step.
    next_send = time.monotonic() + offset
    try:
        while time.monotonic() < deadline and len(phase.latencies) + phase.errors < MAX_REQUESTS:
            if pace is not None:
                delay = next_send - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                next_send += pace
            i = next_index[0] % len(bodies)
            next_index[0] += 1
            body = bodies[i]
            started = time.perf_counter()
            writer.write(head + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            await writer.drain()
            status_line = await reader.readline()
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            payload = await reader.readexactly(length)
            elapsed = time.perf_counter() - started
            if status_line.split()[1:2] == [b"200"] and payload.startswith(b'{"software"'):
                phase.latencies.append(elapsed)
                phase.words += words[i]
            else:
                phase.errors += 1
    finally:
        writer.close()


def run_phase(port: int, name: str, workers: int, notes: list[str], clients: int, seconds: float, pace_ms: float | None, memory: Memory) -> Phase:
    bodies = [form_body(n) for n in notes]
    words = [len(n.split()) for n in notes]
    phase = Phase(name, workers)
    start_samples = len(memory.samples)
    cpu_before = memory.cpu_seconds()
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    deadline = started + seconds

    async def main() -> None:
        index = [random.Random(workers).randrange(len(bodies))]
        pace = pace_ms / 1000 if pace_ms else None
        await asyncio.gather(
            *(_client(port, bodies, words, index, phase, deadline, pace, (pace or 0) * k / clients) for k in range(clients))
        )

    asyncio.run(main())
    phase.seconds = time.monotonic() - started
    phase.cpu = memory.cpu_seconds() - cpu_before
    phase.load = (load_before, os.getloadavg()[0])
    samples = [rss for _, rss in memory.samples[start_samples:]] or [memory.rss()]
    tenth = samples[max(0, len(samples) // 10)]
    phase.memory = {"rss_peak_mb": max(samples) / 1e6, "rss_at_10pct_mb": tenth / 1e6, "rss_end_mb": samples[-1] / 1e6}
    return phase


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tilint", "serve", "--port", str(port), "--workers", str(workers), "--log-level", "warning", "--max-chars", "1000000"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"tilint serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                pass
            # every worker warms on its own: give them all time to load
            time.sleep(2 if workers > 1 else 0)
            return process
        except OSError:
            time.sleep(0.25)
    process.kill()
    raise SystemExit("tilint serve did not start in 120 s")


def baseline(notes: list[str], seconds: float) -> dict[str, float]:
    """lint_text on notes of the same kind in this process, each once (no cache hits):
    notes per second without HTTP, and CPU ms per note (unlike wall time, not inflated
    when other work shares the cores)."""
    from tilint.api import lint_text

    lint_text("warm up: he refused")
    done = words = 0
    cpu_before = time.process_time()
    started = time.monotonic()
    while time.monotonic() - started < seconds and done < len(notes):
        note = notes[done]
        lint_text(note)
        done += 1
        words += len(note.split())
    elapsed = time.monotonic() - started
    cpu = time.process_time() - cpu_before
    return {"lint_per_s": done / elapsed, "words_per_s": words / elapsed, "cpu_ms_per_lint": cpu * 1000 / max(done, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", default=f"1,{os.cpu_count() or 1}")
    parser.add_argument("--pace-ms", type=float, default=500.0)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    seconds = min(args.seconds, 600.0)
    mixed, five_hundred, source = make_notes()
    mixed_words = [len(n.split()) for n in mixed]
    print(f"notes: {len(mixed):,} of 50-2,000 words (median {sorted(mixed_words)[len(mixed_words) // 2]}), "
          f"{len(five_hundred):,} of ~500 words; prose: {source}", file=sys.stderr)
    # The baseline lints the pools' other half, so no note is linted twice in this process.
    base = {"mixed": baseline(mixed[len(mixed) // 2 :], min(10.0, seconds)), "500": baseline(five_hundred[len(five_hundred) // 2 :], min(10.0, seconds))}
    results: list[dict[str, float | int | str]] = []
    for workers in sorted({int(w) for w in args.workers.split(",")}):
        port = free_port()
        process = start_server(port, workers)
        try:
            with Memory(process.pid) as memory:
                for name, notes, pace in (("saturate, 50-2,000 words", mixed, None), (f"paced {args.pace_ms:g} ms, 500 words", five_hundred, args.pace_ms)):
                    phase = run_phase(port, name, workers, notes, args.clients, seconds, pace, memory)
                    results.append(phase.summary())
                    print(json.dumps(results[-1]), file=sys.stderr)
        finally:
            process.terminate()
            process.wait(timeout=30)
    cores = os.cpu_count()
    print(f"\n{args.clients} clients, {seconds:g} s per phase, {cores} cores; in-process baseline (no HTTP, one thread): "
          f"{base['mixed']['lint_per_s']:.0f} mixed notes/s ({base['mixed']['cpu_ms_per_lint']:.1f} CPU ms each), "
          f"{base['500']['lint_per_s']:.0f} 500-word notes/s ({base['500']['cpu_ms_per_lint']:.1f} CPU ms each)\n")
    print("| workers | phase | requests | errors | req/s | x baseline | p50 ms | p95 ms | p99 ms | server CPU ms/request (x baseline) | cores the server got | peak RSS MB | RSS at 10% -> end MB | load avg |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        key = "mixed" if str(r["phase"]).startswith("saturate") else "500"
        ratio = float(r["throughput_rps"]) / base[key]["lint_per_s"]
        cpu = float(r["server_cpu_ms_per_request"])
        print(
            f"| {r['workers']} | {r['phase']} | {r['requests']:,} | {r['errors']} | {float(r['throughput_rps']):.0f} | {ratio:.2f} | "
            f"{float(r['p50_ms']):.1f} | {float(r['p95_ms']):.1f} | {float(r['p99_ms']):.1f} | {cpu:.1f} ({cpu / base[key]['cpu_ms_per_lint']:.2f}) | {float(r['server_cores_used']):.2f} | "
            f"{float(r['rss_peak_mb']):.0f} | {float(r['rss_at_10pct_mb']):.0f} -> {float(r['rss_end_mb']):.0f} | {r['load_average']} |"
        )
    if args.json:
        args.json.write_text(json.dumps({"baseline": base, "results": results, "clients": args.clients, "seconds": seconds, "cores": cores}, indent=2))


if __name__ == "__main__":
    main()
