"""Code actions built from diagnostic data alone: no re-lint.

Pure. Each quick fix first checks that the document still holds the flagged text at
the range published in the diagnostic's data, or else at the range the client sent
(clients may rebuild diagnostics imprecisely: Neovim 0.7 sends byte columns); a stale
diagnostic gets no edit rather than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lsprotocol import types

from lsp_server.convert import FindingData, Span, to_range
from lsp_server.documents import TextDoc
from lsp_server.tomledit import add_allow, new_config_text, normalise
from tilint.findings import Finding, Severity
from tilint.fix import plan_fixes
from tilint.suppress import find_directives

FIX_ALL_KIND = "source.fixAll.tilint"
QUICKFIX = types.CodeActionKind.QuickFix


@dataclass(frozen=True, slots=True)
class Flagged:
    """One diagnostic the client asked about, located in the current document."""

    data: FindingData
    start: int  # code-point offsets in the current version
    end: int
    diagnostic: types.Diagnostic


@dataclass(frozen=True, slots=True)
class AllowTarget:
    """Where "add to the allow list" writes: an existing config file, or a new one."""

    uri: str
    text: str | None  # current content; None: the file does not exist yet
    version: int | None  # when the editor has it open
    pyproject: bool


def locate(doc: TextDoc, data: FindingData, client_span: Span | None, encoding: str) -> tuple[int, int] | None:
    """Code-point offsets of the flagged text: at the range the server published (exact
    while the document is unchanged), else at the range the client sent (which editors
    move as text is typed before the next lint arrives)."""
    for span in (data.span, client_span):
        if span is None:
            continue
        a = doc.offset_at(span[0], span[1], encoding)
        b = doc.offset_at(span[2], span[3], encoding)
        if doc.text[a:b] == data.text:
            return a, b
    return None


def wanted(only: Sequence[str] | None, kind: str) -> bool:
    """Whether a client's `only` filter admits an action kind (prefix match, as specified)."""
    if not only:
        return True
    return any(kind == k or kind.startswith(k + ".") for k in only)


def text_edit(doc: TextDoc, start: int, end: int, new_text: str, encoding: str) -> types.TextEdit:
    a = doc.position_at(start, encoding)
    b = doc.position_at(end, encoding)
    return types.TextEdit(to_range((a[0], a[1], b[0], b[1])), new_text)


def document_edit(doc: TextDoc, edits: list[types.TextEdit], document_changes: bool) -> types.WorkspaceEdit:
    if document_changes:
        return types.WorkspaceEdit(
            document_changes=[
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(uri=doc.uri, version=doc.version),
                    edits=list(edits),
                )
            ]
        )
    return types.WorkspaceEdit(changes={doc.uri: list(edits)})


def quick_fixes(doc: TextDoc, item: Flagged, encoding: str, document_changes: bool) -> list[types.CodeAction]:
    out = []
    safe = item.data.safe_fix
    for suggestion in item.data.replacements:
        edit = text_edit(doc, item.start, item.end, suggestion.text, encoding)
        out.append(
            types.CodeAction(
                title=f"Replace '{item.data.text}' with '{suggestion.text}'",
                kind=QUICKFIX,
                diagnostics=[item.diagnostic],
                is_preferred=True if suggestion is safe else None,
                edit=document_edit(doc, [edit], document_changes),
            )
        )
    return out


_MD_PREFIX = re.compile(r"(?:[ \t]*>)*[ \t]*")
_TEXT_PREFIX = re.compile(r"[ \t]*")


def ignore_line(doc: TextDoc, item: Flagged, encoding: str, document_changes: bool) -> types.CodeAction | None:
    """Insert `tilint-disable-next-line CODE` above the flagged line, or add the code
    to such a directive already there (two stacked directives would cover each other).
    The line above is read with the core's own suppression grammar (tilint.suppress)."""
    code = item.data.rule
    markdown = doc.kind == "markdown"
    line, _ = doc.position_at(item.start, encoding)
    start, _ = doc.line_bounds(line)
    edit: types.TextEdit | None = None
    if line > 0:
        above = doc.line_text(line - 1)
        directive = next(
            (d for d in find_directives(above, bare_lines=not markdown) if d.kind == "disable-next-line"), None
        )
        if directive is not None:
            if not directive.selectors or code.lower() in directive.selectors:
                return None  # already covers it: the diagnostic is stale
            at = doc.line_bounds(line - 1)[0] + directive.args_end
            edit = text_edit(doc, at, at, f", {code}", encoding)
    if edit is None:
        prefix = (_MD_PREFIX if markdown else _TEXT_PREFIX).match(doc.line_text(line))
        indent = prefix.group() if prefix else ""
        directive_text = (
            f"<!-- tilint-disable-next-line {code} -->" if markdown else f"tilint-disable-next-line {code}"
        )
        brk = doc.line_break(line) or "\n"
        edit = text_edit(doc, start, start, f"{indent}{directive_text}{brk}", encoding)
    return types.CodeAction(
        title=f"Ignore {code} on this line",
        kind=QUICKFIX,
        diagnostics=[item.diagnostic],
        edit=document_edit(doc, [edit], document_changes),
    )


def allow_phrase(
    phrase: str,
    target: AllowTarget,
    diagnostics: list[types.Diagnostic],
    encoding: str,
    *,
    document_changes: bool,
    can_create: bool,
) -> types.CodeAction | None:
    phrase = normalise(phrase)
    if not phrase:
        return None
    title = f"Add '{phrase}' to the project's allow list"
    if target.text is None:
        if not can_create:
            return None
        content = new_config_text(phrase)
        edit = types.WorkspaceEdit(
            document_changes=[
                types.CreateFile(uri=target.uri, options=types.CreateFileOptions(overwrite=False, ignore_if_exists=True)),
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(uri=target.uri, version=None),
                    edits=[types.TextEdit(to_range((0, 0, 0, 0)), content)],
                ),
            ]
        )
        return types.CodeAction(title=title, kind=QUICKFIX, diagnostics=diagnostics, edit=edit)
    change = add_allow(target.text, phrase, pyproject=target.pyproject)
    if change is None:
        return None
    config_doc = TextDoc(target.uri, target.text, target.version)
    te = text_edit(config_doc, change.start, change.end, change.new_text, encoding)
    if document_changes:
        ws = types.WorkspaceEdit(
            document_changes=[
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(uri=target.uri, version=target.version),
                    edits=[te],
                )
            ]
        )
    else:
        ws = types.WorkspaceEdit(changes={target.uri: [te]})
    return types.CodeAction(title=title, kind=QUICKFIX, diagnostics=diagnostics, edit=ws)


def quick_fix_actions(
    doc: TextDoc,
    items: Sequence[Flagged],
    target: AllowTarget | None,
    encoding: str,
    *,
    document_changes: bool,
    can_create: bool,
) -> list[types.CodeAction]:
    """For the diagnostics asked about: every replacement, then "ignore on this line",
    then "add to the allow list" once per distinct phrase."""
    out: list[types.CodeAction] = []
    for item in items:
        out.extend(quick_fixes(doc, item, encoding, document_changes))
    for item in items:
        ignore = ignore_line(doc, item, encoding, document_changes)
        if ignore is not None:
            out.append(ignore)
    if target is None:
        return out
    phrases: dict[str, list[types.Diagnostic]] = {}
    for item in items:
        phrases.setdefault(normalise(item.data.text).lower(), []).append(item.diagnostic)
    for item in items:
        diagnostics = phrases.pop(normalise(item.data.text).lower(), None)
        if diagnostics is None:
            continue
        action = allow_phrase(
            item.data.text, target, diagnostics, encoding,
            document_changes=document_changes, can_create=can_create,
        )
        if action is not None:
            out.append(action)
    return out


def fix_all(doc: TextDoc, findings: Iterable[Finding], encoding: str, document_changes: bool) -> types.CodeAction | None:
    """One action applying every safe fix, planned as `tilint check --fix` plans them
    (tilint.fix.plan_fixes: left to right, overlapping ones after the first left).
    Hints are left out: clients draw them faintly or not at all, so "fix all on save"
    must not rewrite them unseen."""
    shown = [f for f in findings if f.severity is not Severity.HINT]
    edits = [
        text_edit(doc, start, end, text, encoding)
        for start, end, text in plan_fixes(doc.text, shown)
        if doc.text[start:end] != text
    ]
    if not edits:
        return None
    return types.CodeAction(
        title="Apply all safe tilint fixes",
        kind=FIX_ALL_KIND,
        edit=document_edit(doc, edits, document_changes),
    )
