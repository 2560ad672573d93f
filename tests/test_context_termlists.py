"""Lists and tables of terms in training material (policy: mention, not use): an entry
that holds only the term, under a heading about language, is listed, not used; a note's
own headings and table cells, and running text, stay uses."""

from __future__ import annotations

import pytest

import tilint
from tilint.termlists import in_term_list

TABLE = """Below are some phrases that may be used.
Deficit-Based Language | Recovery-Oriented Language |
1) Attention seeking | 1) Connection seeking |
2) Refused | 2) Declined |
16) She is schizophrenic | 16) She is a person living with schizophrenia |
17) Drug/alcohol abuse | 17) Problematic substance use |
"""

LINES = """Recovery-Oriented Language

Is a schizophrenic

Is a person diagnosed with schizophrenia who experiences the following

Kicking off

Expressing distress

Is clean (from drugs)

No longer takes drugs
"""


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


def test_a_table_of_terms_under_a_language_header_is_listed():
    assert flagged(TABLE) == []


def test_short_lines_under_a_language_heading_are_listed():
    assert flagged(LINES) == []


@pytest.mark.parametrize(
    "term",
    ["Attention seeking", "Refused", "is schizophrenic", "alcohol abuse"],
)
def test_each_cell_is_found(term):
    start = TABLE.index(term)
    assert in_term_list(TABLE, start, start + len(term))


@pytest.mark.parametrize(
    "text, word",
    [
        # a care record's table: no heading about language above it
        ("Medication | Time | Status\nOlanzapine | 08:00 | Refused\n", "refused"),
        # a policy's own heading is a use (policy: headings are uses)
        ("Ward procedures\n\nAbsconded patients\n\nStaff will search the grounds.\n", "absconded"),
        # running text under a language heading is still checked
        ("Language matters\n\nHe refused his medication again and shouted at staff on the ward today.\n", "refused"),
        # a cell with more than the term is a sentence, not an entry
        ("Words to avoid\nThe patient refused all of her tablets this morning | declined\n", "refused"),
    ],
)
def test_uses_outside_a_term_list_stay(text, word):
    assert word in flagged(text)


def test_a_later_item_of_a_listed_run_is_a_mention():
    text = "Words like junkie, addict, alcoholic, crackhead, and abuser reduce a person to one thing."
    assert flagged(text) == []


def test_a_run_of_descriptions_without_a_mention_noun_stays_a_use():
    assert "crackhead" in flagged("He was rude, loud, angry, a crackhead, and a liar.")


MYTHS = """Myths

People who self-harm are attention seeking

People who self-harm must like the pain

Facts

Self-harm is a coping mechanism, and she was attention seeking once.
"""


def test_a_myth_a_handout_corrects_is_reported():
    assert flagged("Myth: people who self-harm are attention seeking.") == []
    assert [f.text for f in tilint.lint_text(MYTHS)] == ["attention seeking"]  # the one under 'Facts'


@pytest.mark.parametrize("text", ["The course covers:\nA cry for help?\nIs it all just attention-seeking?\n"])
def test_a_short_question_about_a_notion_is_not_a_description(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("What Makes Some Alcoholics Aggressive?", "alcoholics"),  # a question about people
        ("Is he manipulative?", "manipulative"),
        ("Is it true that patients who refuse medication are manipulative and have to be restrained?", "manipulative"),
    ],
)
def test_questions_about_people_stay_uses(text, word):
    assert word in flagged(text)


def test_a_deficit_label_on_staff_is_not_about_a_person_using_services():
    assert flagged("Some healthcare providers are too lazy to update your diagnosis.") == []
    assert "uncooperative" in flagged("He was uncooperative with staff.")  # towards staff: his behaviour


GUIDE = """Language used in charting should be precise and factual.
Client is non-compliant VS Client said the tablets make him feel sick
Client has poor insight and is a safety risk VS Client found smoking with oxygen in use
Avoid phrases like:
* Patient apparently slept well.
* Patient seems to feel ok.
"""


def test_the_rejected_side_of_a_contrast_and_examples_to_avoid_are_listed():
    assert flagged(GUIDE) == []


def test_the_recommended_side_of_a_contrast_is_still_checked():
    text = "Language in notes\nWound is infected VS Skin is red and the client complains of pain\n"
    assert flagged(text) == ["complains of"]


def test_a_bullet_list_without_an_avoid_lead_in_is_checked():
    assert "apparently" in flagged("Night summary:\n* Patient apparently slept well.\n")


def test_a_long_line_is_running_text_and_each_hit_looks_only_so_far():
    from tilint.termlists import _LINE_CHARS, _short_line

    text = "Words to avoid\n" + "She refused. " * 1000
    start = text.index("refused", 5000)
    assert _short_line(text, start, start + 7) is None  # the line is far longer than a list entry
    short = "Words to avoid\nrefused\n"
    assert _short_line(short, 15, 22) == (15, 22)
    assert _short_line("x" * (_LINE_CHARS - 1) + "\nrefused", _LINE_CHARS, _LINE_CHARS + 7) == (_LINE_CHARS, _LINE_CHARS + 7)
    # every use on a long line is still reported
    import tilint

    assert sum(f.rule == "TI102" for f in tilint.lint_text(text)) == 1000


@pytest.mark.parametrize(
    "text",
    ["Abuse / Abuser EXAMPLE: He's a drug abuser.", "Example: Pt refused meds and was aggressive.", "Example 2 - She is an addict."],
)
def test_a_sentence_labelled_as_an_example_illustrates_wording(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("For example, he refused his meds on Monday.", "refused"),  # no label: running text
        ("Example: the note says he is calm. He refused his meds.", "refused"),  # a later sentence
    ],
)
def test_running_text_after_an_example_is_a_use(text, word):
    assert word in flagged(text)
