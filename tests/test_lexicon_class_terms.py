"""`@class` in a term or a window word stands for the entries of a word class
(lexicons/classes/), so a family of phrases is written once, as data."""

from __future__ import annotations

import pytest

from tilint import classes
from tilint.terms import TermSyntaxError, choices, expand, plain_phrases, resolve_classes


def test_a_class_reference_expands_to_every_entry_of_the_class() -> None:
    entries = classes.builtin()["service-users"]
    phrases = set(choices("management of @service-users"))
    assert {f"management of {w}" for w in entries.words} <= phrases
    assert {"management of " + " ".join(p) for p in entries.phrases} <= phrases
    assert len(phrases) == len(entries.words) + len(entries.phrases)


def test_inside_a_choice_the_entries_join_that_choice() -> None:
    resolved = resolve_classes("(him|@service-users) to")
    assert resolved.count("(") == 1 and resolved.startswith("(him|")
    phrases = set(choices("(him|@service-users) to"))
    assert {"him to", "patients to", "young people to"} <= phrases


def test_class_references_combine_with_inflection_and_spelling() -> None:
    forms = {f.text for f in expand("~manage @service-users", "verb")}
    assert {"managed patients", "managing residents", "manages young people"} <= forms
    # Window words accept references too (plain_phrases feeds requires_/unless_ windows).
    assert {"older adults", "service users"} <= plain_phrases(["@service-users"])


def test_an_unknown_class_is_a_term_error_that_names_it() -> None:
    with pytest.raises(TermSyntaxError, match="@no-such-class"):
        choices("management of @no-such-class")


def test_a_term_without_a_reference_is_unchanged() -> None:
    assert resolve_classes("(a|an|) addict") == "(a|an|) addict"
