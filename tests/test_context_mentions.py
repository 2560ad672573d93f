"""Mentions without quotation marks: the metalinguistic frames of the language policy,
and emphasis, which alone is not a mention (in plain text or in Markdown)."""

from __future__ import annotations

import json

import pytest

import tilint
from tests.helpers import check_in_process


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Avoid the term non-compliant in care notes.",
        "The diagnosis personality disorder is contested.",
        "Terms such as manipulative harm trust.",
        "Non-compliant has a negative connotation.",
        "Say declined, not refused.",
        "Non-compliant makes it sound as if the person is to blame.",
        "This is often called challenging behaviour.",
        "People are often described as manipulative.",
        "Non-compliant is outdated.",
        "Committed suicide is outdated language.",
    ],
)
def test_mention_frames_are_not_findings(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("He was non-compliant with his tablets.", "non-compliant"),
        ("I would describe him as manipulative.", "manipulative"),  # the writer's own description
        ("Aggressive patients are unacceptable on this ward.", "aggressive"),
    ],
)
def test_uses_are_still_findings(text, word):
    assert any(word in f for f in flagged(text))


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_emphasis_alone_is_not_a_mention(tmp_path, suffix):
    doc = tmp_path / f"note{suffix}"
    doc.write_text("He was *non-compliant* with his tablets.\n", encoding="utf-8")
    code, out, _ = check_in_process("--format", "json", str(doc))
    assert code == 1
    found = json.loads(out)
    texts = [f["text"] for file in found["files"] for f in file["findings"]] if "files" in found else [
        f["text"] for f in found["findings"]
    ]
    assert "non-compliant" in texts


def test_emphasis_inside_a_mention_frame_is_a_mention_in_markdown(tmp_path):
    doc = tmp_path / "guide.md"
    doc.write_text("Avoid the term *non-compliant* in notes.\n", encoding="utf-8")
    code, _, _ = check_in_process(str(doc))
    assert code == 0


@pytest.mark.parametrize(
    "text",
    [
        "For readers unfamiliar with what a drug seeker is, an explanation follows.",
        "Non-compliance means not taking medication as prescribed.",
        "Non-compliance is defined as not following advice.",
        "Noncompliance is literally defined as not following advice.",  # an adverb between
        "Drug abuse = drug misuse, harmful use",
    ],
)
def test_definitions_are_mentions(text):
    assert flagged(text) == []


def test_a_definition_by_intent_is_a_mention_but_the_term_in_use_is_not():
    assert "malingering" not in flagged("Malingering is the intentional production of false symptoms.")
    assert "malingering" in flagged("Malingering is common in this unit.")
    assert "non-compliance" in flagged("Non-compliance is the main reason for relapse.")


def test_self_description_in_the_future_or_always_is_the_persons_own_words():
    assert flagged("I'll always be an addict, but most days are fine.") == []
    assert flagged("He'll always be an addict.")  # a description of someone else


def test_a_glossary_line_defines_the_whole_phrase():
    assert flagged("A dirty drug screen = testing positive for substance use") == []
    assert flagged("He had a dirty drug screen, so the dose was held.")


def test_a_value_after_equals_is_a_note_not_a_definition():
    assert flagged("Non-compliant = yes")


@pytest.mark.parametrize(
    "text",
    [
        "I identified as an addict for ten years.",
        "I used to be a junkie.",
        "I became an alcoholic after the accident.",
    ],
)
def test_first_person_identification_is_self_description(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    ["I think he is an addict.", "I saw the alcoholic patient in clinic.", "We placed her on 1:1 obs."],
)
def test_first_person_writing_about_someone_else_is_checked(text):
    assert flagged(text)


def test_a_first_person_doubt_about_someone_else_is_not_self_description():
    assert flagged("I remain unconvinced by his history of seizures.")


@pytest.mark.parametrize(
    "text",
    [
        "Calling someone an addict reduces them to their drug use.",
        "Labelling people manipulative damages trust.",
        "Describing patients as non-compliant ignores their reasons.",
        "What does manipulative mean?",
    ],
)
def test_talk_about_the_practice_of_labelling_is_a_mention(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Delayed discharge, known in the literature as bed-blocking, is common.",
        "Patients known among staff as frequent flyers were interviewed.",
    ],
)
def test_a_place_phrase_between_a_label_verb_and_as_keeps_the_frame(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "They just viewed me as another crazy person.",  # a determiner between 'as' and the label
        "Staff saw him as just some junkie.",
        "I was treated like a drug seeker by the doctors.",  # treating the writer like, as treating as
        "I am tired of the stigma of being treated like a drug seeker.",
        "They treat us like addicts at that clinic.",
    ],
)
def test_how_others_viewed_or_treated_the_writer_is_reported_labelling(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("We treated him like an addict.", "an addict"),  # the writer's own treating
        ("The police treated him like a junkie.", "junkie"),  # the writer's label for another person
        ("Witnesses saw him acting like a lunatic.", "lunatic"),  # a verb between: a simile
        ("He sounds like an addict.", "an addict"),  # a simile after any other verb
        ("He behaves like a junkie.", "junkie"),
    ],
)
def test_a_simile_in_the_writers_words_is_a_use(text, word):
    assert word in flagged(text)


def test_the_writers_own_label_with_a_place_phrase_is_a_use():
    assert flagged("Patients we know in our unit as frequent flyers.") == ["frequent flyers"]


def test_labelling_a_particular_person_is_reported_by_the_writer():
    # the policy's "Reported labelling": the writer tells of another's act
    assert flagged("He is calling her a psycho again.") == []
    assert flagged("I am calling him a psycho, because he is one.") == ["psycho"]


@pytest.mark.parametrize(
    "text, word",
    [("Pt called and refused appointment.", "refused"), ("She called, refused to give details.", "refused to")],
)
def test_a_labelling_verb_must_take_the_term_as_its_object(text, word):
    assert word in flagged(text)


def test_a_list_after_avoid_is_all_mentioned():
    assert flagged("Avoid: refused, non-compliant, manipulative.") == []


def test_a_notes_diagnosis_field_is_a_use():
    assert flagged("Diagnosis: alcohol abuse.")
    assert flagged("The diagnosis alcohol abuse is outdated.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Staff still write non-compliant, a word that blames the person.",
        "Many notes say frequent flyer (a label staff use for people in crisis).",
    ],
)
def test_a_term_in_apposition_to_a_mention_noun_is_mentioned(text):
    assert flagged(text) == []


def test_apposition_to_a_person_is_a_use():
    assert flagged("He is non-compliant, a patient who never attends.")


def test_a_noun_use_is_not_a_verb_of_saying():
    """'Admits to heroin use, alcohol abuse as well': 'use' is a noun here, so the
    'to use X' mention frame does not apply; 'try not to use X' still is one."""
    from tilint import lint_text

    assert any(f.rule == "TI346" for f in lint_text("Admits to heroin use, alcohol abuse as well."))
    assert not any(f.rule == "TI346" for f in lint_text("Try not to use substance abuse in notes."))


@pytest.mark.parametrize(
    "text",
    [
        # a run of terms after a colon whose lead-in names words or labels
        "Words that carry blame include: junkie, addict, crackhead and abuser.",
        "The guide lists these labels: manipulative, attention seeking, non-compliant.",
        "Terms to retire: frequent flyer, bed blocker.",
        # an example of use inside such a run
        "Some words feel harsh to people in recovery: addict, or abuser, as in he is a drug abuser.",
    ],
)
def test_a_run_of_terms_after_a_colon_naming_words_is_a_mention(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, span",
    [
        ("Diagnosis: schizophrenic, non-compliant with depot.", "non-compliant"),  # a note's field
        ("Plan: he refused his depot, review on Monday.", "refused"),
        ("Risks: aggressive when drunk, manipulative with staff.", "manipulative"),
    ],
)
def test_a_colon_without_words_or_labels_before_it_is_still_a_use(text, span):
    assert span in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her distress may be interpreted as challenging behaviour.",
        "Staff misinterpreted her request for pain relief as drug seeking.",
        "His silence was misread as manipulative.",
    ],
)
def test_a_label_someone_reads_into_behaviour_is_reported(text):
    assert flagged(text) == []


def test_the_writer_interpreting_is_still_a_use():
    assert "manipulative" in flagged("I interpreted his behaviour as manipulative.")


@pytest.mark.parametrize(
    "text, span",
    [
        # a comma after a verb of speaking ends its object: what follows is a use
        ("He was reluctant to talk, insisting that he was fine.", "insisting"),
        ("She refused to speak, claiming that staff had lied to her.", "claiming"),
    ],
)
def test_a_match_after_a_comma_is_not_the_object_of_a_speech_verb(text, span):
    assert span in flagged(text)


def test_the_object_of_a_speech_verb_after_a_cue_is_still_a_mention():
    assert flagged("Try not to say junkie in any record.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The physician should not assume that the patient is simply drug seeking.",
        "Do not assume that the patient is drug seeking.",
        "Never assume a patient is manipulative.",
        "Staff must never assume a patient is manipulative.",
    ],
)
def test_advice_against_holding_a_view_is_not_a_description(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("I did not think she was manipulative.", "manipulative"),  # a view someone did not hold
    ],
)
def test_a_view_not_held_is_still_a_use(text, word):
    assert word in flagged(text)


def test_the_end_of_a_hyphenated_compound_is_not_the_noun_term():
    assert "sufferer" in flagged("She is a long-term sufferer of depression.")
    assert flagged("The term sufferer is outdated.") == []
