"""lexicons/nouns/ is generated from WordNet and lemminflect (tools/wordnet_people.py);
the shipped files must be what the generator writes from Debian's wordnet-base, which
.ci/run installs, and the installed lemminflect."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ROOT, load_module

WORDNET = Path("/usr/share/wordnet/data.noun")


def _generator():
    return load_module("wordnet_people", ROOT / "tools" / "wordnet_people.py")


def test_shipped_list_is_current(tmp_path: Path) -> None:
    assert WORDNET.exists(), "install Debian's wordnet-base (.ci/run does)"
    generator = _generator()
    shipped = (ROOT / "lexicons" / "nouns" / "people.txt").read_text(encoding="utf-8")
    people = generator.people_nouns(WORDNET)
    assert shipped == generator.HEADER + "\n".join(people) + "\n", "run: python tools/wordnet_people.py"
    things, adjectives = generator.forms_by_part_of_speech(people)
    nouns = ROOT / "lexicons" / "nouns"
    assert (nouns / "things.txt").read_text(encoding="utf-8") == generator.THINGS_HEADER + "\n".join(things) + "\n"
    assert (nouns / "adjectives.txt").read_text(encoding="utf-8") == generator.ADJECTIVES_HEADER + "\n".join(adjectives) + "\n"


def test_list_holds_people_groups_and_animals_only() -> None:
    words = set(_generator().people_nouns(WORDNET))
    assert {"nurse", "thug", "crowd", "puppy", "criminal", "figure"} <= words
    assert not {"move", "push", "exploration", "way", "tactic"} & words


def test_things_are_no_people() -> None:
    generator = _generator()
    things, adjectives = generator.forms_by_part_of_speech(generator.people_nouns(WORDNET))
    assert {"moves", "push", "exploration", "way"} <= set(things)
    assert not {"nurse", "nurses", "thugs", "crowd", "figure", "demeanour", "today"} & set(things)
    assert {"clinical", "aggressive"} <= set(adjectives)
