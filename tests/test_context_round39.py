"""Forms met in blind round 39's dev half, each checked with a use that must stay
flagged: a quantified subject of a retold clause ("says most addicts never get
treatment"), a second predicate of a retold clause said by an official ("police said the
man refused X and appeared to be suffering from ..."), a bare plural of people who use
services as the first of two objects ("refusing inmates medication"), "long term" as no
mention frame, the narrator's clause after a label ("the frequent fliers I have seen"),
and a phrase's article inside a name ("the National Alliance for the Mentally Ill")."""

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
        # a number before the label is an object of the verb, not a clause
        ("Staff reported 2 absconders overnight.", ["absconders"]),
        ("He described 3 addicts in his family.", ["addicts"]),
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
        ("He said he was fine and had refused his tablets.", ["refused"]),
        # a subordinate speaker's clause ends before the writer's own, with no comma
        ("After the doctor said he could not go home he became angry and was aggressive to staff.", ["aggressive"]),
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
        ("she refused carers their help", False),  # carers: her refusal of care
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
    assert flagged("She refused carers access to the flat this morning.") == ["refused"]


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
        # unless the clause says the narrator was that
        ("The self-harmer I was at fifteen hid it from everyone.", []),
        ("The attention seeker I was at school just wanted someone to notice.", []),
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
        ("Make sure you have joined the Society for the Mentally Ill in your area.", []),
        # Title Case emphasis with no name head stays a use
        ("We Must Help the Mentally Ill Now", ["the mentally ill"]),
        # headlines and headings are uses, a name head in them or not
        ("Council Cuts Services for the Mentally Ill", ["the mentally ill"]),
        ("Section 4: Services for the Mentally Ill", ["the mentally ill"]),
        ("Team Helps the Mentally Ill Find Homes", ["the mentally ill"]),
        ("The service turns away the mentally ill.", ["the mentally ill"]),
    ],
)
def test_a_phrase_with_its_article_inside_a_name(text, expected):
    assert flagged(text) == expected
