"""Other senses: the noun a modifier attaches to (tilint/syntax.attached) decides whether a
rule's word describes a person or a tumour, an organ, a device, a procedure or a law."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Aggressive B-cell lymphoma was diagnosed.",
        "The tumour was aggressive.",
        "Lung compliance was reduced after surgery.",
        "Compliance with the regulations is audited yearly.",
        "A failed knee replacement was revised.",
        "Manipulative procedures were used on the spine.",
        "Bacteria resistant to antibiotics were grown.",
    ],
)
def test_another_kind_of_noun_is_another_sense(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("He was aggressive towards staff.", "aggressive"),
        ("Compliance with treatment is poor.", "compliance"),
        ("She is manipulative.", "manipulative"),
        # a person in a clinical setting is still a person
        ("Combative during catheter insertion.", "combative"),
        # blame attached to a disease still blames the person
        ("Her depression is treatment-resistant.", "treatment-resistant"),
    ],
)
def test_a_person_is_still_flagged(text, word):
    assert any(word in f for f in flagged(text))
