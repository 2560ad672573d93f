"""Reported views, behaviours and objects (issue 10, second blind round): labels in
others' views ("the stigma of being X", "heard that ... are X", "portrayed ... as X",
"referred to as X"), statements the writer discusses ("Writing that the patient is X"),
violence words naming a behaviour in a list ("hostile, aggressive or sexual impulses"), and
refusing food or fluids. Each is checked with a use that must stay flagged."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import classes, syntax


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "BPD comes with the stigma of being attention-seeking, manipulative and hostile.",
        "He was accused of being manipulative by the ward team.",
        "I have heard that people with personality disorder are manipulative, attention seeking or aggressive.",
        "She heard how her behaviours were manipulative or attention-seeking.",
        "The portrayal of people with psychosis as aggressive frightens students.",
        "The media portray people with schizophrenia as violent.",
        "A group of patients, pejoratively referred to as frequent flyers, use the ED often.",
        "She did not want to be seen as difficult or not co-operating.",
        "Writing that the patient is uncooperative is subjectively worded.",
        "Choice D: Stating that refusal is not permitted is coercive.",
        "Noncompliance has a negative perception among patients.",
    ],
)
def test_reported_views_and_discussed_statements_are_mentions(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("He was manipulative and hostile on the ward.", "manipulative"),
        ("Staff said he was kind, but he is manipulative.", "manipulative"),  # the writer's own clause after "but"
        ("Staff heard him shouting; he was aggressive.", "aggressive"),  # no that/how clause
        ("The report describes the residents as spastics.", "spastics"),  # a describing verb: the text's own
        ("These patients are known by us as frequent fliers.", "frequent fliers"),  # the writer's own label
        ("I see him as manipulative.", "manipulative"),
        ("We wrote that he refused his tablets.", "refused"),  # the writers' own account
    ],
)
def test_own_descriptions_stay_uses(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Impulse control (control over hostile, aggressive, or sexual impulses).",
        "We train staff to manage hostile, aggressive, and potentially violent behavior.",
        "Social behaviour (aggressive, bizarre behaviours or withdrawal).",
        "Personal care provokes an aggressive reaction from her when she is confused.",
        "The primary cause of combative behavior in dementia is confusion.",
    ],
)
def test_violence_words_naming_a_behaviour_are_ordinary(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("He was aggressive, and behaviour deteriorated overnight.", "aggressive"),  # a new clause
        ("Aggressive patients are nursed on Ward 3.", "aggressive"),
        ("He was hostile, rude and abusive towards staff.", "hostile"),
        ("She has a long history of challenging behaviour.", "challenging"),  # a listed label: not a violence rule
    ],
)
def test_violence_words_on_people_stay_flagged(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The prisoner had been refusing all food for a number of weeks.",
        "He is on hunger strike and refused food and fluids for a week.",
        "Prisoners who refuse food and/or fluids are seen daily by the GP.",
        "She was involved in the management of food refusal cases in prison settings.",
        "The management of food refusal in IRCs follows Detention Services Order 3/2017.",
        "A detainee's intent to refuse food or fluids need not be spoken.",
    ],
)
def test_refusing_food_or_fluids_is_not_refusing_care(text):
    assert not any(w.startswith("refus") for w in flagged(text))


@pytest.mark.parametrize(
    "text, word",
    [
        ("She refused her medication this morning.", "refused"),
        ("He refuses bloods.", "refuses"),
        ("He refused food and his insulin.", "refused"),  # one conjunct is care
        ("He refused food and fluids for a week.", "refused"),  # a patient declining meals: care
        ("The client is withdrawn and refusing meals for 2 days.", "refusing"),
        ("Her refusal of the injection was documented.", "refusal of"),
        ("Medication refusal noted twice.", "refusal"),
        ("Tube feeding was started after her continued food refusal.", "refusal"),  # on a ward: declining care
        ("Refusal to cooperate with care was his custom.", "refusal to"),
    ],
)
def test_refusing_care_stays_flagged(text, word):
    found = flagged(text)
    if word is None:
        assert not any(w.startswith("refus") for w in found)
    else:
        assert word in found


def test_refusal_as_a_category_in_guidance_is_not_a_description():
    assert flagged("It separates communication failure from refusal, and refusal from informed choice.") == []


def test_object_classes_reads_the_noun_after_determiners_and_adverbs():
    doc = spacy.blank("en")("He was refusing all food for weeks and refused him entry.")
    sent = doc[:]
    wc = classes.builtin()
    assert syntax.object_classes(doc, 3, sent, wc) == [["sustenance"]]
    assert syntax.object_classes(doc, 9, sent, wc) == [[]]  # a person follows: no class
    doc = spacy.blank("en")("She refused food and her insulin.")
    assert syntax.object_classes(doc, 2, doc[:], wc) == [["sustenance"], ["treatments"]]
    doc = spacy.blank("en")("She refused any kind of food, then suffered from some sort of psychotic break.")
    assert syntax.object_classes(doc, 2, doc[:], wc)[0] == ["sustenance"]  # the noun after a partitive's "of"
    assert "events" in syntax.object_classes(doc, 10, doc[:], wc)[0]


def test_coordinated_noun_needs_a_modifier_in_the_last_conjunct():
    wc = classes.builtin()
    nlp = spacy.blank("en")
    doc = nlp("hostile, aggressive, or sexual impulses")
    assert syntax.attached(doc, 0, 1, doc[:], "adj", wc) == ["behaviours"]
    doc = nlp("aggressive, and behaviour deteriorated")
    assert syntax.attached(doc, 0, 1, doc[:], "adj", wc) == []


def test_new_class_keys_are_validated(tmp_path):
    from tilint.errors import LexiconError

    path = tmp_path / "bad.yml"
    path.write_text("class: x\nwords: [a]\nobject_not_person: [blame]\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        classes.load_classes([path])
    assert "'blame'" in str(info.value) and "bad.yml" in str(info.value)
    path.write_text("class: x\nwords: [a]\nobject_not_person: [deficit]\nmodified_not_person: [violence]\n", encoding="utf-8")
    loaded = classes.load_classes([path])
    assert loaded["x"].object_not_person == {"deficit"} and loaded["x"].modified_not_person == {"violence"}


@pytest.mark.parametrize(
    "text",
    [
        "I am expected to be manipulative, selfish and difficult to be around.",
        "People with psychosis are often assumed to be violent.",
        "I am often seen as manipulative by services.",
    ],
)
def test_a_passive_view_is_someone_elses(text):
    assert not {"manipulative", "violent"} & set(flagged(text))


@pytest.mark.parametrize(
    "text, word",
    [
        ("He is known to be violent.", "violent"),  # knowing is not in view-passives: the writer's claim
        ("I see her as manipulative.", "manipulative"),  # active, first person: the writer's own view
        ("She expected him to be manipulative.", "manipulative"),  # active: not a passive view
    ],
)
def test_active_or_known_views_stay_uses(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The behaviour would pass for passive aggression, as it is manipulative and controlling.",
        "It was violent and frightening to watch.",
        "The client is pacing aggressively and clenching fists.",
        "He knocked aggressively on the door.",
        # after a verb of conduct too: how he acted names a behaviour (the blind annotators
        # flagged none of 14 adverbs of violence in the corpus)
        "He was behaving aggressively towards staff.",
        "He acted aggressively in the meeting.",
    ],
)
def test_labels_on_things_and_manner_of_actions_are_behaviour(text):
    assert not {"manipulative", "violent", "aggressively"} & set(flagged(text))


@pytest.mark.parametrize(
    "text, word",
    [
        ("He is violent.", "violent"),
        ("He became aggressive towards staff.", "aggressive"),  # the adjective, said of him
    ],
)
def test_labels_said_of_the_person_stay(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nursing students assume that psychiatric patients are dangerous and frightening.",
        "He does not think she is manipulative.",
        "I hate that ward. The docs think patients like me are drug addicts.",  # staff, in first-person writing
        "She believes that she never looked like an addict.",
        "They thought I was mad.",
    ],
)
def test_a_third_partys_view_in_a_clause_is_reported(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("I think he is an addict.", "an addict"),  # the writer's own view
        ("You have reason to think that he may resist and become violent.", "violent"),  # the reader's
        ("He feels better and refuses his tablets.", "refuses"),  # not a clause of the view
        ("Most staff think she is a frequent flyer.", "frequent flyer"),  # staff's view in a record is its own
        ("The team feel he lacks insight into his illness.", "lacks insight"),
    ],
)
def test_the_writers_or_readers_view_stays_a_use(text, word):
    assert word in flagged(text)
