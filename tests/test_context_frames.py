"""More mention frames: 'the language/notion of X', 'saying someone is X', 'instead of X,
say Y'; and the frames' limits, where the same words apply a label to a person."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The language of non-compliance puts the blame on patients.",
        "The notion of the mentally ill as dangerous persists in the press.",
        "Avoid saying someone is an addict.",
        "Stop calling people junkies.",
        "Instead of junkie, say person who uses drugs.",
        "Rather than non-compliant, we write declined.",
    ],
)
def test_more_mention_frames_are_not_findings(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("He has a diagnosis of alcohol abuse.", "alcohol abuse"),
        ("She is a stereotype of a drug-seeking patient.", "drug-seeking"),
        ("Staff noted a pattern of non-compliance.", "non-compliance"),  # not a mention noun
        ("Saying he is an addict, she left the room.", "an addict"),  # a particular person
        ("Instead of refusing, he left.", "refusing"),  # no verb of saying
        ("Instead of taking his tablets he was non-compliant.", "non-compliant"),
    ],
)
def test_the_frames_do_not_swallow_uses(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Twenty per cent of GPs denied having seen the guidance.",
        "Most of the nurses admitted they felt unprepared.",
        "30% of officers denied using force.",
    ],
)
def test_a_part_of_a_group_of_staff_is_staff(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("Half of the patients refused treatment.", "refused"),
        ("Some of the residents denied any pain.", "denied"),
        ("Most of the time he refused.", "refused"),
        ("He came to the clinic complaining of pain.", "complaining of"),
    ],
)
def test_a_part_of_a_group_of_patients_is_still_the_person(text, word):
    assert word in flagged(text)
