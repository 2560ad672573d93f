"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

    ::warning file=notes/a.md,line=4,col=10,endLine=4,endColumn=23,title=TI101 non-compliant::message

Data is escaped as the runner expects (% CR LF; also : and , in properties). Word and
PowerPoint findings name the paragraph or slide in the message. Info and hint findings
become notices.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tilint.findings import FileResult, Severity
from tilint.formats import Document
from tilint.report.locations import location_label

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice", Severity.HINT: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[FileResult], documents: Mapping[str, Document]) -> str:
    lines = []
    for result in results:
        document = documents.get(result.path)
        for f in result.findings:
            props = [
                f"file={escape_property(result.path)}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
                f"title={escape_property(f'{f.rule} {f.name}')}",
            ]
            message = f.message
            if document is not None and document.blocks:
                message = f"{location_label(document, f)}: {message}"
            if f.suggestions:
                message += "\nSuggestions: " + "; ".join(s.label() for s in f.suggestions)
            lines.append(f"::{COMMANDS[f.severity]} {','.join(props)}::{escape_data(message)}")
        if result.error is not None:
            lines.append(f"::error file={escape_property(result.path)},title=tilint::{escape_data(str(result.error))}")
    return "\n".join(lines)
