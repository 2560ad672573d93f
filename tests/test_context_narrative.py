"""First-person narrative scope (policy: self-disclosure without quotation marks): in
first-person writing, a finding about the narrator (I, me, my, we, us) anywhere in its
clause is the person's own words; a finding about anyone else, what the writer observes
in someone, and a staff 'I' acting on a person stay findings."""

from __future__ import annotations

import pytest

import tilint
from tilint import context
from tilint.api import Config, get_linter


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


STORY = "I was in hospital for six weeks last year. My friends visited me when they could. "


@pytest.mark.parametrize(
    "text",
    [
        STORY + "They sectioned me on a Tuesday.",
        STORY + "After that they restrained me twice.",
        STORY + "We weren't allowed to go outside to smoke.",
        STORY + "I also had a substance abuse problem for about twelve years.",
        STORY + "I spent two years in rehab for alcohol abuse.",
        STORY + "I wasn't being violent or aggressive, I was just scared.",
        STORY + "I flatly refused and shouted at the nurse.",
        STORY + "I tried to abscond this morning.",
        STORY + "I ligatured and tried to abscond this morning.",
        STORY + "They think I'm three years clean.",
        STORY + "After numerous failed escape attempts I was becoming more agitated.",
        STORY + "Apparently I'm super-responsive to it.",
        STORY + "My fellow bipolar people will understand.",
        STORY + "Content warning: drug abuse, I was diagnosed at 27 while in rehab.",
        STORY + "I undid the knots and escaped again.",  # a verb coordinated with the narrator's
        STORY + "I was tired and aggressive that night.",
        STORY + "I was throwing up the medication, refusing to eat anything.",  # a participle sharing my clause's subject
        STORY + "I knew from my own experience being an addict that I should not confront him.",
        STORY + "On a locked ward I've escaped twice and needed escorted to A&E by two staff.",  # "needed (to be) escorted"
    ],
)
def test_findings_about_the_narrator_are_their_own_words(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        (STORY + "My brother refused treatment.", "refused"),
        (STORY + "I think he is an addict.", "an addict"),
        (STORY + "I was scared when addicts tried to enter my home.", "addicts"),
        (STORY + "I can't stand junkies.", "junkies"),
        (STORY + "I note poor adherence to the plan.", "poor adherence"),
        (STORY + "I allowed him leave.", "allowed"),
        (STORY + "I placed him on obs.", "placed him on obs"),
        (STORY + "I believe some individuals have services but still refuse care.", "refuse"),
        (STORY + "How do I deal with a non-compliant patient?", "non-compliant"),  # the patient's label
        (STORY + "He undid the knots and escaped again.", "escaped"),
        (STORY + "I note he was tired and aggressive.", "aggressive"),
        (STORY + "You are manipulative.", "manipulative"),
        (STORY + "The people who take advantage of mentally ill patients are to blame.", "mentally ill patients"),
        # a noun subject of the verb is someone else, whatever its class
        (STORY + "In the town where I lived, a murderer recently escaped from a state hospital.", "escaped from"),
        (STORY + "I went in. He was shouting at the nurse, refusing his tablets.", "refusing"),  # his clause, not mine
        # a coordinated word shares the nearest subject, not the narrator's further back
        (STORY + "I have no problem with workers leaving the moment they become rude or combative.", "combative"),
    ],
)
def test_findings_about_someone_else_stay(text, word):
    assert word in flagged(text)


def test_a_clinicians_letter_is_not_first_person_writing():
    text = "I saw him in clinic today. He says he is well. I think he refused his tablets."
    assert "refused" in flagged(text)
    doc = get_linter(Config()).nlp(text)
    assert not context.first_person_writing(doc, list(doc.sents)[-1])


def test_first_person_writing_is_decided_around_the_sentence():
    doc = get_linter(Config()).nlp(STORY + "I refused.")
    sent = list(doc.sents)[-1]
    cache = context.NarrativeCache()
    assert context.first_person_writing(doc, sent, cache)
    assert cache.answers == {sent.start: True}


def test_a_sentence_naming_no_one_is_not_the_narrators():
    # no first person in the sentence: a note's fragment, not a self-description
    assert "refused" in flagged(STORY + "Medication refused this morning.")


def test_quote_checking_still_sees_the_narrators_words():
    text = STORY + "I also had a substance abuse problem."
    assert flagged(text) == []
    found = tilint.lint_text(text, Config(check_quotes=True))
    assert found


@pytest.mark.parametrize(
    "text, span",
    [
        # a label with its own article names someone else, though the writer says "I"
        (STORY + "I am curious how often a marriage lasts when the alcoholic gets sober.", "alcoholic"),
        (STORY + "I think those posts hurt the husband of an addict who is trying to cope.", "an addict"),
        (STORY + "I grew up next door to a schizophrenic and I was scared of him.", "a schizophrenic"),
    ],
)
def test_a_label_with_its_own_article_names_someone_else(text, span):
    assert span in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        STORY + "I am an alcoholic and I go to meetings.",
        STORY + "I became an addict at sixteen.",
        STORY + "As an addict, I know that shame well.",
        STORY + "I was still an addict when my son was born.",
    ],
)
def test_the_narrator_linked_to_a_label_is_self_description(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "As someone who abused heroin, I can tell you that we struggle.",
        "I write from my own perspective of someone who has suffered from eating disorders.",
        "Like so many other alcoholics/drug addicts, it was tough to make this admission. I hid it for years.",
    ],
)
def test_the_writer_as_someone_who_or_among_others_like_them(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("As someone who abused heroin, he knows the streets.", "abused heroin"),
        ("Like many other addicts, he lied to his family.", "addicts"),
        # "of a man who" names someone else unless it follows the writer's standpoint
        ("The case I attended was the death of a man who committed suicide.", "committed suicide"),
        ("I have personal experience of a man who committed suicide.", "committed suicide"),
    ],
)
def test_someone_else_as_someone_who_or_among_others(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text", ["I identified myself as an addict.", "I see myself as an addict.", "I consider myself an alcoholic.", "I call myself a junkie."]
)
def test_the_writer_naming_themselves_with_a_reflexive(text):
    assert flagged(text) == []


def test_the_writer_seeing_someone_else_as_a_label_stays():
    assert "an addict" in flagged("I saw him as an addict.")


@pytest.mark.parametrize(
    "text",
    [
        "I've had to restart my sobriety clock many times. I'll always be alert to the addict voice.",
        "I relapsed last year. Addicts in recovery know how that feels.",
        "Like so many other alcoholics, I'm an alcoholic who needed help to stop.",
    ],
)
def test_a_writer_in_recovery_uses_the_words_of_their_own_group(text):
    assert flagged(text) == []  # policy: self-disclosure, "a service user's own blog"


@pytest.mark.parametrize(
    "text, word",
    [
        ("My son's addiction has made him an addict.", "an addict"),  # someone else's addiction
        ("I am the adult child of an alcoholic.", "an alcoholic"),
        ("In my recovery group, the staff were rude. He was schizophrenic.", "was schizophrenic"),  # not a substance-use word
    ],
)
def test_recovery_of_someone_else_or_other_labels_stay(text, word):
    assert word in " ".join(flagged(text))


@pytest.mark.parametrize(
    "text",
    [
        "The answers are in the minds of mentally ill people who, like myself, have become violent during psychosis.",
        "Addicts, including me, need somewhere safe to go.",
    ],
)
def test_a_group_the_writer_counts_themselves_in_is_self_description(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("Addicts like him need help.", "addicts"),
        ("He was violent like me.", "violent"),  # a comparison after the predicate
    ],
)
def test_someone_else_compared_with_the_writer_is_still_described(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("It is different to have a centre where addicts can go to shoot up, I think.", "addicts"),
        (
            "And even if it is not said so nastily, most anorexia sufferers will meet this kind of ignorance (dare I say it?) at some point.",
            "anorexia sufferers",
        ),
    ],
)
def test_a_plural_label_in_first_person_writing_names_others(text, word):
    assert word in flagged(text)


def test_what_the_narrator_used_is_not_a_plural_of_people():
    assert flagged("I was a drug user and I would abuse pills throughout the day.") == []
