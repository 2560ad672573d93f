"""Forms met in the dev halves of blind rounds 48 to 51, each checked with the uses that must stay
flagged. Calling someone a label ("he calls her an alcoholic") reports the label, as
labelling them does; letting staff, an official or a body do something is no permission
over the person ("allows the police to leave"); a deficit word on a part of an audit or a
form grades the item ("non-compliant areas"); a clause of a participle alone before the
main clause ("If taken continuously, medication ...") leaves the main clause's subject to
a participle clause after a comma; a term listed by hand that English uses only as a verb
("allow") is read as a verb, so its subject is found ("orders which allow ..."); a
coercive act done to the narrator ("escort me") is self-disclosure; a list of modifiers
before an activity ("aggressive, targeted pruning") names the activity; dirty injecting
equipment is opt-in."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He calls her an alcoholic and says they are getting divorced.", []),
        ("They called him a junkie at school.", []),
        ("People may call me crazy but that is not how it is.", []),
        # the writer's own naming is a use
        ("We call him a junkie.", ["junkie"]),
        ("I called my son an addict.", ["an addict"]),
        # "call" in another sense leaves the label after it alone
        ("Call him a taxi if the alcoholic patient wants to leave.", ["alcoholic patient"]),
    ],
)
def test_calling_someone_a_label_reports_it(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("If an Emergency Department allows the police to leave, they take on this responsibility.", []),
        ("The nurse allowed the doctor to examine her.", []),
        ("We will allow him to go home.", ["allow"]),
        ("Staff allowed the patient to leave.", ["allowed the patient to"]),
    ],
)
def test_letting_staff_or_a_body_act_is_no_permission_over_the_person(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Risk ratings across all non-compliant areas are summarised in the chart below.", []),
        ("Three non-compliant items were found at the second visit.", []),
        ("Non-compliant patients were discharged.", ["non-compliant"]),
        ("He was non-compliant in all areas.", ["non-compliant"]),
    ],
)
def test_a_deficit_word_on_an_audit_item_grades_the_item(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "If taken continuously anti-psychotic medication is effective at keeping symptoms under control"
            " (preventing relapse) allowing people to leave hospital.",
            [],
        ),
        ("When taken daily, the medication keeps symptoms under control, allowing patients to go home.", []),
        # a person after the short clause is still the one refusing
        ("If discharged, the patient may go home, refusing all follow-up.", ["refusing"]),
        ("When admitted, he was seen by the doctor, refusing bloods.", ["refusing"]),
        # a clause with its own subject still hides the main clause's
        ("As the medication keeps symptoms under control, allowing patients to go home is safer.", ["allowing"]),
    ],
)
def test_a_participle_clause_before_the_main_clause(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There has been a decline in the use of hospital orders which allow defendants to be sent for treatment.", []),
        # a person or staff as the subject keeps the finding
        ("Staff on the ward allow residents to go out only with an escort.", ["allow residents to"]),
        # an "-ing" form stays an adjective where it can be one
        ("Living in a hostel can be challenging.", []),
    ],
)
def test_a_verb_listed_by_hand_is_read_as_a_verb(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He would ultimately escort me into the large visiting room itself.", []),
        ("They restrained me on the floor.", []),
        # staff writing about what they did to someone else stays a finding
        ("I escorted him back to the ward.", ["escorted"]),
        ("Staff escorted her back to the ward.", ["escorted"]),
    ],
)
def test_a_coercive_act_done_to_the_narrator_is_self_disclosure(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The key was combining aggressive, targeted pruning with a soil-level intervention.", []),
        # a predicate list is no noun phrase: the label stays on the person
        ("Initially he was verbally aggressive and non-engaging.", ["aggressive", "non-engaging"]),
        ("She became aggressive, kicking and spitting.", ["aggressive"]),
    ],
)
def test_a_list_of_modifiers_before_an_activity(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


def test_dirty_equipment_is_opt_in() -> None:
    text = "Staff found dirty needles in the bathroom bin."
    assert flagged(text) == []
    assert [f.rule for f in tilint.lint_text(text, tilint.Config(extend_select=("TI385",)))] == ["TI385"]
    assert [f.text for f in tilint.lint_text("Her urine was dirty.")] == ["urine was dirty"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("When in psych wards, I tried many times to escape.", []),
        # leaving is the person's own act; a staff "I" granting or holding is not
        ("I allowed him to go home.", ["allowed him to"]),
    ],
)
def test_the_narrators_own_leaving_is_self_disclosure(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a note's heading, then the note: no glossary entry
        ("SUBSTANCE ABUSE: The patient was actively tox screen positive for benzodiazepines.", ["substance abuse"]),
        ("Noncompliance: a patient's decision not to take medication as prescribed.", []),
        # the predicate's own words, not a noun after its clause ends
        ("Where the challenges of substance abuse are prevalent, the concept of recovery matters.", ["substance abuse"]),
        ("Substance abuse is, for many, an outdated term.", []),
        # an instruction to the writer has no speaker to retell
        ("Next describe the patient's history of substance abuse in order.", ["substance abuse"]),
        ("The nurse said that the patient refused his medication.", []),
    ],
)
def test_headings_predicates_and_instructions_are_uses(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "'ll" is an auxiliary, so the narrator is the subject
        ("I'll admit that I bought the book mainly for the cover.", []),
        ("I’ll admit that I bought the book mainly for the cover.", []),
        ("She’ll refuse her tablets if she is tired.", ["refuse"]),
        # a doubting adverb in a symptom's noun phrase stays a finding
        ("She came in with reportedly severe chest pain.", ["reportedly"]),
        # a patient reported to have refused is the record's own account
        ("The patient is reported to have refused her medication at 22:00.", ["refused"]),
        # a ward escort stays a finding wherever it goes
        ("He was escorted to the shop by two staff.", ["escorted"]),
    ],
)
def test_contractions_and_what_stays_flagged(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # found by the blind review of this change: each stays a finding
        ("She called her mother, a chronic alcoholic, to ask for money.", ["alcoholic"]),
        ("You could call her a frequent flyer at this point.", ["frequent flyer"]),
        ("The treatment-resistant sample had more admissions than controls.", ["treatment-resistant"]),
        ("The patient escaped us at the airlock door.", ["escaped"]),
        ("We allow his teacher to visit him on the ward.", ["allow"]),
        ("Doctors allow him hospital food only.", ["allow"]),
        ("Dog owners who suffer from anxiety walk more.", ["suffer from"]),
        # and each stays ordinary
        ("The storm was angry and violent.", []),
        ("He grew up with an angry and violent father.", []),
        ("Parole refusals left him in prison for another year.", []),
        ("The patient was finally clean after staff helped her shower.", []),
        ("Music helps her escape while she is detained.", []),
        ("Frequent flyer is still, sadly, common jargon on wards.", []),
    ],
)
def test_what_the_review_of_the_change_found(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers shall strive to refer mentally ill persons for treatment.", ["mentally ill persons"]),
        ("We try not to refer to addicts in our leaflets.", []),
    ],
)
def test_a_referral_is_no_naming_of_a_term(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I know from my own experience as an insulin-dependent diabetic that I must take insulin.", []),
        ("My experience as an addict taught me patience.", []),
        # a person of the writer's, or another's experience, keeps the label
        ("I started thinking of my father as an alcoholic.", ["an alcoholic"]),
        ("Her experience as an addict taught her patience.", ["an addict"]),
    ],
)
def test_the_writers_own_time_in_a_role_is_self_description(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # found by the second blind review of this change: each stays a finding
        ("Denying any thoughts of self-harm, the psychiatrist discharged him.", ["denying"]),
        ("She alleges the office manager assaulted her.", ["alleges"]),
        ("The council are retards.", ["retards"]),
        ("He seemed completely unhinged on the phone.", ["unhinged"]),
        ("I remember my stepdad as an alcoholic who hit us.", ["an alcoholic"]),
        ("Let's call her a frequent flyer.", ["frequent flyer"]),
        ("Call him a junkie if you like.", ["junkie"]),
        # and each stays ordinary
        ("He complained about the hearing date.", []),
        ("PIP refusals are often overturned at tribunal.", []),
        ("He reads novels to escape while on the ward.", []),
        ("Her father was angry and violent when he drank.", []),
    ],
)
def test_what_the_second_review_found(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected

