"""Mechanisms from the thirtieth session's work on the dev halves of blind rounds 71-78. A
participle set off by a comma after its clause ("Officials rejected the idea, insisting
...") is done by that clause's subject, as a gerund after a preposition is ("criticised for
refusing"): an official's or a service's act, unless a person stands between them ("Police
found him in the street, claiming he had been attacked" may be his claim)."""

from __future__ import annotations

import pytest

import tilint


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Egyptian officials, meanwhile, rejected the notion of suicide altogether, insisting instead there was a mechanical fault.",
        "The council rejected the complaint, claiming the repairs had been done.",
    ],
)
def test_a_participle_after_an_officials_clause_is_their_act(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Police found him in the street, claiming he had been attacked.", "claiming"),
        ("The nurse sat with the resident, insisting she was fine.", "insisting"),
        ("Staff spoke to Mary, insisting she was fine.", "insisting"),
        ("He refused to eat, claiming it was disgusting.", "claiming"),
    ],
)
def test_a_participle_after_a_person_stays_a_finding(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The treatment team has the authority to deny visitation.",
        "The user can manually grant or deny individual permissions in the settings.",
        "If you deny the permissions, the program will not access the files.",
        "Insurers may try to deny the hospital reimbursement.",
        "Lenders may deny the mortgage.",
        "Patients denied access to care were harmed.",  # those who were denied it
        "They denied bail because he had breached his conditions before.",  # any word of the requests class, after a modal
        "The manager should deny the request if the form is incomplete.",
    ],
)
def test_denying_something_granted_is_withholding_it(text):
    assert not any(word.startswith("den") for word in flagged(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He denies any thoughts of self-harm.", "denies"),
        ("Patient denies visual hallucinations.", "denies"),
        ("Pt denies visitation from ex-partner since discharge.", "denies"),  # her account that none took place
        ("Denies access to firearms or other means.", "denies"),  # a risk assessment's answer, not withholding
        # from the first blind review: a note's own "denies", with the person or no one as subject
        ("Denies voices making requests to harm others.", "denies"),
        ("Denies payment of rent is an issue.", "denies"),
        ("Mum denies any applications to court for access to the children.", "denies"),
        ("Pt denies visitation from family, denies payment problems.", "denies"),
        ("She denies any problems and insists that the nurse leave.", "insists"),  # only "deny" withholds
        ("He insists that the visits go ahead.", "insists"),
    ],
)
def test_an_account_denied_or_insisted_on_stays_a_finding(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "A UK minister has denied newspaper claims that the prime minister said it.",
        "Ten workers have been suspended amid claims they dragged a patient.",
        "I watched the developer make a similar claim that checkpoints make it harder.",
        "Petitioners have condemned public claims by a psychiatrist that most are mad.",
    ],
)
def test_claims_heading_a_noun_phrase_is_no_account_doubted(text):
    assert not any(word.startswith("claim") for word in flagged(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The lad claims he has not used.", "claims"),  # after an article, a word for a person is the subject
        ("She is now medicated and claims he has figured it out.", "claims"),  # a second verb
        ("His claims that he was assaulted were not recorded.", "claims"),  # his own account
        ("A woman with hypertension complains of dyspnoea.", "complains of"),  # no noun "complains"
    ],
)
def test_claims_as_a_verb_stays_a_finding(text, word):
    assert any(word in f for f in flagged(text))


@pytest.mark.parametrize(
    "text",
    [
        "The court heard that the man, who suffers from paranoid schizophrenia, had stopped his medication.",
        "The First-tier Tribunal was satisfied that he was suffering from mental disorder.",
        "A psychiatrist concluded he was suffering from paranoid delusions.",
        "The court heard David had suffered from epilepsy.",
    ],
)
def test_what_a_court_or_clinician_found_is_reported(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He found he was suffering from depression.", "suffering from"),  # no official
        ("My husband found that he was suffering from depression.", "suffering from"),
        ("Section 136 allows a constable who finds a person suffering from mental disorder to act.", "suffering from"),
        ("Staff found he has been non-compliant for weeks.", "non-compliant"),  # the record's own staff, no court
        ("A psychiatrist concluded he was a paranoid schizophrenic.", "schizophrenic"),  # an identity-first label is the writer's
    ],
)
def test_a_finding_not_reported_from_an_official_stays(text, word):
    assert any(word in f for f in flagged(text))


@pytest.mark.parametrize(
    "text",
    [
        "So, please, fellow drunks and addicts, give yourself a break!",
        "To my fellow alcoholics: keep going.",
        "Fellow addicts know what this is like.",
    ],
)
def test_a_group_the_writer_calls_fellow_is_their_own(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    ["He went back to the squat and his fellow addicts.", "The man and his fellow addicts were moved on by police."],
)
def test_someone_elses_fellows_stay_labelled(text):
    assert "addicts" in flagged(text)


def test_a_label_someone_judged_a_person_as_is_their_view():
    assert flagged("Saul judged the man as an addict and told him to leave.") == []
    assert "manipulative" in flagged("I judged him as manipulative at first.")  # the writer's own view


# From the first blind review of the session.
@pytest.mark.parametrize(
    "text",
    [
        "The council evicted him, claiming he had damaged the flat.",  # the council's claim
        "The school excluded him, claiming he was a danger to others.",
        "The coroner concluded that he took his own life while suffering from depression.",
    ],
)
def test_review_one_officials_acts_and_verdicts(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Police found him in the street, claiming he had been attacked.", "claiming"),  # after finding him: maybe his
        ("Officers stopped her on the bridge, insisting she was just out for a walk.", "insisting"),
        ("He took his own life while suffering from depression.", "suffering from"),
        ("My brother found that he could not work while suffering from depression.", "suffering from"),
    ],
)
def test_review_one_accounts_and_descriptions_stay(text, word):
    assert any(word in f for f in flagged(text))


# From the second blind review of the session.
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He sold pills to fellow addicts on the ward.", "addicts"),  # others, in a story
        ("Both brothers, fellow alcoholics, died before they were fifty.", "alcoholics"),
        ("The plaintiff claims he has had nightmares and flashbacks since the crash.", "claims"),  # his own account
        ("The insane person was restrained in a strait-waistcoat.", "insane person"),  # the whole label, not "the insane"
        # from the third review: a finding reported is a description's, not staff's act
        ("The coroner found that Ms Jones had been granted unescorted leave without a risk assessment.", "granted"),
    ],
)
def test_review_two_labels_and_accounts_stay(text, word):
    assert word in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "We will not judge people as addicts or alcoholics.",  # a negated practice
        "The subnormal rainfall this summer has hit farmers.",
        "The Dalrymple Home for Inebriates opened in Rickmansworth in 1884.",  # an institution's name
    ],
)
def test_review_two_mentions_names_and_other_senses(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In my blog I write about life as a quadriplegic mum.", []),  # the writer's own life
        ("I write about life as a diabetic.", []),
        ("I have lived as a paraplegic since the crash in 2009.", []),  # from the fourth review
        ("He has lived as a paraplegic since the crash.", ["a paraplegic"]),
        ("She writes about life as a diabetic.", ["a diabetic"]),
        ("I wrote about his life as an addict.", ["an addict"]),
    ],
)
def test_life_as_a_label_is_the_writers_own_when_they_speak(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The coroner was adamant that the lessons must be shared across the Trust.", []),
        ("The Minister was adamant that funding would continue.", []),
        ("The trust was adamant that no patient had been harmed.", []),
        ("She was adamant that she had not taken the tablets.", ["adamant"]),
    ],
)
def test_an_officials_insistence_casts_no_doubt_on_an_account(text, expected):
    assert flagged(text) == expected
