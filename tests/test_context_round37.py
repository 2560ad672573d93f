"""Forms met in blind round 37's dev half, each checked with a use that must stay
flagged: a view reported in the passive before a later clause ("he was reported to be
combative, and we waited"), a violence word on a manner of behaving, a modifier list that
ends at a preposition, "we" and a plural label with its noun phrase between, "as most X
do" after the writer's own clause, judges' titles, building codes, and a word said of a
treatment."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import classes, syntax


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Crews were sent as he was reported to be combative, and we waited for police.",
        "He was alleged to be violent, and the officers stayed outside.",
        "Any patient who acts in a threatening or abusive manner will be asked to leave.",
        "We Borderline Personality Disorder sufferers get a bad press.",
        "We recovering addicts know how that feels.",
        "I am also feeling antsy at times, as most addicts do in recovery.",
        "Lady Justice Macur refused a second appeal.",
        "The new roof was compliant with local building codes.",
        "Treatment of drug users is challenging, but it can help.",
        "Overdoses were grouped apart from aggressive attempts such as hanging.",
    ],
)
def test_reported_self_described_or_other_senses(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("He is aggressive, and staff were called.", "aggressive"),
        # a list of modifiers ends at a preposition: "aggressive" is said of the individuals
        ("Staff respond to individuals who are acting aggressive or agitated in a verbal or physical manner.", "aggressive"),
        ("We treat addicts every day.", "addicts"),
        ("We saw drug addicts on the ward.", "drug addicts"),
        ("He was feeling antsy, as most addicts do.", "addicts"),
        ("The patient is challenging.", "challenging"),
        ("Justice refused his depot again today.", "refused"),  # a resident named Justice
        # a Title Case heading, and "us" as an object, are not the writer's group
        ("How We Manage Frequent Flyers", "frequent flyers"),
        ("The crisis team sends us frequent flyers every weekend.", "frequent flyers"),
        # the comparison's clause is about him, not the writer
        ("I think he was lying to staff, as most addicts do.", "addicts"),
        # "in" after a word said of a person says where it shows
        ("He is aggressive in his manner towards staff.", "aggressive"),
        ("He is aggressive in his attempts to leave.", "aggressive"),
        ("A trial of clozapine in drug resistant chronic schizophrenia.", "drug resistant"),
        ("He earned his privs back.", "privs"),
    ],
)
def test_uses_stay_flagged(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # the condition that resists the drugs is an infection or epilepsy
        "Drug-resistant HIV and depression often occur together.",
        "People living with drug-resistant epilepsy and anxiety need joined-up care.",
        "He needs sudo privs to install it.",
    ],
)
def test_other_senses_of_the_new_forms(text):
    assert flagged(text) == []


def test_a_modifier_list_stops_at_a_preposition():
    nlp = spacy.blank("en")
    wc = classes.builtin()
    doc = nlp("They are aggressive or agitated in their verbal or physical behaviour.")
    sent = doc[:]
    aggressive = next(t.i for t in doc if t.text == "aggressive")
    assert syntax._coordinated_noun(doc, aggressive + 1, sent, wc) == []
    doc = nlp("They showed hostile, aggressive or sexual impulses.")
    hostile = next(t.i for t in doc if t.text == "hostile")
    assert syntax._coordinated_noun(doc, hostile + 1, doc[:], wc) != []
