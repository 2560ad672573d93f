"""Retold speech reaches further (round 42's dev half and earlier news): a relative clause
inside the retold clause's subject ("said the clerk, who was an inpatient, was allowed
out"); a subordinate clause opening the retold one ("said when he was discharged he
refused"), or inside it with a noun subject ("said she came to their attention after the
children failed to attend"); a counsel's role between commas after the speaker's name
("Jane Hill, prosecuting, said"); a speaker inside a relative clause ("who relatives said
had suffered from"); and a retold second predicate that is the match itself ("heard how
she, who ..., had a history of depression and suffered from"). The writer's own clauses
stay flagged."""

from __future__ import annotations

import pytest

import tilint
from tilint import classes, context, syntax


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said the former clerk, who was an inpatient at the hospital, was allowed out alone.", []),
        ("Staff said the man, whose mother had died, refused his tablets.", []),
        # the writer's own clause after the speaker's: a use
        ("He said the clerk, who was an inpatient, was calm. He was allowed out alone.", ["was allowed"]),
        ("The clerk, who was an inpatient, was allowed out alone.", ["was allowed"]),
    ],
)
def test_a_relative_clause_inside_the_retold_subject(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Mullens said when Mr Smith was discharged he refused contact with his GP.", []),
        ("The nurse said that if he was unwell, he refused his tablets.", []),
        ("She said the woman came to the attention of the service after the children failed to attend school.", []),
        ("The coroner said the staff needed to act when the patient refused his tablets.", []),
        # no reporting verb before the subordinator: the writer's own clause
        ("When Mr Smith was discharged he refused contact with his GP.", ["refused"]),
        ("He came to the ward after the children failed to attend school.", ["failed to attend"]),
        # the writer's own subordinate clause after the speaker's words
        ("He was discharged after the nurse said he was well, and then he refused his tablets.", ["refused"]),
        ("I said that he refused his tablets.", ["refused"]),
    ],
)
def test_a_subordinate_clause_opening_or_inside_the_retold_clause(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quintonio LeGrier, who relatives said had suffered from mental illness, died in 2015.", []),
        ("The man, who police say was violent, was arrested.", []),
        # the writer or the reader as the speaker: their own account
        ("My son, who I said had suffered from depression, is home.", ["suffered from"]),
        # no reporting verb inside the relative clause
        ("The man, who had suffered from depression, died.", ["suffered from"]),
    ],
)
def test_a_speaker_inside_a_relative_clause(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The court heard how Ms Phillips, who was born in Birmingham, had a history of depression and suffered from alcoholism.", []),
        ("The court heard that she had a history of depression and suffered from alcoholism.", []),
        # the speaker is no official or body: the second predicate is the writer's
        ("He said he was fine and suffered from depression.", ["suffered from"]),
    ],
)
def test_a_retold_second_predicate_that_is_the_match(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


def test_a_counsels_role_between_commas_is_stepped_over_to_the_speaker() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for text, word, speaker in [
        ("Diana Stuart, prosecuting, said the woman came.", "said", "Stuart"),
        ("Mr Hill, defending him, told the court she was unwell.", "told", "Hill"),
        # a longer phrase than a role: not stepped over
        ("Mr Hill, speaking to the court on the second day, said it.", "said", None),
    ]:
        doc = nlp(text)
        i = next(t.i for t in doc if t.text == word)
        head = syntax.subject(doc, i, doc[i].sent)
        assert (doc[head].text if head is not None else None) == speaker, text
    assert flagged("Diana Stuart, prosecuting, said the woman came to their attention after the children failed to attend school.") == []


def test_the_subordinate_opening_needs_a_reporting_verb_right_before_it() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    wc = classes.builtin()
    doc = nlp("She said that when he was discharged, he refused.")
    comma = next(t.i for t in doc if t.text == ",")
    when = next(t.i for t in doc if t.text == "when")
    assert context._retold_subordinate_opening(doc, comma, len(doc) - 2, doc[comma].sent, wc) == when
    doc = nlp("She left when he was discharged, and he refused.")
    comma = next(t.i for t in doc if t.text == ",")
    assert context._retold_subordinate_opening(doc, comma, len(doc) - 2, doc[comma].sent, wc) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My visits to hospitals for the mentally handicapped were upsetting.", ["mentally handicapped"]),
        ("I spent my twenties caring for a demented, combative client.", ["demented", "combative"]),
        # the narrator named by the label: a linking verb or "as" before it
        ("I am a schizophrenic and proud of it.", []),
        ("As an addict, I know how this feels.", []),
        ("I was never an addict.", []),
    ],
)
def test_a_label_after_a_determiner_in_first_person_writing_names_others(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deficit word said of staff is not said of a person using services
        ("The nurse was lazy and rude to us.", []),
        ("Nurses are either lazy or rude.", []),
        ("The patient was lazy.", ["lazy"]),
        ("Patients are either lazy or rude.", ["lazy"]),
        ("The officer was aggressive.", []),
        ("The patient was aggressive.", ["aggressive"]),
    ],
)
def test_a_deficit_word_said_of_staff(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drug addicts should escape jail if they are trying to kick the habit, say sentencing advisers.", []),
        ("The words we choose, according to advocates, affect how people who suffer from addiction see themselves.", []),
        # no speaker after the comma: the writer's own words
        ("Drug addicts should escape jail if they are trying, say, twice.", ["drug addicts"]),
    ],
)
def test_advisers_and_advocates_can_be_the_speaker(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a court's ruling retold
        ("It has been held that confiscating a diabetic prisoner's medication was lawful.", []),
        ("The judge held that the patient had refused treatment.", []),
        # the writer's own view ("long" after the auxiliary is no subject), and holding a person
        ("I have long held that my ex suffers from depression.", ["suffers from"]),
        ("Staff held him while he refused his injection.", ["refused"]),
    ],
)
def test_a_ruling_held_is_retold(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected
