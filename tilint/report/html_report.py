"""`--format html --output report.html`: one self-contained page for trainers and reviewers.

A summary by category and by file (with a small inline SVG chart), then each document
with its flagged phrases highlighted in their sentences, the suggestions and the why.
No external assets and no scripts: styles are inline, explanations fold with <details>.
Rendered with jinja2 with autoescaping on, so document text (which may contain markup or
script) is always shown as text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from tilint.__about__ import __version__
from tilint.findings import FileResult, Finding, Severity
from tilint.formats import Document
from tilint.lexicon import Rule
from tilint.policy import CATEGORIES, CATEGORY_COLOURS, OTHER_COLOUR, PRINCIPLES
from tilint.report.locations import location_label, sentence_of

COLOURS = CATEGORY_COLOURS


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("tilint", "report/templates"),
        undefined=StrictUndefined,
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass
class _Item:
    rule: str
    name: str
    category: str
    colour: str
    severity: str
    message: str
    where: str
    before: str
    flagged: str
    after: str
    suggestions: list[tuple[str, str]]
    why: str
    principles: list[str]


@dataclass
class _Doc:
    path: str
    anchor: str
    kind: str
    items: list[_Item] = field(default_factory=list)
    counts: list[tuple[str, int]] = field(default_factory=list)


def render(
    results: Sequence[FileResult],
    documents: Mapping[str, Document],
    rules: Sequence[Rule],
    *,
    title: str = "tilint report",
) -> str:
    by_code = {r.code: r for r in rules}
    findings = [f for r in results for f in r.findings]
    category_counts = Counter(f.category for f in findings)
    categories = [c for c in CATEGORIES if category_counts[c]] + sorted(
        c for c in category_counts if c not in CATEGORIES
    )
    severity_counts = Counter(f.severity for f in findings)
    docs: list[_Doc] = []
    for n, result in enumerate(results, 1):
        if not result.findings:
            continue
        document = documents.get(result.path)
        doc = _Doc(result.path, f"doc-{n}", document.kind if document else "text")
        doc.counts = sorted(Counter(f.category for f in result.findings).items(), key=lambda kv: _cat_order(kv[0]))
        for f in result.findings:
            doc.items.append(_item(f, document, by_code.get(f.rule)))
        docs.append(doc)
    chart = _chart([(c, category_counts[c]) for c in categories])
    context: dict[str, Any] = {
        "title": title,
        "version": __version__,
        "total": len(findings),
        "files": sum(1 for r in results if r.error is None),
        "files_with_findings": sum(1 for r in results if r.findings),
        "errors": [str(r.error) for r in results if r.error is not None],
        "categories": [(c, category_counts[c], COLOURS.get(c, OTHER_COLOUR)) for c in categories],
        "severities": [(s.value, severity_counts[s]) for s in Severity if severity_counts[s]],
        "chart": chart,
        "by_file": [
            (d.path, d.anchor, len(d.items), [(c, n, COLOURS.get(c, OTHER_COLOUR)) for c, n in d.counts]) for d in docs
        ],
        "clean_files": [r.path for r in results if r.error is None and not r.findings],
        "docs": docs,
        "colours": COLOURS,
    }
    return _env().get_template("report.html.j2").render(**context)


def _cat_order(category: str) -> tuple[int, str]:
    return (CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES), category)


def _item(f: Finding, document: Document | None, rule: Rule | None) -> _Item:
    if document is not None:
        before, flagged, after = sentence_of(document, f)
    else:
        before, flagged, after = "", f.text, ""
    suggestions = []
    for s in f.suggestions:
        label = ("safe fix" if s.safe else "suggestion") if s.is_replacement else "rephrase"
        suggestions.append((label, s.text))
    return _Item(
        rule=f.rule,
        name=f.name,
        category=f.category,
        colour=COLOURS.get(f.category, OTHER_COLOUR),
        severity=f.severity.value,
        message=f.message,
        where=location_label(document, f),
        before=before,
        flagged=flagged,
        after=after,
        suggestions=suggestions,
        why=" ".join(rule.why.split()) if rule else "",
        principles=[PRINCIPLES[p] for p in rule.principles] if rule else [],
    )


def _chart(counts: list[tuple[str, int]]) -> dict[str, Any]:
    """Geometry for a horizontal bar chart: one bar per category."""
    bar_height, gap, label_width, width = 22, 10, 120, 520
    top = max((n for _, n in counts), default=0) or 1
    room = width - label_width - 60
    bars = []
    for i, (category, n) in enumerate(counts):
        y = i * (bar_height + gap)
        bars.append(
            {
                "label": category,
                "count": n,
                "y": y,
                "text_y": y + bar_height * 0.7,
                "width": max(2, round(room * n / top)),
                "colour": COLOURS.get(category, OTHER_COLOUR),
            }
        )
    height = max(1, len(counts)) * (bar_height + gap)
    return {"bars": bars, "width": width, "height": height, "bar_height": bar_height, "label_width": label_width}
