"""report.html: a self-contained page (inline SVG charts, no script, no network).

Charts are drawn by matplotlib with text as paths, so nothing from the records (group
names, phrases) reaches the page as markup; tables go through jinja2's autoescaping.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from tilint.audit.stats import ALL, Accumulator
from tilint.policy import CATEGORY_COLOURS as POLICY_COLOURS
from tilint.policy import OTHER_COLOUR

_PERIOD = re.compile(r"^\d{4}(?:-(?:Q[1-4]|W\d{2}|\d{2}))?$")
CATEGORY_COLOURS = {**POLICY_COLOURS, "other": OTHER_COLOUR}
MAX_GROUPS = 25


def _svg(figure: Any) -> str:
    buffer = io.StringIO()
    # No metadata block: no creation date (the same audit draws the same page), no RDF.
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Creator": None, "Date": None, "Format": None, "Type": None})
    import matplotlib.pyplot as plt

    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg") :]  # drop the XML prolog and DOCTYPE: inline SVG


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.fonttype"] = "path"  # glyphs as paths: no text node to inject into
    matplotlib.rcParams["svg.hashsalt"] = "tilint"  # the same audit draws the same bytes
    matplotlib.rcParams["font.size"] = 9
    import matplotlib.pyplot as plt

    return plt


def _bars(labels: Sequence[str], values: Sequence[float], lows: Sequence[float], highs: Sequence[float], colours: Sequence[str], xlabel: str) -> str:
    plt = _pyplot()
    height = 0.9 + 0.32 * len(labels)
    figure, axes = plt.subplots(figsize=(7.5, height))
    positions = list(range(len(labels)))[::-1]
    errors = [[max(0.0, v - lo) for v, lo in zip(values, lows, strict=True)], [max(0.0, hi - v) for v, hi in zip(values, highs, strict=True)]]
    axes.barh(positions, values, xerr=errors, color=colours, ecolor="#111827", capsize=3)
    axes.set_yticks(positions, labels)
    axes.set_xlabel(xlabel)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure)


def _trend(periods: Sequence[str], series: dict[str, tuple[list[float], list[float], list[float]]], ylabel: str) -> str:
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(7.5, 3.2))
    x = list(range(len(periods)))
    for name, (values, lows, highs) in series.items():
        colour = CATEGORY_COLOURS.get(name, "#111827")
        axes.plot(x, values, marker="o", color=colour, label=name)
        axes.fill_between(x, lows, highs, color=colour, alpha=0.15)
    axes.set_xticks(x, periods, rotation=45, ha="right")
    axes.set_ylabel(ylabel)
    axes.legend(frameon=False, ncols=min(5, len(series)))
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure)


def _pick(rows: Sequence[dict[str, Any]], by: str, level: str, key: str | None = None) -> list[dict[str, Any]]:
    return [r for r in rows if r["by"] == by and r["level"] == level and (key is None or r["key"] == key)]


def render(acc: Accumulator, rows: Sequence[dict[str, Any]], changes: Sequence[dict[str, Any]] | None, names: dict[str, str] | None = None) -> str:
    import jinja2

    overall = _pick(rows, ALL, "all")[0]
    categories = sorted(_pick(rows, ALL, "category"), key=lambda r: -r["per_100_notes"])
    charts: list[tuple[str, str, str]] = []  # (title, caption, svg)
    if categories:
        charts.append(
            (
                "Notes with at least one finding, by category",
                "Per 100 notes, with 95% Wilson intervals.",
                _bars(
                    [r["key"] for r in categories],
                    [r["per_100_notes"] for r in categories],
                    [r["per_100_notes_low"] for r in categories],
                    [r["per_100_notes_high"] for r in categories],
                    [CATEGORY_COLOURS.get(r["key"], "#6b7280") for r in categories],
                    "notes with a finding per 100 notes",
                ),
            )
        )
    for by in acc.by:
        groups = _pick(rows, by, "all")
        if not groups:
            continue
        if all(_PERIOD.match(r["group"]) or r["group"] == "unknown" for r in groups):
            dated = sorted((r for r in groups if r["group"] != "unknown"), key=lambda r: r["group"])
            periods = [r["group"] for r in dated]
            series: dict[str, tuple[list[float], list[float], list[float]]] = {}
            for category in [r["key"] for r in categories]:
                cells = {r["group"]: r for r in _pick(rows, by, "category", category)}
                empty = {"per_1000_words": 0.0, "per_1000_words_low": 0.0, "per_1000_words_high": 0.0}
                picked = [cells.get(p, empty) for p in periods]
                series[category] = (
                    [c["per_1000_words"] for c in picked],
                    [c["per_1000_words_low"] for c in picked],
                    [c["per_1000_words_high"] for c in picked],
                )
            if periods and series:
                charts.append((f"Trend by {by}", "Findings per 1,000 words by category, with 95% intervals.", _trend(periods, series, "findings per 1,000 words")))
            continue
        largest = sorted(groups, key=lambda r: (-r["notes"], r["group"]))[:MAX_GROUPS]
        largest.sort(key=lambda r: -r["per_100_notes"])
        charts.append(
            (
                f"Notes with at least one finding, by {by}",
                f"Per 100 notes, with 95% Wilson intervals{f'; the {MAX_GROUPS} largest groups' if len(groups) > MAX_GROUPS else ''}.",
                _bars(
                    [r["group"] for r in largest],
                    [r["per_100_notes"] for r in largest],
                    [r["per_100_notes_low"] for r in largest],
                    [r["per_100_notes_high"] for r in largest],
                    ["#334155"] * len(largest),
                    "notes with a finding per 100 notes",
                ),
            )
        )
    rules = sorted(_pick(rows, ALL, "rule"), key=lambda r: -r["findings"])[:20]
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("tilint.audit", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    return environment.get_template("audit.html.j2").render(
        overall=overall,
        categories=categories,
        charts=[(title, caption, _markup(svg)) for title, caption, svg in charts],
        rules=rules,
        names=names or {},
        phrases=acc.top_phrases(20),
        worst=acc.worst_notes(),
        changes=[c for c in (changes or []) if c["by"] == ALL and c["level"] in ("all", "category")],
        compared=changes is not None,
        by=acc.by,
    )


def _markup(svg: str) -> Any:
    from markupsafe import Markup

    return Markup(svg)  # our own drawing: record text in it is drawn as paths
