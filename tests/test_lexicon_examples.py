"""Every lexicon rule's own examples, run as tests (like ESLint's RuleTester)."""

from __future__ import annotations

import pytest

from tilint import Config, lint_text
from tilint.lexicon import Example, Rule, load_lexicon
from tilint.policy import CATEGORIES

RULES = load_lexicon().active


def _config(rule: Rule) -> Config:
    """Opt-in rules are switched on by name for their own examples."""
    return Config(extend_select=(rule.code,)) if rule.opt_in else Config()


def _flag_cases() -> list[tuple[Rule, Example]]:
    return [(r, e) for r in RULES for e in r.examples.flag]


def _ok_cases() -> list[tuple[Rule, str]]:
    return [(r, e) for r in RULES for e in r.examples.ok]


def _id(case: tuple[Rule, object]) -> str:
    rule, example = case
    text = example.text if isinstance(example, Example) else str(example)
    return f"{rule.code}:{text[:40]}"


@pytest.mark.parametrize("case", _flag_cases(), ids=_id)
def test_flag_example_is_flagged(case: tuple[Rule, Example]) -> None:
    rule, example = case
    found = [f for f in lint_text(example.text, _config(rule)) if f.rule == rule.code]
    assert found, f"{rule.code} ({rule.name}) did not flag: {example.text!r}"
    if example.span is not None:
        assert example.span in [f.text for f in found]
    if example.fix is not None:
        finding = found[0]
        fix = finding.safe_fix
        assert fix is not None, f"{rule.code} offers no safe fix for {finding.text!r}"
        fixed = example.text[: finding.start] + fix.text + example.text[finding.end :]
        assert fixed == example.fix


@pytest.mark.parametrize("case", _ok_cases(), ids=_id)
def test_ok_example_is_not_flagged(case: tuple[Rule, str]) -> None:
    rule, text = case
    found = [f for f in lint_text(text, _config(rule)) if f.rule == rule.code]
    assert not found, f"{rule.code} ({rule.name}) wrongly flagged {[f.text for f in found]} in {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_documents_itself(rule: Rule) -> None:
    texts = [e.text for e in rule.examples.flag] + list(rule.examples.ok)
    assert len(texts) == len(set(texts)), f"{rule.code} repeats an example"
    assert len(rule.examples.flag) >= 2 and len(rule.examples.ok) >= 2
    assert all(s.url.startswith(("http://", "https://")) for s in rule.sources)
    assert rule.why.strip() and rule.message.strip()


def test_every_category_has_rules() -> None:
    assert {r.category for r in RULES} == set(CATEGORIES)
