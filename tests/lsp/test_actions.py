"""Code actions: applying the returned edits gives exactly the expected text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest
from lsp_helpers import apply_workspace_edit, change, open_doc, published, published_after, spans
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio


async def code_actions(
    client: LanguageClient,
    uri: str,
    diagnostics: Sequence[types.Diagnostic],
    only: list[str] | None = None,
    rng: types.Range | None = None,
) -> list[types.CodeAction]:
    got = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=rng or diagnostics[0].range,
            context=types.CodeActionContext(diagnostics=list(diagnostics), only=only),  # type: ignore[arg-type]
        )
    )
    assert got is not None
    assert all(isinstance(a, types.CodeAction) for a in got)
    return list(got)  # type: ignore[arg-type]


def watched(client: LanguageClient, path: Path, kind: types.FileChangeType) -> None:
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=path.as_uri(), type=kind)])
    )


def uses_document_changes(client: LanguageClient) -> bool:
    return client.spec == "visual-studio-code"  # type: ignore[attr-defined]


async def test_quick_fixes_and_fix_all(client: LanguageClient, workspace: Path) -> None:
    text = "She refused her meds.\n"
    uri = open_doc(client, workspace / "note.txt", text)
    diags = await published(client, uri, 1)
    got = await code_actions(client, uri, diags)
    # TI102's advice (kind "rephrase") is in the diagnostic data but never becomes an edit.
    assert any(s["kind"] == "rephrase" for s in diags[0].data["suggestions"])
    assert [(a.title, a.kind, a.is_preferred) for a in got] == [
        ("Replace 'refused' with 'declined'", "quickfix", True),
        ("Ignore TI102 on this line", "quickfix", None),
        ("Add 'refused' to the project's allow list", "quickfix", None),
        ("Apply all safe tilint fixes", "source.fixAll.tilint", None),
    ]
    for action in got[:3]:
        assert action.diagnostics is not None and [d.code for d in action.diagnostics] == ["TI102"]
    files: dict[str, str | None] = {uri: text}
    results = [apply_workspace_edit(files, a.edit)[uri] for a in (got[0], got[1], got[3])]  # type: ignore[arg-type]
    assert results == [
        "She declined her meds.\n",
        "tilint-disable-next-line TI102\nShe refused her meds.\n",
        "She declined her meds.\n",
    ]
    config = (workspace / ".tilint.toml").as_uri()
    assert apply_workspace_edit({**files, config: None}, got[2].edit) == {uri: text, config: 'allow = ["refused"]\n'}  # type: ignore[arg-type]
    # Edits to the note are tied to its version where the client supports that.
    edit = got[0].edit
    assert edit is not None
    if uses_document_changes(client):
        assert edit.changes is None and edit.document_changes is not None
        assert edit.document_changes[0].text_document.version == 1  # type: ignore[union-attr]
    else:
        assert edit.document_changes is None and edit.changes is not None
    # The suppression really suppresses.
    change(client, uri, 2, (None, results[1]))
    assert await published(client, uri, 2) == []


async def test_ignore_line_matches_indentation_in_markdown_with_crlf(client: LanguageClient, workspace: Path) -> None:
    text = "# Notes\r\n\r\n- Ward round\r\n  She refused her meds.\r\n  - Night\r\n\r\n    He is non-compliant.\r\n"
    uri = open_doc(client, workspace / "note.md", text, language="markdown")
    diags = await published(client, uri, 1)
    assert spans(diags) == [("TI102", (3, 6, 3, 13)), ("TI101", (6, 10, 6, 23))]
    for version, code in ((2, "TI102"), (3, "TI101")):
        diag = next(d for d in diags if d.code == code)
        got = await code_actions(client, uri, [diag], only=["quickfix"])
        assert all(a.kind == "quickfix" for a in got)
        ignore = [a for a in got if a.title == f"Ignore {code} on this line"]
        assert len(ignore) == 1
        text = apply_workspace_edit({uri: text}, ignore[0].edit)[uri]  # type: ignore[arg-type,assignment]
        change(client, uri, version, (None, text))
        diags = await published(client, uri, version)
    assert text == (
        "# Notes\r\n\r\n- Ward round\r\n"
        "  <!-- tilint-disable-next-line TI102 -->\r\n"
        "  She refused her meds.\r\n  - Night\r\n\r\n"
        "    <!-- tilint-disable-next-line TI101 -->\r\n"
        "    He is non-compliant.\r\n"
    )
    assert await published(client, uri, 3) == []


async def test_ignore_line_extends_a_directive_already_there(client: LanguageClient, workspace: Path) -> None:
    text = "Notes:\n    tilint-disable-next-line TI101 -- quoting the referral\n    He refused and is non-compliant.\n"
    uri = open_doc(client, workspace / "note.txt", text)
    diags = await published(client, uri, 1)
    assert spans(diags) == [("TI102", (2, 7, 2, 14))]
    got = await code_actions(client, uri, diags)
    ignore = next(a for a in got if a.title == "Ignore TI102 on this line")
    new = apply_workspace_edit({uri: text}, ignore.edit)[uri]  # type: ignore[arg-type]
    assert new == "Notes:\n    tilint-disable-next-line TI101, TI102 -- quoting the referral\n    He refused and is non-compliant.\n"
    change(client, uri, 2, (None, new))
    assert await published(client, uri, 2) == []


async def test_allow_list_creates_tilint_toml_at_workspace_root(client: LanguageClient, workspace: Path) -> None:
    folder = workspace / "ward" / "2024"
    folder.mkdir(parents=True)
    text = "He refused his tea.\n"
    uri = open_doc(client, folder / "note.txt", text)
    diags = await published(client, uri, 1)
    got = await code_actions(client, uri, diags, only=["quickfix"])
    allow = next(a for a in got if a.title == "Add 'refused' to the project's allow list")
    assert allow.edit is not None and allow.edit.document_changes is not None
    create = allow.edit.document_changes[0]
    assert isinstance(create, types.CreateFile)
    config = workspace / ".tilint.toml"
    assert create.uri == config.as_uri()
    files = apply_workspace_edit({uri: text, config.as_uri(): None}, allow.edit)
    assert files[uri] == text
    config.write_text(files[config.as_uri()], encoding="utf-8")  # type: ignore[arg-type]
    count = len(client.published)  # type: ignore[attr-defined]
    watched(client, config, types.FileChangeType.Created)
    assert await published_after(client, uri, count) == []


async def test_allow_list_edits_the_nearest_tilint_toml(client: LanguageClient, workspace: Path) -> None:
    config = workspace / ".tilint.toml"
    config.write_text('select = ["TI1"]\n\n[severity]\nTI101 = "info"\n', encoding="utf-8")
    text = "He refused his tea and is non-compliant.\n"
    uri = open_doc(client, workspace / "note.txt", text)
    diags = await published(client, uri, 1)
    assert [(d.code, d.severity) for d in diags] == [
        ("TI102", types.DiagnosticSeverity.Warning),
        ("TI101", types.DiagnosticSeverity.Information),
    ]
    got = await code_actions(client, uri, diags[:1])
    allow = next(a for a in got if a.title == "Add 'refused' to the project's allow list")
    files = apply_workspace_edit({uri: text, config.as_uri(): config.read_text()}, allow.edit)  # type: ignore[arg-type]
    assert files[config.as_uri()] == 'select = ["TI1"]\nallow = ["refused"]\n\n[severity]\nTI101 = "info"\n'
    config.write_text(files[config.as_uri()], encoding="utf-8")  # type: ignore[arg-type]
    count = len(client.published)  # type: ignore[attr-defined]
    watched(client, config, types.FileChangeType.Changed)
    assert spans(await published_after(client, uri, count)) == [("TI101", (0, 26, 0, 39))]


async def test_allow_list_in_pyproject_tool_section(client: LanguageClient, workspace: Path) -> None:
    pyproject = workspace / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "ward-notes"\n\n[tool.tilint]\nallow = [\n  "Riverside Unit",  # the ward\n]\n\n[tool.other]\nx = 1\n',
        encoding="utf-8",
    )
    (workspace / "sub").mkdir()
    text = "She is non-compliant.\n"
    uri = open_doc(client, workspace / "sub" / "note.txt", text)
    diags = await published(client, uri, 1)
    got = await code_actions(client, uri, diags)
    allow = next(a for a in got if a.title == "Add 'non-compliant' to the project's allow list")
    files = apply_workspace_edit({uri: text, pyproject.as_uri(): pyproject.read_text()}, allow.edit)  # type: ignore[arg-type]
    assert files[pyproject.as_uri()] == (
        '[project]\nname = "ward-notes"\n\n[tool.tilint]\nallow = [\n  "Riverside Unit",  # the ward\n'
        '  "non-compliant",\n]\n\n[tool.other]\nx = 1\n'
    )


async def test_fix_all_applies_every_safe_fix_and_only_those(client: LanguageClient, workspace: Path) -> None:
    text = "He refused lunch. She refuses bloods.\nHe is non-compliant.\n"
    uri = open_doc(client, workspace / "note.txt", text)
    diags = await published(client, uri, 1)
    assert [d.code for d in diags] == ["TI102", "TI102", "TI101"]
    whole = types.Range(types.Position(0, 0), types.Position(2, 0))
    got = await code_actions(client, uri, [], only=["source.fixAll"], rng=whole)
    assert [(a.title, a.kind) for a in got] == [("Apply all safe tilint fixes", "source.fixAll.tilint")]
    assert apply_workspace_edit({uri: text}, got[0].edit)[uri] == "He declined lunch. She declines bloods.\nHe is non-compliant.\n"  # type: ignore[arg-type]
    quick = await code_actions(client, uri, diags, only=["quickfix"], rng=whole)
    assert "source.fixAll.tilint" not in [a.kind for a in quick]
    assert await code_actions(client, uri, [], only=["refactor"], rng=whole) == []


async def test_stale_diagnostic_gets_no_edit(client: LanguageClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "note.txt", "She refused her meds.\n")
    old = await published(client, uri, 1)
    change(client, uri, 2, ((0, 4, 0, 11), "declined"))
    assert await published(client, uri, 2) == []
    assert await code_actions(client, uri, old, only=["quickfix"]) == []


async def test_fixes_use_the_published_range_when_a_client_sends_byte_columns(client: LanguageClient, workspace: Path) -> None:
    # Neovim 0.7 rebuilds the diagnostic it sends back with byte columns; the data keeps
    # the range the server published, so the fix still lands on the word.
    text = "Café: she refused.\n"
    uri = open_doc(client, workspace / "note.txt", text)
    (diag,) = await published(client, uri, 1)
    assert spans([diag]) == [("TI102", (0, 10, 0, 17))]
    as_bytes = attrs.evolve(diag, range=types.Range(types.Position(0, 11), types.Position(0, 18)))
    got = await code_actions(client, uri, [as_bytes], only=["quickfix"])
    assert apply_workspace_edit({uri: text}, got[0].edit)[uri] == "Café: she declined.\n"  # type: ignore[arg-type]


async def test_client_sending_no_diagnostics_gets_fixes_for_the_range(client: LanguageClient, workspace: Path) -> None:
    text = "Calm. She refused her meds.\n"
    uri = open_doc(client, workspace / "note.txt", text)
    await published(client, uri, 1)
    cursor = types.Range(types.Position(0, 12), types.Position(0, 12))
    got = await code_actions(client, uri, [], only=["quickfix"], rng=cursor)
    assert [a.title for a in got][:2] == ["Replace 'refused' with 'declined'", "Ignore TI102 on this line"]
    assert apply_workspace_edit({uri: text}, got[0].edit)[uri] == "Calm. She declined her meds.\n"  # type: ignore[arg-type]


async def test_actions_only_for_the_word_under_the_cursor(client: LanguageClient, workspace: Path) -> None:
    # A Markdown paragraph is one line; Neovim sends every diagnostic on it.
    text = "She refused lunch, is non-compliant and refused tea, so staff placed her on obs.\n"
    uri = open_doc(client, workspace / "note.md", text, language="markdown")
    diags = await published(client, uri, 1)
    assert len(diags) >= 3
    word = text.index("non-compliant") + 4
    cursor = types.Range(types.Position(0, word), types.Position(0, word))
    got = await code_actions(client, uri, diags, only=["quickfix"], rng=cursor)
    assert got and all(a.diagnostics and {d.code for d in a.diagnostics} == {"TI101"} for a in got)
    assert got[0].title.startswith("Replace 'non-compliant' with")
    # A selection over two findings: both, the one at the selection's start first.
    first = text.index("refused lunch")
    selection = types.Range(types.Position(0, first + 2), types.Position(0, word))
    got = await code_actions(client, uri, diags, only=["quickfix"], rng=selection)
    assert got[0].title == "Replace 'refused' with 'declined'"
    assert apply_workspace_edit({uri: text}, got[0].edit)[uri] == text.replace("refused lunch", "declined lunch")  # type: ignore[arg-type]
    assert {d.code for a in got for d in a.diagnostics or ()} == {"TI101", "TI102"}
    # Nothing under the cursor: no quick fixes at all.
    blank = types.Range(types.Position(0, 1), types.Position(0, 1))
    assert await code_actions(client, uri, diags, only=["quickfix"], rng=blank) == []


async def test_fix_all_leaves_findings_the_client_does_not_show(bare: LanguageClient, workspace: Path) -> None:
    import pytest_lsp
    from lsp_helpers import start

    await start(bare, workspace, pytest_lsp.client_capabilities("visual-studio-code"), {"severity": {"TI102": "hint", "TI235": "warning"}})
    text = "He refused lunch.\nHe was sectioned on Friday night.\n"
    uri = open_doc(bare, workspace / "note.txt", text)
    diags = await published(bare, uri, 1)
    assert [(d.code, d.severity) for d in diags] == [
        ("TI102", types.DiagnosticSeverity.Hint),
        ("TI235", types.DiagnosticSeverity.Warning),
    ]
    shown = diags[1]
    safe = next(s["text"] for s in shown.data["suggestions"] if s["safe"])  # type: ignore[index]
    whole = types.Range(types.Position(0, 0), types.Position(2, 0))
    got = await code_actions(bare, uri, [], only=["source.fixAll"], rng=whole)
    fixed = apply_workspace_edit({uri: text}, got[0].edit)[uri]  # type: ignore[arg-type]
    assert fixed == text.replace("sectioned", safe)  # the hint stays as written


@pytest.mark.parametrize("how", ["save", "open"])
async def test_allow_list_takes_effect_when_the_config_is_saved_or_opened(bare: LanguageClient, workspace: Path, how: str) -> None:
    """A client that cannot watch files (Neovim 0.7): the server re-reads the config when
    the editor saves or opens it, and republishes."""
    import pytest_lsp
    from lsp_helpers import start

    await start(bare, workspace, pytest_lsp.client_capabilities("neovim@v0.7.0"))
    assert not getattr(bare, "registrations", [])  # nothing is watched for this client
    text = "He refused his tea.\n"
    uri = open_doc(bare, workspace / "note.txt", text)
    diags = await published(bare, uri, 1)
    got = await code_actions(bare, uri, diags, only=["quickfix"])
    allow = next(a for a in got if a.title == "Add 'refused' to the project's allow list")
    config = workspace / ".tilint.toml"
    files = apply_workspace_edit({uri: text, config.as_uri(): None}, allow.edit)  # type: ignore[arg-type]
    config.write_text(files[config.as_uri()], encoding="utf-8")  # type: ignore[arg-type]
    count = len(bare.published)  # type: ignore[attr-defined]
    if how == "open":
        open_doc(bare, config, config.read_text(encoding="utf-8"), language="toml")
    else:
        bare.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(config.as_uri())))
    assert await published_after(bare, uri, count) == []
