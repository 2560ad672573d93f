"""Bad requests never crash the server: unknown documents, out-of-range positions,
stale versions, malformed parameters and diagnostic data."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_helpers import change, open_doc, published, spans
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio


async def alive(client: LanguageClient, workspace: Path, name: str = "check.txt") -> None:
    uri = open_doc(client, workspace / name, "He refused.\n")
    assert spans(await published(client, uri, 1)) == [("TI102", (0, 3, 0, 10))]


async def test_unknown_document(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "never-opened.txt").as_uri()
    change(client, uri, 2, ((0, 0, 0, 0), "x"))
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    assert await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0))
    ) is None
    got = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 0), types.Position(0, 1)),
            types.CodeActionContext(diagnostics=[]),
        )
    )
    assert got is None
    await alive(client, workspace)
    assert client.messages == []


async def test_out_of_range_changes_are_clamped(client: LanguageClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "note.txt", "Calm.\n")
    assert await published(client, uri, 1) == []
    change(client, uri, 2, ((50, 0, 60, 3), "He refused.\n"))  # past the last line: the end
    assert spans(await published(client, uri, 2)) == [("TI102", (1, 3, 1, 10))]
    change(client, uri, 3, ((0, 999, 0, 999), " She refuses."))  # past the line's end: its end
    assert spans(await published(client, uri, 3)) == [("TI102", (0, 10, 0, 17)), ("TI102", (1, 3, 1, 10))]
    change(client, uri, 4, ((1, 10, 1, 3), "declined"))  # start after end: the same range
    assert spans(await published(client, uri, 4)) == [("TI102", (0, 10, 0, 17))]
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(10_000, 10_000))
    )
    assert hover is None
    assert client.messages == []


async def test_position_inside_a_surrogate_pair(client: LanguageClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "note.txt", "😀 He refused.\n")
    assert spans(await published(client, uri, 1)) == [("TI102", (0, 6, 0, 13))]
    change(client, uri, 2, ((0, 1, 0, 1), "x"))  # between the halves of 😀: before it
    assert spans(await published(client, uri, 2)) == [("TI102", (0, 7, 0, 14))]
    await alive(client, workspace)


async def test_stale_versions_are_ignored(client: LanguageClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "note.txt", "Calm.\n")
    await published(client, uri, 1)
    change(client, uri, 5, ((0, 0, 0, 0), "He refused. "))
    assert spans(await published(client, uri, 5)) == [("TI102", (0, 3, 0, 10))]
    change(client, uri, 3, ((0, 0, 0, 0), "ZZZ "))  # older than what the server has
    change(client, uri, 6, ((0, 0, 0, 0), "Today "))
    assert spans(await published(client, uri, 6)) == [("TI102", (0, 9, 0, 16))]
    assert 3 not in [p.version for p in client.published if p.uri == uri]  # type: ignore[attr-defined]


async def test_malformed_diagnostic_data_is_skipped(client: LanguageClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "note.txt", "She refused her meds.\n")
    (diag,) = await published(client, uri, 1)
    junk = [
        types.Diagnostic(range=diag.range, message="x", source="tilint", code="TI102", data="junk"),
        types.Diagnostic(range=diag.range, message="x", source="tilint", code="TI102", data={"rule": "TI102"}),
        types.Diagnostic(range=diag.range, message="x", source="other", code="X1", data=diag.data),
    ]
    got = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), diag.range, types.CodeActionContext(diagnostics=junk, only=["quickfix"]))
    )
    assert got is not None and list(got) == []
    await alive(client, workspace)
    assert client.messages == []
