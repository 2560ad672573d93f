"""Mechanisms from the thirty-third session's work on blind rounds 98-101: misspellings and
hyphenated adverbs match like the listed phrase, a body is known by the last word of its
name, a noun of the narrator's acts for itself, and who denies is read from the subject."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # an -ly adverb hyphenated to its adjective inside a longer phrase
        ("The senator says efforts to help the mentally-ill can prevent shootings.", "the mentally-ill"),
        # common misspellings of listed words
        ("Two schitzophrenics share the flat.", "schitzophrenics"),
        ("She has been sufferring from depression for years.", "sufferring from"),
        # "my" before a noun no class knows: that noun acts, not the narrator
        ("My 10yr Old refusing meds", "refusing"),
        # a body word before the verb no longer silences a person's own answer
        ("Brought in by police, he denies suicidal thoughts.", "denies"),
    ],
)
def test_forms_and_subjects_that_are_findings(text: str, span: str) -> None:
    assert span in flagged(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a club or company named by the last word of its name
        ("Sliema Wanderers FC yesterday denied ever accusing their goalkeeper.", "denied"),
        ("The club refused to comment on the transfer.", "refused"),
        # the narrator's own act after "my" with nothing between, and a body of the narrator's
        ("My refusing meds that year was a mistake.", "refusing"),
        ("I was put into care after our local authority refused to offer any help.", "refused"),
        # an animal's condition is no pity framing of a person
        ("Like other animals, fish suffer from diseases and parasites.", "suffer from"),
        # a period gone through is an event
        ("She suffered a bout of depression after the birth.", "suffered"),
        # "claims" as a noun: a sentence opening with it, the object of making or filing
        ("Claims that MAM is an effective alternative have yet to be proven.", "claims"),
        ("Centres advertise online, making claims about staff credentials.", "claims"),
        # a business's move is no label on a person
        ("It is an aggressive move that will bring legal challenges.", "aggressive"),
    ],
)
def test_bodies_animals_and_the_narrator_are_not_findings(text: str, word: str) -> None:
    assert not any(word in span for span in flagged(text))
