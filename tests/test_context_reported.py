"""What a term implies and what an official claims: the clause after 'makes it sound as
if', and a label in the 'that' clause of an official's or institution's contested view,
are talked about (policy: mention, reported labelling); the writer's own words and
anyone else's claims stay uses."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The label makes it sound as if people are unwilling to change.",
        "Calling it bed-blocking made it seem as though patients were non-compliant.",
        "That word makes it look like she was manipulative.",
    ],
)
def test_what_a_term_implies_is_a_mention(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("It sounds as if he was unwilling to move.", "unwilling"),  # no 'makes it'
        ("He was unwilling to move, which makes it sound serious.", "unwilling"),  # before the frame
        ("She looked as if she was manipulative.", "manipulative"),
    ],
)
def test_as_if_without_the_frame_is_still_a_use(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The prosecutor may claim during trial that the defendant is malingering.",
        "The trust argued that she was manipulative.",
        "The psychiatrist concluded that he was malingering.",
    ],
)
def test_an_officials_contested_view_is_reported_labelling(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("I think that he is malingering.", "malingering"),  # the writer's own view
        ("I said that he is manipulative.", "manipulative"),  # the writer's own saying
        ("The prosecutor claimed that the manipulative patient lied.", "manipulative"),  # not the predicate
        ("The court claimed that. He is malingering.", "malingering"),  # another sentence
    ],
)
def test_other_claims_and_the_writers_view_stay_uses(text, word):
    assert word in flagged(text)


def test_a_relatives_claim_is_not_an_officials_view():
    # the claim of a person close to the patient is not an official's: the label stays
    assert "manipulative" in flagged("His mother claims that he is manipulative.")


@pytest.mark.parametrize(
    "text",
    [
        "Critics allege that the scheme is underfunded.",
        "Journalists claimed the hospital was unsafe.",
        "Campaigners insist the cuts will cost lives.",
    ],
)
def test_public_voices_are_not_the_person_whose_account_is_protected(text):
    assert flagged(text) == []


def test_the_persons_own_allegation_stays_a_finding():
    assert "alleged" in flagged("The patient alleged that staff hit her.")
