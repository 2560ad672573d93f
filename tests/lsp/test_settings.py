"""Settings: initializationOptions, didChangeConfiguration (push and pull), config files,
precedence, and invalid values falling back with a message."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsp_helpers import change, open_doc, published, published_after, spans, start
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio

QUOTE = 'He said "I refused the tablets" and is non-compliant.\n'
BOTH = "She refused her meds.\nHe is non-compliant.\n"
VSCODE = "visual-studio-code"


async def session(client: LanguageClient, workspace: Path, options: Any = None, spec: str = VSCODE) -> None:
    await start(client, workspace, pytest_lsp.client_capabilities(spec), options)


def configure(client: LanguageClient, settings: Any) -> int:
    count = len(client.published)  # type: ignore[attr-defined]
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=settings))
    return count


async def messages(client: LanguageClient, count: int, timeout: float = 10.0) -> list[str]:
    for _ in range(int(timeout * 100)):
        if len(client.messages) >= count:
            break
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.2)  # and no more than that
    assert all(m.type == types.MessageType.Warning for m in client.messages)
    return [m.message for m in client.messages]


@pytest.mark.parametrize("key", ["check-quotes", "check_quotes", "checkQuotes"])
async def test_initialization_options_in_any_key_style(bare: LanguageClient, workspace: Path, key: str) -> None:
    await session(bare, workspace, {"tilint": {key: True, "ignore": ["TI101"]}})
    uri = open_doc(bare, workspace / "note.txt", QUOTE)
    assert spans(await published(bare, uri, 1)) == [("TI102", (0, 11, 0, 18))]
    assert bare.messages == []


async def test_severity_setting_maps_to_lsp_severities(bare: LanguageClient, workspace: Path) -> None:
    await session(bare, workspace, {"severity": {"TI101": "error", "refused": "hint"}})
    uri = open_doc(bare, workspace / "note.txt", BOTH)
    diags = await published(bare, uri, 1)
    assert [(d.code, d.severity) for d in diags] == [
        ("TI102", types.DiagnosticSeverity.Hint),
        ("TI101", types.DiagnosticSeverity.Error),
    ]


async def test_did_change_configuration_pushes_new_settings(bare: LanguageClient, workspace: Path) -> None:
    await session(bare, workspace, spec="neovim@v0.7.0")
    uri = open_doc(bare, workspace / "note.txt", BOTH)
    assert [d.code for d in await published(bare, uri, 1)] == ["TI102", "TI101"]
    count = configure(bare, {"tilint": {"select": ["TI101"]}})
    assert [d.code for d in await published_after(bare, uri, count)] == ["TI101"]
    count = configure(bare, {"tilint": {}})
    assert [d.code for d in await published_after(bare, uri, count)] == ["TI102", "TI101"]


async def test_settings_are_pulled_with_workspace_configuration(bare: LanguageClient, workspace: Path) -> None:
    bare.set_configuration({"ignore": ["TI102"]}, section="tilint")
    await session(bare, workspace)
    uri = open_doc(bare, workspace / "note.txt", BOTH)
    for _ in range(200):
        if [d.code for d in bare.diagnostics.get(uri, [])] == ["TI101"]:
            break
        await asyncio.sleep(0.05)
    assert [d.code for d in bare.diagnostics[uri]] == ["TI101"]
    bare.set_configuration({"ignore": ["TI101"]}, section="tilint")
    count = configure(bare, None)  # VS Code's way: "something changed, ask me"
    assert [d.code for d in await published_after(bare, uri, count)] == ["TI102"]


async def test_invalid_settings_fall_back_with_messages(bare: LanguageClient, workspace: Path) -> None:
    bad = {
        "select": 5,
        "run": "sometimes",
        "enable": "yes",
        "severity": {"TI101": "loud"},
        "chek-quotes": True,
        "ignore": ["TI999"],
    }
    await session(bare, workspace, bad)
    uri = open_doc(bare, workspace / "note.txt", BOTH)
    diags = await published(bare, uri, 1)
    assert [(d.code, d.severity) for d in diags] == [
        ("TI102", types.DiagnosticSeverity.Warning),
        ("TI101", types.DiagnosticSeverity.Warning),
    ]
    shown = await messages(bare, 6)
    assert len(shown) == 6
    expected = [
        ("key 'select'", "using the default for 'select'"),
        ("'run' must be 'onType' or 'onSave'", "using 'onType'"),
        ("'enable' must be true or false", "using true"),
        ("key 'severity.TI101'", "using the default for 'severity'"),
        ("unknown tilint setting 'chek-quotes' (did you mean 'check-quotes'?)", "ignored"),
        ("'TI999' names no rule", "ignore entry ignored"),
    ]
    for (what, fallback), message in zip(expected, shown, strict=True):
        assert what in message and message.endswith(fallback), message


async def test_enable_false_clears_and_true_restores(client: LanguageClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "note.txt", BOTH)
    assert len(await published(client, uri, 1)) == 2
    count = configure(client, {"tilint": {"enable": False}})
    assert await published_after(client, uri, count) == []
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 5))
    )
    assert hover is None
    count = configure(client, {"tilint": {"enable": True}})
    assert [d.code for d in await published_after(client, uri, count)] == ["TI102", "TI101"]


async def test_run_on_save_lints_only_when_saved(bare: LanguageClient, workspace: Path) -> None:
    await session(bare, workspace, {"run": "onSave"})
    uri = open_doc(bare, workspace / "note.txt", "Calm night.\n")
    assert await published(bare, uri, 1) == []
    change(bare, uri, 2, ((0, 0, 0, 0), "He refused. "))
    await asyncio.sleep(0.5)
    assert [p.version for p in bare.published] == [1]  # type: ignore[attr-defined]
    bare.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    assert spans(await published(bare, uri, 2)) == [("TI102", (0, 3, 0, 10))]


async def test_project_config_file_and_editor_precedence(bare: LanguageClient, workspace: Path) -> None:
    (workspace / ".tilint.toml").write_text('ignore = ["TI102"]\nallow = ["non-compliant with his diet"]\n', encoding="utf-8")
    await session(bare, workspace, {"allow": ["non-compliant"]})
    text = BOTH + "She refused again.\n"
    uri = open_doc(bare, workspace / "note.txt", text)
    # file: TI102 ignored; allow adds up from file and editor: nothing left.
    assert await published(bare, uri, 1) == []
    # A key the editor sets overrides the same key in the file.
    count = configure(bare, {"tilint": {"ignore": [], "allow": ["non-compliant"]}})
    assert spans(await published_after(bare, uri, count)) == [("TI102", (0, 4, 0, 11)), ("TI102", (2, 4, 2, 11))]
    # New settings replace the old ones: without the editor's allow, the file's alone applies.
    count = configure(bare, {"tilint": {"ignore": []}})
    assert [d.code for d in await published_after(bare, uri, count)] == ["TI102", "TI101", "TI102"]


async def test_broken_config_file_falls_back_with_a_message(bare: LanguageClient, workspace: Path) -> None:
    (workspace / "pyproject.toml").write_text('[tool.tilint]\nselect = ["TI1"\n', encoding="utf-8")
    await session(bare, workspace)
    uri = open_doc(bare, workspace / "note.txt", BOTH)
    assert [d.code for d in await published(bare, uri, 1)] == ["TI102", "TI101"]
    (shown,) = await messages(bare, 1)
    assert shown.startswith("TL002 ") and "pyproject.toml" in shown and "invalid TOML" in shown
    assert shown.endswith("using the defaults until it is fixed")


async def test_exclude_and_missing_lexicon(bare: LanguageClient, workspace: Path) -> None:
    (workspace / "drafts").mkdir()
    await session(bare, workspace, {"exclude": ["drafts/*"], "lexicons": ["missing.yml"]})
    skipped = open_doc(bare, workspace / "drafts" / "a.txt", BOTH)
    assert await published(bare, skipped, 1) == []
    uri = open_doc(bare, workspace / "note.txt", BOTH)
    assert [d.code for d in await published(bare, uri, 1)] == ["TI102", "TI101"]
    (shown,) = await messages(bare, 1)
    assert shown.startswith("TL001 ") and "missing.yml" in shown and shown.endswith("checking with the built-in rules only")


# pytest-lsp warns that the request is not declared: that is the point of this test.
@pytest.mark.filterwarnings("ignore:Client does not support 'workspace/configuration'")
async def test_settings_pulled_from_a_client_that_does_not_declare_it(bare: LanguageClient, workspace: Path) -> None:
    """Neovim 0.7 answers workspace/configuration from its `settings` without declaring
    the capability, and never sends didChangeConfiguration: the first diagnostics must
    already follow the settings."""
    caps = pytest_lsp.client_capabilities("neovim@v0.7.0")
    assert not (caps.workspace and caps.workspace.configuration)
    bare.set_configuration({"ignore": ["TI102"]}, section="tilint")
    await bare.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            client_info=types.ClientInfo(name="Neovim", version="0.7.2"),
            root_uri=workspace.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="notes")],
        )
    )
    uri = open_doc(bare, workspace / "note.txt", BOTH)
    assert [d.code for d in await published(bare, uri, 1)] == ["TI101"]
    assert [d.code for p in bare.published for d in p.diagnostics] == ["TI101"]  # type: ignore[attr-defined]
