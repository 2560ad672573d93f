"""Organisations, projects and economies 'suffer from' shortages, not conditions; bipolar
instruments are instruments; a Title Case run after 'read' or 'watched' is a title; and a
coordinated object of a preposition ('a person in jail or prison') is not a subject."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    # did-not-attend (TI120) is opt-in: switched on so its subject checks are still tested
    return [f.text.lower() for f in tilint.lint_text(text, tilint.Config(extend_select=("TI120",)))]


@pytest.mark.parametrize(
    "text",
    [
        "The NHS is suffering from staff shortages.",
        "The project suffered from delays.",
        "The economy suffers from low productivity.",
        "A bipolar transistor was used.",
        "Bipolar diathermy was used for haemostasis.",
        "He read One Flew Over the Cuckoo's Nest at school.",
    ],
)
def test_other_senses_of_stigmatising_words(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("She suffers from depression.", "suffers from"),
        ("Service users suffer from stigma.", "suffer from"),
        ("When a person in jail or prison suffers from psychosis, care is needed.", "suffers from"),
        ("If an inmate of a jail or prison commits suicide, an inquest follows.", "commits suicide"),
        ("He is bipolar.", "is bipolar"),
    ],
)
def test_people_suffering_and_labels_on_people_stay_findings(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The service did not engage with the consultation.",
        "The inspector did not attend.",
        "The trust has not engaged with families.",
    ],
)
def test_a_written_out_verb_phrase_has_a_subject_too(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("Pt did not attend.", "did not attend"),
        ("Did not attend.", "did not attend"),
        ("She has not engaged with the team.", "has not engaged"),
    ],
)
def test_a_person_who_did_not_attend_stays_a_finding(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The trust was non-compliant.",
        "Six nursing homes were found to be non-compliant on four sets of standards.",
        "The inspection found the provider remained non-compliant in areas of governance.",
        "The care home's not compliant again this year.",  # "'s" before "not" is "is"
    ],
)
def test_a_deficit_word_said_of_a_body_is_not_a_label_on_a_person(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("The patient remained non-compliant.", "non-compliant"),
        # a relative clause without "who": the ward admitted her, she was non-compliant
        ("The woman the ward admitted on Friday was non-compliant with her clozapine.", "non-compliant"),
        ("Patients this unit admits are often aggressive.", "aggressive"),
        ("Following the CQC inspection, Mr B remains non-compliant with his insulin.", "non-compliant"),
        # a possessive "'s" is no copula: the label is on the patients, not the trust
        ("She helps the trust's most challenging patients.", "challenging patients"),
    ],
)
def test_a_label_on_a_person_beside_a_body_stays(text, word):
    assert word in flagged(text)
