"""Forms met in blind round 38's dev half, each checked with a use that must stay
flagged: a right or capacity that the first of two coordinated verbs carries ("the right
to consent to or refuse"), a jail as an institution, "admitted his use of", "get and stay
clean", and "escaped" a penalty."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import classes, syntax


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patients retain the right to consent to or refuse healthcare.", []),
        ("Patients retain the right to accept, question or refuse any treatment.", []),
        ("She consented to the scan but refused the injection.", ["refused"]),
        ("He went to the clinic and refused his medication.", ["refused"]),
        ("He agreed to come in or refused, depending on the day.", ["refused"]),
    ],
)
def test_a_right_carried_by_the_first_conjunct(text, expected):
    assert flagged(text) == expected


def test_capacity_reads_through_a_short_first_conjunct_only():
    nlp = spacy.blank("en")
    wc = classes.builtin()
    doc = nlp("the right to consent to or refuse treatment")
    sent = doc[:]
    assert syntax.capacity(doc, 6, sent, wc)  # "refuse"
    # a clause boundary before the coordinator: the right is not carried past it
    doc = nlp("the right to consent. Then he did not refuse treatment")
    assert not syntax.capacity(doc, 8, doc[:], wc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Even on suicide watch, the jail refused to provide her with medication.", []),
        ("On remand in the jail he refused his insulin.", ["refused"]),
        ("Her son has admitted his use of cocaine.", ["admitted"]),
        ("The officer admitted his use of force had been excessive.", []),
        ("Successive attempts to get and stay clean had not worked.", ["get and stay clean"]),
        ("I managed to get and stay clean with help from NA.", []),
        ("The man who escaped conviction was released from custody.", []),
        ("The man who escaped was brought back into custody.", ["escaped"]),
    ],
)
def test_forms_and_subjects(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the second of two coordinated words reads the window before the first
        ("Staff support patients at risk of becoming aggressive or violent.", ["aggressive", "violent"]),
        ("For people being abusive or violent, we call the police.", ["abusive", "violent"]),
        ("Not all patients will be compliant at first.", ["compliant"]),
        # and so does what rules it out ("home" before the first word)
        ("After the move, the weekends at home became tense and violent.", []),
        ("The film was long and violent.", []),
    ],
)
def test_a_coordinated_word_shares_the_first_words_window(text, expected):
    assert flagged(text) == expected
