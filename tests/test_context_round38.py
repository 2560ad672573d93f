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
        ("He has the capacity to decide and refuse treatment.", []),
        ("She consented to the scan but refused the injection.", ["refused"]),
        ("He went to the clinic and refused his medication.", ["refused"]),
        ("He agreed to come in or refused, depending on the day.", ["refused"]),
        # a finite verb after the coordinator is the person's act, not the right's second verb
        ("He has capacity to make decisions about his care and refuses the dressing change.", ["refuses"]),
        ("He had the freedom to leave and refused his medication.", ["refused"]),
        # "to" before a noun phrase is a preposition, not an infinitive
        ("She was told of her right to an advocate and refused one.", ["refused"]),
    ],
)
def test_a_right_carried_by_the_first_conjunct(text, expected):
    assert flagged(text) == expected


def refuse_at(doc) -> int:
    return next(t.i for t in doc if t.lower_.startswith("refus"))


@pytest.mark.parametrize(
    ("text", "carried"),
    [
        ("the right to consent to or refuse treatment", True),
        ("the right to accept , question or refuse treatment", True),
        ("the right to consent ; or refuse treatment", False),  # a clause boundary before the coordinator
        ("the right to an advocate and refuse it", False),  # "to" a noun phrase
        ("the right to consent and refused treatment", False),  # not a base form
        ("the right to go home early on Monday afternoon and refuse", False),  # the "to" beyond the reach
    ],
)
def test_capacity_reads_through_a_short_first_conjunct_only(text, carried):
    nlp = spacy.blank("en")
    doc = nlp(text)
    assert syntax.capacity(doc, refuse_at(doc), doc[:], classes.builtin()) is carried


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Even on suicide watch, the jail refused to provide her with medication.", []),
        ("On remand in the jail he refused his insulin.", ["refused"]),
        ("Her son has admitted his use of cocaine.", ["admitted his use of"]),
        ("The defendant admitted his use of a knife in the attack.", []),
        ("He admitted his use of a false name to the police.", []),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing said to be violent through a coordination keeps its subject
        ("Her nightmares are vivid and violent.", []),
        ("The police were heavy-handed and violent.", []),
        ("He was heavy-handed and violent.", ["violent"]),
        # a match whose own window holds the required word keeps its own unless-window
        ("Following a meeting with staff he was reviewed and permitted to go on leave.", ["permitted to"]),
        # staff and suppliers meeting a standard
        ("All suppliers must be compliant by April.", []),
        ("Staff must be compliant with mandatory training by March.", []),
        # a penalty escaped, read right after the verb only
        ("An escaped patient with previous convictions was found in town.", ["escaped"]),
        ("Two patients escaped, and the trust faces scrutiny over security.", ["escaped"]),
        # manipulation done to someone, or in abuse
        ("Her ex-partner used manipulation and threats to control her.", []),
        ("People with BPD often face manipulation by partners.", []),
        # privileges as social advantage or system access
        ("We must acknowledge our privileges when working with refugees.", []),
        ("Privileges to access patient records are audited monthly.", []),
        ("Staff discussed granting privileges to leave the locked unit.", ["granting", "privileges"]),
        # abuse in a list of adversities, or done to someone
        ("Adverse childhood experiences include parental drug use, abuse and neglect.", []),
        ("Her history includes alcohol dependence and abuse by her stepfather.", []),
    ],
)
def test_what_the_review_found(text, expected):
    assert flagged(text) == expected
