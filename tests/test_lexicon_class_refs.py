"""`@class` in terms and window words: a rule names a word class once (lexicons/classes/)
and gains every word the class gains."""

from __future__ import annotations

import pytest

from tilint import classes
from tilint.terms import TermSyntaxError, choices, expand, plain_phrases


def test_a_class_reference_stands_for_every_word_and_phrase_of_the_class():
    nouns = classes.builtin()["person-nouns"]
    out = set(choices("management of @person-nouns"))
    assert "management of prisoners" in out and "management of service users" in out
    assert len(out) == len(nouns.words) + len(nouns.phrases)


def test_a_class_reference_combines_with_choices_and_inflection():
    forms = {f.text: f.tags for f in expand("~lose (the|) @capacity", "verb")}
    assert "lost the right" in forms and "VBD" in forms["lost the right"]
    assert "losing capacity" in forms


def test_window_words_expand_class_references():
    assert {"of the inmates", "of a client"} <= plain_phrases(["of (the|a) @person-nouns"])


def test_an_at_sign_inside_a_word_is_not_a_reference():
    assert choices("user@example") == ["user@example"]


def test_an_unknown_class_is_a_term_error():
    with pytest.raises(TermSyntaxError, match="@no-such-class"):
        choices("management of @no-such-class")


def test_a_rule_using_a_class_follows_the_class(tmp_path):
    """Through the whole linter: 'management of' + any people noun of the class."""
    from tilint import lint_text

    def codes(text: str) -> list[str]:
        return [f.rule for f in lint_text(text)]

    assert "TI204" in codes("The management of prisoners at risk is set out below.")
    assert "TI204" in codes("Guidance on the management of detainees in crisis.")
    assert "TI204" not in codes("The management of her pain was reviewed.")
    assert "TI204" not in codes("They have to manage or cope with them alone.")


def test_a_class_file_edited_while_a_process_runs_is_compiled_as_it_now_reads(tmp_path, monkeypatch):
    """The compiled cache is keyed by the class files' bytes, so it must be compiled from
    those bytes, not from word classes a long-running process loaded before the edit."""
    import shutil

    from tilint import policy
    from tilint.matching import load_compiled

    lexicons = tmp_path / "lexicons"
    shutil.copytree(policy.data_dir(), lexicons)
    monkeypatch.setattr(policy, "data_dir", lambda: lexicons)
    monkeypatch.setattr("tilint.sources.data_dir", lambda: lexicons)
    monkeypatch.setenv("TILINT_CACHE_DIR", str(tmp_path / "cache"))
    classes.builtin.cache_clear()
    try:
        assert not classes.builtin().has("person-nouns", "frobnicants")  # the process's classes, before the edit
        nouns = lexicons / "classes" / "person-nouns.yml"
        nouns.write_text(nouns.read_text(encoding="utf-8").replace("words: [patient,", "words: [frobnicants, patient,"), encoding="utf-8")

        _, compiled = load_compiled()
        forms = {form for group in compiled.groups for form, _ in group.forms}
        assert "bipolar frobnicants" in forms  # identity-first label + any people noun (TI383)
    finally:
        classes.builtin.cache_clear()
