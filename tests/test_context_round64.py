"""Mechanisms from the twenty-eighth session's work on the dev half of blind round 64. A
narrator who counts themselves in with a label ("I and many other psychotic people") is
describing themselves, as the policy's self-disclosure allows; someone else coordinated
with the label is not. "mates" and its compounds name people around the person, so
"team-mates" is no team (an institution). A person's title before a passive "managed"
names a person, as a people noun does (withdrawn after a blind review: "Mr Patel's COPD was
managed", "Her MS was managed"). The subject finder reads a noun after "in which" as
the relative clause's subject, not a preposition's object, and passes a noun in -ing after
a determiner ("during the hearing") to find the participle further back; clinicians by
specialty are officials ("claimed the points" as another sense was withdrawn after the
review: "She claimed the seat was wet" is her account). The bare
"abuser" is a substance-use label where drugs or alcohol are near and no one abused is.
Success and failure said of a suicide attempt in more forms ("an unsuccessful attempt" after
"suicide", "the suicide attempt was (not) successful"; "she finally succeeded" was withdrawn
after a second blind review: people succeed at much else), and advice against a
wording with a verb of saying ("Do not say a person committed suicide") is a mention. From
round 65's dev half: a bare word opening its clause as the subject of "mean" is the word
itself ("Aggressive does not mean reckless"), and a passive "refused" whose subject, shared
with the clause before, is a person puts that person on the receiving end ("He went to
complain, but was refused"; withdrawn after a third blind review: care notes write "Pt was
woken for his insulin and was refused"). From round 66's: denying a permission withholds it (the
`permissions` class, scoped to TI409's `denial` tag); air travel's frequent flyers; an
engine's "retard" timing. From round 67's: the plural of an -ic label is a noun
("anorexics eat only small amounts"), head teachers are officials (foster carers were
withdrawn after a fourth review), a process "is retarded" (ego, wound, bone ... development;
not a child's), the Children Act's "significant harm" is an event, purgatives are
substances, and "plagued with" goes with "plagued by"."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import classes, context, syntax
from tilint.component import _set_sentence_starts


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("I and many other psychotic people struggle.", True),
        ("Me and the other addicts were ignored.", True),
        ("I and other addicts know this.", True),
        ("I and my fellow addicts know this.", False),  # "my" between: not a count word
        ("She and many other addicts struggle.", False),
        ("I met him and many other addicts.", False),
        ("Many other addicts struggle.", False),
        ("I and many other alcoholics' wives were let down.", False),  # other people's
    ],
)
def test_counted_with_narrator(text: str, counted: bool) -> None:
    doc = spacy.blank("en")(text)
    label = next(t.i for t in doc if t.lower_ in ("addicts", "psychotic", "alcoholics"))
    assert context._counted_with_narrator(doc, label, label + 1, doc[:]) is counted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Which is why I and many other psychotic people struggle to explain our symptoms.", []),
        ("Me and the other addicts on the ward were never listened to.", []),
        ("She and many other addicts on the ward were never listened to.", ["addicts"]),
        ("I have played with team-mates who have suffered from depression.", ["suffered from"]),
        ("Team-mates have suffered from depression.", ["suffered from"]),
        # a blind review's cases: a title is no sign of a person managed (withdrawn)
        ("Mr Patel's COPD was managed at home.", []),
        ("Her MS was managed in the neurology clinic.", []),
        # the narrator counts in, but not with other people's relatives
        ("I and many other alcoholics' wives have been let down by services.", ["alcoholics"]),
        # what is managed stands right before: still not the person
        ("Mrs Smith's diabetes was managed with insulin.", []),
        ("Ms Lee was managed conservatively after the fracture.", []),
    ],
)
def test_round64_findings(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        ("In cases in which the shipping company is claiming a delivery was made, ask.", "claiming", "company"),
        ("The room in which the patient refused his tablets was cold.", "refused", "patient"),
        ("Complaints from a woman whose brother committed suicide were ignored.", "committed", "brother"),
        ("Hospital staff giving evidence during the hearing insisted they had phoned.", "insisted", "staff"),
        # a verbless phrase between dashes, or spaced hyphens, is passed over
        ("Two other staff – care assistants on a scheme – refused to help.", "refused", "staff"),
        ("The patient - a man in his forties - refused his tablets.", "refused", "patient"),
        ("The nurse was calm – the patient refused his tablets.", "refused", "patient"),
        # still the object of a preposition, and still no subject after a complete clause
        ("He came to the clinic complaining of pain.", "complaining", None),
    ],
)
def test_subject_past_relatives_and_ing_nouns(text: str, verb: str, subject: str | None) -> None:
    doc = spacy.blank("en")(text)
    _set_sentence_starts(doc)
    i = next(t.i for t in doc if t.text == verb)
    head = syntax.subject(doc, i, doc[i].sent)
    assert (doc[head].text if head is not None else None) == subject


def test_clinicians_by_specialty_are_officials() -> None:
    wc = classes.builtin()
    assert wc.has("officials", "ophthalmologists") and wc.has("officials", "paediatrician")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In cases in which the shipping company is claiming a delivery has been made, ask for proof.", []),
        ("Hospital staff giving evidence during the hearing insisted they had offered to phone his son.", []),
        ("Most ophthalmologists would insist on dilating the pupil.", []),
        # the review's cases: a prize word can open the person's own account (withdrawn)
        ("She claimed the seat was wet when she sat down.", ["claimed"]),
        ("The patient claims her medals were taken by staff.", ["claims"]),
        ("She claims the pain started after the fall.", ["claims"]),
        ("The police ignored complaints from a woman whose brother committed suicide.", ["committed suicide"]),
    ],
)
def test_whose_account_findings(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Abusers caught purely for consumption offences are usually sent for treatment.", ["abusers"]),
        ("The Government will do more to prevent abusers from relapsing.", ["abusers"]),
        ("This reduces the disruption to the ex-abuser as he seeks to stay in recovery.", ["ex-abuser"]),
        ("Abusers often relapse within the first year of recovery.", ["abusers"]),
        # a blind review's cases: drugs or alcohol near an abuser of people
        ("The abuser plied the girls with drugs before assaulting them.", []),
        ("Police found drugs at the home of the alleged abuser.", []),
        ("Sex abusers in prison have access to drugs.", []),
        ("The abuser was sober when he attacked her.", []),
        ("Children were exploited by abusers who supplied them with alcohol.", []),
        ("The abuser blamed his addiction for the attacks.", []),
        ("Recovery for survivors means distance from the abuser, who may still be in rehab.", []),
        # someone who abuses a person, or no drugs or alcohol near
        ("The family courts can prevent an abuser from continuing to harass their victim.", []),
        ("Their abuser was drunk every night.", []),
        ("The abuser of the child had been drinking alcohol.", []),
        ("An abuser can be anyone who comes into contact with the person.", []),
        # the longer label keeps its own finding, and a listed mention stays a mention
        ("He is a drug abuser.", ["drug abuser"]),
        ("We will use this instead of: drug abuser, alcoholic, addict.", []),
    ],
)
def test_bare_abuser(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("People who threaten suicide or make an unsuccessful attempt are usually serious.", ["an unsuccessful attempt"]),
        ("Most suicide attempts are unsuccessful.", ["suicide attempts are unsuccessful"]),
        # a second review's cases: someone else's attempt, another success
        ("The rescue attempt was unsuccessful and she died by suicide.", []),
        ("After the suicide of her brother, she fought for an inquest and finally succeeded.", []),
        ("Do not record the dose if the patient refused the tablet.", ["refused"]),
        ("Do not document the time when he refused his medication.", ["refused"]),
        # the review's cases: other attempts, other successes, instructions about people
        ("He was suicidal after repeated failed attempts to get help.", []),
        ("He tried to wean himself off benzodiazepines and almost succeeded.", []),
        ("He taught himself to read at fifty and finally succeeded.", []),
        ("Never talk to a psycho alone.", ["psycho"]),
        ("Do not speak to the schizophrenic patient in bed 3.", ["schizophrenic patient"]),
        ("His team-mates refused to play with him.", []),
        ("He refused to meet the outreach team.", ["refused to"]),
        ("If your suicide attempt was not successful, call us.", ["suicide attempt was not successful"]),
        ("Her suicide attempt was successful.", ["suicide attempt was successful"]),
        ("After many attempts she finally succeeded in passing her driving test.", []),
        ("The unsuccessful attempt to climb the mountain ended in a rescue.", []),
        # advice against a wording is a mention of it
        ("Do not say a person committed suicide.", []),
        ("Staff should never say a patient is non-compliant.", []),
        ("Do not say that a suicide attempt was successful.", []),
        # a first person's own saying is no advice
        ("I don't say she refused.", ["refused"]),
    ],
)
def test_suicide_success_and_advice(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aggressive does not automatically mean reckless.", []),
        ("Remember: non-compliant does not mean unwilling.", []),
        ("Non-compliant means the person did not take the tablets.", []),
        # a description, not the word: "mean" after a people noun or another subject
        ("Aggressive patients mean more staff on shift.", ["aggressive"]),
        ("He is aggressive and this means we need two staff.", ["aggressive"]),
        # the shared-subject passive was withdrawn after a third review (care notes write
        # "Pt was woken for his insulin and was refused"): these stay as they were
        ("He went to the station three times to complain about police harassment, but was refused.", ["refused"]),
        ("Pt was woken for his insulin and was refused.", ["refused"]),
        # a second review's cases: an offer refused, staff refused, people intending
        ("Pt was offered a wash this morning and was refused.", ["refused"]),
        ("The nurse knocked on his door with the medication round, but was refused.", ["refused"]),
        ("Addicts don't mean to hurt their families.", ["addicts"]),
        ("Addict did not mean what he said, judge accepts.", ["addict"]),
        ("Treatment-resistant does not mean no treatment will help.", []),
        ("Non-compliant simply means the tablets were not taken.", []),
        ("Don't say that if someone declines medication they are non-compliant.", []),
        ("Pt visited by mates, refused evening meds.", ["refused"]),
        ("Resuscitation after the suicide attempt was successful.", []),
        ("Crack cocaine is highly addictive and abusers often overdose.", ["abusers"]),
        ("Addiction is no excuse: abusers choose to hurt people.", []),
        ("Schizophrenics do not mean any harm.", ["schizophrenics"]),
        ("The tablets were offered at 8pm and were refused.", ["refused"]),
        ("He was offered his depot and refused.", ["refused"]),
    ],
)
def test_word_meaning_and_shared_passive_subject(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fourth review's cases: "visitation" left out of the class, a note's account
        ("Pt denies visitation from ex-partner since the injunction.", ["denies"]),
        ("Frequent flyer with flight of ideas, known to all staff.", ["frequent flyer"]),
        ("The user can grant or deny permissions in Settings.", []),
        ("She denies suicidal thoughts.", ["denies"]),
        ("She denied any prescription from another doctor.", ["denied"]),
        ("Frequent flyer programs offer attractive benefits.", []),
        ("Those perks go to the truly frequent flyers, who fly often and spend a lot on air travel.", []),
        ("He is a frequent flyer at the emergency department.", ["frequent flyer"]),
        ("Ignition timing is adjusted in retard direction until knock stops.", []),
        ("The retard adjustment is returned in stages.", []),
        ("He is a total retard.", ["retard"]),
    ],
)
def test_other_senses_round66(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thus, anorexics eat only small amounts of food and lose weight.", ["anorexics"]),
        ("Alcoholics drink large amounts.", ["alcoholics"]),
        ("Between binges, some patients abuse purgatives.", ["abuse purgatives"]),
        ("People plagued with heroin addiction live in every city.", ["plagued with"]),
        ("In this account, ego development is retarded.", []),
        ("Staff recognised when children were suffering from significant harm.", []),
        # foster carers left out of the officials: their account of a child is a witness's
        ("Foster carers deny any history of seizures in the child.", ["deny"]),
        ("Her intellectual development is retarded.", ["retarded"]),
        ("The city has long been plagued with heroin addiction.", []),
        ("His headmaster reportedly wrote to his parents out of concern.", []),
    ],
)
def test_round67_forms(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


def test_plural_ic_label_is_a_noun() -> None:
    doc = spacy.blank("en")("anorexics eat")
    assert syntax.part_of_speech(frozenset(), doc, 0, 1) == "noun"
