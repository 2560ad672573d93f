"""`@class` in a term or a window word stands for the entries of a word class
(lexicons/classes/), so a family of phrases is written once, as data. These check the
classes this branch added (service-users, person-modifiers, diagnoses) through it."""

from __future__ import annotations

import pytest

from tilint import classes, lint_text
from tilint.terms import TermSyntaxError, choices, expand, plain_phrases


def test_a_class_reference_expands_to_every_entry_of_the_class() -> None:
    entries = classes.builtin()["service-users"]
    phrases = set(choices("management of @service-users"))
    assert {f"management of {w}" for w in entries.words} <= phrases
    assert {"management of " + " ".join(p) for p in entries.phrases} <= phrases
    assert len(phrases) == len(entries.words) + len(entries.phrases)


def test_class_references_combine_with_inflection_and_window_words() -> None:
    forms = {f.text for f in expand("~manage @service-users", "verb")}
    assert {"managed patients", "managing residents", "manages young people"} <= forms
    assert {"older adults", "service users", "prisoners"} <= plain_phrases(["@service-users"])


def test_an_unknown_class_is_a_term_error_that_names_it() -> None:
    with pytest.raises(TermSyntaxError, match="no-such-class"):
        choices("management of @no-such-class")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The management of violent patients on acute wards was audited.", "TI204"),
        ("Dementia patients were moved to the ground floor.", "TI383"),
        ("Our schizophrenic service users attend on Tuesdays.", "TI301"),
    ],
)
def test_the_new_classes_reach_text(text: str, rule: str) -> None:
    assert any(f.rule == rule for f in lint_text(text))
