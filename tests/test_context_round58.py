"""Mechanisms from the twenty-sixth session's work on the dev split. A label for a
person's behaviour before a noun for a thing describes that thing (WordNet's nouns for
people, groups and animals, shipped as lexicons/nouns/people.txt, say which nouns are
never people); a plural verb right after a label has people for its subject, so what is
said of them is no remark on a term."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import classes, syntax


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("word", "thing"),
    [
        ("moves", True),
        ("push", True),
        ("exploration", True),
        ("way", True),
        # a noun for a person, a group or an animal, in any one of its senses
        ("thugs", False),
        ("crowd", False),
        ("criminals", False),
        ("figure", False),
        ("puppy", False),
        # not a noun, or an adverb too, or unknown: cannot be told
        ("towards", False),
        ("today", False),
        ("xyzzyq", False),
    ],
)
def test_names_a_thing(word: str, thing: bool) -> None:
    assert syntax.names_a_thing(word) is thing


def _thing_after(text: str, word: str) -> bool:
    nlp = spacy.blank("en")
    doc = nlp(text)
    sent = doc[:]
    start = next(i for i, t in enumerate(doc) if t.lower_ == word)
    return syntax.thing_follows(doc, start, start + 1, sent, classes.builtin())


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Wal-Mart is making more aggressive purchases.", "aggressive", True),  # ("moves" is now a behaviour word)
        ("It has a more aggressive clinical picture.", "aggressive", True),  # past an adjective
        ("An aggressive puppy bites.", "aggressive", True),  # an animal, whatever the phrase's head
        ("An aggressive young man shouted.", "aggressive", False),
        ("The aggressive criminals were jailed.", "aggressive", False),
        ("He was aggressive last night.", "aggressive", False),  # said of the subject
        ("A violent ex-heroin addict escaped.", "violent", False),  # a compound cannot be told
        ("She could cope with a hostile and aggressive one.", "aggressive", False),  # "one" is a person
        ("He was aggressive towards staff.", "aggressive", False),
    ],
)
def test_thing_follows(text: str, word: str, expected: bool) -> None:
    assert _thing_after(text, word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("San Francisco's aggressive push to move people off the streets continued.", []),
        ("The aggressive change in tactics comes as more people turn to heroin.", []),
        ("Amy, in her characteristically defiant way, resisted.", []),
        ("We were expecting some abusive phone calls over the weekend.", []),
        # labels on people stay findings (a blind review's cases): the phrase's head is a
        # person, a word that stands for people, or a person's manner
        ("Staff described an aggressive young man in bay 3.", ["aggressive"]),
        ("The policy sets out how to respond to violent mental health patients.", ["violent"]),
        ("Combative trauma patients arrive intoxicated at weekends.", ["combative"]),
        ("Aggressive locals threatened the outreach team outside the hostel.", ["aggressive"]),
        ("We have a very aggressive caseload at the moment.", ["aggressive"]),
        ("His aggressive demeanour frightened the receptionist.", ["aggressive"]),
        ("Hostile affect, guarded, poor eye contact.", ["hostile"]),
        # a second blind review's cases: general and ward words for people, trait words,
        # and a stretch of the person's time
        ("We had another combative admission from the custody suite at 02:00.", ["combative"]),
        ("Passengers were harassed by aggressive protestor groups.", ["aggressive"]),
        ("He has a very aggressive mentality and sees staff as the enemy.", ["aggressive"]),
        ("He displayed an aggressive persona on the ward.", ["aggressive"]),
        ("Pt had an aggressive afternoon, settled with 1:1 support.", ["aggressive"]),
        ("Had aggressive weekend at home per mum.", ["aggressive"]),
        # a fourth blind review's cases: a predicate noun phrase is said of the subject,
        # names are no plants, agent nouns are people, a person's own account
        ("He is an aggressive nightmare to work with on nights.", ["aggressive"]),
        ("He has an aggressive temper when tired.", ["aggressive"]),
        ("Known aggressive risk, do not lone work.", ["aggressive"]),
        ("Pleasant on approach but aggressive wash.", ["aggressive"]),
        ("The lad is an aggressive biker who threatened staff.", ["aggressive"]),
        ("Ivy was aggressive towards staff this morning.", ["aggressive"]),
        ("Smokes weed and fails to attend.", ["fails to attend"]),
        # a fifth blind review's cases: names that are also words, and a person's ways
        ("Mr Plant was aggressive towards the HCA during personal care.", ["aggressive"]),
        ("Mrs Crop was combative during the transfer.", ["combative"]),
        ("On arrival we were met by an aggressive Rose who shouted at the receptionist.", ["aggressive"]),
        ("He is set in his aggressive ways.", ["aggressive"]),
        # a note's shorthand, with no determiner, is said of the person
        ("Aggressive mealtime, threw plate at HCA.", ["aggressive"]),
        ("Resident combative bath time, refused hair wash.", ["combative", "refused"]),
        ("He is a violent thug, his neighbour said at the door.", ["violent"]),
        ("The ward struggled with aggressive patients last winter.", ["aggressive"]),
    ],
)
def test_behaviour_labels_before_a_thing(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mentally ill are still neglected and stigmatised.", ["the mentally ill"]),
        ("Addicts were stigmatised and shunned by the village.", ["addicts"]),
        ("Addicts were discredited as witnesses at the inquest.", ["addicts"]),
        # "banned" is as often a term's fate as people's (a fourth blind review)
        ("Junkies were banned from the BBC style guide in 2015.", []),
        # a remark on a term: singular, a mention noun, a list of terms, or a stance word
        # that only a term can take (a blind review's cases)
        ("'The mentally ill' is stigmatising.", []),
        ("'Addicts' and 'junkies' are stigmatising terms.", []),
        ("Junkie and addict are derogatory and should be avoided.", []),
        ("Crazy, nuts and psycho are ableist.", []),
        ("In our guide, addict and junkie are banned.", []),
        ("*Addict* and *junkie* are stigmatising.", []),
        ("Schizophrenics are outdated; say people with schizophrenia.", []),
        ("*Addicts* were banned from the style guide in 2017.", []),
        ("Neither junkie nor addict were banned in the old guide.", []),
        # plural people in a list are people ("dealers and addicts"), not terms
        ("Neither dealers nor addicts were abandoned by the service.", ["addicts"]),
        ("Neither the public nor the mentally ill are stigmatised by this plan.", ["the mentally ill"]),
    ],
)
def test_a_plural_verb_has_people_for_subject(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crime as the object of "claims" or "alleges" is the person's account, no plea
        ("The woman claims the assault left her bleeding.", ["claims"]),
        ("He claims the murder of his brother was never investigated.", ["claims"]),
        ("She alleges rape by a member of staff.", ["alleges"]),
        # claiming a crime that ends its clause is claiming it (a third blind review)
        ("The gang claimed the robbery on social media.", []),
        ("A gunman claimed the killing in a video he posted online.", []),
        ("He claimed the robbery and then fled the country.", []),
        ("The disclosure alleged sexual abuse by her stepfather.", ["alleged"]),
        ("He denied the assault and was released.", []),
        ("She admitted the theft at interview.", []),
        # "X of mine": someone the writer knows, not the writer
        ("A former co-worker of mine committed suicide earlier this year.", ["committed suicide"]),
        ("A friend of mine is an addict.", ["an addict"]),
        ("I am an addict, and I am not ashamed.", []),
        ("This body of mine was an addict for twenty years.", []),  # the writer, in body
        # "medically" is no filler: "medically managed" is a clinical term for treatment
        ("He was medically managed on the ward for alcohol withdrawal.", []),
    ],
)
def test_accounts_acquaintances_and_fillers(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun for a thing after its determiner is no person giving an account
        ("The complaint also alleged that staff did not prevent it.", []),
        ("Calling it a habit denies the medical nature of the condition.", []),
        # people, shares of a group, and relative clauses keep the account a person's
        ("The patient claims she was assaulted.", ["claims"]),
        ("The majority deny any symptoms.", ["deny"]),
        ("The rest complain of pain.", ["complain of"]),
        ("His mother denies that he drinks.", ["denies"]),
        ("She needed help with the wheelchair, which my mother vehemently denies.", ["denies"]),
        # a third blind review's cases: numbers and pronoun-like nouns stand for people,
        # and a person's own complaint or statement is their account
        ("The two claim they were not offered food for a day.", ["claim"]),
        ("The others insist they were never told about the change.", ["insist"]),
        ("The latter admits to drinking every day.", ["admits to"]),
        ("His complaint alleges that he was restrained for forty minutes.", ["alleges"]),
    ],
)
def test_a_thing_gives_no_account(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected
