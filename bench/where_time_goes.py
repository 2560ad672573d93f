"""Where `lint_text`'s time goes, with the candidate prefilter, on the two bench texts.

    python bench/where_time_goes.py [--size BYTES] [--runs N] [--rate HZ]

Samples a child process with py-spy (`pip install py-spy`; not a dependency of tilint)
that lints the bench prose and the care-note-like text (the accuracy corpus) with a fresh
pipeline each run, as bench/bench.py does, and sorts the samples taken inside
`lint_text` into the steps of tilint/prefilter.py and tilint/component.py by the
functions on their stacks. Time in spaCy's compiled code counts for the Python
function that called it.
"""

from __future__ import annotations

import argparse
import collections
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (share label, a frame that puts a sample there), first match wins: most specific first
STEPS = [
    ("prefilter: tokenize and match the chunks around an anchor", ("Prefilter._terms",)),
    ("prefilter: required words near a match", ("_window_possible",)),
    ("prefilter: filler scan (phrases with a filler in a gap)", ("gapped_match",)),
    ("prefilter: anchor scan (Aho-Corasick) and per-anchor checks", ("Prefilter.may_find", "TextScan.")),
    ("find: context checks (tilint/context.py, tilint/syntax.py)", ("context.py", "syntax.py", "classes.py")),
    ("find: suggestions", ("_suggestions",)),
    ("find: phrase trie over the Doc", ("phrases.py",)),
    ("find: sentence starts", ("_set_sentence_starts",)),
    ("find: the rest of the component", ("TilintComponent.find",)),
    ("normalising segments", ("_normalised",)),
    ("spaCy tokenizer on the candidate segments", ("Linter._find",)),
    ("segmenting", ("segments (tilint/segment.py",)),
    ("segment cache", ("Linter._hits_of",)),
    ("reading (prepare)", ("prepare",)),
]
REST = "lint_document: findings, line index"

CHILD = """
import gc, sys
sys.path[:0] = [{root!r}, {bench!r}]
from make_corpus import make_text
from bench import care_note_text
import tilint.api as api
text = make_text({size}) [0] if {which!r} == "prose" else care_note_text()
for _ in range({runs}):
    api._LINTERS.clear()
    api._LINTERS[()] = api.Linter().load()  # loading is not what is measured
    gc.collect()
    api.lint_text(text)
"""


def shares(raw: Path) -> tuple[int, list[tuple[str, int]]]:
    counts: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, n = line.rpartition(" ")
        if "lint_text (" not in stack or not n.isdigit():
            continue
        total += int(n)
        step = next((label for label, marks in STEPS if any(m in stack for m in marks)), REST)
        counts[step] += int(n)
    return total, counts.most_common()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=200_000, help="bytes of bench prose (default 200 KB)")
    parser.add_argument("--runs", type=int, default=20, help="lint_text runs per text, each with a fresh pipeline")
    parser.add_argument("--rate", type=int, default=400, help="py-spy samples per second")
    args = parser.parse_args()
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        print("needs py-spy: pip install py-spy", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for which in ("prose", "notes"):
            script = Path(tmp) / f"{which}.py"
            script.write_text(CHILD.format(root=str(HERE.parent), bench=str(HERE), size=args.size, which=which,
                                           runs=args.runs if which == "prose" else max(1, args.runs // 2)), encoding="utf-8")
            raw = Path(tmp) / f"{which}.txt"
            subprocess.run([spy, "record", "-r", str(args.rate), "-f", "raw", "-o", str(raw), "--", sys.executable, str(script)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            total, rows = shares(raw)
            name = f"bench prose ({args.size // 1000} KB)" if which == "prose" else "care-note-like text (the accuracy corpus)"
            print(f"\n## {name}: {total:,} samples inside lint_text\n")
            print("| share | step |\n|---:|---|")
            for label, n in rows:
                print(f"| {100 * n / total:.0f} % | {label} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
