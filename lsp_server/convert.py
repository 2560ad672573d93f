"""Findings to LSP: diagnostics (with the data code actions need), hover text.

Pure: lsprotocol types in and out, no server state. Positions are converted with the
document's line index, once per document version.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from lsprotocol import types

from lsp_server.documents import TextDoc
from tilint.findings import Finding, Severity, Suggestion, SuggestionKind
from tilint.lexicon import Rule
from tilint.report.explain import explain, md_escape, rule_url

__all__ = ["md_escape", "rule_url"]  # used by the tests and the code actions

SOURCE = "tilint"

SEVERITIES: Mapping[Severity, types.DiagnosticSeverity] = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


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


def hover_text(finding: Finding, rule: Rule | None, *, markdown: bool = True) -> str:
    """The rule's explanation for one finding: `tilint explain`'s, brief, for a hover."""
    return explain(rule, finding, markdown=markdown, brief=True)


def overlaps(span: Span, other: Span) -> bool:
    return (span[0], span[1]) <= (other[2], other[3]) and (other[0], other[1]) <= (span[2], span[3])



def at_range(diagnostics: Iterable[types.Diagnostic], asked: Span) -> list[types.Diagnostic]:
    """The diagnostics a code-action request is about: those overlapping the requested
    range (Neovim sends every diagnostic on the line, and a Markdown paragraph is one
    line), the one under the cursor (the range's start) first, then in document order.
    Each is placed by the range the server published (kept in `data`): a client may send
    it back in other units (Neovim 0.7 uses byte columns)."""

    def span(d: types.Diagnostic) -> Span:
        data = FindingData.from_json(d.data)
        return data.span if data is not None else from_range(d.range)

    cursor = (asked[0], asked[1], asked[0], asked[1])
    hits = [(span(d), d) for d in diagnostics]
    hits = [(s, d) for s, d in hits if overlaps(s, asked)]
    hits.sort(key=lambda h: (not overlaps(h[0], cursor), h[0]))
    return [d for _, d in hits]
