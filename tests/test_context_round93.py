"""Mechanisms from the thirty-second session's work on blind round 93 and the blind review of
safe fixes: a person's history is no remark on a term, and a second predicate of the person
("is X and has ...") is read as theirs."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # "history of" after "has" is the person's history, not what a term carries
        ("Addicts have a history of relapse.", "addicts"),
        ("The schizophrenic has a history of violence.", "schizophrenic"),
        # a second predicate after "and" describes the person, not the term
        ("She is personality disordered and has a long forensic history.", "personality disordered"),
    ],
)
def test_a_label_before_a_persons_history_is_a_use(text: str, span: str) -> None:
    assert span in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The word addict has a history of stigma.",  # the word named
        "Junkie has negative connotations.",  # what a term carries
        "Addict carries a lot of stigma.",
    ],
)
def test_what_a_term_carries_is_still_a_mention(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a modal that goes on to a verb other than "be" says what people do, not what a term is
        ("It opened a drug consumption room, where addicts can inject heroin and other banned substances.", "addicts"),
        ("He claimed the pain started yesterday, as he lifted a box.", "claimed"),
    ],
)
def test_people_doing_things_are_uses(text: str, span: str) -> None:
    assert span in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Addict should not be used in clinical notes.",  # a modal that goes on to "be": a term
        "Junkie can be offensive.",
        # "claim" taking something, whose clause ends before an adverbial clause
        "The 22-year-old claimed the first powerlifting gold for the host, as she lifted 100kg.",
        # the noun after a verb's -ed
        "The sheriff criticised claims by their doctors that a warning would have caused distress.",
    ],
)
def test_terms_things_taken_and_nouns_are_not_findings(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a sentence with "helpful" or "say" in it heads no list of terms (a blind review
        # found "It was helpful." silencing every short label line after it in a file)
        ("It was helpful.\n\nShe is an addict.", "an addict"),
        ("Staff say he is settled.\nPt is aggressive.", "aggressive"),
    ],
)
def test_a_sentence_is_no_heading_of_a_term_list(text: str, span: str) -> None:
    assert span in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Words to avoid\n\n- Addict\n- Schizophrenic",  # a heading, no sentence
        "Language used in charting should be precise and factual.\nClient is non-compliant VS Client said the tablets make him sick",
    ],
)
def test_a_heading_or_a_sentence_about_language_still_heads_a_term_list(text: str) -> None:
    assert flagged(text) == []


def test_a_myth_numbered_in_words_is_set_out_to_be_corrected() -> None:
    assert flagged("Myth two: people self-harm because they're attention seeking") == []
    assert "addicts" in flagged("Mythology: addicts were punished.")  # no myth label
