"""Whose act, whose account: the subject, the passive and rights (tilint/syntax.py with the
word classes in lexicons/classes/), for every verb rule rather than per phrase."""

from __future__ import annotations

import pytest

import tilint


def categories(text: str) -> set[str]:
    return {str(f.category) for f in tilint.lint_text(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The court refused bail.",
        "The insurer refused to pay for the scan.",
        "Staff refused to let him leave early.",
        "The graft failed after two years.",
        "Conservative measures failed.",
        "His symptoms failed to improve.",
        "Patients have the right to refuse treatment.",
        "Patients are entitled to refuse treatment.",
        "Patients may refuse treatment at any time.",
        "She was refused a bed on the ward.",
        "He was failed by services for years.",
        "Her application was refused.",
        "The application was refused by the council.",
    ],
)
def test_not_the_persons_act_is_not_a_deficit(text):
    assert "deficit" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "He refused his medication.",
        "She refused a bed on the ward.",
        "The patient refused to be weighed.",
        "He failed to attend his appointment.",
    ],
)
def test_the_persons_own_act_is_still_flagged(text):
    assert "deficit" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The trust denied any wrongdoing.",
        "A spokesperson for the hospital denied the claims.",
        "The officer who denied it was suspended.",
        "The minister claimed the figures were wrong.",
        "He was denied access to his records.",
        "The drug reportedly causes weight gain.",
        "Her partner reportedly hit her.",
    ],
)
def test_officials_institutions_and_third_parties_are_not_doubted_accounts(text):
    assert "credibility" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The patient denies chest pain.",
        "He claims to hear voices.",
        "He reportedly drank a bottle of vodka.",
        "An ill person may claim that everything is fine.",
        "A man came to the clinic complaining of chest pain.",
    ],
)
def test_the_persons_account_is_still_flagged(text):
    assert "credibility" in categories(text)


@pytest.mark.parametrize(
    "text, category",
    [
        ("Some jail staff confiscate insulin pumps or refuse to provide insulin.", "deficit"),
        ("A wrong diagnosis may stigmatise a patient and deny him needed care.", "credibility"),
        ("The hospital refused her a bed.", "deficit"),
        ("The service failed the patient.", "deficit"),
    ],
)
def test_coordinated_subjects_and_people_as_objects(text, category):
    assert category not in categories(text)


@pytest.mark.parametrize(
    "text",
    ["He went home and refused his tablets.", "She refused her medication."],
)
def test_the_persons_coordinated_or_possessive_refusal_is_flagged(text):
    assert "deficit" in categories(text)


def test_a_that_clause_is_not_a_person_as_object():
    assert "credibility" in categories("He admits that he may have had too much to drink.")


def test_her_is_possessive_unless_something_is_granted():
    assert "credibility" not in categories("The board denied her access to the file.")
    assert categories("She conveniently forgot her appointment again.")


@pytest.mark.parametrize(
    "text",
    [
        "I refused my meds for a week.",
        "I suffer from anxiety.",
        "I was sectioned in 2019.",
        "My addiction started at 15.",
        "My schizophrenic symptoms came back in the spring.",
        "I was allowed leave at last.",
        # an infinitive has the clause's subject when no one stands between
        "I was putting it all on just to manipulate them.",
        # a gerund after a preposition has its clause's subject, past the objects between
        "Should I risk pushing him away by insisting he stay on his medications?",
        "I don't want to make her angry by denying her memory.",
    ],
)
def test_first_person_accounts_are_the_persons_own_words(text):
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "I allowed him leave.",  # staff doing something to someone
        "I think he refused his meds.",
        "I believe some individuals have good services but still refuse care.",
        "How do I convince my schizophrenic dad to keep taking his medication?",  # my dad's label
        "My alcoholic father never came to the hospital.",
        "I know he did it just to manipulate the staff.",  # the nearest subject is his
        "I asked him not to exaggerate his symptoms.",  # his act, though I asked
        "I expected her to refuse her medication again.",
        "I saw Mr A in clinic today, complaining of back pain.",  # a participle after a letter's object
        "I told the nurse that he keeps insisting on leaving.",  # a subject of its own clause
        "I said he was avoiding it by denying his drinking.",  # the nearest subject is his
        "I can't blame her for refusing the injection.",  # a gerund after "for" is the object's
        "I thanked him for admitting he had been drinking.",
    ],
)
def test_first_person_writing_about_others_is_checked(text):
    assert categories(text)


def test_every_doubting_adverb_is_judged_by_whose_act_it_is():
    assert "credibility" not in categories("The drug supposedly reduces cravings.")
    assert "credibility" in categories("He supposedly took an overdose.")


@pytest.mark.parametrize("text", ["Medication refused this morning.", "Insulin refused at 08:00."])
def test_a_notes_short_passive_is_the_persons_refusal(text):
    # only people and bodies of people refuse: a drug "subject" is what was refused
    assert "deficit" in categories(text)
