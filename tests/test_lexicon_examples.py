"""Every lexicon rule's own examples, run as tests (like ESLint's RuleTester)."""

from __future__ import annotations

import pytest

from tilint import Config, lint_text
from tilint.findings import Finding
from tilint.fix import fix_text
from tilint.lexicon import Example, FixExample, Rule, SuggestionSpec, load_lexicon
from tilint.policy import CATEGORIES
from tilint.terms import expand

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


def _fix_cases() -> list[tuple[Rule, FixExample]]:
    return [(r, e) for r in RULES for e in r.examples.fixes]


def _fix_id(case: tuple[Rule, FixExample]) -> str:
    return f"{case[0].code}:{case[1].before[:40]}"


@pytest.mark.parametrize("case", _fix_cases(), ids=_fix_id)
def test_fix_snapshot(case: tuple[Rule, FixExample]) -> None:
    """`after` is exactly what `tilint check --fix` writes for `before` (all default rules
    on, plus this rule when it is opt-in), so a snapshot also catches a neighbour's fix."""
    rule, example = case
    config = _config(rule)
    after, _, _ = fix_text(example.before, lambda text: lint_text(text, config))
    assert after == example.after, f"{rule.code}: --fix wrote {after!r}"


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def _applied_spec(rule: Rule, finding: Finding) -> tuple[int | str, int] | None:
    """Which of the rule's safe suggestion specs produced this finding's safe fix:
    (group index, or "rule" for the rule-level list; index in that list)."""
    matched = _normal(finding.text)
    candidates = []
    for index, group in enumerate(rule.match):
        specs = group.suggestions if group.suggestions is not None else rule.suggestions
        if not any(s.safe for s in specs):
            continue
        where: int | str = index if group.suggestions is not None else "rule"
        first_safe = next(i for i, s in enumerate(specs) if s.safe)
        hit = any(_normal(form.text) == matched for term in group.terms for form in expand(term, group.inflect))
        candidates.append((hit, (where, first_safe)))
    hits = [key for hit, key in candidates if hit]
    if hits:
        return hits[0]
    return candidates[0][1] if len(candidates) == 1 else None


def _safe_specs(rule: Rule) -> dict[tuple[int | str, int], SuggestionSpec]:
    out: dict[tuple[int | str, int], SuggestionSpec] = {}
    for i, spec in enumerate(rule.suggestions):
        if spec.safe and any(g.suggestions is None for g in rule.match):
            out[("rule", i)] = spec
    for index, group in enumerate(rule.match):
        for i, spec in enumerate(group.suggestions or ()):
            if spec.safe:
                out[(index, i)] = spec
    return out


MIN_FIX_SNAPSHOTS = 3


@pytest.mark.parametrize("rule", [r for r in RULES if _safe_specs(r)], ids=lambda r: r.code)
def test_every_safe_suggestion_has_fix_snapshots(rule: Rule) -> None:
    """A suggestion `--fix` may apply carries at least three before/after examples that it
    actually changes (fix snapshots, or flag examples with `fix:`)."""
    config = _config(rule)
    pairs = [(e.before, e.after) for e in rule.examples.fixes] + [
        (e.text, e.fix) for e in rule.examples.flag if e.fix is not None
    ]
    counts: dict[tuple[int | str, int], int] = dict.fromkeys(_safe_specs(rule), 0)
    for before, after in pairs:
        if before == after:
            continue  # proves a construction is left alone; it does not exercise a fix
        for finding in lint_text(before, config):
            if finding.rule == rule.code and finding.safe_fix is not None:
                key = _applied_spec(rule, finding)
                if key in counts:
                    counts[key] += 1
    specs = _safe_specs(rule)
    thin = {f"{specs[k].text} (group {k[0]})": n for k, n in counts.items() if n < MIN_FIX_SNAPSHOTS}
    assert not thin, (
        f"{rule.code} ({rule.name}): safe suggestion(s) with fewer than {MIN_FIX_SNAPSHOTS} before/after "
        f"examples that apply them: {thin}; add examples.fixes or make the suggestion not safe"
    )


@pytest.mark.parametrize("case", _ok_cases(), ids=_id)
def test_ok_example_is_not_flagged(case: tuple[Rule, str]) -> None:
    rule, text = case
    found = [f for f in lint_text(text, _config(rule)) if f.rule == rule.code]
    assert not found, f"{rule.code} ({rule.name}) wrongly flagged {[f.text for f in found]} in {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_no_rule_repeats_an_example(rule: Rule) -> None:
    # Counts of examples, URLs and non-empty texts are the lexicon models' validators' job.
    texts = [e.text for e in rule.examples.flag] + list(rule.examples.ok)
    assert len(texts) == len(set(texts)), f"{rule.code} repeats an example"


def test_every_category_has_rules() -> None:
    assert {r.category for r in RULES} == set(CATEGORIES)
