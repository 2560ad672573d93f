"""Helpers for the end-to-end tests: the client factory, document edits, waiting for
diagnostics, and applying edits as a client would (written independently of the server)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "lsp_server", "--stdio"]
CLIENTS = ["visual-studio-code", "neovim@v0.7.0"]


def make_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics with its version."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # type: ignore[attr-defined]

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)  # type: ignore[attr-defined]

    def register_capability(client: LanguageClient, params: types.RegistrationParams) -> None:
        client.registrations = [*getattr(client, "registrations", []), *params.registrations]  # type: ignore[attr-defined]

    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features[types.CLIENT_REGISTER_CAPABILITY] = register_capability
    register_lsp_features(client, features)
    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=make_client)


async def start(client: LanguageClient, root: Path, capabilities: types.ClientCapabilities, options: Any = None) -> types.InitializeResult:
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="notes")],
            initialization_options=options,
        )
    )


# -- helpers ---------------------------------------------------------------------------

def open_doc(client: LanguageClient, path: Path, text: str, language: str = "plaintext", version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text))
    )
    return uri


def change(client: LanguageClient, uri: str, version: int, *edits: tuple[tuple[int, int, int, int] | None, str]) -> None:
    changes: list[Any] = []
    for span, text in edits:
        if span is None:
            changes.append(types.TextDocumentContentChangeWholeDocument(text=text))
        else:
            changes.append(
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(span[0], span[1]), types.Position(span[2], span[3])), text=text
                )
            )
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=changes
        )
    )


async def published(client: LanguageClient, uri: str, version: int | None, timeout: float = 20.0) -> list[types.Diagnostic]:
    """The diagnostics published for `uri` at `version` (waiting for them)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        for p in reversed(client.published):  # type: ignore[attr-defined]
            if p.uri == uri and p.version == version:
                return list(p.diagnostics)
        if loop.time() > deadline:
            seen = [(p.uri, p.version, len(p.diagnostics)) for p in client.published]  # type: ignore[attr-defined]
            raise AssertionError(f"no diagnostics for {uri} version {version}; got {seen}")
        await asyncio.sleep(0.01)


async def published_after(client: LanguageClient, uri: str, after: int, timeout: float = 20.0) -> list[types.Diagnostic]:
    """The first publish for `uri` after the first `after` publishes (any version)."""
    for _ in range(int(timeout * 100)):
        for p in client.published[after:]:  # type: ignore[attr-defined]
            if p.uri == uri:
                return list(p.diagnostics)
        await asyncio.sleep(0.01)
    raise AssertionError("no new diagnostics")


def spans(diagnostics: Sequence[types.Diagnostic]) -> list[tuple[str, tuple[int, int, int, int]]]:
    return [
        (str(d.code), (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character))
        for d in diagnostics
    ]


# -- applying edits as a client would, written independently of the server's code ----------

def _units(ch: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(ch.encode("utf-8"))
    if encoding == "utf-16":
        return 2 if ord(ch) > 0xFFFF else 1
    return 1


def offset(text: str, line: int, character: int, encoding: str = "utf-16") -> int:
    lines = text.splitlines(keepends=True)
    pos = sum(len(x) for x in lines[:line])
    if line >= len(lines):
        return len(text)
    body = lines[line].rstrip("\r\n")
    used = 0
    for i, ch in enumerate(body):
        if used >= character:
            return pos + i
        used += _units(ch, encoding)
    return pos + len(body)


def apply_text_edits(text: str, edits: Sequence[types.TextEdit], encoding: str = "utf-16") -> str:
    located = sorted(
        ((offset(text, e.range.start.line, e.range.start.character, encoding),
          offset(text, e.range.end.line, e.range.end.character, encoding), e.new_text) for e in edits),
        reverse=True,
    )
    for a, b, new in located:
        text = text[:a] + new + text[b:]
    return text


def apply_workspace_edit(files: dict[str, str | None], edit: types.WorkspaceEdit, encoding: str = "utf-16") -> dict[str, str | None]:
    """Apply to {uri: text or None (missing)}; returns the new contents."""
    out = dict(files)
    if edit.document_changes:
        for dc in edit.document_changes:
            if isinstance(dc, types.CreateFile):
                if out.get(dc.uri) is None:
                    out[dc.uri] = ""
            elif isinstance(dc, types.TextDocumentEdit):
                current = out.get(dc.text_document.uri)
                assert current is not None, f"edit to a missing file {dc.text_document.uri}"
                out[dc.text_document.uri] = apply_text_edits(current, dc.edits, encoding)  # type: ignore[arg-type]
            else:
                raise AssertionError(f"unexpected change {dc!r}")
    for uri, edits in (edit.changes or {}).items():
        current = out.get(uri)
        assert current is not None
        out[uri] = apply_text_edits(current, edits, encoding)
    return out
