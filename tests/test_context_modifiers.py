"""Deficit labels that modify a symptom or a text, speech event or market describe that
thing, not a person (word classes symptoms and communications); a match that names its
own person ('violent patients') is not a modifier of what follows it."""

from __future__ import annotations

import pytest

import tilint
from tilint import classes, context


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


def test_the_classes_are_loaded_with_their_scope():
    wc = classes.builtin()
    assert "deficit" in wc["symptoms"].modified_not_person
    assert "deficit" in wc["communications"].modified_not_person
    assert wc.has("symptoms", "headaches") and wc.has("communications", "takeover")


@pytest.mark.parametrize(
    "text",
    [
        "She had violent headaches at night.",
        "He woke with a violent cough.",
        "A combative press conference followed the report.",
        "The letter was aggressive in tone.",
        "The council adopted a hostile stance towards the plan.",
    ],
)
def test_a_label_on_a_symptom_or_a_text_is_another_sense(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("Violent patients with pain were seen in clinic.", "violent patients"),
        ("He was hostile in interview.", "hostile"),  # an event he took part in: describes him
        ("He was violent and in pain.", "violent"),
        ("She became aggressive during the review.", "aggressive"),
        ("Manipulative behaviour was noted.", "manipulative"),  # conduct is left to the rules
    ],
)
def test_labels_on_people_stay_findings(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Emergency departments increasingly have to manage violent, aggressive or agitated patients.", "manage"),
        # the label itself first in the list: a comma ends its window, not the list
        ("Emergency departments increasingly have to manage violent, aggressive or agitated patients.", "violent"),
        ("Staff learn to manage the frightened, intoxicated patient safely.", "manage"),
        # modifiers known by their form, not listed: an adjective's ending, a number
        ("Few have experience in the care and management of psychiatric patients.", "management"),
        ("A study of the management of 35 young people presenting to hospital.", "management"),
    ],
)
def test_a_people_noun_after_its_modifiers_is_what_a_rule_requires(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # the first word past the modifiers is not a people noun: what is managed is a behaviour
        "We manage violent and aggressive behaviour in psychiatric patients.",
        "We manage violent, then patients go home.",
        "Staff respond to violent, disruptive or unusual behaviour in patients.",
        "It was a violent, frightening night for the patients.",
        # a comma after a predicate, or before "and", ends the list
        "Pain was well controlled, and many patients went home the same day.",
        "The class was disruptive, and several pupils left early.",
        "The storm was violent, elderly residents were evacuated.",
        "The management of chronic pain in older patients is covered in week two.",
        "We manage the clinical needs of patients.",
        # an adverb ends the verb's clause; a noun in -al is no modifier
        "Most fractures we manage conservatively, and patients usually go home within a week.",
        "The management of the referral of patients is set out below.",
    ],
)
def test_modifiers_do_not_stretch_the_window_past_another_word(text):
    assert not {"manage", "management"} & set(flagged(text))


def test_reading_past_modifiers_reaches_only_a_person():
    # "disruptive behaviour" is its own phrase; "disruptive or unusual behaviour" is not
    # read as it, because what stands past the modifiers is no one
    assert "disruptive" not in flagged("Disruptive or unusual behaviour may be a resident's way of saying they are in pain.")


@pytest.mark.parametrize("word", ["psychiatric", "clinical", "35", "mental", "young", "several", "distressed"])
def test_modifier_like_words(word):
    assert context.modifier_like(word)


@pytest.mark.parametrize("word", ["patients", "residents", "individuals", "pain", "the", "of", "criminals", "referral", "highly"])
def test_people_and_other_words_are_not_modifiers(word):
    assert not context.modifier_like(word)



def test_a_verb_after_the_conjunction_opens_a_new_clause_not_a_list_of_modifiers():
    # "staff" three words on is not a noun the label modifies: "tried" is no modifier
    assert "belligerent" in flagged("The resident became belligerent and tried to strike and kick staff.")
    # a real list of modifiers still shares its noun (a behaviour, not a person), short
    # adjectives included; "challenging" of behaviour is TI123's own phrase, list or not
    assert flagged("Challenging, aggressive, and potentially violent behavior was seen.") == ["challenging"]
    assert flagged("Aggressive, loud or rude behaviour is not tolerated on the ward.") == []
