"""Reported labelling and whose account, in the forms met in lived-experience writing,
forums and news: 'treated as/like X', 'been told she's X', 'doesn't mean they're X',
a plea to a charge, and an evidential adverb about a fact."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "I have been treated as a drug user and a manipulator by my own family.",
        "He was treated as an attention seeker in A&E.",
        "She's always been told she's borderline.",
        "He told me she's borderline.",  # someone else's words retold (the corpus convention)
        "I was told that I was attention seeking.",
        "Wanting to stay doesn't mean they're attention seekers.",
        "It does not mean that she is manipulative.",
    ],
)
def test_labels_others_applied_or_the_writer_denies_are_reported(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("I would treat him as a manipulator.", "manipulator"),  # the writer's own view
        ("I told him she's borderline.", "borderline"),  # the writer's own telling
        ("It means she is manipulative.", "manipulative"),  # not negated
        ("He was manipulative and was treated for it.", "manipulative"),
        ("He was treated like a mental patient by staff.", "mental patient"),  # the writer's label for another
        ("He acted like a mental patient on the ward.", "mental patient"),  # a simile in the writer's words
    ],
)
def test_the_writers_own_labels_stay(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Devine had initially denied murder but changed his plea.",
        "He denies the allegations and will appeal.",
        "She admitted the assault in court.",
        "She admitted stealing a vacuum cleaner worth 100 pounds.",  # the offence as a gerund
        "He admitted two counts of assault by beating.",  # a number before the charge
        "He admitted attempted robbery.",
    ],
)
def test_a_plea_to_a_charge_is_not_a_health_account(text):
    assert "credibility" not in {f.category for f in tilint.lint_text(text)}


@pytest.mark.parametrize(
    "text",
    ["He denies chest pain.", "She denied being depressed.", "He admits drinking daily."],
)
def test_denying_symptoms_stays_a_finding(text):
    assert "credibility" in {f.category for f in tilint.lint_text(text)}


def test_an_evidential_adverb_about_a_fact_is_not_doubt():
    assert flagged("It is apparently more common in women.") == []
    assert "apparently" in flagged("He apparently took an overdose.")


def test_a_suspicion_someone_else_holds_is_reported():
    assert flagged("Patients who are suspected of drug seeking behavior wait longer.") == []
    assert flagged("She was accused of malingering by the insurer.") == []
    assert "drug seeking behavior" in flagged("He showed drug seeking behavior again.")


@pytest.mark.parametrize(
    "text",
    ["He was described by some inmates as a recovered addict.", "He was described as a recovered addict."],
)
def test_a_label_with_a_modifier_or_an_agent_is_still_reported(text):
    assert flagged(text) == []


def test_known_by_us_as_is_the_writers_own_label():
    assert "frequent flyer" in flagged("She is known by us as a frequent flyer.")


def test_a_label_in_a_relative_clause_on_someone_is_still_reported_or_the_writers():
    # reported: "labelled as someone who may be X"
    assert flagged("Patients in pain are often labeled as someone who may be attention seeking.") == []
    # the writer's own view of someone else is a use, not a self-description
    assert "manipulative" in flagged("I see him as someone who is manipulative.")
    assert flagged("As someone who was once labelled manipulative, I know the harm.") == []


@pytest.mark.parametrize(
    "text",
    [
        "When a doctor labels a patient noncompliant because she disagrees, trust goes.",
        "Staff labelled her attention-seeking in the notes.",
        "The press branded him a drug seeker.",
    ],
)
def test_a_label_verb_with_its_object_and_no_as_is_reported_labelling(text):
    assert flagged(text) == []


def test_the_writers_own_labelling_without_as_stays_a_use():
    assert flagged("We labelled him manipulative.") == ["manipulative"]
