"""A safe fix never breaks a possessive: a person-first replacement that ends in another
word than the label cannot carry "'" or "'s" (issue 13: safe fixes keep the grammar)."""

from __future__ import annotations

import pytest

from tilint import Config, lint_text
from tilint.fix import fix_text


def _fixed(text: str) -> str:
    after, _, _ = fix_text(text, lambda t: lint_text(t, Config()))
    return after


@pytest.mark.parametrize(
    "text",
    [
        "Schizophrenics' families need support.",
        "Schizophrenics\u2019 families need support.",
        "The mentally ill's needs are ignored.",
        "Dementia sufferers' carers were invited.",
        "Stroke victims' families were invited.",
    ],
)
def test_possessive_label_is_flagged_but_not_fixed(text: str) -> None:
    found = [f for f in lint_text(text, Config()) if f.category == "stigmatising"]
    assert found, text
    assert all(f.safe_fix is None for f in found)
    assert _fixed(text) == text


def test_the_same_labels_without_a_possessive_are_still_fixed() -> None:
    assert _fixed("Schizophrenics need support.") == "People with schizophrenia need support."
    assert _fixed("Stroke victims were invited.") == "People who have had a stroke were invited."


def test_a_replacement_that_keeps_the_last_word_keeps_its_possessive() -> None:
    # "mental patient's" -> "mental health patient's": the head noun stays, so does the 's
    assert _fixed("A mental patient's family called.") == "A mental health patient's family called."
