"""A rule explained, from the rule's own fields.

`explain()` is the one explanation, in a plain-text variant (`tilint explain` in a
terminal) and a Markdown variant (`tilint explain --format markdown`, the editor hover,
which passes the finding so the message and wording fit the flagged phrase). The
generated docs pages and SARIF help use `explain_markdown()`, a full page from the same
fields."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from tilint.lexicon import OPT_IN_GROUPS, PRINCIPLES, Rule, SuggestionSpec

if TYPE_CHECKING:
    from jinja2 import Environment

    from tilint.findings import Finding

DOCS_URL = "https://github.com/tilint/tilint/blob/main/docs/rules/{code}-{name}.md"
FORMS_SHOWN = 12  # surface forms listed per match group; the rest are counted
WIDTH = 88  # plain text is wrapped for a terminal


def rule_url(code: str, name: str) -> str:
    return DOCS_URL.format(code=quote(code, safe=""), name=quote(name, safe=""))


@lru_cache(maxsize=1)
def _env() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    # Markdown output, not HTML: autoescaping would corrupt it. HTML renderers escape.
    return Environment(
        loader=PackageLoader("tilint", "report/templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )


def window_phrases(words: Sequence[str]) -> list[str]:
    """A window's words as a reader would write them: choices and word classes
    ("of (the|a|) @person-nouns") spelt out, `~` markers dropped, duplicates once."""
    from tilint.terms import choices

    return list(dict.fromkeys(seq.replace("~", "") for word in words for seq in choices(word)))


def describe_terms(rule: Rule) -> list[str]:
    out = []
    for group in rule.match:
        terms = ", ".join(f"“{t.replace('~', '')}”" for t in group.terms)
        notes = []
        if group.inflect:
            notes.append("in all its forms")
        if group.requires_before or group.requires_after or group.requires_near:
            words = window_phrases((group.requires_before or group.requires_after or group.requires_near).words)  # type: ignore[union-attr]
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
        "replaces": list(rule.replaces),
    }


# -- the one explanation: plain text and Markdown ------------------------------------

# Markdown escapes only where a character would change the rendering: clients that show
# Markdown source (Neovim's hover) then show prose as written, not `1\.` or `A\&E`.
_MD_SPECIAL = re.compile(
    r"[\\`*\[\]]"  # always: escapes, code, emphasis, links
    r"|(?<![^\W_])_|_(?![^\W_])"  # underscore, unless inside a word (snake_case)
    r"|<(?=[A-Za-z/!?])"  # the start of an HTML tag or autolink
    r"|&(?=#?\w+;)"  # the start of an entity
    r"|~(?=~)|(?<=~)~"  # strikethrough
)
_MD_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+*=](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|>)")


def md_escape(text: str) -> str:
    """Prose (one line) that Markdown shows as written, with as few escapes as that takes."""
    flat = " ".join(text.split())
    escaped = _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), flat)
    match = _MD_BLOCK_START.match(escaped)
    if match:
        head = match.group(1)
        # '1.' starts a list: escape the dot or paren after the digits; else the mark itself
        escaped = head + "\\" + escaped[len(head) :] if head[0].isdigit() else "\\" + escaped
    return escaped


def _md_url(url: str) -> str:
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


def matched_forms(rule: Rule, limit: int = FORMS_SHOWN) -> list[tuple[list[str], int, list[str]]]:
    """Per match group: the phrases it matches as a reader would write them (the
    lexicon's terms with their choices spelt out first, then the inflections, spellings
    and spacings the compiled lexicon adds), at most `limit`; how many more there are;
    and the group's conditions ("only near ...")."""
    from tilint.terms import choices, expand

    out = []
    for group in rule.match:
        written = [seq.replace("~", "") for term in group.terms for seq in choices(term)]
        compiled = [form.text for term in group.terms for form in expand(term, group.inflect)]
        keep = (lambda t: t) if group.case_sensitive else str.lower
        forms = list(dict.fromkeys(keep(t) for t in [*written, *compiled]))
        notes = []
        window = group.requires_before or group.requires_after or group.requires_near
        if window is not None:
            words = window_phrases(window.words)
            notes.append("only near " + ", ".join(words[:6]) + (", ..." if len(words) > 6 else ""))
        if group.case_sensitive:
            notes.append("case-sensitive")
        out.append((forms[:limit], max(0, len(forms) - limit), notes))
    return out


def _wording(rule: Rule | None, finding: Finding | None) -> list[tuple[str, str]]:
    """(text, note) per suggestion: the finding's own (inflected to fit it), or the rule's."""
    from tilint.suggest import fill

    items: list[tuple[str, str]] = []
    if finding is not None:
        for s in finding.suggestions:
            items.append((s.text, "safe fix" if s.safe and s.is_replacement else "" if s.is_replacement else "advice"))
    elif rule is not None:
        for spec in rule.all_suggestion_specs():
            if spec.rephrase is not None:
                items.append((spec.rephrase, "advice"))
            else:
                items.append((fill(spec.text or "", None), "safe fix" if spec.safe else ""))
    return list(dict.fromkeys(items))


def _wrap(text: str, first: str, rest: str | None = None) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=first, subsequent_indent=" " * len(first) if rest is None else rest,
        break_on_hyphens=False, break_long_words=False,
    )


def explain(
    rule: Rule | None,
    finding: Finding | None = None,
    *,
    markdown: bool = False,
    brief: bool = False,
) -> str:
    """The explanation of a rule, or of one finding of it (the hover).

    Plain text for a terminal (wrapped, no markup, links written out) or Markdown (prose
    escaped as little as it needs). `brief` (the hover) leaves out the forms the rule
    matches and its examples. One of `rule` and `finding` must be given."""
    if rule is None and finding is None:
        raise ValueError("explain() needs a rule or a finding")
    code = finding.rule if finding is not None else rule.code  # type: ignore[union-attr]
    name = finding.name if finding is not None else rule.name  # type: ignore[union-attr]
    category = finding.category if finding is not None else rule.category  # type: ignore[union-attr]
    severity = (finding.severity if finding is not None else rule.severity).value  # type: ignore[union-attr]
    if finding is not None:
        message = finding.message
    else:
        assert rule is not None
        message = rule.message.replace("'{text}'", "This phrase").replace("{text}", "this phrase")

    esc: Callable[[str], str] = md_escape if markdown else (lambda t: " ".join(t.split()))

    def para(text: str) -> str:
        return text if markdown else _wrap(text, "")

    def heading(text: str) -> str:
        return f"**{text}**" if markdown else text

    def items(lines: list[str]) -> str:
        if markdown:
            return "\n".join(f"- {line}" for line in lines)
        out = []
        for line in lines:  # a second line of an item (a source's URL) stays unwrapped
            first, _, rest = line.partition("\n")
            out.append(_wrap(first, "  - ") + (f"\n    {rest}" if rest else ""))
        return "\n".join(out)

    title = f"{esc(code)} {esc(name)}"
    parts = [f"{heading(title)} ({esc(category)}, {esc(severity)})", para(esc(message))]
    if rule is not None and rule.replaces and not brief:
        parts.append(para(esc(f"Formerly {', '.join(rule.replaces)}: settings, inline suppressions and baselines that name the old code still reach this rule.")))
    if rule is not None and not brief:
        groups = []
        for forms, more, notes in matched_forms(rule):
            line = ", ".join(esc(f) for f in forms)
            if more:
                line += f" and {more} more form{'s' if more != 1 else ''}"
            if notes:
                line += f" ({esc('; '.join(notes))})"
            groups.append(line)
        parts.append(heading("What it flags") + "\n" + items(groups))
    if rule is not None:
        parts.append(para(esc(rule.why)) if brief else heading("Why") + "\n" + (esc(rule.why) if markdown else _wrap(esc(rule.why), "  ", "  ")))
    wording = []
    for text, note in _wording(rule, finding):
        shown = esc(text)
        if note == "advice" and markdown:
            shown = f"*{shown}*"
        wording.append(shown + (f" ({note})" if note else ""))
    if wording:
        parts.append(heading("Better wording") + "\n" + items(wording))
    if rule is not None:
        principles = [esc(PRINCIPLES[n]) for n in rule.principles if n in PRINCIPLES]
        if principles:
            parts.append(heading("Principles") + "\n" + items(principles))
        if not brief:
            parts.append(heading("Flagged") + "\n" + items([esc(e.text) for e in rule.examples.flag]))
            parts.append(heading("Not flagged") + "\n" + items([esc(e) for e in rule.examples.ok]))
        sources = []
        for src in rule.sources:
            where = ", ".join(str(x) for x in (src.publisher, src.year) if x)
            tail = f" ({esc(where)})" if where else ""
            if markdown:
                sources.append(f"[{esc(src.title)}]({_md_url(src.url)}){tail}")
            else:
                sources.append(f"{esc(src.title)}{tail}\n{src.url}")
        if sources:
            parts.append(heading("Sources") + "\n" + items(sources))
    url = rule_url(code, name)
    parts.append(f"[Rule documentation]({_md_url(url)})" if markdown else f"Rule documentation: {url}")
    return "\n\n".join(parts)
