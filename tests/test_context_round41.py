"""Forms met in blind round 41's dev half, each checked with a use that must stay
flagged: a negation reaches the second of two coordinated words ("never been dangerous
or violent"); scare quotes open and close the object a verb's classes are read from
("suffering from 'mental health crisis'"), a closing straight quote being no possessive
there; a service for drinking after "an alcoholic" ("an alcoholic recovery program"); a
rule's one word after (the noun a label modifies) is never past a comma; "the refusal"
after a right to refuse named in the sentence takes up that right, unless it is someone's;
a sentence "according to" a person or a body, set off by a comma, is their account
retold, while the source's own words and what a report or a rule holds stay the writer's."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation before the first of two coordinated words negates the second
        ("You have never been dangerous or violent.", []),
        ("He has never been violent or aggressive.", []),
        ("He was not violent or aggressive.", []),
        # a negation of something else, then a coordinated label: a use
        ("He was never calm and became violent or aggressive.", ["violent", "aggressive"]),
        ("He has no insight and is aggressive or violent.", ["no insight", "aggressive", "violent"]),
        ("She did not settle and was aggressive.", ["aggressive"]),
    ],
)
def test_a_negation_reaches_the_second_of_two_coordinated_words(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event in quotation marks, curly or straight, with or without an article
        ("Police shot a man suffering from “mental health crisis” today.", []),
        ("Police shot a man suffering from 'mental health crisis' today.", []),
        ("He was suffering from 'a mental health crisis'.", []),
        # past the closing quote, the next item of the object is read too
        ("He was suffering from “mental health crisis” and schizophrenia.", ["suffering from"]),
        ("He suffers from ‘psychotic episodes’ and voices.", ["suffers from"]),
        # a condition in quotation marks stays a use
        ("She has suffered from “depression” for years.", ["suffered from"]),
        ("He was suffering from 'depression' for years.", ["suffering from"]),
        # a straight quote after a plural noun with no opening one is a possessive
        ("She suffers from her parents' schizophrenia diagnosis", ["suffers from"]),
    ],
)
def test_scare_quotes_open_and_close_the_object_of_a_verb(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He hoped to begin treatment in an alcoholic recovery program.", []),
        ("She was referred to an alcoholic rehabilitation programme.", []),
        ("He is an alcoholic in recovery.", ["an alcoholic"]),
        ("He is an alcoholic, treatment has failed.", ["an alcoholic"]),
    ],
)
def test_a_service_for_drinking_after_an_alcoholic_is_no_label(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the word a label modifies is the next one, not the next clause's first
        ("Because I grew up with a schizophrenic, experience tells me a lot.", ["a schizophrenic"]),
        ("I grew up with a schizophrenic experience of the world.", []),
        ("He was mumbling or acting out; a neighbour called the police.", ["acting out"]),
    ],
)
def test_a_rules_next_word_is_not_past_clause_punctuation(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A competent adult has the legal right to refuse treatment, even if a refusal will harm his health.", []),
        ("Respect a client's right to refuse medication and explore the reason behind the refusal.", []),
        # someone's refusal is an act, right or not
        ("He has the right to refuse, but his refusal of insulin is dangerous.", ["refusal of"]),
        ("He has the right to refuse, but his continued refusal of insulin is dangerous.", ["refusal of"]),
        ("He has the right to refuse treatment, and the refusal of insulin by Mr Jones was documented.", ["refusal of"]),
        ("Patients have the right to refuse; the patient's refusal was recorded.", ["refusal"]),
        # no right named: the noun is the act
        ("He refused his medication; document the refusal.", ["refused", "the refusal"]),
    ],
)
def test_a_refusal_after_a_right_to_refuse_takes_up_the_right(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # closing or fronted, the source a body, people or a name: retold
        ("More seriously mentally ill individuals are jailed than treated, according to the Treatment Advocacy Center.", []),
        ("In India, according to the National Crime Records Bureau, 13 out of every 100 people committing suicide are teenagers.", []),
        ("According to health care professionals, the majority of local addicts became so after a prescription.", []),
        ("Psychiatrists should ask whether an inmate is malingering, according to James Knoll.", []),
        # evidence and rules are the writer's claim, and the source's own words the writer's
        ("Residents trying to get clean need support, according to a new report.", ["get clean"]),
        ("He took it according to prescription and remained non-compliant.", ["non-compliant"]),
        ("According to a substance abuse researcher, few drinkers become aggressive.", ["substance abuse"]),
        # a source set off mid-sentence leaves the writer's clause before it, and a
        # fronted one does not reach past a semicolon
        ("He refused his medication and, according to his mother, has not eaten.", ["refused"]),
        ("According to his mother, he went home; he remains non-compliant with medication.", ["non-compliant"]),
        # past a title after the source, or between a subject holding the match and its verb
        ("Psychiatrists should ask whether an inmate is malingering, according to James Knoll, M.D.", []),
        ("Addicts accepted into rehab programs, according to a patient, are isolated for days.", []),
        # data are evidence, whoever compiled them
        ("He was one of 64 mentally-ill people who died, according to data compiled by Bloomberg.", ["mentally-ill people"]),
        # records, guidelines and other texts are no one's account; a body's name is
        ("According to the care notes, he absconded twice.", ["absconded"]),
        ("According to the discharge summary, he is non-compliant.", ["non-compliant"]),
        ("According to the NICE guideline, non-compliant patients need review.", ["non-compliant"]),
        ("In India, according to the National Crime Records Bureau, most people committing suicide are adults.", []),
        # no comma: not set off from the writer's clause
        ("The addicts were treated according to the nurses on the ward.", ["addicts"]),
        ("According to me, addicts never change.", ["addicts"]),
    ],
)
def test_a_sentence_according_to_a_speaker_is_retold(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected
