"""The light syntactic view (tilint/syntax.py) on its own: subjects, passives, agents,
rights and attachment, over a blank English pipeline."""

from __future__ import annotations

import pytest
import spacy

from tilint import classes, syntax

WC = classes.builtin()


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def at(nlp, text: str, word: str):
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == word)
    return doc, i, doc[i].sent


def head_text(doc, i):
    return None if i is None else doc[i].text


@pytest.mark.parametrize(
    "text, verb, subject",
    [
        ("The court refused bail.", "refused", "court"),
        ("The local authority has repeatedly refused it.", "refused", "authority"),
        ("The officer who denied it left.", "denied", "officer"),
        ("The board decided to refuse the request.", "refuse", "board"),
        ("He went home and refused the tablets.", "refused", None),  # no subject in its clause
        ("A man came to the clinic complaining of pain.", "complaining", None),  # participle
        ("He is complaining of pain.", "complaining", "He"),
        ("I tried committing suicide years ago.", "committing", "I"),  # a gerund's subject
        ("The officer kept denying it.", "denying", "officer"),
        ("He went out and kept refusing food.", "refusing", None),  # the verb has none
        ("The trust, in its reply to the family, refused it.", "refused", "trust"),  # past a parenthesis
        ("After lunch, she refused it.", "refused", "she"),  # a fronted phrase is not a parenthesis
        ("He saw the nurse, and refused it.", "refused", None),  # a clause boundary is not one either
        ("The patient who saw the doctor refused it.", "refused", "patient"),  # past a relative clause
        ("The psychiatrist who treated him for years insisted it.", "insisted", "psychiatrist"),
        ("Dr Jones, the psychiatrist who treated him, insisted it.", "insisted", "psychiatrist"),
        ("The man who said the nurse refused it left.", "refused", "nurse"),  # a clause after a verb of saying
        ("A lawsuit filed in an Ontario court on Friday alleges it.", "alleges", "lawsuit"),  # a participle phrase
        ("The patient admitted to the ward on Monday refused it.", "refused", "patient"),
        # a present participle and its object after the subject
        ("The two police officers investigating the case, however, claimed it.", "claimed", "officers"),
        ("Staff running the unit denied it.", "denied", "Staff"),
        ("The retired planning officer had suffered from it.", "suffered", "officer"),  # a compound noun
        ("Staff kept telling the patient the doctor refused it.", "refused", "doctor"),  # a verb before the participle
        ("Yesterday morning the judge refused it.", "refused", "judge"),  # a noun in -ing
        ("Patients saying the nurse refused it were not heard.", "refused", "nurse"),  # a verb of saying
    ],
)
def test_subject(nlp, text, verb, subject):
    doc, i, sent = at(nlp, text, verb)
    assert head_text(doc, syntax.subject(doc, i, sent)) == subject


def test_np_classes_uses_the_head_or_a_title(nlp):
    doc, i, sent = at(nlp, "Dr Smith denied it.", "denied")
    head = syntax.subject(doc, i, sent)
    assert "officials" in syntax.np_classes(doc, head, sent, WC)
    doc, i, sent = at(nlp, "The social workers denied it.", "denied")
    assert "officials" in syntax.np_classes(doc, syntax.subject(doc, i, sent), sent, WC)


@pytest.mark.parametrize(
    "text, verb, subject",
    [
        ("At the inquest Ann said it.", "said", "Ann"),  # a fronted phrase without its comma
        ("In court Mr Hill denied it.", "denied", "Hill"),
        ("In a statement read at the inquest Ann said it.", "said", "Ann"),  # a longer opening phrase
        ("The charity in north London claimed it.", "claimed", "charity"),  # a phrase inside the subject
    ],
)
def test_a_name_after_a_fronted_phrase_is_the_subject(nlp, text, verb, subject):
    doc, i, sent = at(nlp, text, verb)
    assert head_text(doc, syntax.subject(doc, i, sent)) == subject


@pytest.mark.parametrize(
    "text, verb, expected",
    [
        ("A member of staff admitted it.", "admitted", "officials"),  # the group's classes
        ("Some members of the team denied it.", "denied", "institutions"),
        ("The clinic's Norman Johnson admits it.", "admits", "officials"),  # named as the body's
        ("The city of Santa Ana denied the permit.", "denied", "institutions"),
    ],
)
def test_np_classes_of_a_member_or_a_bodys_named_speaker(nlp, text, verb, expected):
    doc, i, sent = at(nlp, text, verb)
    assert expected in syntax.np_classes(doc, syntax.subject(doc, i, sent), sent, WC)


@pytest.mark.parametrize(
    "text, verb",
    [
        ("Her mother's Norman Johnson admits it.", "admits"),  # a person's, not a body's
        ("A member of the family admitted it.", "admitted"),
    ],
)
def test_np_classes_of_a_person_stays_a_person(nlp, text, verb):
    doc, i, sent = at(nlp, text, verb)
    found = syntax.np_classes(doc, syntax.subject(doc, i, sent), sent, WC)
    assert "officials" not in found and "institutions" not in found


@pytest.mark.parametrize(
    "text, verb, is_passive",
    [
        ("She was refused a bed.", "refused", True),
        ("She was not refused anything.", "refused", True),
        ("She refused a bed.", "refused", False),
        ("He has refused twice.", "refused", False),
        ("He is refusing.", "refusing", False),
        ("He was not allowed out.", "was", True),  # a match that begins with the 'be' form
        ("He wasn't allowed out.", "was", True),
        ("He was very upset.", "was", False),
    ],
)
def test_passive(nlp, text, verb, is_passive):
    doc, i, sent = at(nlp, text, verb)
    tags = frozenset({"VBD", "VBN"}) if verb.endswith("ed") else frozenset({"VBG"})
    assert (syntax.passive(doc, i, sent, tags) is not None) is is_passive


def test_by_agent(nlp):
    doc, i, sent = at(nlp, "The request was refused by the local council today.", "refused")
    assert head_text(doc, syntax.by_agent(doc, i + 1, sent, WC)) == "council"
    doc, i, sent = at(nlp, "The request was refused, and the patient left by bus.", "refused")
    assert syntax.by_agent(doc, i + 1, sent) is None  # another clause


@pytest.mark.parametrize(
    "text, verb, expected, modals",
    [
        ("Patients have the right to refuse treatment.", "refuse", True, True),
        ("The right of patients to refuse is clear.", "refuse", True, True),
        ("Patients can refuse.", "refuse", True, True),
        ("Patients can refuse.", "refuse", False, False),
        # "may" grants only with a cue; otherwise it says what is likely
        ("You may refuse.", "refuse", True, True),
        ("Patients may refuse treatment at any time.", "refuse", True, True),
        ("Patients may refuse treatment if they wish.", "refuse", True, True),
        ("People with psychosis may refuse treatment.", "refuse", False, True),
        ("He decided to refuse.", "refuse", False, True),
        # a negated capacity is a rule about the option too
        ("If you are intoxicated, you can't often refuse the evaluation.", "refuse", True, True),
        ("He could not refuse.", "refuse", True, True),
        ("He did not refuse.", "refuse", False, True),
        # given the option by someone else: "allow ... to refuse", "let them refuse"
        ("Do you allow this patient to refuse?", "refuse", True, True),
        ("They detain people and then let them refuse care.", "refuse", True, True),
        ("They let them refuse care.", "refuse", False, False),
        ("After we let him in, he refused lunch.", "refused", False, True),
        # a granting verb later in the sentence is no option given
        ("People with psychosis may refuse treatment, which allows symptoms to worsen.", "refuse", False, True),
        ("Short appointments allow patients to deny symptoms.", "deny", False, False),
    ],
)
def test_capacity(nlp, text, verb, expected, modals):
    doc, i, sent = at(nlp, text, verb)
    assert syntax.capacity(doc, i, sent, WC, modals=modals) is expected


@pytest.mark.parametrize(
    "text, word, pos, expected",
    [
        ("Aggressive B-cell lymphoma was found.", "Aggressive", "adj", "tumours"),
        ("The tumour was very aggressive.", "aggressive", "adj", "tumours"),
        ("Lung compliance fell.", "compliance", "noun", "anatomy"),
        ("Compliance of the lungs was reduced.", "Compliance", "noun", "anatomy"),
        ("Compliance with the regulations is audited.", "Compliance", "noun", "laws"),
        ("A failed knee replacement.", "failed", "verb", "procedures"),
    ],
)
def test_attached_to_a_thing(nlp, text, word, pos, expected):
    doc, i, sent = at(nlp, text, word)
    assert expected in syntax.attached(doc, i, i + 1, sent, pos, WC)


@pytest.mark.parametrize(
    "text, word, pos",
    [
        ("Aggressive young man on the ward.", "Aggressive", "adj"),
        ("Compliance with the safety plan is poor.", "Compliance", "noun"),
        ("Combative during catheter insertion.", "Combative", "adj"),
        ("He failed knee surgery.", "failed", "verb"),  # not attributive: the person failed
        ("The patient was aggressive.", "aggressive", "adj"),
    ],
)
def test_attached_to_a_person_or_unknown(nlp, text, word, pos):
    doc, i, sent = at(nlp, text, word)
    found = syntax.attached(doc, i, i + 1, sent, pos, WC)
    assert not any(WC[c].modified_not_person for c in found)


def test_clause_stops_at_conjunctions_and_punctuation(nlp):
    doc, i, sent = at(nlp, "He was tired, and he refused the tablets because they hurt.", "refused")
    lo, hi = syntax.clause(doc, i, i + 1, sent)
    assert doc[lo:hi].text == "he refused the tablets"


def test_a_passive_written_out_with_its_particle_is_a_verb():
    import spacy

    from tilint import syntax

    doc = spacy.blank("en")("You are not allowed to leave. He is convinced he has MS.")
    assert syntax.part_of_speech(frozenset(), doc, 3, 5) == "verb"  # "allowed to"
    assert syntax.part_of_speech(frozenset(), doc, 9, 12) != "verb"  # "convinced he has"


def test_a_relatives_antecedent_is_its_subject_even_after_a_preposition():
    import tilint

    # "the officers, who had denied the charges": the officers deny, not the person
    assert tilint.lint_text("Jurors cleared the officers, who had denied all of the charges against them.") == []
    spans = [f.text for f in tilint.lint_text("The man in the bed who refused his tablets was discharged.")]
    assert spans == ["refused"]  # the antecedent is a person: his refusal stays a finding


@pytest.mark.parametrize(
    "text, verb, subject",
    [
        ("It is an expense we cannot afford, insists PSNI chief", "insists", "chief"),
        ('"The ward is safe," claimed the hospital spokesman.', "claimed", "spokesman"),
        ("She took the tablets, denies it.", "denies", None),  # a pronoun object, no subject
        ("He was seen, denies that he took them.", "denies", None),  # a clause follows
        ("The nurse insists the ward is safe.", "insists", None),  # not after a comma or quote
    ],
)
def test_inverted_subject_of_an_attribution(nlp, text, verb, subject):
    doc, i, sent = at(nlp, text, verb)
    assert head_text(doc, syntax.inverted_subject(doc, i, i + 1, sent)) == subject


@pytest.mark.parametrize(
    "text, verb, subject",
    [
        ("Mr X said the Council failed to care for his daughter and failed to take responsibility.", "failed", "Council"),
        ("The trust reviewed his care, Dr S, and refused it.", "refused", "trust"),  # past a short appositive
        ("Jail staff confiscate pumps or refuse to provide insulin.", "refuse", "staff"),
        ("Since being on the ward I have escaped twice and needed help.", "needed", "I"),  # after a fronted phrase
        ("He was rude to my staff and I, and refused them.", "refused", None),  # "and I" is an object there, not a subject
        ("Then the GP arrived and insisted on a scan.", "insisted", "GP"),  # past an opening adverb
        ("However, the team met and refused the referral.", "refused", "team"),
        ("Then mum's GP arrived and insisted on a scan.", "insisted", "GP"),  # the possessed noun heads the phrase
        ("The article shows how to identify and manage such persons.", "manage", None),  # an infinitive's subject
        ("Prison staff confiscate pumps or refuse to provide insulin.", "refuse", "staff"),  # the compound's head
        ("The nurse went to work and refused to take his bloods.", "refused", "nurse"),  # "to work": a preposition
    ],
)
def test_coordinated_subject(nlp, text, verb, subject):
    doc = nlp(text)
    i = [t.i for t in doc if t.text == verb][-1]  # the second conjunct's verb
    assert head_text(doc, syntax.coordinated_subject(doc, i, doc[i].sent, WC)) == subject


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Living in a homeless hostel can be challenging.", "challenging", True),
        ("However, taking a history in the ED can be very difficult.", "difficult", True),
        ("He can be very challenging on the ward.", "challenging", False),
        # the subject is a relative's antecedent, an earlier clause's, or a person
        ("Working with people who are difficult is tiring.", "difficult", False),
        ("She tried to self-harm and was aggressive towards police.", "aggressive", False),
        ("During this time she became hostile.", "hostile", False),
        ("Incoming patients are often aggressive.", "aggressive", False),
        ("Caring for patients with dementia can be challenging.", "challenging", True),
        # a participle clause before the subject, an -ing preposition, a name, a pronoun
        # word, people in the phrase
        ("Seeing the police he became aggressive.", "aggressive", False),
        ("According to staff he was aggressive overnight.", "aggressive", False),
        ("Manning was aggressive on arrival.", "aggressive", False),
        ("Something about him was manipulative.", "manipulative", False),
        ("Nursing home residents with dementia can be aggressive.", "aggressive", False),
        ("Incoming psychiatric patients are often aggressive.", "aggressive", False),
    ],
)
def test_activity_subject(nlp, text, word, expected):
    doc, i, sent = at(nlp, text, word)
    assert syntax.activity_subject(doc, i, sent, WC) is expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The storm was violent, and residents left.", "violent", True),
        ("The protest turned very violent.", "violent", True),
        ("Staff manage violent, aggressive patients.", "violent", False),
    ],
)
def test_predicative(nlp, text, word, expected):
    doc, i, sent = at(nlp, text, word)
    assert syntax.predicative(doc, i, sent) is expected
