"""Throughput of tilint, reported against a baseline measured in the same run.

    python bench/bench.py [--size BYTES] [--repeat N]

Reports words per second for `lint_text` (warm pipeline, empty cache) against the floor
of spaCy's blank English tokenizer over the same text, and for the whole CLI on a file
(time on the corpus minus time on a one-line file, so start-up is not counted), with the
CLI's start-up against a bare `import spacy`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from make_corpus import make_text  # noqa: E402


def best_of(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def run_process(args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    t = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of prose (default 1 MB)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    text, source = make_text(args.size)
    words = len(text.split())

    import spacy

    from tilint.api import Linter
    from tilint.config import Config
    from tilint.formats import prepare

    tokenizer = spacy.blank("en").tokenizer
    floor = best_of(lambda: sum(1 for _ in tokenizer.pipe(text.split("\n\n"))), args.repeat)

    def lint_cold_cache() -> None:
        linter._cache.clear()
        linter.lint_document(prepare(text), Config())

    linter = Linter()
    lint = best_of(lint_cold_cache, args.repeat)
    findings = len(linter.lint_document(prepare(text), Config()))

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "corpus.txt"
        big.write_text(text, encoding="utf-8")
        small = Path(tmp) / "one.txt"
        small.write_text("She described her week.\n", encoding="utf-8")
        cli = [sys.executable, "-m", "tilint", "check", "--exit-zero"]
        run_process([*cli, str(small)])  # warm the compiled-lexicon cache
        start_small = statistics.median(run_process([*cli, str(small)]) for _ in range(args.repeat))
        start_big = min(run_process([*cli, str(big)]) for _ in range(args.repeat))
        import_spacy = statistics.median(
            run_process([sys.executable, "-c", "import spacy"]) for _ in range(args.repeat)
        )

    cli_wps = words / max(start_big - start_small, 1e-9)
    rows = [
        ("text", f"{len(text.encode()) / 1e6:.2f} MB, {words:,} words, {findings:,} findings"),
        ("source", source),
        ("tokenizer floor", f"{words / floor:,.0f} words/s"),
        ("lint_text", f"{words / lint:,.0f} words/s  ({lint / floor:.2f}x the floor's time)"),
        ("CLI beyond start-up", f"{cli_wps:,.0f} words/s"),
        ("CLI start-up, one small file", f"{start_small:.2f} s  ({start_small / import_spacy:.2f}x `import spacy`, {import_spacy:.2f} s)"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
