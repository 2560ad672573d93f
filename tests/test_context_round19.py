"""Sentence structure met in blind round 19 (issue 10): a subject noun with a phrase after
it ("an inquest in Blackburn heard"), a relative clause between a speaker and the retold
clause, an adverb set off by commas before the verb ("the doctor, correctly, refused"),
'the' and an initialism as a body ("the FtT refused"), an imperative that opens with its
own cues ("Do not engage with him"), "neither" as a negation, and a gerund after a
modifier as an activity ("aggressive panhandling"). Each is checked with a use that must
stay flagged."""

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
        # the speaker's subject has a phrase after it, and a relative clause comes between
        "An inquest in Blackburn heard how Mr H, who had a long history of illness and had schizophrenia, had refused his medication.",
        "The coroner at the hearing said that he had refused his tablets.",
        # whose act: an official past an adverb in commas, a body named by initials
        "The doctor, correctly, refused her.",
        "The consultant, however, refused to discharge him.",
        "The FtT refused to reinstate the case, and also refused a challenge to that decision.",
        "The DWP refused his claim.",
        # advice to the reader, opening with its own cues
        "- Do not engage with him or argue with him during the outburst.",
        "Never deny what the person tells you.",
        # a negated list and an activity
        "As she was neither confrontational, suicidal, or homicidal, it was easy to continue.",
        "Aggressive panhandling had me on edge.",
        # others' labelling through "as being", and a right in the plural
        "He is a man you would dismiss as being a homeless addict.",
        "She was seen as being an attention seeker.",
        "Consideration of advance decisions to refuse treatment.",
        # the speaker is the subject of a coordinated verb of saying
        "Suddenly, the nurse comes up to me and says that the patient refuses to leave.",
        # kept from the person: "denied to them"
        "One resident was placed alone in a room with a means of exit denied to them.",
        "Access was refused to the patient.",
        # a plural that takes in the narrator stays the narrator's
        "Like so many other alcoholics, I found it hard to admit.",
        "I was one of the absconders that night.",
        "In reality pregnant women are routinely denied a caesarean.",  # a passive past a filler
        "I saw people struggle, not because they were defiant, but because they did not understand.",
        # round 21: a view others hold before a verb, and a clause after "after"
        "People with psychosis are said to lack insight when they have poor awareness.",
        "He is said to be manipulative.",
        "The home was criticised after staff insisted the resident was safe in bed.",
    ],
)
def test_structure_that_is_not_a_finding(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("The patient in bed four refused his medication.", "refused"),  # the noun opens the clause
        ("He came to the clinic and refused his medication.", "refused"),
        ("His wife said he was tired, but he refused the operation.", "refused"),  # the writer's own clause
        ("The man, who had schizophrenia, refused his medication.", "refused"),  # no speaker at all
        ("The patient, again, refused his medication.", "refused"),  # the adverb's subject is the patient
        ("JB refused his medication.", "refused"),  # a person's initials take no article
        ("Does not engage with staff.", "does not engage"),  # a note's third person, not advice
        ("He was neither calm nor cooperative, and was aggressive to staff.", "aggressive"),  # another clause
        ("He is an aggressive, demanding man.", "aggressive"),
        ("Aggressive patients were moved.", "aggressive"),
        ("I would describe him as being an addict.", "an addict"),  # the writer's own description
        ("I knew him; a young alcoholic from East Europe.", "alcoholic"),  # a filler after the article
        ("As a child care worker I always used to chase absconders.", "absconders"),  # others, not "I"
        ("After two months of clean UA results, you may be curious.", "clean"),
        ("Privileges are typically granted incrementally.", "are typically granted"),
        ("He was defiant because he was scared.", "defiant"),  # a reason given, not denied
        ("He lacks insight.", "lacks insight"),
        ("After the patient refused his tablets, we called the doctor.", "refused"),  # the patient's act
        ("He is considered to be manipulative by the team.", "manipulative"),  # the writer's team's own view
        ("I went to the ward and said that he refused.", "refused"),  # the writer's own saying
        ("He denied to them that he drank.", "denied"),  # a denial told to someone
        ("She denied to the doctor she had been drinking.", "denied"),
        ("Her decision was made, and she refused treatment.", "refused"),  # no right before the verb
    ],
)
def test_structure_that_stays_a_finding(text, word):
    assert word in flagged(text)


def test_noun_opening_clause_is_the_noun_before_the_preposition():
    nlp = spacy.blank("en")
    doc = nlp("An inquest in Blackburn heard it.")
    sent = doc[:]
    assert syntax.subject(doc, 4, sent) == 1  # inquest, not Blackburn
    doc = nlp("He came to the clinic complaining of pain.")
    assert syntax.subject(doc, 5, doc[:]) is None  # a verb opens the clause, as before
    doc = nlp("Last year, 76% of projects in England refused to house him.")
    assert syntax.subject(doc, 9, doc[:]) == 6  # projects: the group after the quantifier
    doc = nlp("Most of the patients in the hospital refused it.")
    assert syntax.subject(doc, 7, doc[:]) == 3  # patients
    doc = nlp("He wrote of patients in the hospital refused it.")
    assert syntax.subject(doc, 6, doc[:]) is None  # no quantifier: the object of a preposition


def test_an_adverb_parenthesis_is_stepped_over():
    nlp = spacy.blank("en")
    doc = nlp("The doctor, correctly, refused her.")
    assert syntax.subject(doc, 5, doc[:]) == 1


def test_an_activity_after_a_modifier_is_a_behaviour():
    nlp = spacy.blank("en")
    wc = classes.builtin()
    doc = nlp("aggressive panhandling had me on edge")
    assert syntax.attached(doc, 0, 1, doc[:], "adj", wc) == ["behaviours"]
    doc = nlp("aggressive people had me on edge")
    assert syntax.attached(doc, 0, 1, doc[:], "adj", wc) == []
