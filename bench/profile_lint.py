"""Profile `lint_text` (and, with --startup, the CLI's start-up) with pyinstrument.

    python bench/profile_lint.py [--size BYTES] [--startup]

Prints the slowest call paths, so an optimisation starts from a measurement.
Needs `pip install pyinstrument`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from make_corpus import make_text  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--startup", action="store_true", help="profile import + pipeline load instead")
    parser.add_argument("--show-all", action="store_true")
    args = parser.parse_args()

    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    if args.startup:
        profiler.start()
        from tilint import lint_text

        lint_text("She refused her lunch.")  # a finding: without one, spaCy is never loaded
        profiler.stop()
    else:
        text, _ = make_text(args.size)
        from tilint import lint_text

        lint_text("warm up the pipeline: she refused")  # a phrase, so the pipeline is loaded
        profiler.start()
        lint_text(text)
        profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=args.show_all))


if __name__ == "__main__":
    main()
