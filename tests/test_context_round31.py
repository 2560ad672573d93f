"""Structure met in blind round 31 (issue 10): pronouns inside quotation marks are the
quoted person's, not the writer's, so a note that quotes the patient is not first-person
writing; a people noun that only modifies a behaviour noun ("aggressive patient
behaviour") leaves the behaviour as what is meant; an adverb that grades a modifier
inside a noun phrase ("management of acutely disturbed patients"). Each is checked with
a use that must stay flagged or stay clear."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import context


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text, word",
    [
        # the patient's quoted "I" does not make the note first-person writing
        ("Anxious, irritable — “I just need to get out of here”; nauseated, refused breakfast", "refused"),
        ("He repeatedly tells you “I’m fine” and is refusing further examination.", "refusing"),
        # an adverb grading the modifier is part of the noun phrase
        ("The management of severely agitated patients.", "management"),
        # the label is not inside the management finding
        ("Staff are trained in the management of aggressive patients.", "aggressive"),
        # a participle after the person is a reduced relative, not a compound
        ("The management of agitated patients waiting in ED is covered in module 2.", "management"),
        # the parts of a listed hyphenated modifier are modifiers
        ("Staff discussed the management of drug-dependent suicidal adolescents.", "management"),
    ],
)
def test_structure_that_stays_a_finding(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own first person, outside any quotation, is still self-disclosure
        "I was so unwell that year. I refused my meds and stayed in my room.",
        # a behaviour that staff manage, with a people noun only modifying it
        "Nursing students learn the prevention and management of aggressive patient behaviour.",
        "A clear approach to the management of pupil behaviour is essential.",
    ],
)
def test_structure_that_stays_clear(text):
    assert flagged(text) == []


def test_first_person_writing_reads_no_quoted_pronoun_without_a_cache():
    nlp = spacy.blank("en")
    doc = nlp("“I need to go, I want out, I hate it,” he said.")
    sent = doc[:]
    assert not context.first_person_writing(doc, sent)


def test_quoted_pronouns_are_not_counted_as_the_writers():
    nlp = spacy.blank("en")
    text = "“I need to go,” she said. I saw her later."
    doc = nlp(text)
    quotes = context.quote_regions(text)
    first, _third, any_first = context.NarrativeCache(quotes).counts(doc)
    assert first[-1] == 1  # only the unquoted "I"
    assert any_first[-1] == 1
    unquoted_first, _, _ = context.NarrativeCache().counts(doc)
    assert unquoted_first[-1] == 2
