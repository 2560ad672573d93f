"""Findings to LSP: diagnostics (with the data code actions need), hover text.

Pure: lsprotocol types in and out, no server state. Positions are converted with the
document's line index, once per document version.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from lsprotocol import types

from lsp_server.documents import TextDoc
from tilint.findings import Finding, Severity, Suggestion, SuggestionKind
from tilint.lexicon import PRINCIPLES, Rule

SOURCE = "tilint"
DOCS_URL = "https://github.com/tilint/tilint/blob/main/docs/rules/{code}-{name}.md"

SEVERITIES: Mapping[Severity, types.DiagnosticSeverity] = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


def rule_url(code: str, name: str) -> str:
    return DOCS_URL.format(code=quote(code, safe=""), name=quote(name, safe=""))


Span = tuple[int, int, int, int]  # start line, start character, end line, end character


def to_range(span: Span) -> types.Range:
    return types.Range(types.Position(span[0], span[1]), types.Position(span[2], span[3]))


def from_range(r: types.Range) -> Span:
    return (r.start.line, r.start.character, r.end.line, r.end.character)


@dataclass(frozen=True, slots=True)
class FindingData:
    """What a diagnostic carries in `data`: enough for every code action, no re-lint."""

    rule: str
    name: str
    category: str
    text: str  # the flagged text, to check the document still holds it
    span: Span  # the range as published, in the client's units
    suggestions: tuple[Suggestion, ...]

    def to_json(self) -> dict[str, Any]:
        """Every suggestion with its kind; code actions offer only `replace` ones as edits."""
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "text": self.text,
            "range": list(self.span),
            "suggestions": [s.to_dict() for s in self.suggestions],
        }

    @classmethod
    def from_json(cls, data: Any) -> FindingData | None:
        """Read `data` back from a client; None when it is missing or malformed."""
        if not isinstance(data, Mapping):
            return None
        try:
            span = tuple(int(x) for x in data["range"])
            suggestions = tuple(
                Suggestion(str(s["text"]), bool(s["safe"]), SuggestionKind(s.get("kind", "replace")))
                for s in data.get("suggestions", ())
            )
            found = cls(
                rule=str(data["rule"]),
                name=str(data.get("name", "")),
                category=str(data.get("category", "")),
                text=str(data["text"]),
                span=span,  # type: ignore[arg-type]
                suggestions=suggestions,
            )
        except (KeyError, TypeError, ValueError):
            return None
        if len(found.span) != 4 or min(found.span) < 0:
            return None
        return found

    @property
    def replacements(self) -> list[Suggestion]:
        return [s for s in self.suggestions if s.is_replacement]

    @property
    def safe_fix(self) -> Suggestion | None:
        return next((s for s in self.suggestions if s.safe and s.is_replacement), None)


def finding_span(finding: Finding, doc: TextDoc, encoding: str) -> Span:
    start = doc.position_at(finding.start, encoding)
    end = doc.position_at(finding.end, encoding)
    return (start[0], start[1], end[0], end[1])


def to_diagnostic(finding: Finding, doc: TextDoc, encoding: str) -> types.Diagnostic:
    span = finding_span(finding, doc, encoding)
    data = FindingData(
        finding.rule, finding.name, finding.category, finding.text, span, finding.suggestions
    )
    return types.Diagnostic(
        range=to_range(span),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=rule_url(finding.rule, finding.name)),
        source=SOURCE,
        data=data.to_json(),
    )


def diagnostic_json(d: types.Diagnostic) -> dict[str, Any]:
    """A diagnostic as JSON, by hand: publishing runs after every edit, and cattrs'
    generic path (mostly for `data`) costs several times more. Fields the server never
    sets are left out, as cattrs would."""
    r = d.range
    out: dict[str, Any] = {
        "range": {
            "start": {"line": r.start.line, "character": r.start.character},
            "end": {"line": r.end.line, "character": r.end.character},
        },
        "message": d.message,
    }
    if d.severity is not None:
        out["severity"] = d.severity.value
    if d.code is not None:
        out["code"] = d.code
    if d.code_description is not None:
        out["codeDescription"] = {"href": d.code_description.href}
    if d.source is not None:
        out["source"] = d.source
    if d.data is not None:
        out["data"] = d.data
    if d.tags or d.related_information:  # not produced by tilint: leave those to cattrs
        raise ValueError("diagnostic_json handles tilint's own diagnostics only")
    return out


def to_diagnostics(
    findings: Iterable[Finding], doc: TextDoc, encoding: str
) -> list[types.Diagnostic]:
    return [to_diagnostic(f, doc, encoding) for f in findings]


# -- hover --------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+*=](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|>)")


def md_escape(text: str) -> str:
    """Escape prose so Markdown shows it literally (one line: fields are prose)."""
    flat = " ".join(text.split())
    escaped = _MD_INLINE.sub(r"\\\1", flat)
    match = _MD_BLOCK_START.match(escaped)
    if match:
        head = match.group(1)
        # '1.' starts a list: escape the dot or paren after the digits; else the mark itself
        escaped = head + "\\" + escaped[len(head) :] if head[0].isdigit() else "\\" + escaped
    return escaped


def _md_url(url: str) -> str:
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


def hover_text(finding: Finding, rule: Rule | None, *, markdown: bool = True) -> str:
    """The rule's explanation for one finding: message, why, better wording, sources."""
    esc = md_escape if markdown else (lambda s: " ".join(s.split()))
    bold = (lambda s: f"**{s}**") if markdown else (lambda s: s)
    url = rule_url(finding.rule, finding.name)
    parts = [
        bold(f"{esc(finding.rule)} {esc(finding.name)}")
        + f" ({esc(finding.category)}, {esc(finding.severity.value)})",
        esc(finding.message),
    ]
    if rule is not None:
        parts.append(esc(rule.why))
    wording = []
    for s in finding.suggestions:
        if s.is_replacement:
            wording.append(f"- {esc(s.text)}" + (" (safe fix)" if s.safe else ""))
        else:
            wording.append(f"- {'*' if markdown else ''}{esc(s.text)}{'*' if markdown else ''}")
    if wording:
        parts.append(bold("Better wording") + "\n" + "\n".join(wording))
    if rule is not None:
        principles = [f"{n}. {PRINCIPLES[n]}" for n in rule.principles if n in PRINCIPLES]
        if principles:
            parts.append(bold("Principles") + "\n" + "\n".join(f"- {esc(p)}" for p in principles))
        sources = []
        for src in rule.sources:
            where = ", ".join(str(x) for x in (src.publisher, src.year) if x)
            tail = f" ({esc(where)})" if where else ""
            if markdown:
                sources.append(f"- [{esc(src.title)}]({_md_url(src.url)}){tail}")
            else:
                sources.append(f"- {esc(src.title)}{tail}: {src.url}")
        if sources:
            parts.append(bold("Sources") + "\n" + "\n".join(sources))
    if markdown:
        parts.append(f"[Rule documentation]({_md_url(url)})")
    else:
        parts.append(f"Rule documentation: {url}")
    return "\n\n".join(parts)


def overlaps(span: Span, other: Span) -> bool:
    return (span[0], span[1]) <= (other[2], other[3]) and (other[0], other[1]) <= (span[2], span[3])

