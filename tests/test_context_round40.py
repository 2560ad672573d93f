"""Forms met in blind round 40's dev half, each checked with a use that must stay
flagged: "indicated" retells a record's or a person's account while research and data
that "indicate" something are the writer's own claim; a coordinated object inside the
speaker's phrase ("interviews with the ADON and DON revealed that ..."); a record's
identifier as a retold clause's subject ("staff said R1 refused ..."); an exacerbation
as an event gone through; a person's actions and words as behaviour."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fifteen patients indicated that they would refuse medication.", []),
        ("The History and Physical indicated Patient #8 was refusing to take his medications.", []),
        # research and its numbers: the writer's claim from evidence
        ("Further analyses indicate that mentally ill inmates are more likely to be segregated.", ["mentally ill"]),
        ("The study revealed that men are not more likely to abscond than women.", ["abscond"]),
        # the writer's own indicating stays a use
        ("I indicated that he refused his medication.", ["refused"]),
        # "indicated" as medically called for opens no clause
        ("Admission may be indicated if the client remains non-compliant.", ["non-compliant"]),
    ],
)
def test_indicated_retells_an_account_unless_research_says_it(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interviews with the ADON and DON revealed that the resident frequently refused care.", []),
        ("Interviews with the DON revealed that the resident frequently refused care.", []),
        # a clause of the writer's own after the coordinated phrase
        ("The nurse saw the ADON and DON and the resident refused care.", ["refused"]),
    ],
)
def test_a_coordinated_object_inside_the_speakers_phrase(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff said R1 refused his shower.", []),
        ("The DON stated R33 eloped from the facility.", []),
        # the identifier as the writer's own subject
        ("R1 refused his shower.", ["refused"]),
        # an identifier that names no one after the verb ("reported B12 levels")
        ("Staff reported B12 was low and she refused her tablets.", ["refused"]),
    ],
)
def test_a_record_identifier_opens_a_retold_clause(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He suffered from an exacerbation of his asthma last winter.", []),
        ("She suffered from exacerbations of COPD every winter.", []),
        ("He suffers from asthma.", ["suffers from"]),
    ],
)
def test_an_exacerbation_is_an_event(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She was asked to leave as her actions and words continued to be hostile.", []),
        ("His actions were hostile.", []),
        ("He was hostile.", ["hostile"]),
        ("He was hostile in his actions.", ["hostile"]),
    ],
)
def test_actions_and_words_are_behaviour(text, expected):
    assert flagged(text) == expected
