"""Forms met in the dev halves of blind rounds 53 to 55, each checked with the uses that must stay
flagged (several of them found by a blind review of the change). A label for people names
them, so what follows it is not what it modifies; a passive with a thing withheld right
after it is done to its subject, whoever the agent; more filler adverbs stand in a phrase's
gaps; a comma list of modifiers shares its noun; a second infinitive shares the first
one's right; others' mockery reports a label."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He waited amongst the junkies in a hospital gown.", ["junkies"]),
        ("Another addict in a dressing gown wandered into triage.", ["addict"]),
        # the label as a modifier of a thing still modifies it
        ("We sorted through his addict stuff after he moved.", []),
    ],
)
def test_a_label_for_people_names_them(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was refused clearance to fly by airport security.", []),
        ("Leave to appeal was refused on the papers.", []),
        # no grant right after the verb: the person's refusal of care
        ("Medication was refused a second time at 14:00.", ["refused"]),
        ("Personal care was refused a third time by Mrs H this morning.", ["refused"]),
        ("Food and fluids were refused any further, palliative team aware.", ["refused"]),
        # "her treatment" is hers, not withheld from her
        ("She refused her treatment again today.", ["refused"]),
        ("She refused her care plan.", ["refused"]),
        ("She insists her treatment is not working.", ["insists"]),
    ],
)
def test_a_passive_with_a_grant_after_it_is_done_to_its_subject(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Honestly, my neighbour is basically crazy.", ["is basically crazy"]),
        ("Her husband is literally insane.", ["is literally insane"]),
        ("He has probably refused all his meds today.", ["refused"]),
        ("My sister is genuinely crazy about horses.", []),
        ("The man in bed 4 may be insane, frankly.", ["be insane"]),
        ("She must be insane to live there, she laughed.", []),
    ],
)
def test_filler_adverbs_stand_in_a_phrase(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff are trained to manage challenging, aggressive and violent behaviour.", ["challenging"]),
        ("Challenging, distressed behaviour was seen on the ward.", ["challenging"]),
        # a list before another noun is not the required one
        ("It was a challenging, busy and demanding shift.", []),
    ],
)
def test_a_comma_list_of_modifiers_shares_its_noun(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patients have the right to be told the risks and to refuse treatment.", []),
        ("A patient who has the capacity to give or to refuse consent.", []),
        # the first infinitive grants no right
        ("She was asked to come to the ward and to refuse nothing.", ["refuse"]),
        ("He tried to eat and to refuse nothing.", ["refuse"]),
    ],
)
def test_a_second_infinitive_shares_the_first_ones_right(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her neighbour keeps mocking her as a mad person.", []),
        ("Kids at school taunted her as a psycho.", []),
        # a record's own wording is the writer's: the note, the chart, a policy
        ("Pt documented as absconded from the ward at 14:00.", ["absconded from"]),
        ("Medication marked as refused on the MAR chart; I will re-offer at 12:00.", ["refused"]),
        ("Any patient documented as non-compliant should be reviewed by the pharmacist.", ["non-compliant"]),
        # a chart or a test reveals no one's account
        ("The MAR chart revealed how often he refused his medication.", ["refused"]),
    ],
)
def test_reported_labels_and_records(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This condition often forces its victims to shut out the rest of society.", ["its victims"]),
        ("Men make up a tenth of eating-disorder victims.", ["eating-disorder victims"]),
        ("The care home, which looked after people with dementia, has apologised to its victims.", []),
        ("The Great Depression victims lost their farms.", []),
        ("Every GP has a share of heartsinks.", ["heartsinks"]),
        ("Her heart sinks when the phone rings.", []),
        ("The number of suicides committed in custody rose last year.", ["suicides committed"]),
    ],
)
def test_forms_of_victim_heartsink_and_commit(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # found by a second blind review
        ("Refugees are often refused care.", []),
        ("Many depression victims never seek help.", ["depression victims"]),
        ("Two psych patients were boarded in ED overnight.", ["psych patients"]),
        ("The psych patient experience team will contact you.", []),
        ("The claimant complained that the DWP was persecuting him.", []),
        ("He complained that his throat was sore all night.", ["complained that"]),
        ("A mother has revealed how her son is suffering from anxiety.", []),
        ("Our audit revealed how patients are managed on the ward.", ["patients are managed"]),
        # a care team's handover line and a policy's own rule are the writer's words
        ("Staff reported patient refused meds this morning.", ["refused"]),
        ("Nurses report patient is non-compliant with fluids.", ["non-compliant"]),
        ("The patient who reported pain refused physio.", ["refused"]),
    ],
)
def test_second_review_cases(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # withdrawn after a third blind review: these must stay as they are
        ("Young people who have attempted suicide can recover and succeed.", []),
        ("Life support was withdrawn after a failed attempt at resuscitation.", []),
        ("He is best described as very manipulative.", ["manipulative"]),
        ("He was seen in clinic as again non-compliant with his depot.", ["non-compliant"]),
    ],
)
def test_withdrawn_readings_stay_withdrawn(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected
