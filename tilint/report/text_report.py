"""The terminal format: one header line per finding, the source line with the span
underlined, then the suggestions; a summary at the end."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import click

from tilint.findings import FileResult, Finding, Severity
from tilint.formats import Document
from tilint.positions import line_starts
from tilint.report.locations import location_label, sentence_of

Styler = Callable[..., str]

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue", Severity.HINT: "cyan"}


def render(
    results: Sequence[FileResult],
    texts: dict[str, str],
    *,
    colour: bool,
    documents: Mapping[str, Document] | None = None,
) -> str:
    """`texts`: each file's text as its findings' lines count them. `documents`: when
    given, Word and PowerPoint findings name their place and quote their sentence."""

    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if colour else text  # type: ignore[arg-type]

    out: list[str] = []
    for result in results:
        document = (documents or {}).get(result.path)
        text = texts.get(result.path, "")
        starts = line_starts(text) if text else [0]
        for f in result.findings:
            if document is not None and document.blocks:
                out.append(_office_finding(result.path, f, document, style))
            else:
                out.append(_finding(result.path, f, text, starts, style))
    out.append(summary(results, style))
    return "\n".join(out)


def _header(path: str, f: Finding, style: Styler, where: str | None = None) -> str:
    s = style
    place = f"{path}: {where}" if where else f"{path}:{f.line}:{f.column}"
    return (
        f"{s(place, bold=True)}  "
        f"{s(f.severity.value, fg=_COLOURS[f.severity], bold=True)}  "
        f"{f.message} {s(f'[{f.rule} {f.name}]', dim=True)}"
    )


def _office_finding(path: str, f: Finding, document: Document, style: Styler) -> str:
    """Word and PowerPoint: name the paragraph / slide and shape, quote the sentence."""
    s = style
    before, flagged, after = sentence_of(document, f)
    lines = [_header(path, f, style, location_label(document, f))]
    shown = _printable(before + flagged + after)
    lines.append(f"   | {shown}")
    lines.append(f"   | {' ' * len(before)}{s('^' * max(1, len(flagged)), fg=_COLOURS[f.severity])}")
    lines.extend(_suggestions(f, "   = ", style))
    return "\n".join(lines) + "\n"


def _finding(path: str, f: Finding, text: str, starts: list[int], style: Styler) -> str:
    s = style
    lines = [_header(path, f, style)]
    if text:
        line_start = starts[f.line - 1]
        line_end = starts[f.line] if f.line < len(starts) else len(text)
        source = text[line_start:line_end].rstrip("\r\n")
        gutter = str(f.line)
        pad = " " * len(gutter)
        col = f.column - 1
        width = (f.end - f.start) if f.end_line == f.line else max(1, len(source) - col)
        source, col, width = _window(source, col, width)
        lines.append(f" {s(gutter, dim=True)} | {_printable(source)}")
        lines.append(f" {pad} | {_prefix_spaces(source[:col])}{s('^' * max(1, width), fg=_COLOURS[f.severity])}")
        marker = f" {pad} = "
    else:
        marker = "   = "
    lines.extend(_suggestions(f, marker, style))
    return "\n".join(lines) + "\n"


EXCERPT = 160  # characters of a source line shown around a finding


def _window(source: str, col: int, width: int) -> tuple[str, int, int]:
    """A long line is shown as a window around the span, marked with ellipses, so a
    one-line file with many findings prints in proportion to the findings."""
    if len(source) <= EXCERPT:
        return source, col, width
    width = min(width, EXCERPT - 20)
    start = max(0, min(col - (EXCERPT - width) // 2, len(source) - EXCERPT))
    end = start + EXCERPT
    left = "…" if start > 0 else ""
    right = "…" if end < len(source) else ""
    return left + source[start:end] + right, col - start + len(left), width


def _suggestions(f: Finding, marker: str, style: Styler) -> list[str]:
    s = style
    lines = []
    for sug in f.suggestions:
        # The kind leads: "replace" can stand in the span, "rephrase" is advice only.
        label = "replace (safe fix)" if sug.safe and sug.is_replacement else sug.kind.value
        lines.append(f"{marker}{s(label, fg='green')}: {sug.text}")
    return lines


def _printable(line: str) -> str:
    # Tabs and control characters would shift the underline; show them as one space.
    return "".join(" " if (c == "\t" or ord(c) < 32) else c for c in line)


def _prefix_spaces(prefix: str) -> str:
    return " " * len(prefix)


def summary(results: Sequence[FileResult], style: Styler) -> str:
    s = style
    findings = [f for r in results for f in r.findings]
    files = sum(1 for r in results if r.error is None)
    with_findings = sum(1 for r in results if r.findings)
    errors = sum(1 for r in results if r.error is not None)
    if not findings:
        text = f"No findings in {files} file{'s' if files != 1 else ''}."
        return s(text, fg="green", bold=True) if not errors else text
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[sev]} {sev.value}{'s' if counts[sev] != 1 else ''}" for sev in Severity if counts[sev]]
    text = (
        f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} ({', '.join(parts)}) "
        f"in {with_findings} of {files} file{'s' if files != 1 else ''}."
    )
    safe = sum(1 for f in findings if f.safe_fix is not None)
    if safe:
        text += f" {safe} with a safe fix."
    return s(text, bold=True)
