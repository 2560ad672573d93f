"""select / extend-select / ignore / severity: the more specific selector wins."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from tilint.findings import Severity
from tilint.lexicon import Rule
from tilint.selection import enabled, severity_for


def make_rule(**overrides: Any) -> Rule:
    data: dict[str, Any] = {
        "code": "TI305",
        "name": "person-with-autism",
        "category": "stigmatising",
        "tags": ["autism", "autism-identity-first"],
        "principles": [3],
        "match": [{"terms": ["person with autism"]}],
        "message": "A message of some length.",
        "why": "A reason that is long enough to pass the validation of the model.",
        "suggestions": [{"rephrase": "Ask the person."}],
        "sources": [{"title": "Source", "url": "https://example.org/x"}],
        "examples": {"flag": ["a", "b"], "ok": ["c", "d"]},
        **overrides,
    }
    return Rule.model_validate(data)


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), True),
        (("stigmatising",), (), True),
        (("TI3",), (), True),
        (("TI",), ("stigmatising",), False),
        (("TI305",), ("stigmatising",), True),
        (("stigmatising",), ("TI305",), False),
        (("stigmatising",), ("stigmatising",), False),
        (("deficit",), (), False),
        (("autism",), ("TI3",), False),  # tag 14 vs prefix TI3 15
    ],
)
def test_specific_selectors_win(select: tuple[str, ...], ignore: tuple[str, ...], expected: bool) -> None:
    assert enabled(make_rule(), select, ignore) is expected


def test_opt_in_rules_need_to_be_named() -> None:
    rule = make_rule(opt_in=True)
    assert not enabled(rule, (), ())
    assert not enabled(rule, ("stigmatising",), ())
    assert not enabled(rule, ("all",), ())
    assert enabled(rule, (), (), extend_select=("autism-identity-first",))
    assert enabled(rule, ("TI305",), ())
    assert not enabled(rule, (), ("TI305",), extend_select=("autism-identity-first",))


def test_a_code_prefix_does_not_switch_on_an_opt_in_rule() -> None:
    rule = make_rule(opt_in=True)
    for prefix in ("TI", "TI3", "TI30"):
        assert not enabled(rule, (prefix,), ())
        assert not enabled(rule, (), (), extend_select=(prefix,))
    assert enabled(make_rule(), ("TI30",), ())  # a default rule is selected by prefix


def test_opt_in_rules_are_switched_on_by_group_or_all_together() -> None:
    grouped = make_rule(opt_in=True, tags=["opt-in", "contested", "autism"])
    untagged = make_rule(opt_in=True, tags=["autism"])
    default = make_rule(tags=["autism"])
    assert enabled(grouped, (), (), extend_select=("contested",))
    assert not enabled(grouped, (), (), extend_select=("jargon",))
    assert enabled(grouped, (), (), extend_select=("opt-in",))
    # "opt-in" names every opt-in rule, tagged so or not, and never a default rule.
    assert enabled(untagged, (), (), extend_select=("opt-in",))
    assert enabled(default, (), ("opt-in",))  # ignoring "opt-in" leaves defaults alone
    assert not enabled(grouped, (), ("contested",), extend_select=("opt-in",))  # group beats all


def test_extend_select_opt_in_from_a_config_file(tmp_path: Any) -> None:
    from tilint import lint_text
    from tilint.config import load_config
    from tilint.lexicon import load_lexicon

    opt_in = [r for r in load_lexicon().active if r.opt_in]
    assert opt_in, "the built-in lexicon has opt-in rules"
    rule = opt_in[0]
    text = rule.examples.flag[0].text
    assert not [f for f in lint_text(text) if f.rule == rule.code]
    cfg = tmp_path / ".tilint.toml"
    cfg.write_text('extend-select = ["opt-in"]\n', encoding="utf-8")
    assert [f for f in lint_text(text, load_config(cfg)) if f.rule == rule.code]
    group = next(t for t in rule.tags if t not in ("opt-in",))
    cfg.write_text(f'extend-select = ["{group}"]\n', encoding="utf-8")
    assert [f for f in lint_text(text, load_config(cfg)) if f.rule == rule.code]


def test_severity_override_by_most_specific_selector() -> None:
    rule = make_rule()
    assert severity_for(rule, {}) is Severity.WARNING
    assert severity_for(rule, {"stigmatising": Severity.INFO}) is Severity.INFO
    assert severity_for(rule, {"stigmatising": Severity.INFO, "autism": Severity.ERROR}) is Severity.ERROR


def test_the_readme_extend_select_line_turns_on_opt_in_rules() -> None:
    """The configuration shown in README.md, read at test time, switches on opt-in rules."""
    import re
    from pathlib import Path

    from tilint import Config, lint_text
    from tilint.lexicon import load_lexicon

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", readme, re.S).group(1)  # type: ignore[union-attr]
    extend = tomllib.loads(block)["tool"]["tilint"]["extend-select"]
    rule = next(r for r in load_lexicon().active if r.opt_in)
    text = rule.examples.flag[0].text
    assert not [f for f in lint_text(text) if f.rule == rule.code]
    assert [f for f in lint_text(text, Config(extend_select=tuple(extend))) if f.rule == rule.code]
