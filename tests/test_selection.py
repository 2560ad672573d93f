"""select / extend-select / ignore / severity: the more specific selector wins."""

from __future__ import annotations

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


def test_severity_override_by_most_specific_selector() -> None:
    rule = make_rule()
    assert severity_for(rule, {}) is Severity.WARNING
    assert severity_for(rule, {"stigmatising": Severity.INFO}) is Severity.INFO
    assert severity_for(rule, {"stigmatising": Severity.INFO, "autism": Severity.ERROR}) is Severity.ERROR
