"""How fast `lint_text` could be with a perfect, free prefilter, against the floor, in one run.

    python bench/prefilter_bound.py [--size BYTES] [--repeat N]

Measures, as bench/bench.py does (CPU time, a fresh tokenizer and a fresh pipeline each
run, best of N, the measurements alternating), on the bench prose and on care-note-like
text (the accuracy corpus):

* the floor: spaCy's blank English tokenizer over the paragraphs;
* `lint_text` as it is;
* `lint_text` with the prefilter's answer for every segment known in advance (recorded
  from a run of the real prefilter on the same text): what linting costs beyond the
  prefilter itself, the segments it lets through and everything else. No prefilter that
  decides per segment can make `lint_text` faster than this.

Prints each time as a ratio to the floor. Not part of tilint: a tool for deciding where
the next speed-up must come from (docs/performance.md, "Past the tokenizer floor").
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from make_corpus import make_text  # noqa: E402

from bench import care_note_text, cpu_time  # noqa: E402


def measure(text: str, repeat: int) -> dict[str, float]:
    import spacy

    import tilint.api as api
    from tilint.prefilter import Prefilter

    answers: dict[str, bool] = {}
    real = Prefilter.may_find

    def recording(self: Prefilter, segment: str, *args: object) -> bool:
        answers[segment] = real(self, segment, *args)  # type: ignore[arg-type]
        return answers[segment]

    def known(self: Prefilter, segment: str, *args: object) -> bool:
        return answers[segment]

    Prefilter.may_find = recording  # type: ignore[method-assign,assignment]
    try:
        api._LINTERS.clear()
        api._LINTERS[()] = api.Linter().load()
        api.lint_text(text)
    finally:
        Prefilter.may_find = real  # type: ignore[method-assign]
    paragraphs = text.split("\n\n")
    times: dict[str, list[float]] = {"floor": [], "lint_text": [], "known answers": []}
    for _ in range(repeat):
        tokenizer = spacy.blank("en").tokenizer
        times["floor"].append(cpu_time(lambda t=tokenizer: sum(1 for _ in t.pipe(paragraphs))))
        for name, method in (("lint_text", real), ("known answers", known)):
            Prefilter.may_find = method  # type: ignore[method-assign,assignment]
            try:
                api._LINTERS.clear()
                api._LINTERS[()] = api.Linter().load()  # loading is not timed
                gc.collect()
                start = time.process_time()
                api.lint_text(text)
                times[name].append(time.process_time() - start)
            finally:
                Prefilter.may_find = real  # type: ignore[method-assign]
    api._LINTERS.clear()
    out = {name: min(values) for name, values in times.items()}
    out["segments let through"] = sum(answers.values()) / max(1, len(answers))
    out["characters let through"] = sum(len(s) for s, a in answers.items() if a) / max(1, sum(map(len, answers)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=200_000, help="bytes of bench prose (default 200 KB)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("| text | floor | lint_text / floor | with known answers / floor | segments let through | their characters |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, text in ((f"bench prose ({args.size:,} bytes)", make_text(args.size)[0]), ("care-note-like", care_note_text())):
        m = measure(text, args.repeat)
        print(
            f"| {name} | {m['floor']:.3f} s | {m['lint_text'] / m['floor']:.2f}x | {m['known answers'] / m['floor']:.2f}x"
            f" | {m['segments let through']:.0%} | {m['characters let through']:.0%} |"
        )


if __name__ == "__main__":
    main()
