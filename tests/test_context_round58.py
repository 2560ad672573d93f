"""Mechanisms from the twenty-sixth session's work on the dev split. A label for a
person's behaviour before a noun for a thing describes that thing (WordNet's nouns for
people, groups and animals, shipped as lexicons/nouns/people.txt, say which nouns are
never people); a plural verb right after a label has people for its subject, so what is
said of them is no remark on a term."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import classes, syntax


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("word", "thing"),
    [
        ("moves", True),
        ("push", True),
        ("exploration", True),
        ("way", True),
        # a noun for a person, a group or an animal, in any one of its senses
        ("thugs", False),
        ("crowd", False),
        ("criminals", False),
        ("figure", False),
        ("puppy", False),
        # not a noun, or an adverb too, or unknown: cannot be told
        ("towards", False),
        ("today", False),
        ("xyzzyq", False),
    ],
)
def test_names_a_thing(word: str, thing: bool) -> None:
    assert syntax.names_a_thing(word) is thing


def _thing_after(text: str, word: str) -> bool:
    nlp = spacy.blank("en")
    doc = nlp(text)
    sent = doc[:]
    end = next(i for i, t in enumerate(doc) if t.lower_ == word) + 1
    return syntax.thing_follows(doc, end, sent, classes.builtin())


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Wal-Mart is making more aggressive moves.", "aggressive", True),
        ("It has a more aggressive clinical picture.", "aggressive", True),  # past an adjective
        ("An aggressive puppy bites.", "aggressive", True),  # an animal, whatever the phrase's head
        ("An aggressive young man shouted.", "aggressive", False),
        ("The aggressive criminals were jailed.", "aggressive", False),
        ("He was aggressive last night.", "aggressive", False),  # said of the subject
        ("A violent ex-heroin addict escaped.", "violent", False),  # a compound cannot be told
        ("She could cope with a hostile and aggressive one.", "aggressive", False),  # "one" is a person
        ("He was aggressive towards staff.", "aggressive", False),
    ],
)
def test_thing_follows(text: str, word: str, expected: bool) -> None:
    assert _thing_after(text, word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("San Francisco's aggressive push to move people off the streets continued.", []),
        ("The aggressive change in tactics comes as more people turn to heroin.", []),
        ("Amy, in her characteristically defiant way, resisted.", []),
        ("We were expecting some abusive phone calls over the weekend.", []),
        # labels on people stay findings
        ("Staff described an aggressive young man in bay 3.", ["aggressive"]),
        ("He is a violent thug, his neighbour said at the door.", ["violent"]),
        ("The ward struggled with aggressive patients last winter.", ["aggressive"]),
    ],
)
def test_behaviour_labels_before_a_thing(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mentally ill are still neglected and stigmatised.", ["the mentally ill"]),
        ("Addicts were stigmatised and shunned by the village.", ["addicts"]),
        # a remark on a term: singular, or a mention noun
        ("'The mentally ill' is stigmatising.", []),
        ("'Addicts' and 'junkies' are stigmatising terms.", []),
    ],
)
def test_a_plural_verb_has_people_for_subject(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected
