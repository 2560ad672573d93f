"""Names and titles in running text and reference lists are not uses; a heading of the
text being checked is."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "She goes to Alcoholics Anonymous on Fridays.",
        "The Spastics Society changed its name in 1994.",  # a former name
        "Smith J, Jones K. Working with the noncompliant patient. Perm J. 2010;14(1):32-40.",
        "1. Ofri D. The noncompliant patient. N Engl J Med. 2012; doi:10.1056/x",
        "Lunatics, Imbeciles And Idiots: A History Of Insanity In Nineteenth-century Britain [PDF]",
        "Non Attendance (Did Not Attend) Policy. Executive Director of Nursing",
        "Read the report Absconding Patients And Their Care before the meeting.",
        "See the report Who Cares For The Mentally Ill? for the history.",  # a cited title, however it reads
        # running text that breaks into four or more capitalised words names a work
        "In their guidance on The Discharge of Mentally Disordered People and their Continuing Care, the department set duties.",
        "At the inaugural meeting of the Challenging Behaviour Community of Practice, staff spoke.",
        "Our team follows the Prevention and Management of Violent and Aggressive Patients approach.",
    ],
)
def test_names_titles_and_references_are_left_alone(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Absconded Patients",  # a heading is checked like any other text
        "Management of Absconded Patients",
        "He was non-compliant, as Smith J. found in 2010.",
        "He was non-compliant (Smith J., 2010).",
        "Clinicians saw that people who suffer from psychosis (Amador, 1993; Smith et al., 2007) struggle.",
        # a Title Case headline has no lowercase content word before the run: checked
        "My Mother Has Bipolar and is Refusing to Take Her Medication!",
        "Supporting a Loved One Who Refuses Their Psychiatric Medications",
        "Staff noted the Challenging Behaviour.",  # too short a run to name a work
        # capitals, emphasis and a heading on its own line are no title
        "Staff note: PATIENT NON-COMPLIANT WITH MEDICATION TODAY.",
        "Patient presented to A&E as a Known Drug Seeker And Frequent Flyer.",
        "This policy applies to all inpatient wards\nManagement Of Absconded Patients And Missing Persons",
        # a headline's clause ("Who", "Was") holds no name, whatever its last word
        "Inquest Into Death Of Man Who Absconded From Mental Health Unit",
        "Patient Was Allowed Out Of Psychiatric Hospital",
    ],
)
def test_headings_and_running_text_with_citations_are_checked(text):
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Staff attend Prevention and Management of Violent and Aggressive Patients (PMVAP) training.",
        "The management of aggressive patient situations (MAPS) curriculum was taught in the ED.",
    ],
)
def test_words_spelt_out_before_their_acronym_name_a_programme(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("He has treatment-resistant schizophrenia (TRS).", "treatment-resistant"),  # an ordinary term's acronym
        ("The management of aggressive patients (MAP) is hard.", "management"),
        ("Staff managed aggressive patients (see below).", "aggressive"),
        ("Management of aggressive patients (MAPS) curriculum.", "Management"),  # initials do not spell it
    ],
)
def test_an_acronym_alone_does_not_make_a_name(text, word):
    assert word in flagged(text)
