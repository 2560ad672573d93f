"""Forms met in the dev halves of blind rounds 42 and 43 and earlier news, each checked
with the writer's own uses that must stay flagged. Retold speech reaches a relative clause
inside the retold subject ("said the clerk, who was an inpatient, was allowed out"), a
subordinate clause opening the retold clause ("said when he was discharged he refused")
or inside it with a noun subject ("... after the children failed to attend"), a counsel's
role after the speaker ("Jane Hill, prosecuting, said"), a speaker inside a relative
clause ("who relatives said had suffered from"), a hearing's retold second predicate that
is the match, and a court's ruling ("it has been held that"). In first-person writing a
people label after a determiner names others. A deficit word said of staff, past
"either/both", is not said of a person using services, unless a person is coordinated
with them."""

from __future__ import annotations

import pytest

import tilint
from tilint import syntax


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said the former clerk, who was an inpatient at the hospital, was allowed out alone.", []),
        # a subject of four words before its relative clause
        ("He said the former furniture company clerk, who was an inpatient at the hospital, was allowed out for trips alone.", []),
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
        # the match past the relative clause, a view, or evidence: the writer's
        ("The man who police said was calm refused his tablets.", ["refused"]),
        ("The woman who staff said was settled absconded from the ward.", ["absconded from"]),
        ("The patient, who staff believe is manipulative, was discharged.", ["manipulative"]),
        ("The man, who the study says was non-compliant, was discharged.", ["non-compliant"]),
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
        # the match as the second predicate of an official: maybe the speaker's own act
        ("The doctor said he was well and allowed him home.", ["allowed him"]),
        ("The psychiatrist said he was unwell and placed him on observations.", ["placed him on observations"]),
        ("Police said he was calm and escorted him back to the ward.", ["escorted"]),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said that when he was discharged, he refused his tablets.", []),
        # the reporting verb in the writer's own subordinate clause: the main clause is the writer's
        ("After he said when he would leave, he refused his tablets.", ["refused"]),
        ("After the doctor explained when he could go home, the patient absconded.", ["absconded"]),
        ("When the nurse said that if he took his tablets he could go home, he became aggressive.", ["aggressive"]),
        # no reporting verb before the subordinator
        ("She left when he was discharged, and he refused his tablets.", ["refused"]),
    ],
)
def test_the_subordinate_opening_needs_the_speakers_own_reporting_verb(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My visits to hospitals for the mentally handicapped were upsetting.", ["mentally handicapped"]),
        ("I spent my twenties caring for a demented, combative client.", ["demented", "combative"]),
        # the narrator named by the label: a linking verb or "as" before it
        ("I am a schizophrenic and proud of it.", []),
        ("As an addict, I know how this feels.", []),
        ("I was never an addict.", []),
        # the label opening the sentence, or the narrator changing: the narrator
        ("The addict I was stole from my mother.", []),
        ("I went from a junkie to a mother.", []),
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
        ("The officer was both aggressive and violent.", []),
        # a person coordinated with staff: said of the person too
        ("The patient and the officer were aggressive.", ["aggressive"]),
        ("The patient and the officer were both aggressive.", ["aggressive"]),
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
        # an advocate speaks for the person: their account is protected like the person's
        ("Her advocate claims she was restrained without reason.", ["claims"]),
        ("Her advocate denies that she threatened staff.", ["denies"]),
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
        ("Staff held that he is manipulative.", ["manipulative"]),
    ],
)
def test_a_ruling_held_is_retold(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected
