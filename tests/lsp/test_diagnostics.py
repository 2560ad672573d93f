"""Diagnostics over stdio: exact codes, ranges, data; edits, versions, close."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsp_helpers import change, open_doc, published, spans, start
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio

DOCS = "https://github.com/tilint/tilint/blob/main/docs/rules/"


async def test_open_publishes_exact_diagnostics(client: LanguageClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "note.txt", "She refused her meds.\nHe is non-compliant.\n")
    diags = await published(client, uri, 1)
    assert spans(diags) == [("TI102", (0, 4, 0, 11)), ("TI101", (1, 6, 1, 19))]
    refused, noncompliant = diags
    assert refused.source == "tilint" and noncompliant.source == "tilint"
    assert refused.severity == types.DiagnosticSeverity.Warning
    assert refused.code_description is not None
    assert refused.code_description.href == DOCS + "TI102-refused.md"
    assert noncompliant.code_description is not None
    assert noncompliant.code_description.href == DOCS + "TI101-non-compliant.md"
    assert refused.message.startswith("'refused' ")
    assert refused.data["rule"] == "TI102"
    assert refused.data["category"] == "deficit"
    assert refused.data["text"] == "refused"
    assert refused.data["range"] == [0, 4, 0, 11]
    # Every suggestion with its kind; only `replace` ones ever become edits.
    assert refused.data["suggestions"][0] == {"text": "declined", "kind": "replace", "safe": True}
    assert noncompliant.data["category"] == "deficit"
    for diag in diags:
        for s in diag.data["suggestions"]:
            assert set(s) == {"text", "kind", "safe"} and s["kind"] in ("replace", "rephrase")
            assert not (s["safe"] and s["kind"] == "rephrase")
    assert noncompliant.data["suggestions"][0]["kind"] == "rephrase"


async def test_markdown_code_and_links_are_not_checked(client: LanguageClient, workspace: Path) -> None:
    text = (
        "# Review\n"
        "\n"
        "Plan: `refused` is a field name; see [the policy](https://example.org/refused).\n"
        "\n"
        "```\n"
        "status = refused\n"
        "```\n"
        "\n"
        "She refused the ward round.\n"
    )
    uri = open_doc(client, workspace / "note.md", text, language="markdown")
    assert spans(await published(client, uri, 1)) == [("TI102", (8, 4, 8, 11))]


async def test_incremental_edits_move_and_clear(client: LanguageClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "note.txt", "She refused her meds.\nHe is non-compliant.\n")
    await published(client, uri, 1)
    change(client, uri, 2, ((0, 0, 0, 0), "Today "))  # insert before the finding
    assert spans(await published(client, uri, 2)) == [("TI102", (0, 10, 0, 17)), ("TI101", (1, 6, 1, 19))]
    change(client, uri, 3, ((1, 6, 1, 19), "not taking the tablets"))  # replace the finding
    assert spans(await published(client, uri, 3)) == [("TI102", (0, 10, 0, 17))]
    change(client, uri, 4, ((0, 0, 0, 0), "Review.\n\n"))  # insert lines
    assert spans(await published(client, uri, 4)) == [("TI102", (2, 10, 2, 17))]
    change(client, uri, 5, (None, "Nothing to flag.\n"))  # full replacement
    assert await published(client, uri, 5) == []


async def test_newer_version_supersedes_older(client: LanguageClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "note.txt", "Calm night.\n")
    assert await published(client, uri, 1) == []
    # Five edits in a burst, without waiting: the last one must win.
    for version in range(2, 7):
        change(client, uri, version, ((0, 0, 0, 0), "He refused. " if version == 6 else f"v{version} "))
    final = await published(client, uri, 6)
    assert spans(final) == [("TI102", (0, 3, 0, 10))]
    await asyncio.sleep(0.3)
    versions = [p.version for p in client.published if p.uri == uri]  # type: ignore[attr-defined]
    assert versions == sorted(versions) and versions[-1] == 6


async def test_close_clears_diagnostics(client: LanguageClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "note.txt", "She refused her meds.\n")
    assert len(await published(client, uri, 1)) == 1
    count = len(client.published)  # type: ignore[attr-defined]
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    for _ in range(500):
        if len(client.published) > count:  # type: ignore[attr-defined]
            break
        await asyncio.sleep(0.01)
    last = client.published[-1]  # type: ignore[attr-defined]
    assert last.uri == uri and len(last.diagnostics) == 0


async def test_other_languages_are_not_linted(client: LanguageClient, workspace: Path) -> None:
    py = open_doc(client, workspace / "tool.py", "status = 'refused'\n", language="python")
    toml = open_doc(client, workspace / "x.toml", "a = 'refused'\n", language="toml")
    txt = open_doc(client, workspace / "note.txt", "He refused.\n")
    assert len(await published(client, txt, 1)) == 1
    await asyncio.sleep(0.2)
    published_uris = {p.uri for p in client.published}  # type: ignore[attr-defined]
    assert published_uris == {txt} and py not in published_uris and toml not in published_uris


# -- positions in each encoding -----------------------------------------------------

TEXT = "Café 😀 — she refused.\r\nÅse 🙂🙂 is non-compliant.\r\n"
EXPECTED = {
    # refused: code points 13-20 on line 0; non-compliant: 10-23 on line 1
    "utf-16": [("TI102", (0, 14, 0, 21)), ("TI101", (1, 12, 1, 25))],
    "utf-8": [("TI102", (0, 19, 0, 26)), ("TI101", (1, 17, 1, 30))],
    "utf-32": [("TI102", (0, 13, 0, 20)), ("TI101", (1, 10, 1, 23))],
}
AFTER_EMOJI = {"utf-16": 7, "utf-8": 10, "utf-32": 6}  # just after 😀 on line 0




@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
async def test_positions_with_accents_emoji_and_crlf(bare: LanguageClient, workspace: Path, encoding: str) -> None:
    caps = types.ClientCapabilities(general=types.GeneralClientCapabilities(position_encodings=[encoding]))
    result = await start(bare, workspace, caps)
    assert result.capabilities.position_encoding == encoding
    assert result.capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental  # type: ignore[union-attr]
    uri = open_doc(bare, workspace / "note.txt", TEXT)
    assert spans(await published(bare, uri, 1)) == EXPECTED[encoding]
    # Insert one character just after the emoji: 'refused' moves right by one code point,
    # which is one unit in every encoding.
    col = AFTER_EMOJI[encoding]
    change(bare, uri, 2, ((0, col, 0, col), "!"))
    moved = [(code, (a, b + 1, c, d + 1) if a == 0 else (a, b, c, d)) for code, (a, b, c, d) in EXPECTED[encoding]]
    assert spans(await published(bare, uri, 2)) == moved
    # Replace the emoji pair on line 1 (its range in this encoding) with a plain word.
    pair_start = {"utf-16": 4, "utf-8": 5, "utf-32": 4}[encoding]
    pair_end = {"utf-16": 8, "utf-8": 13, "utf-32": 6}[encoding]
    change(bare, uri, 3, ((1, pair_start, 1, pair_end), "ok"))
    line1 = {"utf-16": (1, 10, 1, 23), "utf-8": (1, 11, 1, 24), "utf-32": (1, 10, 1, 23)}[encoding]
    assert spans(await published(bare, uri, 3)) == [moved[0], ("TI101", line1)]
