"""Other senses met in forum writing: a drug class written as two words, a deficit word
said of a symptom, and of staff (policy: other senses; labels on staff are a policy gap
decided as not flagged)."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "She recommended I take anti psychotics but I turned that down.",
        "He has been on anti-psychotics for years.",
        "The irritability is getting really difficult to deal with.",
        "Accessing specialists can often be challenging.",
    ],
)
def test_other_senses_are_not_findings(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("The psychotics on the ward were anti everything.", "psychotics"),  # "anti" after the match
        ("He is getting really difficult to deal with.", "difficult to deal with"),
        ("The patient was challenging on the ward.", "challenging"),
    ],
)
def test_the_same_words_about_a_person_stay(text, word):
    assert word in flagged(text)


def test_a_near_negation_is_a_negation():
    assert flagged("People with schizophrenia are rarely violent towards others.") == []
    assert "violent" in flagged("He is often violent towards others.")


@pytest.mark.parametrize(
    "text",
    [
        "I mistook normal mood swings as a bipolar thing.",
        "You might like the bipolar memoir by Anna Gazmarian.",
        "The cpap helped tone down the bipolar rage.",
    ],
)
def test_an_identity_first_adjective_on_a_thing_is_no_label_on_a_person(text):
    assert flagged(text) == []


def test_a_slur_said_of_a_thing_is_still_a_slur():
    assert "retarded" in flagged("Yeah the phone and level 5 thing was retarded.")
