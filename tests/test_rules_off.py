"""Rules a configuration leaves off (opt-in rules by default, ignored ones) cost no
tokenizing where nothing else could be found, and never change what the rules that are
on find: their matches still contain shorter phrases and continue lists of mentions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tilint import api
from tilint.config import Config
from tilint.findings import Finding
from tilint.formats import prepare

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "corpus.jsonl"
OPT_IN = Config(extend_select=("opt-in",))


def _lint(linter: api.Linter, text: str, config: Config) -> list[Finding]:
    return linter.lint_document(prepare(text, "text"), config)


def _counting_find(linter: api.Linter, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    component = linter.component
    calls: list[str] = []
    find = component.find

    def counted(doc, text=None, off=frozenset()):  # type: ignore[no-untyped-def]
        calls.append(doc.text)
        return find(doc, text, off)

    monkeypatch.setattr(component, "find", counted)
    return calls


def test_a_segment_holding_only_phrases_of_rules_that_are_off_is_not_tokenized(monkeypatch: pytest.MonkeyPatch) -> None:
    linter = api.Linter()
    calls = _counting_find(linter, monkeypatch)
    text = "We need to get him to take his medication."  # TI228 (get-them-to) is opt-in
    assert next(r for r in linter.rules if r.code == "TI228").opt_in
    assert _lint(linter, text, Config()) == []
    assert calls == []  # the prefilter let nothing through: the only phrase's rule is off
    found = _lint(linter, text, Config(extend_select=("TI228",)))
    assert [(f.rule, f.text) for f in found] == [("TI228", "get")]
    assert calls == [text]
    # The same segment under the first configuration again: its own cache entry, no hit.
    assert _lint(linter, text, Config()) == []


def test_an_ignored_rule_is_skipped_by_the_prefilter_too(monkeypatch: pytest.MonkeyPatch) -> None:
    linter = api.Linter()
    calls = _counting_find(linter, monkeypatch)
    text = "He absconded from the ward."
    assert _lint(linter, text, Config(ignore=("TI207",))) == []
    assert calls == []
    assert [f.rule for f in _lint(linter, text, Config())] == ["TI207"]


@pytest.mark.parametrize(
    ("text", "config", "expected"),
    [
        # The longer phrase of a rule that is off still holds the shorter one inside it:
        # ignoring TI101's "not medication-compliant" does not turn it into a finding of
        # TI202's "medication-compliant" (nor TI209's "kept on ... observations" into TI203's).
        ("A man who is not medication-compliant was reported missing.", Config(ignore=("TI101",)), []),
        ("He was kept on level 2 observations for a week.", Config(ignore=("TI209",)), []),
        # Opt-in terms ("mental institution", "mental asylum") still count as mentions that
        # the later label continues; were they dropped, "aggressive" would be flagged.
        (
            'Each time the terms "mental institution" or "mental asylum" come up, people imagine creepy and aggressive patients.',
            Config(),
            [],
        ),
        ("The inmate, an addict, was moved.", Config(), [("TI340", "an addict")]),
        ("The inmate, an addict, was moved.", OPT_IN, [("TI225", "inmate"), ("TI340", "an addict")]),
    ],
)
def test_rules_that_are_off_still_shape_the_others(text: str, config: Config, expected: list[tuple[str, str]]) -> None:
    assert [(f.rule, f.text) for f in _lint(api.Linter(), text, config)] == expected


def test_the_findings_of_the_rules_on_do_not_depend_on_which_others_are_off() -> None:
    """Every tenth corpus excerpt: the default findings are the default rules' findings
    with every opt-in rule on, and ignoring one rule removes only its own findings."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines[::10] if line.strip()]
    linter = api.Linter()
    opt_in = {r.code for r in linter.rules if r.opt_in}
    compared = 0
    for text in texts:
        default = _lint(linter, text, Config())
        everything = _lint(linter, text, OPT_IN)
        assert default == [f for f in everything if f.rule not in opt_in], text
        if default:
            dropped = default[0].rule
            assert _lint(linter, text, Config(ignore=(dropped,))) == [f for f in default if f.rule != dropped], text
            compared += 1
    assert compared > 500
