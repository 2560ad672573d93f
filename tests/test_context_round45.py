"""Forms met in the dev halves of blind rounds 45 and 46, each checked with the uses that must stay
flagged. A present participle phrase after the subject ("a technician making the rounds
at the jail denied") leaves the subject where it was; a text right before a participle
("a lawsuit alleging") is what alleges, a place or a person there is not ("came to the
clinic complaining of"); "the" and an initialism ("the FBI") is a body for evidential
adverbs too; "have" before a people label is having someone, not being them; a violence
word on an interaction ("hostile engagement") names a behaviour; complying with court
orders is complying with the law; a gerund after "for" belongs to the person the verb acts
on ("discharged the client for failing"); a participle clause after a comma shares the
sentence's subject ("Medication keeps symptoms under control, allowing ..."); in a noun
phrase a possessor is not its head ("managing my son's meltdowns") but lends its kind when
it is a text ("the review's findings"), a relative pronoun ends it ("an addict whose
life"), and a person followed by a participle heads it ("a service user displaying ...");
an attribution set off by commas inside a sentence ("..., he says, ...") retells it."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A medical technician making the rounds at the jail denied that any request was made.", []),
        ("Staff working nights on the unit at the time insisted that the door was locked.", []),
        # a person using services before the participle phrase is still the one denying
        ("A man living in a tent in the park denied drinking.", ["denied"]),
        # after a verb and its place, the participle is the subject's act
        ("He came to the clinic complaining of pain and denied any drug use.", ["complaining of", "denied"]),
    ],
)
def test_a_participle_phrase_after_the_subject(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was named in a lawsuit alleging the death of a jail inmate.", []),
        ("He came to the clinic complaining of chest pain.", ["complaining of"]),
        ("She presented to her physician complaining of abdominal pain.", ["complaining of"]),
        ("Patients alleging abuse were not believed.", ["alleging"]),
    ],
)
def test_a_text_before_a_participle_is_what_alleges(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The FBI is reportedly investigating the circumstances of his death.", []),
        ("The CQC reportedly visited the ward twice.", []),
        ("JB reportedly hit her.", ["reportedly"]),
    ],
)
def test_an_initialism_after_the_is_a_body(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We had a paranoid schizophrenic working in our department when I had a proper job.", ["paranoid schizophrenic"]),
        ("I have been an addict since I was fifteen.", []),
        ("I was a junkie for ten years.", []),
        ("I had become an addict by then.", []),
    ],
)
def test_having_a_labelled_person_is_not_being_one(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There was evidence of both good and hostile engagement with professionals.", []),
        ("He was hostile in his engagement with staff.", ["hostile"]),
        ("Clients face consequences if they fail to comply with court orders.", []),
        ("He failed to comply with the rules of the programme.", ["failed to comply with"]),
    ],
)
def test_behaviours_and_the_law(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The trust discharged the patient for failing to attend.", ["failing to attend"]),
        ("The service may discharge a client for failing to progress in treatment.", ["failing to progress"]),
        ("The care home was at fault for failing to follow its policy.", []),
        ("The council was criticised for refusing to help.", []),
    ],
)
def test_a_gerund_after_for_belongs_to_the_person_acted_on(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medication keeps symptoms under control, allowing people to leave hospital.", []),
        ("The patient arrived on the ward, refusing all medication.", ["refusing"]),
        ("He arrived at the hospital, refusing treatment.", ["refusing"]),
        ("The patient became agitated, claiming staff had stolen his phone.", ["claiming"]),
        # a gerund that opens the main clause after a subordinate one is not a participle clause
        ("As demand continues to grow, managing patients who use drugs has become harder.", ["managing"]),
    ],
)
def test_a_participle_clause_shares_the_sentence_subject(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person's possession is what is managed; the person is not
        ("I shared my strategies for managing my son's meltdowns with his teachers.", []),
        ("Staff managed the patient on the ward.", ["managed"]),
        ("3 Ways to Manage a Service User Displaying Challenging Behaviour", ["manage"]),
        # a possessor that is a text lends its kind: complying with a review's findings
        ("The trust expects full compliance with the review's findings.", []),
        ("He became a full-blown alcoholic after the divorce.", ["alcoholic"]),
        ("He is an addict whose life has become chaos.", ["an addict"]),
    ],
)
def test_possessors_and_relatives_in_a_noun_phrase(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It's a prime example, he says, of how the system fails inmates, especially the mentally ill.", []),
        ("The patient, police said, had refused treatment for months.", []),
        ("When she reported it, she says, the man who answered the phone admitted that no one knew.", []),
        # the writer's own "I said", a list that ends in "state", and words describing the speaker
        ("He refused, I said, to take his tablets.", ["refused"]),
        ("Document abscond of patient in the folder, daily ward state, incident book.", ["abscond"]),
        ("Too many are ill, said Harry Wexler, a psychologist specialising in crime and substance abuse.", ["substance abuse"]),
    ],
)
def test_an_attribution_set_off_by_commas_retells_the_sentence(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # found by review of this change: each must stay flagged
        ("Mr A refused his depot on Monday, and on Tuesday, his sister says, he seemed calmer.", ["refused"]),
        ("On Monday, his sister says, he seemed calmer, but he refused his depot again on Tuesday.", ["refused"]),
        ("He repeatedly failed to comply with the directions of ward staff.", ["failed to comply with"]),
        ("Dr Smith saw the patient on the ward round, refusing bloods.", ["refusing"]),
        ("The YP reportedly self-harmed twice over the weekend.", ["reportedly"]),
        ("He is a 34-year-old lab technician who denies any alcohol use.", ["denies"]),
        ("The RC granted him leave on compassionate grounds to attend his father's funeral.", ["granted"]),
        ("The kids became so ADHD after all that sugar.", ["so adhd"]),
        ("He was returned to the ward under escort after absconding.", ["escort", "absconding"]),
        ("His relationship with staff is abusive.", ["abusive"]),
        ("The council found failings in the care of a man who died after refusing treatment.", ["refusing"]),
        ("S3 denied locking R2 in the patio and S1 denied seeing it.", []),
        ("Interviews with the ADON and DON revealed that he refused his tablets.", []),
        # ... and these must stay unflagged
        ("The hospital has apologised to the patient for failing to respond to her complaint.", []),
        ("I've had a junkie mentality my whole life.", []),
        ("The pilot scheme was plagued by fits and starts.", []),
    ],
)
def test_what_the_review_found(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 47: staff by role initials or inspection codes, a text that claims, a saying
        # retold, and "almost" before the narrator's own verb
        ("CNA 1 denied hitting the resident.", []),
        ("R2 denied any pain.", ["denied"]),
        ("She claimed she had overdosed.", ["claimed"]),
        # the person's own letter is their account (second review)
        ("Her letter alleged that staff had hit her.", ["alleged"]),
        ("She was seen by the RN and LPN and refused her insulin.", ["refused"]),
        ("The nurse was cross with the resident for refusing her insulin.", ["refusing"]),
        ("The ward's motto is that patients must comply with treatment.", ["comply with"]),
        ("Management of SU in pregnancy is covered in section 4.", []),
        ("The tenant failed to comply with move-on notices.", []),
        ("She became so anorexic that she was admitted.", []),
        ("Alcoholics Anonymous has a saying that while the addict is in recovery, the addiction waits.", []),
        ("The addict is in recovery, but his addiction is waiting.", ["addict"]),
        ("I almost admitted it was my first dictation.", []),
        ("She almost refused her tablets.", ["refused"]),
    ],
)
def test_staff_codes_texts_and_sayings(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


def test_two_commas_together_are_no_attribution() -> None:
    # found by the prefilter's property test: ", ," holds no speaker between the commas
    assert flagged("Aint , , a benzo addict") == ["a benzo addict"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second noun of a prepositional phrase is not the subject of the next verb
        ("The patient was reviewed with the ward manager and nurse and denied pain.", ["denied"]),
        ("He was seen by the GP and the nurse and refused his tablets.", ["refused"]),
        ("R1 was in the dining room with her son and the aide and refused to eat.", ["refused to"]),
        # a clause after "and" keeps its own subject
        ("The nurse and the doctor reviewed him and refused to discharge him.", []),
        ("Staff and police arrived and insisted he leave.", []),
    ],
)
def test_a_noun_after_and_in_a_phrase_is_not_the_next_verbs_subject(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected
