"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; the driver lists every active rule with its summary, why, help text (the same
Markdown as `tilint explain`) and default level. Results point at the file with a 1-based
region in Unicode code points (`columnKind: unicodeCodePoints`); for Word and PowerPoint
the region is the block (line) and column in tilint's extracted text, and the message and
`properties.location` name the paragraph, slide and shape. Safe suggestions become SARIF
`fixes`; files that could not be read become `toolExecutionNotifications`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tilint.__about__ import __version__
from tilint.findings import FileResult, Finding, Severity
from tilint.formats import Document
from tilint.lexicon import Rule
from tilint.report.locations import location_label, sentence_of

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFO_URI = "https://github.com/tilint/tilint"
DOCS = "https://github.com/tilint/tilint/blob/main/docs/rules/{code}-{name}.md"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.HINT: "note"}


def render(
    results: Sequence[FileResult],
    rules: Sequence[Rule],
    documents: Mapping[str, Document],
    *,
    base: Path | None = None,
) -> str:
    from tilint.report.explain import explain_markdown

    base = (base or Path.cwd()).resolve()
    used = {f.rule for r in results for f in r.findings}
    driver_rules = [r for r in rules if not r.removed or r.code in used]
    index = {r.code: i for i, r in enumerate(driver_rules)}
    sarif_rules = []
    for rule in driver_rules:
        descriptor: dict[str, Any] = {"deprecatedIds": list(rule.replaces)} if rule.replaces else {}
        sarif_rules.append(
            {
                **descriptor,  # a moved rule's old code: code scanning keeps its alerts' history
                "id": rule.code,
                "name": _pascal(rule.name),
                "shortDescription": {"text": rule.message.replace("{text}", rule.name)},
                "fullDescription": {"text": " ".join(rule.why.split())},
                "help": {"text": " ".join(rule.why.split()), "markdown": explain_markdown(rule)},
                "helpUri": DOCS.format(code=rule.code, name=rule.name),
                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                "properties": {"tags": [rule.category, *rule.tags], "precision": "high"},
            }
        )
    sarif_results = []
    notifications = []
    for result in results:
        uri = _uri(result.path, base)
        if result.error is not None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": str(result.error)},
                    "locations": [{"physicalLocation": {"artifactLocation": _artifact(uri)}}],
                }
            )
            continue
        document = documents.get(result.path)
        for f in result.findings:
            sarif_results.append(_result(f, uri, index.get(f.rule), document))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "tilint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFO_URI,
                "rules": sarif_rules,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": base.as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
        "results": sarif_results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2)


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("-"))


def _uri(path: str, base: Path) -> str:
    if path.startswith("<"):
        return path.strip("<>")
    p = Path(path)
    try:
        return p.resolve().relative_to(base).as_posix()
    except ValueError:
        return p.resolve().as_uri()


def _artifact(uri: str) -> dict[str, Any]:
    if uri.startswith("file:"):
        return {"uri": uri}
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


def _result(f: Finding, uri: str, rule_index: int | None, document: Document | None) -> dict[str, Any]:
    message = f.message
    properties: dict[str, Any] = {"category": f.category, "name": f.name}
    sentence = ""
    if document is not None:
        before, flagged, after = sentence_of(document, f)
        sentence = before + flagged + after
        if document.blocks:
            message = f"{location_label(document, f)}: {message}"
            found = document.block_at(f.start)
            if found is not None:
                properties["location"] = found[1].to_dict()
    if f.suggestions:
        message += " Suggestions: " + "; ".join(s.label() for s in f.suggestions)
        properties["suggestions"] = [s.to_dict() for s in f.suggestions]
    region: dict[str, Any] = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
        "snippet": {"text": f.text},
    }
    if document is not None and document.blocks:
        del region["charOffset"], region["charLength"]  # offsets are into extracted text
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(uri), "region": region}}],
        "partialFingerprints": {"tilintPhrase/v1": _fingerprint(f, sentence)},
        "properties": properties,
    }
    if rule_index is not None:
        out["ruleIndex"] = rule_index
    fix = f.safe_fix
    if fix is not None and not (document is not None and document.blocks):
        out["fixes"] = [
            {
                "description": {"text": f"Replace with '{fix.text}'"},
                "artifactChanges": [
                    {
                        "artifactLocation": _artifact(uri),
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": f.line,
                                    "startColumn": f.column,
                                    "endLine": f.end_line,
                                    "endColumn": f.end_column,
                                },
                                "insertedContent": {"text": fix.text},
                            }
                        ],
                    }
                ],
            }
        ]
    return out


def _fingerprint(f: Finding, sentence: str) -> str:
    """Stable across lines moving: rule, folded text and folded sentence."""
    key = "\x1f".join([f.rule, " ".join(f.text.casefold().split()), " ".join(sentence.casefold().split())])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
