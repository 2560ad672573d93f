"""tilint against its peers and against the floor, on the same unique prose, in one run.

    python bench/bench.py                      # 1 MB against alex and proselint, scaling to 10 MB
    python bench/bench.py --quick              # 200 KB, scaling to 1 MB, no peers: a smoke run
    python bench/bench.py --json results.json  # also write every number
    python bench/bench.py --cold-start-only    # only the cold-start table, against `import spacy`

Reports (see docs/performance.md for how to read them):

* throughput beyond start-up: words / (time on the corpus - time on a one-line file with a
  finding, which loads all a tool loads for the corpus) for
  `tilint check`, `alex --text` (npm, installed by `npm ci` in bench/) and `proselint
  check` (PyPI; its 1,000-result cap lifted by a config file), as ratios to tilint;
* `lint_text` in-process against the floor: spaCy's blank English tokenizer over the same
  paragraphs. Both start cold (a fresh tokenizer, a fresh pipeline), because a warm
  tokenizer cache on the same text flatters the floor just as repetition would;
* cold start: each tool on a one-line file, against `python -c "import spacy"`, the median
  of at least 7 runs that alternate with it; tilint on two one-line files, one without a
  phrase of the lexicon (spaCy is never loaded) and one with a finding (the whole pipeline);
* peak memory (max RSS of the whole process, started from a small launcher process so
  that none of this one's memory is counted) and how time grows from 1 KB to 10 MB,
  with the exponent k of time ~ words^k fitted over the sizes.

Wall-clock seconds are what a user waits; CPU seconds (user + system of the process) are
shown beside them because on a shared machine they vary less. Ratios use wall time for
whole processes and CPU time in-process.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import math
import multiprocessing
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from make_corpus import make_text  # noqa: E402

SMALL_TEXT = "She described her week.\n"
SMALL_FINDING_TEXT = "She was non-compliant with her medication.\n"  # one finding: loads spaCy
COLD_START_REPEAT = 7  # at least; the median is reported
PROSELINT_CONFIG = {"max_errors": 100_000_000}


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process
    rss_mb: float  # peak resident memory
    code: int
    lines: int  # lines of output (a check that the tool did report)


_LAUNCHER: ProcessPoolExecutor | None = None


def start_launcher() -> None:
    """Start the process every measured command is run from, while this one is small.

    On Linux a child's peak RSS (ru_maxrss) counts its parent's resident memory at the
    moment it was started: commands run from this process, once it has loaded spaCy and
    a 10 MB text for the in-process measurements, were charged 100-150 MB of ours."""
    global _LAUNCHER
    if _LAUNCHER is None:
        _LAUNCHER = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        _LAUNCHER.submit(int).result()


def run_process(args: list[str], env: dict[str, str] | None = None) -> Run:
    start_launcher()
    assert _LAUNCHER is not None
    return _LAUNCHER.submit(_run_process, args, env).result()


def _run_process(args: list[str], env: dict[str, str] | None = None) -> Run:
    """Run a command to completion; its wall time, CPU time and peak RSS (os.wait4)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env)  # alex reports on stderr
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = sum(1 for _ in out)
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, lines)


@dataclass
class Tool:
    name: str
    command: list[str]  # the file is appended
    env: dict[str, str] | None = None

    def run(self, path: Path) -> Run:
        return run_process([*self.command, str(path)], self.env)


def tools(workdir: Path) -> tuple[Tool, list[Tool], list[str]]:
    """tilint, the peers found on this machine, and what is missing."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    tilint = Tool("tilint", [sys.executable, "-m", "tilint", "check", "--exit-zero"], env)
    peers: list[Tool] = []
    missing: list[str] = []
    alex = HERE / "node_modules" / ".bin" / "alex"
    if alex.exists():
        peers.append(Tool("alex", [str(alex), "--text"]))
    else:
        missing.append("alex (cd bench && npm ci)")
    proselint = Path(sys.executable).with_name("proselint")
    proselint_path = str(proselint) if proselint.exists() else shutil.which("proselint")
    if proselint_path:
        config = workdir / "proselint.json"
        config.write_text(json.dumps(PROSELINT_CONFIG), encoding="utf-8")
        peers.append(Tool("proselint", [proselint_path, "check", "--config", str(config)]))
    else:
        missing.append("proselint (pip install proselint)")
    return tilint, peers, missing


@dataclass
class Throughput:
    tool: str
    start_wall: float
    start_cpu: float
    corpus_wall: float
    corpus_cpu: float
    words_per_s: float | None  # beyond start-up, wall; None when start-up hides the corpus
    words_per_s_cpu: float | None
    rss_mb: float
    output_lines: int


def throughput(tool: Tool, corpus: Path, small: Path, words: int, repeat: int) -> Throughput:
    # Small and large runs alternate, so a busy spell on a shared machine hits both.
    starts: list[Run] = []
    runs: list[Run] = []
    for _ in range(repeat):
        starts.append(tool.run(small))
        runs.append(tool.run(corpus))
    # Best of `repeat` everywhere: on a shared machine noise only ever adds time.
    start_wall = min(r.wall for r in starts)
    start_cpu = min(r.cpu for r in starts)
    best = min(runs, key=lambda r: r.wall)
    best_cpu = min(r.cpu for r in runs)
    return Throughput(
        tool.name,
        start_wall,
        start_cpu,
        best.wall,
        best_cpu,
        _beyond(words, best.wall - start_wall),
        _beyond(words, best_cpu - start_cpu),
        max(r.rss_mb for r in runs),
        best.lines,
    )


# Less time than this beyond start-up is the noise of two process starts, not the corpus
# ("--quick" on a small text): no rate is given rather than an absurd one.
MIN_BEYOND_START_S = 0.05


def _beyond(words: int, seconds: float) -> float | None:
    return words / seconds if seconds >= MIN_BEYOND_START_S else None


def _rate(value: float | None) -> str:
    return f"{value:,.0f}" if value is not None else "n/a (the corpus is too small to tell from start-up)"


@dataclass
class ColdStart:
    command: str
    wall: float  # median seconds
    cpu: float  # median CPU seconds
    cpu_runs: list[float]  # every run's CPU seconds, in order


def cold_start(commands: list[tuple[str, list[str], dict[str, str] | None]], repeat: int) -> list[ColdStart]:
    """Each command `repeat` times, the commands alternating so that a busy spell on a
    shared machine hits all of them; the median of each (a ratio of medians moves less
    from run to run than one of minima, which a single lucky run decides)."""
    runs: list[list[Run]] = [[] for _ in commands]
    for _ in range(repeat):
        for (_, args, env), out in zip(commands, runs, strict=True):
            out.append(run_process(args, env))
    return [
        ColdStart(name, statistics.median(r.wall for r in out), statistics.median(r.cpu for r in out), [r.cpu for r in out])
        for (name, _, _), out in zip(commands, runs, strict=True)
    ]


def cold_start_section(tilint: Tool, peers: list[Tool], small: Path, small_finding: Path, repeat: int) -> dict[str, object]:
    """Print and return the cold-start table: every command against `import spacy`."""
    spacy_command = 'python -c "import spacy"'
    commands: list[tuple[str, list[str], dict[str, str] | None]] = [
        (spacy_command, [sys.executable, "-c", "import spacy"], None),
        ("tilint check, one line, no finding", [*tilint.command, str(small)], tilint.env),
        ("tilint check, one line, one finding", [*tilint.command, str(small_finding)], tilint.env),
        *((f"{p.name}, one line", [*p.command, str(small)], p.env) for p in peers),
    ]
    measured = cold_start(commands, repeat)
    base = measured[0]
    print(f"\n## Cold start, one-line file (median of {repeat}, alternating)\n")
    rows = [
        [m.command, f"{m.wall:.2f} s", f"{m.cpu:.2f} s", f"{m.wall / base.wall:.2f}x", f"{m.cpu / base.cpu:.2f}x"]
        for m in measured
    ]
    print(table(["command", "wall", "CPU", "wall / import spacy", "CPU / import spacy"], rows))
    return {
        "repeat": repeat,
        "import_spacy_wall": base.wall,
        "import_spacy_cpu": base.cpu,
        "commands": [{**asdict(m), "cpu_ratio": m.cpu / base.cpu, "wall_ratio": m.wall / base.wall} for m in measured],
    }


def cpu_time(fn) -> float:  # type: ignore[no-untyped-def]
    gc.collect()
    start = time.process_time()
    fn()
    return time.process_time() - start


def care_note_text() -> str:
    """Care-note-like text: the accuracy corpus (tests/corpus/corpus.jsonl), one
    paragraph per entry, most of which hold a phrase tilint flags or nearly flags."""
    lines = (ROOT / "tests" / "corpus" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    return "\n\n".join(json.loads(line)["text"] for line in lines if line.strip()) + "\n"


def in_process(text: str, repeat: int, prefilter: bool = True) -> dict[str, float]:
    """CPU seconds of the tokenizer floor, of lint_text with the candidate prefilter
    and of lint_text without it (every segment tokenized, as before the prefilter), all
    cold, best of `repeat`; the three alternate, so a busy spell hits each."""
    import spacy

    import tilint.api as api

    paragraphs = text.split("\n\n")
    floor = []
    lint = []
    plain = []
    for _ in range(repeat):
        tokenizer = spacy.blank("en").tokenizer
        floor.append(cpu_time(lambda t=tokenizer: sum(1 for _ in t.pipe(paragraphs))))
        for with_prefilter, times in ((True, lint), (False, plain)):
            if with_prefilter and not prefilter:
                continue
            api._LINTERS.clear()  # a fresh pipeline: empty result cache, cold tokenizer
            api._LINTERS[()] = api.Linter(prefilter=with_prefilter).load()  # loading is not timed
            times.append(cpu_time(lambda: api.lint_text(text)))
    api._LINTERS.clear()
    out = {"floor": min(floor), "lint_text_no_prefilter": min(plain)}
    if lint:
        out["lint_text"] = min(lint)
    return out


# The targets for lint_text (issue 15, "Past the tokenizer floor").
FLOOR_TARGET = 1 / 3  # on the bench prose: at most a third of the tokenizer floor's time
NOTES_TARGET = 2.0  # on care-note-like text: at least twice as fast as with the prefilter off


def in_process_table(measured: list[tuple[str, int, dict[str, float]]]) -> tuple[list[str], list[list[str]]]:
    """One row per text: words/s of the floor, of lint_text with and without the
    prefilter, and the ratios, all from the same run."""
    headers = ["text", "words", "floor words/s", "lint_text words/s", "prefilter off words/s",
               "lint_text time / floor", "prefilter off time / floor", "lint_text faster than prefilter off by"]
    rows = []
    for name, words, timing in measured:
        floor, plain = timing["floor"], timing["lint_text_no_prefilter"]
        lint = timing.get("lint_text")
        rows.append([
            name,
            f"{words:,}",
            f"{words / floor:,.0f}",
            f"{words / lint:,.0f}" if lint else "—",
            f"{words / plain:,.0f}",
            f"{lint / floor:.2f}x" if lint else "—",
            f"{plain / floor:.2f}x",
            f"{plain / lint:.2f}x" if lint else "—",
        ])
    return headers, rows


def target_rows(prose: dict[str, float], notes: dict[str, float]) -> list[list[str]]:
    """The issue's two targets for lint_text, judged on this run's ratios."""
    if "lint_text" not in prose or "lint_text" not in notes:
        return []
    on_floor = prose["lint_text"] / prose["floor"]
    speedup = notes["lint_text_no_prefilter"] / notes["lint_text"]
    return [
        ["bench prose: lint_text at least 3x faster than the tokenizer floor",
         f"{1 / on_floor:.2f}x faster ({on_floor:.2f}x the floor's time)", "yes" if on_floor <= FLOOR_TARGET else "no"],
        ["care-note-like text: lint_text at least 2x faster than with the prefilter off",
         f"{speedup:.2f}x", "yes" if speedup >= NOTES_TARGET else "no"],
    ]


def fit_exponent(points: list[tuple[int, float]]) -> float:
    """k in time ~ words^k, least squares on logs."""
    xs = [math.log(w) for w, t in points if t > 0]
    ys = [math.log(t) for w, t in points if t > 0]
    if len(xs) < 2:
        return float("nan")
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def table(headers: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---:" if i else "---" for i in range(len(headers))) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of prose for the peer comparison (default 1 MB)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scaling", default="1000,10000,100000,1000000,10000000", help="comma-separated sizes in bytes")
    parser.add_argument("--no-peers", action="store_true", help="skip alex and proselint")
    parser.add_argument("--quick", action="store_true", help="--size 200000 --scaling 1000,10000,100000,1000000 --repeat 1 --no-peers")
    parser.add_argument("--json", type=Path, help="also write every number to this file")
    parser.add_argument("--cold-start-only", action="store_true", help="only the cold-start table (about a minute)")
    parser.add_argument("--no-prefilter", action="store_true",
                        help="lint without the candidate prefilter everywhere (tokenize every segment, as before it)")
    args = parser.parse_args(argv)
    if args.quick:
        args.size, args.scaling, args.repeat, args.no_peers = 200_000, "1000,10000,100000,1000000", 1, True
    if args.no_prefilter:
        os.environ["TILINT_NO_PREFILTER"] = "1"  # for tilint check and the scaling runs too
    start_launcher()
    sizes = [int(float(s)) for s in args.scaling.split(",") if s.strip()]

    text, source = make_text(args.size)
    words = len(text.split())
    results: dict[str, object] = {
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "text": {"bytes": len(text.encode()), "words": words, "source": source},
    }
    print(f"text: {len(text.encode()) / 1e6:.2f} MB, {words:,} words; {source}")
    print(f"machine: {results['machine']}\n")

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        corpus = workdir / "corpus.txt"
        corpus.write_text(text, encoding="utf-8")
        small = workdir / "one.txt"
        small.write_text(SMALL_TEXT, encoding="utf-8")
        small_finding = workdir / "one-finding.txt"
        small_finding.write_text(SMALL_FINDING_TEXT, encoding="utf-8")
        tilint, peers, missing = tools(workdir)
        # Bytecode, as `pip install` writes it: without it (PYTHONDONTWRITEBYTECODE, or a
        # fresh editable checkout) every run would compile tilint's modules first.
        for package in ("tilint", "lsp_server"):
            compileall.compile_dir(ROOT / package, quiet=1)
        tilint.run(small_finding)  # fill the compiled-lexicon cache, as any second run finds it
        if args.cold_start_only:
            results["cold_start"] = cold_start_section(
                tilint, [] if args.no_peers else peers, small, small_finding, max(args.repeat, COLD_START_REPEAT)
            )
            if args.json:
                args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
            return 0

        # 1. Throughput beyond start-up, same file, whole process.
        # Start-up from the one-line file with a finding: like the corpus, it loads the
        # whole pipeline (a line without a phrase never loads spaCy), for every tool alike.
        measured = [throughput(t, corpus, small_finding, words, args.repeat) for t in [tilint, *([] if args.no_peers else peers)]]
        base = measured[0]
        rows = [
            [
                m.tool,
                _rate(m.words_per_s),
                "—" if m is base else f"{base.words_per_s / m.words_per_s:.1f}x" if base.words_per_s and m.words_per_s else "n/a",
                _rate(m.words_per_s_cpu),
                f"{m.start_wall:.2f} s ({m.start_cpu:.2f})",
                f"{m.corpus_wall:.2f} s ({m.corpus_cpu:.2f})",
                f"{m.rss_mb:.0f} MB",
                f"{m.output_lines:,}",
            ]
            for m in measured
        ]
        print(f"## Whole process, {len(text.encode()) / 1e6:.2f} MB of unique prose (best of {args.repeat})\n")
        print(table(["tool", "words/s beyond start-up", "tilint is faster by", "words/s (CPU)", "start-up wall (CPU)", "corpus wall (CPU)", "peak RSS", "output lines"], rows))
        if missing and not args.no_peers:
            print(f"\nnot measured: {', '.join(missing)}")
        results["throughput"] = [asdict(m) for m in measured]

        # 2. Cold start against a bare `import spacy`.
        results["cold_start"] = cold_start_section(
            tilint, [] if args.no_peers else peers, small, small_finding, max(args.repeat, COLD_START_REPEAT)
        )

        # 3. In-process: lint_text against the tokenizer floor and against itself
        # without the candidate prefilter, on the prose and on care-note-like text.
        timing = in_process(text, args.repeat, prefilter=not args.no_prefilter)
        notes = care_note_text()
        note_words = len(notes.split())
        note_repeat = max(args.repeat, 5)  # a small text: more runs for a stable best
        note_timing = in_process(notes, note_repeat, prefilter=not args.no_prefilter)
        print(f"\n## In-process lint_text: the floor, with and without the prefilter "
              f"(CPU time, all cold, best of {args.repeat} on the prose, {note_repeat} on the notes)\n")
        print(table(*in_process_table([
            (f"bench prose ({_size(len(text.encode()))})", words, timing),
            ("care-note-like (the accuracy corpus)", note_words, note_timing),
        ])))
        targets = target_rows(timing, note_timing)
        if targets:
            print()
            print(table(["target (issue 15)", "this run", "met"], targets))
        results["in_process"] = timing
        results["in_process_care_notes"] = {"words": note_words, **note_timing}

        # 4. Scaling, 1 KB to 10 MB: the CLI (time beyond start-up, peak RSS) and lint_text.
        import tilint.api as api

        points = []
        for size in sizes:
            chunk, _ = make_text(size)
            n = len(chunk.split())
            path = workdir / f"scale-{size}.txt"
            path.write_text(chunk, encoding="utf-8")
            run = min((tilint.run(path) for _ in range(1 if size >= 5_000_000 else args.repeat)), key=lambda r: r.wall)
            lints = []
            for _ in range(1 if size >= 5_000_000 else args.repeat):
                api._LINTERS.clear()
                api.get_linter().load()
                lints.append(cpu_time(lambda c=chunk: api.lint_text(c)))
            lint = min(lints)
            points.append({"bytes": len(chunk.encode()), "words": n, "cli_wall": run.wall, "cli_cpu": run.cpu,
                           "rss_mb": run.rss_mb, "lint_text_cpu": lint})
            path.unlink()
        api._LINTERS.clear()
        # Start-up: the one-line file with a finding, which loads the pipeline as every
        # size here but the smallest does (1 KB of prose may hold no phrase: no spaCy).
        start_up = min(tilint.run(small_finding).wall for _ in range(args.repeat))
        for p in points:
            p["cli_beyond_start"] = max(p["cli_wall"] - start_up, 0.0)
        k_lint = fit_exponent([(p["words"], p["lint_text_cpu"]) for p in points if p["words"] >= 1000])
        k_cli = fit_exponent([(p["words"], p["cli_beyond_start"]) for p in points if p["bytes"] >= 100_000])
        print("\n## Scaling: tilint check (whole process; beyond start-up = minus a one-line file with a finding) and lint_text (in-process CPU)\n")
        print(table(
            ["size", "words", "check wall", "beyond start-up", "peak RSS", "lint_text CPU", "µs/word (lint_text)"],
            [
                [_size(p["bytes"]), f"{p['words']:,}", f"{p['cli_wall']:.2f} s", f"{p['cli_beyond_start']:.2f} s",
                 f"{p['rss_mb']:.0f} MB", f"{p['lint_text_cpu']:.3f} s", f"{1e6 * p['lint_text_cpu'] / p['words']:.2f}"]
                for p in points
            ],
        ))
        print(f"\ntime ~ words^k: k = {k_lint:.2f} for lint_text (sizes >= 1,000 words), "
              f"k = {k_cli:.2f} for check beyond start-up (sizes >= 100 KB); 1.00 is linear")
        results["scaling"] = {"points": points, "start_up_wall": start_up, "k_lint_text": k_lint, "k_cli": k_cli}

    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


def _size(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1_000_000 else f"{n / 1e3:.0f} KB"


if __name__ == "__main__":
    sys.exit(main())
