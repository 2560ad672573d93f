"""'They' as the subject of a doubting or refusing verb takes the previous sentence's
subject when that is staff or an institution and no other group of people is in play."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Staff assessed risk well. They minimised the use of restraint.",
        "The nurses visited the ward. They denied that it was short-staffed.",
        "The trust replied on Monday. They denied any wrongdoing.",
        "Staff spoke with him. They denied that the ward was short-staffed.",  # 'him' is not 'they'
    ],
)
def test_they_after_staff_or_an_institution_is_not_the_person(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("Patients were interviewed. They minimised their drinking.", "minimised"),
        ("Staff spoke with the patients. They denied suicidal thoughts.", "denied"),  # either group
        ("They denied suicidal thoughts.", "denied"),  # no previous sentence
        ("He was seen today. They denied any thoughts of self-harm.", "denied"),
        ("We went to the shop. They denied using drugs.", "denied"),
    ],
)
def test_they_stays_a_person_otherwise(text, word):
    assert word in flagged(text)
