"""Mechanisms from the thirty-first session's work on the dev halves of blind rounds 85-92
and its two blind reviews: whose act or account a verb is ("neither ... nor ...", a clipped
passive after something asked for, "claim" taking something, a relative's demand or account),
mention frames and titles, self-description, and forms found (admitted acts, refused aids,
condition adjectives, "completed suicide" in the default set)."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The firm neither admitted to nor denied the regulator's findings.",  # the firm's act
        "Judgment reversed, on the law, without costs, and motion denied.",  # what was asked for
        "Appeal denied.",
        "Petition denied, the court held that the claim was out of time.",
        "Some readers may be offended by the terms commit or complete suicide.",  # terms, not uses
        "Do not call an attempt successful. Instead, say completed suicide or died by suicide.",
        "The County did not prove her incompetent to refuse medical treatment.",  # a capacity
        "A spokesperson says the senator denies any knowledge of the accusations.",  # an official
        "The senator also rejected criticism, insisting that they had been friends.",  # "also" ends no name
        # a relative's demand is theirs; a relative's account speaks for the person (below)
        "Two days later, her boyfriend insisted she go to the hospital.",
        "His mother insisted that he should be seen by a doctor.",
        "My father insisted that I go into a private hospital.",
        "The patient's husband insisted on speaking to the psychiatrist first.",
        "Her mother was adamant that she should stay in hospital.",  # a demand, as an adjective
        "The tests failed to show any improvement.",  # another sense of "show"
        "The device did not comply with the standard.",  # a thing's compliance
        "The suspect confessed that he had stolen the car.",  # a crime, confessed
        "All ward staff completed suicide prevention training in March.",  # "suicide" modifies a noun
        "She completed suicide risk screening for every admission.",
        "A successful suicide prevention strategy needs good data.",
        "Ms Grant was seen in clinic today.",  # a surname after an honorific
        "And yes, malingerer really is the noun form of malinger.",  # a term's form
        "She argues that psychotic should only be used when referring to people with psychosis.",
        "Calling substance use disorders a habit denies the medical nature of the condition.",  # a thing's subject
        "Patients admitted for being a danger to themselves were moved.",  # hospital admission
        "Though usually effective, this treatment suffers from poor long-term adherence.",  # a treatment's trouble
        "The app suffers from frequent crashes.",  # a device's
        "The study suffers from a small sample size.",  # research's
        "I never thought of myself as a sex addict, but I had a problem.",  # self-description
        "Years later I ended up a heroin addict, while my friends carried on.",
        "Steve Davies claimed the points from a debatable penalty.",  # taking, not telling
        "She will always claim a part of my heart.",
        "We covered my book, Diary of a Schizophrenic, and my life with schizophrenia.",  # a title
        "Her memoir Confessions of an Addict was published in 2010.",
    ],
)
def test_not_the_persons_account_nor_a_use(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He neither admitted nor denied drinking before the fall.", "denied"),  # his account
        ("The patient neither confirmed nor denied hearing voices.", "denied"),
        ("Pt denied SI.", "denied"),
        ("He was a long-term smoker and claimed to drink two glasses of brandy a night.", "claimed to"),  # "term" is no mention here
        ("He completed suicide in 2018.", "completed suicide"),  # default set since this session
        ("Suicide completers often had contact with primary care.", "suicide completers"),
        ("Completed suicides rose in 2020.", "completed suicides"),
        ("Dad is quite hard of hearing but refuses to get hearing aids.", "refuses to"),  # an aid is care
        ("He absolutely is refusing to use his CPAP machine.", "refusing to"),
        ("She has been refusing to use the hoist for transfers.", "refusing to"),
        # forms found in rounds 88-91: condition adjectives, negated compliance, substances
        ("Dysphagic patients need modified diets.", "dysphagic patients"),
        ("Hemiplegic patients were assessed by the physiotherapist.", "hemiplegic patients"),
        ("Patients who do not comply with their exercises do worse.", "do not comply with"),
        ("ED visits for hydrocodone abuse have increased.", "hydrocodone abuse"),
        # one list of admitted acts for admit, acknowledge and concede (lexicons/classes/admitted-acts.yml)
        ("She admitted and apologised for hitting the nurse.", "admitted"),
        ("The resident admitted falling in the night but had not told staff.", "admitted"),
        ("Ms Obi acknowledged and apologised for missing three appointments.", "acknowledged"),
        ("Mr Hale acknowledged hearing voices but said they were not distressing.", "acknowledged"),
        ("He eventually confessed that he had fallen twice in the bathroom.", "confessed that"),
        ("He conceded he had been taking his brother's tablets.", "conceded he had been taking"),
        ("The review followed a successful suicide on the ward.", "successful suicide"),
        ("Death of a Schizophrenic", "a schizophrenic"),  # a headline is checked like any text
        ("Staff spoke of an Addict in bay 3.", "an addict"),
        ("Ann Lee, mother of the patient, insisted her son was unwell.", "insisted"),  # a witness speaking for him
        ("Her husband insisted she was fine.", "insisted"),
        ("Mum was adamant. It was just stress.", "adamant"),
        ("The home did not send her to hospital until a family member insisted.", "insisted"),
        ("He ended up a heroin addict.", "a heroin addict"),  # someone else
        ("She suffers from depression.", "suffers from"),
        ("Schizophrenic patients should be reviewed weekly.", "schizophrenic patients"),  # advice on people, not a term
        ("She claims the staff ignore her.", "claims"),
        ("After the patient failed to show for a rescheduled visit, she returned six weeks later.", "failed to show for"),
        ("She made her next appointment but failed to keep her appointment.", "failed to keep her appointment"),
        ("Failure to respond to established antidepressants was the commonest reason.", "failure to respond to"),  # a clause after the noun phrase
        ("After the hearing Ms Kenny claimed her brother, of Fisher Close, had been made to leave.", "claimed"),
        ("He claimed the Mental Health Review Tribunal (MHRT) order was unlawful.", "claimed"),
    ],
)
def test_the_persons_account_and_uses_stay_findings(text, word):
    assert word in flagged(text)
