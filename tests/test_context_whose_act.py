"""Whose act, whose account (issue 10, second blind round): an imperative's subject is the
reader; a 'they' subject takes an official or institution earlier in its sentence; a
subject pronoun is never the object of a preposition; a doubting adverb inside a noun
phrase qualifies a description, not an account; a word as the subject of a doubting
adverb is no one's account. Each is checked with a use that must stay flagged."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import classes, context, syntax


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Refuse to be interviewed until your solicitor gets there.",
        "Insist that the patient takes the medication as ordered.",
        "- Refuse to answer questions without a lawyer.",
        "2. Insist on seeing the duty solicitor.",
    ],
)
def test_an_imperative_is_advice_to_the_reader(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("Refused his medication this morning.", "refused"),  # a note's past tense
        ("Refuses bloods.", "refuses"),
        ("Denies chest pain.", "denies"),
        ("He will refuse to take his tablets tonight.", "refuse to"),  # not at the start
    ],
)
def test_notes_without_a_subject_stay_flagged(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "I fought with the doctors on my mum's behalf as they insisted she had capacity.",
        "You ask the police to attend to assist, but they refuse.",
        "When we get to the care home they insist that they supervise the visit.",
        "We went to the hospital and they insisted that she stay.",
    ],
)
def test_they_after_an_official_or_institution_in_the_sentence(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A nursing assistant admitted she had only filled in the observation log.",  # staff (officials.yml)
        "The psychiatrist who treated him for ten years insisted that he was safe.",  # past a relative clause
        "A class-action lawsuit filed in court on Friday alleges the government fails to provide care.",  # a text alleges
        "The lawsuit claims staff are unqualified.",
        "It claims prison staff are unqualified to give medication.",  # "it": a text, not the person
        "I later found out the nurse was refused access.",  # a passive's subject is on the receiving end
        "The family were refused entry to the ward.",
    ],
)
def test_staff_accounts_are_not_the_persons(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("Staff saw the patients but they refused their tablets.", "refused"),  # patients could be 'they'
        ("The nurses spoke to the patients, and they insisted it was fine.", "insisted"),
        ("They insisted she had been discharged too early.", "insisted"),  # no antecedent in the sentence
    ],
)
def test_they_with_people_in_the_sentence_stays_flagged(text, word):
    assert word in flagged(text)


def test_antecedent_in_sentence_skips_pronouns_and_singular_people():
    doc = spacy.blank("en")("I fought with the doctors on my mum's behalf as they insisted.")
    they = next(t.i for t in doc if t.lower_ == "they")
    assert "officials" in context._antecedent_in_sentence(doc, they, doc[:], classes.builtin())


def test_a_subject_pronoun_is_not_the_object_of_a_preposition():
    doc = spacy.blank("en")("We went to the hospital and they insisted.")
    assert syntax.subject(doc, 7, doc[:]) == 6
    doc = spacy.blank("en")("Came to the clinic complaining of pain.")
    assert syntax.subject(doc, 4, doc[:]) is None


@pytest.mark.parametrize(
    "text",
    [
        "The report looks at their apparently self-inflicted deaths.",
        "Officers decide whether an apparently mentally ill person is a danger.",
        "The word anosognosia reportedly comes from the Greek.",
    ],
)
def test_doubting_adverbs_that_are_not_about_an_account(text):
    assert not {"apparently", "reportedly"} & set(flagged(text))


@pytest.mark.parametrize(
    "text, word",
    [
        ("She apparently fell down the stairs.", "apparently"),
        ("I noted that apparently she had taken an overdose.", "apparently"),  # the writer's own clause
        ("Apparently he was at home when the pain started.", "apparently"),
    ],
)
def test_doubting_adverbs_about_an_account_stay_flagged(text, word):
    assert word in flagged(text)


def test_a_required_word_after_a_verb_is_looked_for_in_its_clause_only():
    nlp = spacy.blank("en")
    doc = nlp("They changed his status once admitted, it is easier then.")
    admitted = next(t.i for t in doc if t.lower_ == "admitted")
    assert context.window_words(doc, admitted, admitted + 1, doc[:], 2, before=False, clause=True) == []
    assert context.window_words(doc, admitted, admitted + 1, doc[:], 2, before=False) == ["it", "is"]
    assert "admitted" not in flagged("They changed his status once admitted, it is easier then.")
    assert "admitted" in flagged("He admitted it was heroin.")


@pytest.mark.parametrize(
    "text, word",
    [
        ("What I can't stand are manipulative behaviours towards staff.", "manipulative"),  # negation of 'stand'
        ("I don't think he is aggressive.", "aggressive"),
    ],
)
def test_a_negation_of_another_verb_does_not_clear_a_label(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "He is not aggressive.",
        "She wasn't being aggressive at all.",
        "No longer combative.",
        "He was never really hostile.",
    ],
)
def test_a_negated_label_is_still_cleared(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He had come to the hospital days before, but had been refused admission and treatment.",
        "Came in yesterday, was refused a bed.",
    ],
)
def test_a_passive_with_an_object_is_done_to_its_subject_however_far(text):
    assert flagged(text) == []


@pytest.mark.parametrize("text", ["Came in at 9, medication offered but was refused.", "Medication was refused."])
def test_a_passive_without_an_object_is_still_the_persons_refusal(text):
    assert "refused" in flagged(text)


def test_a_scare_quoted_subject_is_still_the_subject():
    assert flagged("A UK \u201ccoroner\u201d claims that they have found a link.") == []
    assert "claims" in flagged('The "patient" claims he was hit.')


@pytest.mark.parametrize(
    "text, word",
    [
        ("A man absconded from the ward.", "absconded from"),  # the person's own leaving, whoever the noun
        ("Two men escaped from the secure unit.", "escaped from"),
    ],
)
def test_leaving_is_the_persons_own_act_whatever_noun_names_them(text, word):
    assert word in flagged(text)


def test_a_relative_escorting_is_not_power_over_the_person():
    assert flagged("He was escorted home by his sister.") == []


@pytest.mark.parametrize(
    "text",
    [
        "It was the thousandth failed treatment for my illness.",  # the treatment failed
        "Complications that cannot be safely managed on an out-patient basis.",
        "The department has chronically and systemically denied care to inmates.",
        "Listen to her, and don't deny her feelings.",
    ],
)
def test_what_failed_was_managed_or_denied_is_not_the_persons_act(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("He failed treatment twice.", "failed"),
        ("Plaintiff continued to complain of headaches.", "complain of"),  # 'to', not a determiner
        ("Some deny the symptoms ever happened, and deny their impact.", "deny"),  # shares 'some'
    ],
)
def test_the_persons_own_act_stays(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Secretary of State refused the application.",  # 'of' inside a name; 'State' is no verb here
        "The Department of Corrections has chronically and systemically denied care to inmates.",
    ],
)
def test_an_official_or_institution_named_x_of_y(text):
    assert flagged(text) == []


def test_a_person_in_a_named_institution_is_still_the_subject():
    assert "refused" in flagged("A man in the Department of Health refused his tablets.")


@pytest.mark.parametrize(
    "text",
    [
        "It can be hard to admit that you are struggling.",
        "Such notions make it harder for people to admit they have a mental health problem.",
    ],
)
def test_a_difficulty_of_admitting_is_no_account(text):
    assert [f.rule for f in tilint.lint_text(text) if f.category == "credibility"] == []


def test_an_account_after_a_difficulty_elsewhere_stays_a_finding():
    assert "denies" in [f.text for f in tilint.lint_text("He was hard to reach and denies drinking.")]
    assert "admitted to" in [f.text for f in tilint.lint_text("She finally admitted to taking the tablets.")]
    # a feeling or courage reports an admission made; "hard" here modifies a noun
    assert [f.rule for f in tilint.lint_text("He was embarrassed to admit that he had wet the bed.")] == ["TI411"]
    assert [f.rule for f in tilint.lint_text("Hard questioning led him to confess to drinking.")] == ["TI411"]


@pytest.mark.parametrize(
    "text",
    [
        "Annie Humphries, past president, admitted that some pupils found it hard.",  # a role set off after a name
        "Dr Patel, the consultant, insisted on a scan.",
        "Hillingdon House chiefs insist they have made big improvements.",  # the plural of a listed role
    ],
)
def test_an_officials_role_after_a_name_or_in_the_plural(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("John Smith, 45, admitted drinking every day.", "admitted"),  # an age, not a role
        ("Mr Jones, the patient, denies any thoughts of self-harm.", "denies"),
        ("Mary, my sister, claims he hit her.", "claims"),  # a relative speaks for the person
        ("Sarah, a teacher, admits drinking a bottle of wine a night.", "admits"),  # her occupation, not her role here
        ("Mr Brown, a support worker, denies feeling low.", "denies"),
    ],
)
def test_a_persons_name_with_an_apposition_stays_the_persons_account(text, word):
    assert word in flagged(text)
