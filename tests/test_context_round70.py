"""Mechanisms from the twenty-ninth session's work on the dev halves of blind rounds 64-70.
"There is an aggressive cache" says what exists, so the modifier describes the thing after
it, as in any other noun phrase; "he is an aggressive nightmare" still says it of the
subject. A person noun after "the blind", "the disabled" (the collective's shared list)
makes the word an adjective before that person, not a group noun. A role set off by
commas after a name takes its class from its own noun, not from a phrase after it
("Rory Carlton, secretary of Danbury CC, claimed"; "John Brown, resident of the care home,
refused" is no institution refusing). A label in apposition to "we" ("We, the addicted,
know") or "one of" a label the narrator names as themselves ("as one of the physically
disabled myself") is the writer's own group. From the first blind review: a setting switched
off ("the permanently disabled accounts") is no group noun; what is exaggerated may be the
person's drinking, mood, eating or abuse; coaches and referees are officials (captains were withdrawn after the second review: "Captain Jones denies suicidal ideation")."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import classes, context, syntax


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


def _thing_after(text: str, word: str) -> bool:
    doc = spacy.blank("en")(text)
    start = next(t.i for t in doc if t.lower_ == word)
    return syntax.thing_follows(doc, start, start + 1, doc[:], classes.builtin())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There is an aggressive cache.", True),
        ("There is a too aggressive cache on this page.", True),
        ("There's an aggressive cache.", True),
        ("He is an aggressive nightmare.", False),  # said of the subject
        ("It is an aggressive cache.", False),  # said of "it": the check is for "there" alone
        ("There was an aggressive man in the waiting room.", False),  # a person
    ],
)
def test_existential_there_opens_a_noun_phrase(text: str, expected: bool) -> None:
    assert _thing_after(text, "aggressive") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On certain pages with volatile data there is a too aggressive cache.", []),
        ("There is an aggressive patient in bed 4.", ["aggressive"]),
        ("There's an abusive resident on the ward.", ["abusive resident"]),
        ("Then the blind patient who usually hears voices spoke up.", []),
        ("The deaf client was given an interpreter.", []),
        ("The leaflet is not accessible to the blind.", ["the blind"]),
        ("Funding for the developmentally disabled fell again.", ["the developmentally disabled"]),
        ("Punish the dealers, treat the addicted.", ["the addicted"]),
        ("Scans of the addicted brain show changed reward circuits.", []),
        # gossip and rumour are no one's account; the person's own claim still is
        ("Her publicist called to check out gossip claiming the star has been hospitalised.", []),
        ("Rumours claiming she had relapsed spread online.", []),
        ("She was furious about the rumours and claimed she had never been in rehab.", ["claimed"]),
        # a connection or a transaction is a request, refused by whoever receives it
        ("The mechanism by which connections are refused is the TCP reset flag.", []),
        ("Failing to file within the specified timeframe may result in denial of the claim.", []),
        ("She is in denial about her drinking.", ["in denial"]),
    ],
)
def test_round70_findings(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rory Carlton, secretary of Danbury CC, claimed it was clear.", ["officials"]),
        ("Mr Patel, director of the service, denied it.", ["officials"]),
        ("John Brown, resident of the care home, refused his tablets.", ["people", "service-users"]),
        ("Annie Humphries, past president, admitted the mistake.", ["officials"]),
    ],
)
def test_appositive_role_is_its_own_noun(text: str, expected: list[str]) -> None:
    doc = spacy.blank("en")(text)
    name = next(t.i for t in doc if t.text in ("Carlton", "Patel", "Brown", "Humphries"))
    found = syntax._appositive_classes(doc, name, doc[:], classes.builtin())
    assert set(expected) <= set(found)
    assert "institutions" not in found


def test_appositive_role_findings() -> None:
    assert flagged("John Brown, resident of the care home, refused his tablets.") == ["refused"]
    assert flagged("Rory Carlton, secretary of Danbury CC, claimed it was abundantly clear.") == []


@pytest.mark.parametrize(
    ("text", "apposed"),
    [
        ("We, the addicted, know what shame feels like.", True),
        ("Us, the disabled, they never ask.", True),
        ("As one of the physically disabled myself, I know.", True),
        ("We met them, the addicted, at the clinic.", False),  # not right after "we"
        ("As one of the mentally ill, he was ignored.", False),  # no "myself"
        ("We, the addicted know it.", False),  # not set off on both sides
    ],
)
def test_narrator_apposed(text: str, apposed: bool) -> None:
    doc = spacy.blank("en")(text)
    start = next(t.i for t in doc if t.lower_ == "the")
    end = next(t.i for t in doc if t.lower_ in ("addicted", "disabled", "ill")) + 1
    assert context._narrator_apposed(doc, start, end, doc[:]) is apposed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We, the addicted, know what shame feels like.", []),
        ("As one of the physically disabled myself, I am sick of broken lifts.", []),
        ("We met them, the addicted, at the clinic.", ["the addicted"]),
        ("The permanently disabled accounts will be deleted after 90 days.", []),
        ("He seemed to exaggerate how much he drinks.", ["exaggerate"]),
        ("She embellishes details of the abuse each time she tells it.", ["embellishes"]),
        ("She is prone to exaggeration about her eating.", ["exaggeration"]),
        ("He has a tendency toward exaggeration when describing his low mood.", ["exaggeration"]),
        ("Simon Gray, coach of the team, refused to shake hands.", []),
        ("Non-compliant owners were sent reminders.", ["non-compliant"]),
    ],
)
def test_first_review_findings(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name that opens the sentence, then running text in lower case
        ("The Royal National Institute for the Deaf funded it.", []),
        ("The National Alliance for the Mentally Ill said the cuts were harmful.", []),
        ("Council Cuts Services for the Mentally Ill", ["the mentally ill"]),  # a headline
        ("Services for the mentally ill were cut.", ["the mentally ill"]),
        # the verb after a group noun may be the phrase's before it: "housing ... is"
        ("Supported housing for the disabled is in short supply.", ["the disabled"]),
        ("The blind is stuck again.", []),  # a window blind
        ("The deaf and dumb boy was sent to an asylum.", ["deaf and dumb"]),  # the slur once
    ],
)
def test_name_opening_the_sentence(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the narrator says what they are, with a word between ("a noncompliant ...")
        ("I am a noncompliant mental patient.  I have been for years.", []),
        ("I am a nurse and I look after a mental patient on my ward.", ["mental patient"]),
        ("My brother is a noncompliant mental patient and I worry.", ["noncompliant", "mental patient"]),
        # a judgment or a decision is no person; the legal "decision complained of"
        ("Counsel contended that the judgment failed to comply with r30(6) of the 2004 Regulations.", []),
        ("The decision complained of was made on 5 January 2022.", []),
        ("The symptoms complained of by the claimant began after the accident.", ["complained of"]),
        # from the second blind review
        ("Mr Hughes was allowed to give evidence by video link.", []),
        ("Mrs Shah was permitted to pay the balance in instalments.", []),
        ("As one of the addicted, I was never offered a choice.", []),
        ("We, the addicted and the formerly addicted, meet here every week.", []),
        ("As a carer for one of the mentally ill, I see how little help there is.", ["the mentally ill"]),
        ("Captain Jones denies suicidal ideation and is sleeping well.", ["denies"]),
        ("The referee denied the penalty appeal.", []),
        ("Staff feel she is exaggerating.", ["exaggerating"]),
        ("The patient tends to exaggerate.", ["exaggerate"]),
        ("I think most people will agree that there's no exaggerating here.", []),
        ("The National Alliance for the Mentally Ill, founded in 1979, has 600 affiliates.", []),
    ],
)
def test_second_review_findings(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # others' label reported with "as"; a record's label in the active voice
        ("Three patients were reported as absconders by staff last year.", []),
        # a note's own passive is the writer's (tests/test_context_round53.py)
        ("He was recorded as non-compliant by the ward.", ["non-compliant"]),
        ("He was documented as refusing his medication on three occasions.", ["refusing"]),
        ("The notes record him as refusing bloods, but he told me otherwise.", []),
        ("Patient absconded from the ward at 14:00, reported as missing to police.", ["absconded from"]),
        ("He refused his medication and was reported to the duty doctor.", ["refused"]),
    ],
)
def test_record_label_reported(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the third blind review: a titled name before "was allowed" is withdrawn (work, courts
        # and clubs let people do things: "Mrs Owen was allowed to work from home")
        ("Mrs Rahman was permitted to withdraw as counsel in the case.", []),
        ("The young person may be exaggerating what happened at the placement.", ["exaggerating"]),
        ("There was some embellishment in his description of the flashbacks.", ["embellishment"]),
        ("Examination showed an exaggerated lumbar lordosis in this patient.", []),
        ("The addicted and homeless population of the city grew last year.", []),
        ("He stabbed his mother while in the grips of a schizophrenic delusion.", []),
        ("I have gotten a pretty good handle of frequent flyers.", ["frequent flyers"]),
    ],
)
def test_third_review_findings(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the fourth blind review: a record's label in the active voice, and "flagged as"
        ("The notes record him as non-compliant.", []),
        ("His file lists him as an absconder.", []),
        ("She was flagged as a frequent flyer on the A&E system.", []),
        ("I record him as non-compliant with his tablets.", ["non-compliant"]),
        # texts and proceedings; organisations and goods that do not comply
        ("The leaflet claims that the tablets cure anxiety.", []),
        ("Non-compliant care homes will be named.", []),
        ("Non-compliant service users will have their leave reviewed.", ["non-compliant"]),
        ("Non-compliant chargers must be removed.", []),
        ("Access denied: you do not have permission.", []),
        ("The schizophrenic hallucinations began after the birth of her son.", []),
        # a patient's refusal of a connection to a monitor is still a refusal of care
        ("The patient refused the connection to the heart monitor.", ["refused"]),
        ("Hearing voices may be malingering.", ["malingering"]),
    ],
)
def test_fourth_review_findings(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a preposition stranded by a relative clause, then a copula: the label is said of
        # the noun the clause describes, not of the narrator
        ("The man I live with is a paranoid schizophrenic.", ["paranoid schizophrenic"]),
        ("The woman I care for is an addict.", ["an addict"]),
        ("I struggled with drug abuse for years.", []),
        ("I spent two years in rehab for alcohol abuse.", []),
        ("I lived with the fact that I was an addict.", []),
    ],
)
def test_stranded_preposition_before_a_copula(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected
