"""Categories and principles are data: the loader, the CLI and the reports read them
from lexicons/policy.json, so a new category is one data edit."""

from __future__ import annotations

import json

import pytest

from tilint import policy
from tilint.errors import LexiconError
from tilint.lexicon import load_lexicon


def test_the_policy_file_defines_the_four_categories_and_six_principles() -> None:
    data = json.loads((policy.data_dir() / "policy.json").read_text(encoding="utf-8"))
    assert tuple(c["name"] for c in data["categories"]) == policy.CATEGORIES
    assert policy.CATEGORIES == ("deficit", "coercive", "stigmatising", "credibility")
    assert [policy.CATEGORY_DIGIT[c] for c in policy.CATEGORIES] == ["1", "2", "3", "4"]
    assert sorted(policy.PRINCIPLES) == [1, 2, 3, 4, 5, 6]
    assert all(colour.startswith("#") for colour in policy.CATEGORY_COLOURS.values())


def _lexicon(tmp_path, category: str, code: str = "TI901", principles: str = "[1]"):  # type: ignore[no-untyped-def]
    path = tmp_path / "team.yml"
    path.write_text(
        f"""version: 1
category: {category}
rules:
  - code: {code}
    name: team-term
    principles: {principles}
    match: [{{terms: [frobnicated]}}]
    message: "'{{text}}' is a team term we avoid."
    why: A made-up term for this test, long enough to pass the length check here.
    suggestions: [{{rephrase: Say what happened.}}]
    sources: [{{title: A source, url: "https://example.org/source"}}]
    examples: {{flag: [He was frobnicated., She is frobnicated.], ok: [He was fine., She is fine.]}}
""",
        encoding="utf-8",
    )
    return path


def test_a_category_outside_the_policy_file_is_refused_with_the_file_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LexiconError) as raised:
        load_lexicon([_lexicon(tmp_path, "rudeness")])
    assert "team.yml" in str(raised.value) and "policy.json" in str(raised.value)


def test_an_unknown_principle_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LexiconError) as raised:
        load_lexicon([_lexicon(tmp_path, "deficit", code="TI199", principles="[9]")])
    assert "no principle 9" in str(raised.value)


def test_a_code_must_start_with_its_categorys_digit(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LexiconError) as raised:
        load_lexicon([_lexicon(tmp_path, "coercive", code="TI199")])
    assert "TI2" in str(raised.value)
