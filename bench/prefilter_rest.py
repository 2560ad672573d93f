"""The prefilter deciding every segment, resting on dense text (the default), and off.

    python bench/prefilter_rest.py [--size BYTES] [--rounds N]

CPU time of `Linter.hits` on the bench prose and on care-note-like text (the accuracy
corpus), a fresh linter each time, the three linters alternating, best of N rounds, in one
process (compare within a run: this machine's speed varies from day to day). Not part of
tilint: the measurement behind `tilint.scan.PassRate` (docs/performance.md, "Thirteenth
check").
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from make_corpus import make_text  # noqa: E402

from bench import care_note_text  # noqa: E402
from tilint.api import Linter  # noqa: E402
from tilint.formats import prepare  # noqa: E402

LINTERS = {
    "always deciding": {"rest_when_dense": False},
    "resting (default)": {},
    "prefilter off": {"prefilter": False},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000, help="bytes of bench prose")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    texts = {"care-note-like": prepare(care_note_text(), "text"), "bench prose": prepare(make_text(args.size)[0], "text")}
    best: dict[tuple[str, str], float] = {}
    for _ in range(args.rounds):
        for label, options in LINTERS.items():
            for name, document in texts.items():
                linter = Linter(**options).load()  # type: ignore[arg-type]
                linter.hits("Warm up: she refused her tablets.")
                started = time.process_time()
                linter.hits(document.checkable, document.blanks)
                spent = time.process_time() - started
                best[name, label] = min(spent, best.get((name, label), spent))
    for name in texts:
        words = len(texts[name].checkable.split())
        cells = "  ".join(f"{label}: {best[name, label]:.3f} s" for label in LINTERS)
        print(f"{name} ({words:,} words)  {cells}")


if __name__ == "__main__":
    main()
