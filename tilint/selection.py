"""Which rules run, and at what severity: `select`, `ignore` and `severity` settings.

A selector names a rule by code, code prefix, name, category or tag. When a rule is both
selected and ignored, the more specific selector wins (as in ruff); on a tie, ignore wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from tilint.errors import ConfigError
from tilint.findings import Severity
from tilint.policy import CATEGORIES, OPT_IN_TAG


class Rule(Protocol):
    """What the selectors read of a rule: a lexicon Rule, or its RuleKey."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def tags(self) -> Sequence[str]: ...
    @property
    def opt_in(self) -> bool: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def replaces(self) -> Sequence[str]: ...


@dataclass(frozen=True, slots=True)
class RuleKey:
    """A rule as far as selection goes, without the rest of its model: what the linter
    keeps (and caches) to choose rules before, or without, loading the lexicon."""

    code: str
    name: str
    category: str
    tags: tuple[str, ...]
    opt_in: bool
    severity: Severity
    replaces: tuple[str, ...] = ()

    @classmethod
    def of(cls, rule: Rule) -> RuleKey:
        return cls(rule.code, rule.name, rule.category, tuple(rule.tags), rule.opt_in, rule.severity, tuple(rule.replaces))


def specificity(selector: str, rule: Rule) -> int:
    """How specifically `selector` names `rule`; 0 when it does not name it."""
    s = selector.lower()
    code = rule.code.lower()
    if s == code or s == rule.name or any(s == old.lower() for old in rule.replaces):
        return 100  # an old code of a moved rule names it as fully as its own code
    if s in ("all", "*"):
        return 1
    if code.startswith(s) and s[:2].isalpha():
        return 5 + 10 * (len(s) - 2)  # "ti" 5, "ti1" 15, "ti10" 25
    if s in rule.tags or (s == OPT_IN_TAG and rule.opt_in):
        return _TAG
    if s == rule.category:
        return 12
    return 0


def check_selectors(selectors: Iterable[str], rules: Sequence[Rule], where: str) -> None:
    for selector in selectors:
        s = selector.lower()
        if s in ("all", "*") or s in CATEGORIES:
            continue
        if not any(specificity(s, r) for r in rules):
            raise ConfigError(
                where,
                f"{selector!r} names no rule, code prefix, category or tag",
                "see `tilint rules` for the names",
            )


def enabled(
    rule: Rule, select: Sequence[str], ignore: Sequence[str], extend_select: Sequence[str] = ()
) -> bool:
    """Is the rule on? Opt-in rules need a selector that names them (code, name or tag);
    a category, a code prefix or 'all' does not switch them on."""
    chosen = max((specificity(s, rule) for s in select), default=1) if select else 1
    chosen = max(chosen, max((specificity(s, rule) for s in extend_select), default=0))
    if rule.opt_in:
        # Only a selector that names the rule counts: its code, name or one of its tags
        # ("opt-in", a group such as "children-services"). "TI1" or "deficit" does not.
        chosen = max((_naming(s, rule) for s in (*select, *extend_select)), default=0)
        if not chosen:
            return False
    dropped = max((specificity(s, rule) for s in ignore), default=0)
    return chosen > 0 and chosen > dropped


_TAG = 14


def _naming(selector: str, rule: Rule) -> int:
    """The specificity of a selector that names the rule itself or one of its tags, else 0."""
    score = specificity(selector, rule)
    return score if score in (100, _TAG) else 0


def severity_for(rule: Rule, overrides: Mapping[str, Severity]) -> Severity:
    best, level = 0, rule.severity
    for selector, severity in overrides.items():
        score = specificity(selector, rule)
        if score > best:
            best, level = score, Severity(severity)
    return level
