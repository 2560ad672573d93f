"""Mention frames of language guides written without quotation marks (policy: mention,
not use): substitution ('swap X for Y'), preference ('prefer Y to X'), 'instead of X, try
Y' with an example phrase, renaming ('X is now called Y'), and labelling verbs with an
object phrase or 'referring to someone as'. The same verbs acting on care stay uses."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Swap addict for person who uses drugs.",
        "Change committed suicide to died by suicide.",
        "Prefer lives with to suffers from.",
        "Instead of refused, try declined.",
        "Instead of he refused his meds, write he chose not to take his medication.",
        "Challenging behaviour is now called behaviour that challenges.",
        "Nurses sometimes label patients who ask for pain relief as drug seekers.",
        "Referring to someone as an addict reduces them to their drug use.",
    ],
)
def test_guide_frames_are_mentions(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("He refused rather than wait, and was abusive.", "refused"),
        ("They changed his medication to clozapine because he was non-compliant.", "non-compliant"),
        ("I see him as manipulative.", "manipulative"),
        ("He refused his tablets, so try again at 10:00.", "refused"),
        ("She was aggressive, so we changed the plan to daily visits.", "aggressive"),
    ],
)
def test_the_same_words_in_care_stay_uses(text, word):
    assert word in flagged(text)


def test_a_possessive_is_not_a_renaming_copula():
    assert "mental patient" in flagged("A mental patient's family called.")
    assert flagged("Mental patient is now termed service user.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Informed refusal is where a person declines a recommended treatment.",
        "A non compliant patient is a patient who does not follow medical advice.",
        "There are no evidence-based definitions of drug-seeking behavior.",
    ],
)
def test_definitions_are_mentions(text):
    assert flagged(text) == []


def test_a_description_is_not_a_definition():
    assert "non compliant" in flagged("A non compliant patient is a risk to himself.")
    assert "refused" in flagged("He refused when the nurse came.")
