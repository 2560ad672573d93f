"""General context machinery against false alarms (issue 10): each mechanism works for
every rule of its scope, so it is tested with sentences written for these tests (none
from the corpus), each next to a use of the same word that must stay a finding.

* a belief's 'that' clause (the myth/stereotype/misconception that ...): reported labelling;
* the rejected side of a contrast ('..., not X', 'A rather than X'): describes no one;
* a glossary headword defined after a colon ('X: a term for ...');
* a phase verb between the narrator and the match ('I started suffering from ...');
* imperatives addressed to the reader ('Don't deny their feelings', 'Stop insisting ...');
* complaints of conditions rather than symptoms (lexicons/classes/grievances.yml);
* the practice of labelling in the infinitive ('is it fair to call a patient X?').
"""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import context


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text, word",
    [
        ("A common myth is that people who self-harm are attention-seeking.", "attention-seeking"),
        ("The stereotype that heavy drinkers are unmotivated keeps them from help.", "unmotivated"),
        ("We challenge the misconception that people on methadone are not clean.", "clean"),
        ("There is a widespread belief that frequent attenders are frequent flyers by choice.", "frequent flyers"),
    ],
)
def test_a_belief_clause_reports_the_label(text, word):
    assert word not in " ".join(flagged(text))


@pytest.mark.parametrize(
    "text, word",
    [
        ("She is attention-seeking, and that is the problem.", "attention-seeking"),  # "that" with no belief noun
        ("The stigma that addicts face is real.", "addicts"),  # the word itself, not a belief's predicate
        ("I think that he is attention-seeking.", "attention-seeking"),  # the writer's own view
    ],
)
def test_a_that_clause_without_a_belief_noun_stays_a_use(text, word):
    assert word in " ".join(flagged(text))


@pytest.mark.parametrize(
    "text, word",
    [
        ("The missed doses reflect a gap in knowledge, not noncompliance.", "noncompliance"),
        ("She was frightened, not attention-seeking.", "attention-seeking"),
        ("Ask about the side effects rather than denying the person's experience.", "denying"),
        ("Offer choices at every step instead of the word non-compliant.", "non-compliant"),
    ],
)
def test_the_rejected_side_of_a_contrast_describes_no_one(text, word):
    assert word not in flagged(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Not compliant with the plan, and not attending.", ""),  # no contrast before "not": unchanged
        ("Instead of refusing, he left.", "refusing"),  # a contrast that opens the sentence
        ("He was non-compliant, not just forgetful.", "non-compliant"),  # the accepted side
    ],
)
def test_a_contrast_leaves_the_accepted_side_alone(text, word):
    if word:
        assert word in flagged(text)
    nlp = spacy.blank("en")
    doc = nlp("Not compliant today.")
    assert not context.contrasted(doc, 1, doc[:])


@pytest.mark.parametrize(
    "text",
    [
        "Noncompliance: a term for a patient not following the plan of care.",
        "**Frequent flyer**: a label for someone who attends the emergency department often.",
        "- Malingering: the deliberate production of false symptoms for gain.",
    ],
)
def test_a_glossary_headword_is_defined_not_used(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Non-compliant: yes",  # a note's field and its value
        "Noncompliance: missed four doses this week.",  # a heading followed by an entry
        "Elopement: when a patient leaves the unit without agreement.",  # a policy's heading, a use
        "Non-compliant - the patient will not take lithium.",  # a dash is a heading's, not a glossary's
    ],
)
def test_headings_and_fields_stay_uses(text):
    assert flagged(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "I started suffering from panic attacks when I was at school.",
        "I began suffering with my nerves after the accident.",
        "I kept suffering from flashbacks for years.",
        "I tried committing suicide when I was nineteen.",  # the narrator's own act
    ],
)
def test_a_phase_verb_keeps_the_narrator_as_subject(text):
    assert flagged(text) == []


def test_a_phase_verb_does_not_carry_the_narrator_to_someone_else():
    text = "My brother started suffering from depression when I was at school."
    assert "suffering from" in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Don't deny their feelings; name them.",
        "Never deny what a person tells you about their pain.",
        "Stop insisting that people take medication they do not want.",
        "Avoid denying the person's experience of the voices.",
        "Please do not insist on an answer straight away.",
        "Do not confront, deny or argue with what the person hears.",  # a later verb of the list
        "Do not dismiss, deny or argue with what the person hears.",  # a base form ending in -ss
        "Hallucinations: do not confront or deny them.",  # after a lead-in and a colon
    ],
)
def test_imperatives_address_the_reader(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("Denies SI.", "denies"),
        ("He will stop denying it eventually.", "denying"),  # "stop" not opening the sentence
        ("Not insisting on discharge today.", "insisting"),  # a note's participle, not an imperative
        ("He did not confront, deny or argue.", "deny"),  # a list after a subject, not the cues
        ("Notes: denies pain.", "denies"),  # a third-person form after a lead-in
    ],
)
def test_notes_and_third_persons_are_not_imperatives(text, word):
    assert word in " ".join(flagged(text))


@pytest.mark.parametrize(
    "text",
    [
        "Neighbours complained of noise from the flat late at night.",
        "Families complain of long waits for an assessment.",
        "Residents complained of damp and mould in the rooms.",
    ],
)
def test_complaints_of_conditions_are_grievances(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He complains of pain in his left knee.",
        "Complains of a lack of sleep since the move.",
        "She complained of feeling low all week.",
    ],
)
def test_complaints_of_symptoms_stay_findings(text):
    assert any("complain" in w for w in flagged(text))


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Is it ever fair to call a patient a frequent flyer?", "frequent flyer", False),
        ("It is unkind to label someone as attention-seeking.", "attention-seeking", False),
        # the writer tells of others calling a particular person it: reported labelling (policy)
        ("The nurses started to call him a frequent flyer.", "frequent flyer", False),
        ("We had to call the patient a frequent flyer.", "frequent flyer", True),
    ],
)
def test_the_practice_of_labelling_in_the_infinitive(text, word, expected):
    assert (word in flagged(text)) is expected


@pytest.mark.parametrize(
    "text",
    [
        "As a recovering alcoholic, I try to be honest with people.",
        "As an addict myself, I know the shame of it.",
        "Looking back, I was a pretty difficult patient.",
    ],
)
def test_self_descriptions_with_as_a_and_degree_words(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "As an addict, she was turned away twice.",  # the 'as a' phrase describes her
        "He was a pretty difficult patient.",
        "He lived as a junkie for years, I think.",  # 'as' after a verb, about someone else
    ],
)
def test_as_a_about_someone_else_stays_a_finding(text):
    assert flagged(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Has anyone else been told they lack insight just because they disagree?",
        "Nobody here thinks you're attention-seeking; we've all been there.",
        "No one said she was a frequent flyer.",
        "It's not about being non-compliant, the side effects are awful.",
        "Mods, please remove posts that call people junkies.",
    ],
)
def test_forum_frames_of_reported_or_denied_labels(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("I think you're attention-seeking.", "attention-seeking"),  # the writer's own view
        ("I call people junkies all the time.", "junkies"),  # the writer's own labelling
        ("He is not just non-compliant.", "non-compliant"),
        ("Most staff think she is a frequent flyer.", "frequent flyer"),  # someone does hold the view
    ],
)
def test_views_someone_holds_stay_findings(text, word):
    assert word in " ".join(flagged(text))


def test_a_stray_straight_quote_does_not_hide_the_quotation_after_it():
    text = '"At the inquest they said “his absconsion led to the fall”.'
    regions = context.quote_regions(text)
    start = text.index("absconsion")
    assert context.inside(start, start + len("absconsion"), regions) is not None
    assert flagged(text) == []
    assert "absconded" in " ".join(flagged('Notes: a 3" wound. He absconded from the ward at noon.'))  # nothing quoted after it


@pytest.mark.parametrize(
    "text, word",
    [
        ("We will use this instead of: drug abuser, alcoholic, addict.", "addict"),
        ("Say person who uses drugs rather than addict, junkie or user.", "junkie"),
        ("Use these words, not addict or junkie.", "junkie"),
    ],
)
def test_every_item_of_a_rejected_list_is_rejected(text, word):
    assert word not in flagged(text)


def test_a_list_that_is_not_contrasted_stays_a_use():
    assert flagged("He is an addict, and an alcoholic.") == ["an addict", "an alcoholic"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Uncooperative how? Ask what he did not want to do.", []),
        ("Non-compliant - really? Ask about side effects first.", []),
        ("Is he non-compliant?", ["non-compliant"]),  # a question about a person, a use
        ("Non-compliant with meds. Why? Side effects.", ["non-compliant"]),  # the question is not about the term
    ],
)
def test_a_term_questioned_on_its_own(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "People like me, who were addicts for years, know how hard it is to ask.",
        "Me and the other addicts on the ward played cards every night.",
        "I was one of those junkies you cross the street to avoid.",
        "My notes describe me as a frequent flyer.",  # others' description of the narrator
        "They treated me as a junkie, I felt.",
    ],
)
def test_the_narrators_own_group(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "People like him, who were addicts, get no help.",
        "Her and the other addicts were moved to another ward.",
        "He was one of those junkies you see on the street.",
        "I would describe him as a frequent flyer.",
    ],
)
def test_someone_elses_group_stays_a_finding(text):
    assert flagged(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "The paper was criticised for calling him a psycho on its front page.",
        "She apologised for calling them junkies.",
        "Residents complained of rats in the stairwell.",
    ],
)
def test_news_frames(text):
    assert flagged(text) == []


def test_labelling_someone_in_the_writers_own_clause_stays_a_finding():
    assert "psycho" in flagged("I keep calling him a psycho.")


def test_another_persons_calling_someone_a_label_is_reported_labelling():
    # the policy's "Reported labelling": the writer tells of her act, not applying the label
    assert flagged("Calling him a psycho, she left the room.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Her flatmate reportedly left the house at nine.",
        "The letter apparently never arrived.",
        "Apparently the email was never sent.",
        "Her family were reportedly told on the Friday.",
        "His mother complained of poor communication from the ward.",
    ],
)
def test_doubting_words_about_facts_and_third_parties(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The patient apparently took twenty tablets.",
        "He apparently took twenty tablets.",
        "John apparently took twenty tablets.",  # a name: a person
        "The pain apparently started yesterday.",  # the person's account of a symptom
        "Pt reportedly hearing voices.",
        "Supposedly the bruises came from a fall.",  # things in the person's own account
    ],
)
def test_doubting_words_about_the_persons_account_stay_findings(text):
    assert flagged(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "The cat escaped from the garden again.",
        "An aggressive dog attacked the postman.",
        "The dog reportedly bit a child.",
        "The server was non-compliant with the security baseline.",
    ],
)
def test_animals_and_computers_are_no_ones_person(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text", ["He escaped from the ward at noon.", "The patient was non-compliant with the plan."]
)
def test_the_same_words_of_a_person_stay_findings(text):
    assert flagged(text) != []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The trust manages five inpatient units across the county.", []),
        ("She manages client accounts for the charity.", []),
        ("We managed the patient on the ward overnight.", ["managed"]),
        ("Staff managed patients with psychosis on the unit.", ["managed"]),
    ],
)
def test_a_people_noun_that_modifies_another_noun_is_not_the_object(text, expected):
    assert flagged(text) == expected


def test_window_has_head_reads_one_word_past_the_window():
    from tilint.compiled import WindowSpec

    spec = WindowSpec(words=frozenset({"patients"}), phrases=(), size=2)
    people, heads = frozenset({"patients"}), frozenset({"records"})
    assert not context.window_has_head(["the", "patients", "records"], spec, people, heads)
    assert context.window_has_head(["the", "patients", "today"], spec, people, heads)
    assert context.window_has_head(["the", "patients"], spec, people, heads)


@pytest.mark.parametrize(
    "text",
    [
        "See: Smith J. Managing the Difficult Patient. London: Sage; 2010.",
        "The Bipolar UK helpline is open on weekdays.",
    ],
)
def test_references_after_a_lead_in_and_names_ending_in_uk(text):
    assert flagged(text) == []


def test_a_reference_lead_in_needs_an_author_and_a_year():
    assert "difficult patient" in flagged("He is a difficult patient, see notes from 2010.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Acting out is a defence mechanism in which feelings are expressed through actions.", []),
        ("He is acting out again on the ward.", ["acting out"]),
        ("Non-compliance is a complex phenomenon with many causes.", ["non-compliance"]),  # not a mechanism
    ],
)
def test_a_term_defined_as_a_defence_mechanism(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I used for ten years. When you're an addict, everything revolves around the next fix.", []),
        ("I know how it feels. Once you are clean, the world looks different.", []),
        ("If you are an addict, call our helpline today.", ["an addict"]),  # no first-person writing
        ("He used for years. When you're an addict, nothing else matters.", ["an addict"]),
    ],
)
def test_the_narrators_generic_you(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Question 4: Which phrase is stigmatising? a) committed suicide b) died by suicide", []),
        ("Which phrase is less stigmatising?\na) committed suicide\nb) died by suicide", []),
        ("Which action should the nurse take? a) tell the non-compliant client to leave b) ask why", ["non-compliant"]),
        ("Which patient committed suicide? a) Mr A b) Mr B", ["committed suicide"]),
    ],
)
def test_options_of_a_question_about_wording(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He was escorted to the appointment by his sister.", []),
        ("His brother escorted him to the clinic.", []),
        ("He was escorted back to the ward by two nurses.", ["escorted"]),  # staff
        ("Staff escorted him to his room.", ["escorted"]),
    ],
)
def test_a_relative_is_not_a_service_holding_power(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I won't say he committed suicide. It sounds like a crime.", []),
        ("We will not say she is an addict.", []),
        ("He committed suicide, I would say.", ["committed suicide"]),  # no refusal
    ],
)
def test_the_writer_declining_a_wording(text, expected):
    assert flagged(text) == expected


def test_a_flattened_table_row_under_a_language_header():
    text = "Words to avoid Words to use\nAddict Person with substance use disorder\nJunkie Person who uses drugs"
    assert flagged(text) == []
    assert flagged("Ward round notes\nJunkie, asking for methadone again") == ["junkie"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The care home was at fault for failing to follow its falls policy.", []),
        ("The trust was criticised for failing to assess her.", []),
        ("She was discharged for failing to attend.", ["failing to attend"]),  # her own gerund
        ("Mr A was fined for failing to engage with probation.", ["failing to engage with"]),
    ],
)
def test_a_gerund_after_a_preposition_is_done_by_the_sentences_service(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I was not allowed to join him in his room.",  # the passive written out in the match
        "I wasn't allowed my phone for a week.",
        "We weren't allowed cell phones, but the hospital was liberal.",  # the narrator's group
    ],
)
def test_permission_withheld_from_the_narrator_is_their_own_account(text):
    assert flagged(text) == []


def test_permission_withheld_from_someone_else_stays_a_finding():
    assert "allowed" in " ".join(flagged("He wasn't allowed his phone for a week."))
    assert flagged("We placed him on obs.")  # staff's own act
