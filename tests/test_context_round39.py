"""Forms met in blind round 39's dev half, each checked with a use that must stay
flagged: a quantified subject of a retold clause ("says most addicts never get
treatment"), a second predicate of a retold clause said by an official ("police said the
man refused X and appeared to be suffering from ..."), and a bare plural of people as the
first of two objects ("refusing inmates medication")."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import classes, syntax


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The charity says most addicts never get treatment.", []),
        ("The charity says up to 85 percent of addicts never get treatment.", []),
        ("Police said nearly half of addicts never get treatment.", []),
        ("Staff said 40 addicts were admitted last year.", []),
        # the writer's own saying stays a use
        ("I say most addicts never get treatment.", ["addicts"]),
        # a clause of the writer's own after the retold one
        ("The charity says so, but most addicts never get treatment.", ["addicts"]),
    ],
)
def test_a_quantified_subject_of_a_retold_clause(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said the man refused to leave his home and appeared to be suffering from depression.", []),
        ("The inquest heard he was found at home and had been suffering from depression.", []),
        # the speaker is the person: the second predicate reads as his own act
        ("He said he was fine and refused his tablets.", ["refused"]),
        # a new subject after the coordinator is the writer's clause
        ("Police said he was calm and she refused her tablets.", ["refused"]),
    ],
)
def test_a_second_predicate_of_a_retold_clause(text, expected):
    assert flagged(text) == expected


def refuse_end(doc) -> int:
    return next(t.i for t in doc if t.lower_.startswith("refus")) + 1


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("jails refusing inmates medication", True),
        ("the prison refuses inmates methadone prescriptions", True),
        ("staff refused patients access to the garden", True),
        ("she refused carers their help", True),
        ("he refused patients and staff alike", False),  # one object only
        ("patients refusing visitors was common", False),
        ("she refused medication", False),
    ],
)
def test_a_bare_plural_of_people_before_a_second_object(text, given):
    doc = spacy.blank("en")(text)
    assert syntax.person_object(doc, refuse_end(doc), doc[:], classes.builtin()) is given


def test_refusing_people_their_care_is_not_their_refusal():
    assert flagged("Jails were sued for allegedly refusing inmates medication.") == []
    assert flagged("The man was refusing his medication.") == ["refusing"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Long term substance abuse is common in this group.", ["substance abuse"]),
        ("He has short-term memory loss and long-term substance abuse.", ["substance abuse"]),
        # the noun "term" of a mention frame stays a mention
        ("The term substance abuse is outdated.", []),
    ],
)
def test_long_term_is_not_the_noun_of_a_mention_frame(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a noun, "I" opens the narrator's clause about it: the label is on others
        ("The frequent fliers I have seen were drunk.", ["frequent fliers"]),
        # after a verb, the narrator is on the receiving end
        ("My friends insisted I go to the hospital.", []),
        ("They sectioned me and I absconded twice.", []),
    ],
)
def test_the_narrators_clause_after_a_label(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Join the National Alliance for the Mentally Ill today.", []),
        ("Associations of Relatives and Friends of the Mentally Ill (ARAFMI) offer courses.", []),
        # Title Case emphasis with no name head stays a use
        ("We Must Help the Mentally Ill Now", ["the mentally ill"]),
        ("The service turns away the mentally ill.", ["the mentally ill"]),
    ],
)
def test_a_phrase_with_its_article_inside_a_name(text, expected):
    assert flagged(text) == expected
