"""Forms met in blind round 40's dev half, each checked with a use that must stay
flagged: "indicated" retells an account when a person, a body, a name or a record is its
subject, while signs, tests and behaviour that "indicate" something are evidence the
writer reads; research and data that "say" or "reveal" something make the writer's own
claim; a coordinated object inside the
speaker's phrase ("interviews with the ADON and DON revealed that ..."); a record's
identifier as a retold clause's subject ("staff said R1 refused ..."); an exacerbation
as an event gone through; a person's actions and words as behaviour."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import syntax


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fifteen patients indicated that they would refuse medication.", []),
        ("The History and Physical indicated Patient #8 was refusing to take his medications.", []),
        ("The records indicated that he had absconded twice.", []),
        # evidence the writer reads: the writer's own claim
        ("Further analyses indicate that mentally ill inmates are more likely to be segregated.", ["mentally ill"]),
        ("His behaviour indicates he is manipulative.", ["manipulative"]),
        ("Low lithium levels indicate that he is non-compliant.", ["non-compliant"]),
        ("The dipstick indicated the urine was dirty.", ["urine was dirty"]),
        ("Table 2 indicates that schizophrenics smoke more than others.", ["schizophrenics"]),
        # research and its numbers, after any report verb
        ("The study revealed that men are not more likely to abscond than women.", ["abscond"]),
        # a trial is a hearing, and senior figures are people: retold
        ("The murder trial revealed that he had absconded from the unit twice.", []),
        ("Senior figures said the patient had absconded.", []),
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
        ("Interviews with the ADON, the DON and the administrator revealed that the resident refused care.", []),
    ],
)
def test_a_coordinated_object_inside_the_speakers_phrase(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Interviews with the ADON and DON revealed that he left.", "Interviews"),
        ("Interviews with the DON revealed that he left.", "Interviews"),
    ],
)
def test_the_subject_before_a_coordinated_prepositional_object(text, head):
    doc = spacy.blank("en")(text)
    verb = next(t.i for t in doc if t.lower_ == "revealed")
    found = syntax.subject(doc, verb, doc[:])
    assert (doc[found].text if found is not None else None) == head


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff said R1 refused his shower.", []),
        ("The DON stated R33 eloped from the facility.", []),
        # the identifier as the writer's own subject
        ("R1 refused his shower.", ["refused"]),
        # the writer's own clause after the retold one
        ("Staff reported R1 was calm and then he refused his tablets.", ["refused"]),
        # "#" in a list, not a record's number for a person, ends the clause
        ("The nurse said he was fine #2 he refused his insulin at 8pm.", ["refused"]),
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
        # the bare verb leaves "suffer from" to its own phrase
        ("He suffers from COPD exacerbations every winter.", []),
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
