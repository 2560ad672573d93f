"""A rule explained, from the rule's own fields. Serves `tilint explain`, the generated
docs pages and the editor hover, so they never disagree."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from tilint.lexicon import OPT_IN_GROUPS, PRINCIPLES, Rule, SuggestionSpec


@lru_cache(maxsize=1)
def _env() -> Environment:
    # Markdown output, not HTML: autoescaping would corrupt it. HTML renderers escape.
    return Environment(
        loader=PackageLoader("tilint", "report/templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )


def describe_terms(rule: Rule) -> list[str]:
    out = []
    for group in rule.match:
        terms = ", ".join(f"“{t.replace('~', '')}”" for t in group.terms)
        notes = []
        if group.inflect:
            notes.append("in all its forms")
        if group.requires_before or group.requires_after:
            words = (group.requires_before or group.requires_after).words  # type: ignore[union-attr]
            notes.append("only near " + ", ".join(f"“{w.replace('~', '')}”" for w in words[:6]) + ("…" if len(words) > 6 else ""))
        if group.case_sensitive:
            notes.append("case-sensitive")
        out.append(terms + (f" ({'; '.join(notes)})" if notes else ""))
    return out


def describe_suggestion(spec: SuggestionSpec) -> str:
    if spec.rephrase is not None:
        return spec.rephrase
    text = (spec.text or "").replace("{", "").replace("}", "")
    if "|" in text:
        text = text.split("|")[0]
    return f"“{text}”" + (" (safe fix)" if spec.safe else "")


def explain_markdown(rule: Rule) -> str:
    seen: list[str] = []
    for spec in rule.all_suggestion_specs():
        d = describe_suggestion(spec)
        if d not in seen:
            seen.append(d)
    return _env().get_template("rule.md.j2").render(
        rule=rule, groups=describe_terms(rule), suggestions=seen, principles=PRINCIPLES, opt_in_groups=OPT_IN_GROUPS
    )


def rule_to_dict(rule: Rule) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": rule.severity.value,
        "tags": list(rule.tags),
        "message": rule.message,
        "why": rule.why.strip(),
        "principles": [PRINCIPLES[p] for p in rule.principles],
        "matches": describe_terms(rule),
        "suggestions": [describe_suggestion(s) for s in rule.all_suggestion_specs()],
        "opt_in": rule.opt_in,
        "examples": {
            "flag": [e.text for e in rule.examples.flag],
            "ok": list(rule.examples.ok),
            "fixes": [e.model_dump() for e in rule.examples.fixes],
        },
        "sources": [s.model_dump(exclude_none=True) for s in rule.sources],
        "removed": rule.removed,
    }
