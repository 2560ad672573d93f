"""Common English words, made permanent in the pipeline's vocabulary at start-up.

The server lints each request in a spaCy memory zone so that the words of a note (a
patient's name) do not stay in the vocabulary after it. Words first seen inside a zone
are built again on every request, which made a request cost three times the CPU; with
the 30,000 most frequent English words (and their capitalised forms) made permanent
first, a zoned lint of a 500-word note costs 4.5 CPU ms instead of 7 (2.2 without a
zone). Adding the commonest words followed by punctuation gained nothing.

`common_words.txt.gz` is derived from spacy-lookups-data's `en_lexeme_prob` table (MIT
licence): the lower-case words among its 50,000 most probable entries, most probable
first. Rebuild it with `python -m tilint.serve.vocab`.
"""

from __future__ import annotations

import gzip
import re
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

FILE = "common_words.txt.gz"
TOP = 50_000


def common_words() -> list[str]:
    data = resources.files("tilint.serve").joinpath(FILE).read_bytes()
    return gzip.decompress(data).decode("utf-8").split()


def make_permanent(nlp: Language) -> int:
    """Tokenize the common words outside any memory zone; returns how many forms."""
    words = common_words()
    forms = words + [w.capitalize() for w in words]
    for start in range(0, len(forms), 5_000):
        nlp.tokenizer("\n".join(forms[start : start + 5_000]))
    return len(forms)


def build() -> bytes:  # a test checks the shipped file is what this makes
    import json
    from pathlib import Path

    import spacy_lookups_data  # type: ignore[import-untyped]

    table = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    probs: dict[str, float] = json.loads(gzip.decompress(table.read_bytes()))
    ranked = sorted(probs, key=lambda w: (-probs[w], w))[:TOP]
    words = [w for w in ranked if re.fullmatch(r"[a-z][a-z'-]*", w)]
    return gzip.compress(("\n".join(words) + "\n").encode("utf-8"), mtime=0)


if __name__ == "__main__":  # pragma: no cover
    from pathlib import Path

    target = Path(__file__).with_name(FILE)
    target.write_bytes(build())
    print(f"wrote {target}")
