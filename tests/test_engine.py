"""The engine's behaviour through the public API: spans, suggestions, context, settings."""

from __future__ import annotations

import pytest

from tilint import Config, lint_text
from tilint.findings import Severity
from tilint.formats import prepare


def codes(text: str, config: Config | None = None, kind: str = "text") -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in lint_text(text, config, kind=kind)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She refused lunch.", "declined"),
        ("He refuses lunch.", "declines"),
        ("They refuse lunch.", "decline"),
        ("She has refused lunch.", "declined"),
        ("Refused lunch.", "Declined"),
        ("REFUSED LUNCH.", "DECLINED"),
    ],
)
def test_inflection_and_case_carry_into_the_safe_fix(text: str, expected: str) -> None:
    [finding] = lint_text(text)
    assert finding.safe_fix is not None
    assert finding.safe_fix.text == expected


def test_participle_after_auxiliary_uses_participle_form() -> None:
    [finding] = lint_text("She has refused to eat.")
    assert finding.safe_fix is not None and finding.safe_fix.text == "declined to"
    [finding] = lint_text("She has refused her tablets.")
    assert finding.safe_fix is not None and finding.safe_fix.text == "declined"


@pytest.mark.parametrize("text", ["She is refusing lunch.", "He is refusing.", "She has been refusing since Monday."])
def test_an_ing_form_is_flagged_but_never_fixed_to_declining(text: str) -> None:
    """In a care note "is declining" reads as getting worse (issue 13): the -ing form keeps
    its finding and its advice, and gets no safe fix (the rule's safe_forms)."""
    [finding] = lint_text(text)
    assert finding.rule == "TI102" and finding.text == "refusing"
    assert finding.safe_fix is None
    assert "declining" in [s.text for s in finding.suggestions]  # still offered, by hand


@pytest.mark.parametrize("text", ["She was refused a bed.", "He was refused asylum.", "She had been refused a transfer."])
def test_a_passive_refusal_is_not_the_persons_choice(text: str) -> None:
    assert [f for f in lint_text(text) if f.rule == "TI102"] == []


@pytest.mark.parametrize("variant", ["non-compliant", "noncompliant", "non compliant", "Non-Compliant", "NON-COMPLIANT"])
def test_hyphen_space_and_case_variants(variant: str) -> None:
    assert codes(f"Patient is {variant} with insulin.") == [("TI101", variant)]


def test_offsets_lines_and_columns() -> None:
    text = "First line.\r\nCafé 😀 then she refused.\nEnd."
    [f] = lint_text(text)
    assert text[f.start : f.end] == "refused"
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 17, 2, 24)


def test_quoted_speech_is_left_alone_unless_quote_checking_is_on() -> None:
    text = 'She said, "I refused because it made me sick."'
    assert codes(text) == []
    assert codes(text, Config(check_quotes=True)) == [("TI102", "refused")]


@pytest.mark.parametrize(
    "text",
    [
        "Avoid the term 'non-compliant' in letters.",
        "Words like non-compliant harm trust.",
        "The label *non-compliant* is contested.",
        "We will not describe people as non-compliant.",
        "Non-compliant is a loaded word.",
        "Instead of saying refused, write declined.",
    ],
)
def test_mentions_are_never_flagged(text: str) -> None:
    assert codes(text) == []
    assert codes(text, Config(check_quotes=True)) == []


def test_mention_of_a_list_of_terms() -> None:
    assert codes("Terms such as refused and non-compliant carry blame.") == []


def test_a_use_next_to_a_mention_is_still_flagged() -> None:
    assert codes("He refused lunch; avoid the word 'non-compliant'.") == [("TI102", "refused")]


@pytest.mark.parametrize(
    "text",
    [
        "The court refused bail.",
        "Everyone has the right to refuse treatment.",
        "Records were non-compliant with GDPR.",
        "Refuse collection is on Tuesday.",
    ],
)
def test_other_senses_are_left_alone(text: str) -> None:
    assert codes(text) == []


def test_title_case_names_of_organisations_are_left_alone() -> None:
    assert codes("Referred to the Non-Compliance Review Board.") == []
    assert codes("Non-compliance review board met.") == [("TI101", "Non-compliance")]


def test_suppression_comments_in_markdown() -> None:
    md = (
        "<!-- tilint-disable-next-line TI102 -- quoting the discharge letter -->\n"
        "She refused.\n"
        "He refused.\n"
        "<!-- tilint-disable deficit -->\n"
        "They refused. She was non-compliant.\n"
        "<!-- tilint-enable -->\n"
        "He refused again. <!-- tilint-disable-line refused -->\n"
        "Finally refused.\n"
    )
    found = [(f.line, f.rule) for f in lint_text(md, kind="markdown")]
    assert found == [(3, "TI102"), (8, "TI102")]


def test_bare_directive_lines_in_plain_text() -> None:
    txt = "tilint-disable-next-line TI102 -- the person's words\nShe refused.\nHe refused.\n"
    assert [(f.line, f.rule) for f in lint_text(txt)] == [(3, "TI102")]


def test_directive_reasons_are_not_linted() -> None:
    txt = "<!-- tilint-disable-next-line TI101 -- he refused, so we quote it -->\nOK.\n"
    assert lint_text(txt, kind="markdown") == []


def test_markdown_code_urls_and_front_matter_are_not_checked() -> None:
    md = (
        "---\ntitle: refused\n---\n"
        "Inline `refused` code and [a link](https://x.org/refused) and <https://y.org/refused>.\n\n"
        "```\nrefused\n```\n\n"
        "    indented code refused\n\n"
        "But she refused.\n"
    )
    found = lint_text(md, kind="markdown")
    assert [(f.line, f.text) for f in found] == [(12, "refused")]


def test_markdown_blockquotes_count_as_quotation() -> None:
    md = "> I refused because I was scared.\n\nShe refused.\n"
    assert [f.line for f in lint_text(md, kind="markdown")] == [3]
    assert len(lint_text(md, Config(check_quotes=True), kind="markdown")) == 2


def test_allow_list_and_severity_and_selection() -> None:
    assert codes("She refused.", Config(allow=("refused",))) == []
    assert codes("The Refused Leave Panel met.", Config(allow=("refused leave panel",))) == []
    [f] = lint_text("She refused.", Config(severity={"deficit": Severity.INFO}))
    assert f.severity is Severity.INFO
    [f] = lint_text("She refused.", Config(severity={"deficit": Severity.INFO, "TI102": Severity.ERROR}))
    assert f.severity is Severity.ERROR  # the more specific selector wins
    assert codes("She refused.", Config(ignore=("deficit",))) == []
    assert codes("She refused.", Config(select=("TI102",), ignore=("deficit",))) == [("TI102", "refused")]
    assert codes("She refused.", Config(select=("TI1",), ignore=("refused",))) == []


# a fuzz run (9 s): with the slow suite
@pytest.mark.slow
def test_lint_text_never_raises_on_odd_strings() -> None:
    for text in ["", " ", "\n\n\n", "\x00refused\x00", "\ud800 refused", "refused" * 5000, "“‘’”" * 100, "\r\r\rrefused\r"]:
        for f in lint_text(text):
            assert text[f.start : f.end] == f.text


def test_findings_do_not_depend_on_other_sentences() -> None:
    alone = lint_text("She refused lunch.")
    padded = lint_text("The court met. She refused lunch. The court refused bail.")
    assert [f.text for f in alone] == ["refused"]
    assert [(f.rule, f.text) for f in padded] == [("TI102", "refused")]
    assert padded[0].start == len("The court met. She ")


def test_spacy_component_writes_a_span_group() -> None:
    from tilint.api import build_pipeline

    nlp = build_pipeline()
    doc = nlp("He refused and was non-compliant.")
    assert [(s.label_, s.text) for s in doc.spans["tilint"]] == [("TI102", "refused"), ("TI101", "non-compliant")]


def test_base_form_after_modals_and_to() -> None:
    from tilint.suggest import pick_tag

    tags = frozenset({"VB", "VBP", "VBD", "VBN"})  # "put"
    assert pick_tag(tags, ["He", "may"]) == "VB"
    assert pick_tag(tags, ["she", "has"]) == "VBN"
    assert pick_tag(tags, ["Yesterday", "he"]) == "VBD"
    assert pick_tag(frozenset({"VB", "VBP"}), ["did", "not"]) == "VB"


def test_hyphenated_window_words_match() -> None:
    from tilint.lexicon import Window
    from tilint.matching import _window

    spec = _window(Window(words=["first-line", "kick-off"], window=3))
    assert spec is not None
    assert ("first", "line") in spec.phrases and ("kick", "off") in spec.phrases


@pytest.mark.parametrize(
    "text",
    [
        "Staff may perceive them as attention-seeking and dismiss them as time wasters.",
        "People who were labelled as non-compliant got worse care.",
        "Challenging behaviour is a catch-all term that hides distress.",
    ],
)
def test_reported_labels_and_definitions_are_mentions(text: str) -> None:
    assert codes(text) == []


def test_choice_parts_keep_their_spacing() -> None:
    from tilint.terms import choices

    assert choices("(high|low)-functioning") == ["high-functioning", "low-functioning"]
    assert choices("(a|an|) ~refuse (care|help)")[0] == "a ~refuse care"


@pytest.mark.parametrize(
    "text",
    ["We alcoholics are not fond of rules.", "I'm an addict and proud of my recovery.", "I was a junkie for ten years."],
)
def test_first_person_self_description_is_the_persons_own_words(text: str) -> None:
    assert codes(text) == []
    assert codes(text, Config(check_quotes=True)) != []


def test_first_person_narration_about_someone_else_is_checked() -> None:
    found = lint_text("I reviewed him today; he is an addict. I saw the non-compliant patient.")
    assert [f.text for f in found] == ["an addict", "non-compliant"]
    assert codes("We refused to prescribe it.") == []  # staff refusing is not the person's choice


def test_hard_wrapped_lines_are_one_line_to_the_matcher() -> None:
    assert codes("She attends Alcoholics\nAnonymous weekly.") == []
    found = lint_text("Plan reviewed and she\r\nrefused lunch.")
    assert [(f.text, f.line, f.column) for f in found] == [("refused", 2, 1)]


def test_the_segment_cache_is_bounded_by_characters_and_results_do_not_change(monkeypatch: pytest.MonkeyPatch) -> None:
    from tilint import api

    monkeypatch.setattr(api, "CACHE_CHARS", 2_000)
    linter = api.Linter()
    paragraphs = [f"Note {i}: she was non-compliant and refused lunch on day {i}." for i in range(300)]
    text = "\n\n".join(paragraphs)
    first = linter.lint_document(prepare(text, "text"), Config())
    assert linter._cache_chars == sum(len(text) for _, text in linter._cache) <= 2_000
    assert len(linter._cache) < len(paragraphs)
    again = linter.lint_document(prepare(text, "text"), Config())
    assert first == again and len(first) == 2 * len(paragraphs)


def test_one_linter_follows_changing_selections_and_severities() -> None:
    from tilint import api

    linter = api.Linter()
    document = prepare("She refused lunch and was non-compliant.", "text")
    rules = lambda config: [(f.rule, f.severity) for f in linter.lint_document(document, config)]  # noqa: E731
    everything = rules(Config())
    assert [r for r, _ in everything] == ["TI102", "TI101"]
    assert rules(Config(ignore=("TI102",))) == [everything[1]]
    assert rules(Config(severity={"TI101": Severity.INFO})) == [everything[0], ("TI101", Severity.INFO)]
    assert rules(Config()) == everything
    with pytest.raises(Exception, match="TX999"):
        linter.lint_document(document, Config(select=("TX999",)))
