"""Surface forms a term expands to: a one-word term with a negative prefix is also
matched with a hyphen after the prefix ("dis-engaged"), and nothing else is added."""

from __future__ import annotations

from tilint import lint_text
from tilint.terms import expand


def test_a_negative_prefix_is_also_written_with_a_hyphen() -> None:
    assert {f.text for f in expand("disengaged", None)} == {"disengaged", "dis-engaged"}
    assert {f.text for f in expand("uncooperative", None)} == {"uncooperative", "un-cooperative"}
    assert "dis-engaging" in {f.text for f in expand("~disengage", "verb")}


def test_short_stems_and_phrases_get_no_prefix_hyphen() -> None:
    assert {f.text for f in expand("unwell", None)} == {"unwell"}  # stem shorter than five letters
    assert {f.text for f in expand("poor engagement", None)} == {"poor engagement", "poor-engagement"}


def test_the_hyphenated_form_is_found_in_text() -> None:
    found = lint_text("Families can be uncooperative or dis-engaging.")
    assert any(f.rule == "TI119" and f.text == "dis-engaging" for f in found)


def test_an_adjective_to_verb_phrase_is_also_written_hyphenated() -> None:
    assert {f.text for f in expand("hard to reach", None)} == {"hard to reach", "hard-to-reach"}
    # only "<word> to <word>": other three-word phrases and function words stay as written
    assert {f.text for f in expand("management of patients", None)} == {"management of patients"}
    assert {f.text for f in expand("allowed to go", None)} == {"allowed to go", "allowed-to-go"}
    assert {f.text for f in expand("is to be", None)} == {"is to be"}


def test_the_hyphenated_phrase_is_found_in_text() -> None:
    found = lint_text("He is hard-to-engage and she is a difficult-to-reach client.")
    assert {(f.rule, f.text) for f in found} >= {("TI122", "hard-to-engage"), ("TI118", "difficult-to-reach")}
