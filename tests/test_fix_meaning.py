"""A safe fix keeps the sentence's grammar and meaning: the cases a blind review of
`tilint check --diff` found broken (thirty-second session), each now either fixed right or
left as a suggestion, and the plain forms that stay fixed."""

from __future__ import annotations

import pytest

from tilint import Config, lint_text
from tilint.fix import fix_text, plan_fixes


def _fixed(text: str, kind: str = "text") -> str:
    after, _, _ = fix_text(text, lambda t: lint_text(t, Config(), kind=kind))
    return after


@pytest.mark.parametrize(
    ("text", "after"),
    [
        # the article follows the replacement
        ("She made an unsuccessful suicide attempt in 2019.", "She made a suicide attempt in 2019."),
        ("An unsuccessful suicide attempt was recorded.", "A suicide attempt was recorded."),
        # one rule's phrase, not two overlapping ones ("suicide attempt bid")
        ("She made an unsuccessful suicide bid.", "She made a suicide attempt."),
        ("He made two unsuccessful suicide bids last year.", "He made two suicide attempts last year."),
        # a Title Case heading keeps its style
        ("Working With Schizophrenics", "Working With People with Schizophrenia"),
        ("Substance Abuse", "Substance Use"),
        # the plain forms stay fixed
        ("She is a self-harmer.", "She is a person who self-harms."),
        ("She is schizophrenic.", "She has schizophrenia."),
        ("Stroke victims were invited.", "People who have had a stroke were invited."),
        ("He claims to be a nurse.", "He reports being a nurse."),
        ("An addict was brought in.", "A person with an addiction was brought in."),
        ("She attempted to commit suicide in 2019.", "She attempted suicide in 2019."),
        # headings keep their case, in capitals and in Title Case (hyphenated words too)
        ("SUPPORT FOR DRUG ADDICTS", "SUPPORT FOR PEOPLE WITH A DRUG ADDICTION"),
        ("# Housing the Mentally Ill", "# Housing People with Mental Health Problems"),
        ("# Working With Self-Harmers: Training Slides", "# Working With People Who Self-Harm: Training Slides"),
    ],
)
def test_fix_keeps_grammar(text: str, after: str) -> None:
    kind = "markdown" if text.startswith("#") else "text"
    assert _fixed(text, kind) == after


@pytest.mark.parametrize(
    "text",
    [
        # a modifier before the label would end up on "person" or "people"
        "Repeat suicide attempters are offered a care coordinator.",
        "She is a prolific self-harmer.",
        "The former self-harmer now volunteers with the charity.",
        "Severe dementia sufferers are cared for on Ward 2.",
        "Known addicts are barred from the pharmacy.",
        "Acute stroke victims are taken straight to CT.",
        # inside a compound
        "Non-diabetics were used as controls.",
        # a place after the label would move onto the new clause's verb
        "The self-harmer in bay 5 needs her dressings changed.",
        # a clause in the present in a sentence about the past
        "She was a self-harmer as a teenager.",
        # a hedge or adverb inside the match would be lost
        "He is probably bipolar.",
        "She is clearly schizophrenic.",
        # a possessive inside the match would be lost
        "The psych patient's belongings were stored in the office.",
        # "reports being hearing voices"
        "He claims to be hearing voices.",
        # the verb's word as a noun: "her attempt suicide"
        "Her attempt to commit suicide was interrupted by her flatmate.",
        "He has made two attempts to commit suicide this year.",
        # the substance would be lost: "a person in recovery"
        "She is a recovering alcoholic and attends meetings twice a week.",
    ],
)
def test_fix_that_would_change_meaning_is_only_a_suggestion(text: str) -> None:
    found = lint_text(text, Config())
    assert found, text  # still flagged
    assert _fixed(text) == text


def test_the_writers_own_article_is_left_when_it_did_not_fit_the_phrase() -> None:
    # "a unsuccessful" was already wrong: only an article that fitted the phrase is changed
    text = "She made a unsuccessful suicide attempt."
    edits = plan_fixes(text, lint_text(text, Config()))
    assert edits
    assert all(start >= text.index("unsuccessful") for start, _, _ in edits)
