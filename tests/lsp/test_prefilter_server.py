"""The real server publishes the same diagnostics with the candidate prefilter as with it
off (TILINT_NO_PREFILTER=1), for a whole document, an edit inside it and a new paragraph."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import pytest_lsp
from lsp_helpers import SERVER, change, make_client, open_doc, published, start
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

pytestmark = pytest.mark.asyncio

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "corpus.jsonl"
_ENV = {k: v for k, v in os.environ.items() if k != "TILINT_NO_PREFILTER"}


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=make_client, server_env=_ENV))
async def fast(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=SERVER, client_factory=make_client, server_env={**_ENV, "TILINT_NO_PREFILTER": "1"}
    )
)
async def plain(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


def _notes() -> str:
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return "\n\n".join(texts[::2])


async def _session(client: LanguageClient, root: Path, text: str) -> list[list[types.Diagnostic]]:
    await start(client, root, pytest_lsp.client_capabilities("visual-studio-code"))
    uri = open_doc(client, root / "notes.md", text, "markdown")
    out = [await published(client, uri, 1, timeout=60)]
    # an edit on the first line (a paragraph skipped before now holds a phrase), then a
    # paragraph added at the end
    change(client, uri, 2, ((0, 0, 0, 0), "He is non-compliant and an addict. "))
    out.append(await published(client, uri, 2, timeout=60))
    lines = text.count("\n")
    change(client, uri, 3, ((lines, 0, lines, 0), "\n\n- *refused*, she said; the term 'addict' is outdated\n"))
    out.append(await published(client, uri, 3, timeout=60))
    return out


async def test_the_server_publishes_the_same_diagnostics_with_and_without_the_prefilter(
    fast: LanguageClient, plain: LanguageClient, tmp_path: Path
) -> None:
    root = tmp_path / "notes"
    root.mkdir()
    text = _notes()
    with_prefilter = await _session(fast, root, text)
    without = await _session(plain, root, text)
    assert [len(d) for d in with_prefilter] == [len(d) for d in without]
    assert with_prefilter == without
    assert len(with_prefilter[0]) > 100  # the corpus is about flagged language: not an empty comparison
    assert len(with_prefilter[1]) > len(with_prefilter[0])  # the edit did add findings
