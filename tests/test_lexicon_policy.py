"""The built-in lexicon against LANGUAGE_POLICY.md: severity by tag, sources, opt-in groups.

Parametrized by rule code, so `-k TI1` runs one category's checks.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from tilint.findings import Severity
from tilint.lexicon import OPT_IN_GROUPS, OPT_IN_TAG, Rule, load_lexicon

LEXICON = load_lexicon()
RULES = LEXICON.active

# The policy's severity guide: "slurs and suicide/identity labels are error-worthy ...;
# most clinical phrasing is warning; stylistic preferences (jargon, mild alternatives)
# are info or hint". Tags carry the distinction.
LABEL_TAGS = frozenset({"slur", "identity-first"})
STYLE_TAGS = frozenset({"jargon", "house-style"})

# Other linters are tools, not evidence about language: never a source.
LINTERS = re.compile(
    r"retext|alexjs|get-alex|/alex\b|proselint|vale\.sh|errata-ai|write-good|textlint|languagetool",
    re.IGNORECASE,
)


def expected_severities(rule: Rule) -> frozenset[Severity]:
    tags = set(rule.tags)
    if rule.opt_in:
        # Opt-in terms are contested or beyond the policy: never error-level.
        return frozenset({Severity.WARNING, Severity.INFO, Severity.HINT})
    if tags & LABEL_TAGS or (rule.category == "stigmatising" and "suicide" in tags):
        return frozenset({Severity.ERROR})
    if tags & STYLE_TAGS:
        return frozenset({Severity.INFO, Severity.HINT})
    return frozenset({Severity.WARNING})


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_severity_follows_the_policy_guide(rule: Rule) -> None:
    allowed = expected_severities(rule)
    assert rule.severity in allowed, (
        f"{rule.code} ({rule.name}) is {rule.severity.value} with tags {rule.tags}; "
        f"the policy's guide gives {sorted(s.value for s in allowed)}"
    )


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_sources_are_evidence_not_other_linters(rule: Rule) -> None:
    assert rule.sources, f"{rule.code} has no source"
    for source in rule.sources:
        assert not LINTERS.search(source.url) and not LINTERS.search(source.title), (
            f"{rule.code} cites another linter ({source.url}); cite the guidance it is based on"
        )
    urls = [s.url for s in rule.sources]
    assert len(urls) == len(set(urls)), f"{rule.code} cites a URL twice"


def test_each_source_url_has_one_title_and_publisher() -> None:
    seen: dict[str, set[tuple[str, str | None, int | None]]] = defaultdict(set)
    where: dict[str, list[str]] = defaultdict(list)
    for rule in LEXICON.rules:
        for s in rule.sources:
            seen[s.url].add((s.title, s.publisher, s.year))
            where[s.url].append(rule.code)
    mixed = {url: sorted(v, key=str) for url, v in seen.items() if len(v) > 1}
    assert not mixed, "one URL, several citations (use one title, publisher and year): " + "; ".join(
        f"{url} in {', '.join(where[url])}: {v}" for url, v in mixed.items()
    )


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_opt_in_rules_name_their_group(rule: Rule) -> None:
    tags = set(rule.tags)
    if rule.opt_in:
        assert OPT_IN_TAG in tags, f"{rule.code} is opt_in but lacks the tag {OPT_IN_TAG!r}"
        groups = tags & OPT_IN_GROUPS.keys()
        assert groups, f"{rule.code} is opt_in but names no group tag: one of {sorted(OPT_IN_GROUPS)}"
    else:
        assert OPT_IN_TAG not in tags, f"{rule.code} has the tag {OPT_IN_TAG!r} but is not opt_in"


def test_the_severity_guide_itself() -> None:
    """The guide above, on made-up tag sets, so a change to it is deliberate."""

    def make(category: str, tags: list[str], opt_in: bool = False) -> Rule:
        digit = {"deficit": "1", "stigmatising": "3"}[category]
        return Rule.model_validate(
            {
                "code": f"TI{digit}99",
                "name": "x",
                "category": category,
                "tags": tags,
                "principles": [1],
                "match": [{"terms": ["zz"]}],
                "message": "A message of some length.",
                "why": "A reason that is long enough to pass the validation of the model.",
                "suggestions": [{"rephrase": "Say it another way."}],
                "sources": [{"title": "Source", "url": "https://example.org/x"}],
                "examples": {"flag": ["a", "b"], "ok": ["c", "d"]},
                "opt_in": opt_in,
            }
        )

    assert expected_severities(make("stigmatising", ["slur"])) == {Severity.ERROR}
    assert expected_severities(make("stigmatising", ["suicide"])) == {Severity.ERROR}
    assert expected_severities(make("deficit", ["suicide"])) == {Severity.WARNING}
    assert expected_severities(make("deficit", ["jargon"])) == {Severity.INFO, Severity.HINT}
    assert Severity.ERROR not in expected_severities(make("stigmatising", ["slur", "opt-in"], opt_in=True))
    assert LINTERS.search("https://github.com/retextjs/retext-equality")
    assert not LINTERS.search("https://www.nice.org.uk/guidance/ng225")
