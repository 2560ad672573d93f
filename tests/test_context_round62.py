"""Mechanisms from the twenty-seventh session's work on the dev split. An abbreviation in
brackets after a modifier names the words before it and is not part of the noun phrase
("non-compliant (NC) areas"); a reaction to a drug or an allergen is an event, like a fall,
while a named reaction ("acute stress reaction") stays a condition. The cases a blind
review found (a patient refusing "the application of" a dressing, reactions that are
diagnoses, people whose noun follows "balloon") are kept as regressions. Later forms:
"successful suicides", "resistant to admission" (not "admission of liability").
A third review withdrew reading staff words nearby as the ones resisting: in notes they
report or attend ("Nurse aware, pt resistant to care")."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import syntax


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "at", "after"),
    [
        ("noncompliant (NC) balloons", 1, 4),
        ("aggressive (AGG) patients", 1, 4),
        # not an abbreviation: lower case, a word of the sentence, too long, or no closing bracket
        ("noncompliant (today) with", 1, 1),
        ("noncompliant (ABCDEFGH) balloons", 1, 1),
        ("noncompliant (NC balloons", 1, 1),
        # nothing after the brackets
        ("noncompliant (NC)", 1, 1),
    ],
)
def test_past_abbreviation(text: str, at: int, after: int) -> None:
    doc = spacy.blank("en")(text)
    assert syntax._past_abbreviation(doc, at, len(doc)) == after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Non-compliant (NC) areas of the audit are listed below.", []),
        ("Use a non-compliant balloon for the lesion.", []),
        # the brackets do not hide the person the label is about
        ("Aggressive (AGG) patients were moved to the side room.", ["aggressive"]),
        ("She was non-compliant (DNA) again today.", ["non-compliant"]),
        ("He was suffering from an allergic reaction to the dye.", []),
        ("He was suffering from a violent acute dystonic reaction.", []),
        ("He is suffering from schizophrenia.", ["suffering from"]),
        ("She suffers from an acute stress reaction.", ["suffers from"]),
        ("He is suffering from a grief reaction.", ["suffering from"]),
        ("She suffers with panic reactions in crowds.", ["suffers with"]),
        ("The judge refused his appeal.", []),
        ("He refused the medication.", ["refused"]),
        ("The patient refused the application of the dressing.", ["refused"]),
        ("She refused our appeals to return to the ward.", ["refused"]),
        ("Balloon sellers were aggressive.", ["aggressive"]),
        # an illness is aggressive as a tumour is; the person still can be
        ("He has an aggressive illness.", []),
        ("He was aggressive during his illness.", ["aggressive"]),
        # a second review's cases, kept as regressions after "described <noun phrase> as X"
        # and thing passives were withdrawn: documents, the writer's team and names are
        # not others describing, and first names are not things
        ("The referral letter described the patient as manipulative.", ["manipulative"]),
        ("Our team described the patient as manipulative.", ["manipulative"]),
        ("Staff should describe patients who miss doses as non-compliant.", ["non-compliant"]),
        ("Ruby was placed on level 3 observations after she tied a ligature.", ["placed on level 3 observations"]),
        ("A total of 12 patients were placed on observations.", ["placed on observations"]),
        # forms: "successful suicides"; "resistant to admission to hospital" said of the
        # person, not "admission of liability" nor people abused who use drugs
        ("Many successful suicides are not preventable.", ["successful suicides"]),
        ("The patient would be resistant to admission to hospital.", ["resistant to admission"]),
        ("He was resistant to admission.", ["resistant to admission"]),
        ("Nurse aware, pt resistant to care.", ["resistant to care"]),
        ("The club was resistant to admission of women.", []),
        ("He was resistant to admission of liability.", []),
        ("People who use drugs abused by police reported trauma.", []),
    ],
)
def test_linting(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected
