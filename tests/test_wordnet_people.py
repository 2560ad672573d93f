"""lexicons/nouns/people.txt is generated from WordNet (tools/wordnet_people.py); the
shipped file must be what the generator writes from Debian's wordnet-base, which .ci/run
installs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDNET = Path("/usr/share/wordnet/data.noun")


def _generator():
    spec = importlib.util.spec_from_file_location("wordnet_people", ROOT / "tools" / "wordnet_people.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_list_is_current(tmp_path: Path) -> None:
    assert WORDNET.exists(), "install Debian's wordnet-base (.ci/run does)"
    generator = _generator()
    shipped = (ROOT / "lexicons" / "nouns" / "people.txt").read_text(encoding="utf-8")
    expected = generator.HEADER + "\n".join(generator.people_nouns(WORDNET)) + "\n"
    assert shipped == expected, "run: python tools/wordnet_people.py"


def test_list_holds_people_groups_and_animals_only() -> None:
    words = set(_generator().people_nouns(WORDNET))
    assert {"nurse", "thug", "crowd", "puppy", "criminal", "figure"} <= words
    assert not {"move", "push", "exploration", "way", "tactic"} & words
