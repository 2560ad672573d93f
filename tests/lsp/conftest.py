"""End-to-end fixtures: the real server over stdio, driven by pytest-lsp's client."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsp_helpers import CLIENTS, CONFIG, start
from pytest_lsp import LanguageClient


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "notes"
    root.mkdir()
    return root


@pytest_lsp.fixture(config=CONFIG, params=CLIENTS)
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest, workspace: Path):
    """A session as VS Code and as Neovim 0.7 (their recorded capabilities)."""
    lsp_client.spec = request.param  # type: ignore[attr-defined]
    await start(lsp_client, workspace, pytest_lsp.client_capabilities(request.param))
    yield
    await lsp_client.shutdown_session()




@pytest_lsp.fixture(config=CONFIG)
async def bare(lsp_client: LanguageClient):
    """A client the test initializes itself, with capabilities of its choosing."""
    yield
    await lsp_client.shutdown_session()
