"""`--format json`: the versioned contract documented in docs/json-format.md."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from tilint.__about__ import __version__
from tilint.findings import FileResult, Finding
from tilint.formats import Document
from tilint.report.locations import sentence_of


def office_location(document: Document, f: Finding) -> dict[str, Any]:
    """Where a Word or PowerPoint finding is: part, slide, shape, table cell, paragraph,
    and the sentence it stands in."""
    found = document.block_at(f.start)
    out: dict[str, Any] = found[1].to_dict() if found is not None else {}
    out["sentence"] = "".join(sentence_of(document, f))
    return out


def finding_to_dict(path: str, f: Finding) -> dict[str, Any]:
    return {
        "path": path,
        "rule": f.rule,
        "name": f.name,
        "category": f.category,
        "severity": f.severity.value,
        "message": f.message,
        "text": f.text,
        "start": f.start,
        "end": f.end,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "suggestions": [s.to_dict() for s in f.suggestions],
    }


def render(results: Sequence[FileResult], documents: Mapping[str, Document] | None = None) -> str:
    """`documents` adds `location` to Word and PowerPoint findings (docs/formats.md).

    The text is what json.dumps(..., indent=2) gives for the whole report, but each
    finding is encoded as soon as it is made: holding every finding as a dict first
    took ten times the report's size (3.5 GB for 450,000 findings)."""
    encoded: list[str] = []
    by_category: Counter[str] = Counter()
    for r in results:
        source = (documents or {}).get(r.path)
        for f in r.findings:
            item = finding_to_dict(r.path, f)
            if source is not None and source.blocks:
                item["location"] = office_location(source, f)
            by_category[f.category] += 1
            # Nested two levels deep: every line of the item indented by four spaces
            # (JSON strings hold no raw line breaks, so this touches only layout).
            encoded.append("    " + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    "))
    document = {
        "version": __version__,
        "findings": [],
        "summary": {
            "files": sum(1 for r in results if r.error is None),
            "findings": len(encoded),
            "by_category": dict(sorted(by_category.items())),
        },
    }
    text = json.dumps(document, ensure_ascii=False, indent=2)
    if not encoded:
        return text
    before, after = text.split('"findings": []', 1)
    pieces = [before, '"findings": [\n']
    for i, chunk in enumerate(encoded):
        if i:
            pieces.append(",\n")
        pieces.append(chunk)
    pieces.append("\n  ]")
    pieces.append(after)
    return "".join(pieces)
