"""What a change costs: `lint_text` on the same texts with two or more checkouts, each in a
fresh process, alternating so that a busy spell of a shared machine hits each.

    git worktree add /tmp/before <commit>
    python bench/ab_speed.py /tmp/before . [--rounds 3]

Texts: 200 KB of the bench prose (bench/make_corpus.py) and care-note-like text (this
checkout's tests/corpus/corpus.jsonl, one excerpt a paragraph), written once to a
temporary folder so every checkout reads the same bytes. Each process loads a fresh
pipeline three times and keeps the best CPU time of `lint_text` on each text, with the
tokenizer floor beside it; the report is the best over the rounds. Each checkout gets its
own compiled-lexicon cache. Compare the checkouts with each other, within one run.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# Run inside each checkout (PYTHONPATH), printing a dict: text -> (floor s, lint_text s).
MEASURE = r"""
import gc, sys, time
from pathlib import Path
import spacy
import tilint.api as api

def cpu(fn):
    gc.collect()
    start = time.process_time()
    fn()
    return time.process_time() - start

out = {}
for path in sys.argv[1:]:
    text = Path(path).read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    floor, lint = [], []
    for _ in range(3):
        tokenizer = spacy.blank("en").tokenizer
        floor.append(cpu(lambda: sum(1 for _ in tokenizer.pipe(paragraphs))))
        api._LINTERS.clear()
        api._LINTERS[()] = api.Linter().load()  # loading is not timed
        lint.append(cpu(lambda: api.lint_text(text)))
    out[Path(path).stem] = (min(floor), min(lint))
print(repr(out))
"""


def write_texts(folder: Path) -> list[Path]:
    import make_corpus

    prose = folder / "prose.txt"
    prose.write_text(make_corpus.make_text(200_000)[0], encoding="utf-8")
    lines = (HERE.parent / "tests" / "corpus" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    notes = folder / "notes.txt"
    notes.write_text("\n\n".join(json.loads(line)["text"] for line in lines if line.strip()) + "\n", encoding="utf-8")
    return [prose, notes]


def measure(checkout: Path, texts: list[Path], cache: Path) -> dict[str, tuple[float, float]]:
    env = dict(os.environ, PYTHONPATH=str(checkout), TILINT_CACHE_DIR=str(cache))
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *map(str, texts)], env=env, cwd=checkout, capture_output=True, text=True
    )
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"{checkout}: the measurement failed: {last}")
    result: dict[str, tuple[float, float]] = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="+", type=Path, help="folders holding a tilint checkout")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    checkouts = [c.resolve() for c in args.checkouts]
    for checkout in checkouts:
        if not (checkout / "tilint" / "api.py").is_file():
            parser.error(f"{checkout}: not a tilint checkout")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = write_texts(folder)
        best: dict[Path, dict[str, tuple[float, float]]] = {c: {} for c in checkouts}
        for round_ in range(args.rounds):
            for n, checkout in enumerate(checkouts):
                got = measure(checkout, texts, folder / f"cache-{n}")
                for name, (floor, lint) in got.items():
                    print(f"round {round_ + 1} {checkout}: {name} lint_text {lint:.3f} s, floor {floor:.3f} s ({lint / floor:.2f}x)", flush=True)
                    old = best[checkout].get(name)
                    best[checkout][name] = (floor, lint) if old is None or lint < old[1] else old
    for checkout in checkouts:
        cells = ", ".join(f"{name} {lint:.3f} s" for name, (_, lint) in best[checkout].items())
        print(f"best of {args.rounds}: {checkout}: {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
