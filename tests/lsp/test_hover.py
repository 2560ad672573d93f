"""Hover: the rule's explanation as Markdown, escaped, from the same fields as the docs."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsp_helpers import open_doc, published, start
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio

LEXICON = """\
version: 1
category: stigmatising
rules:
  - code: LOC301
    name: blorpish-rider
    severity: info
    principles: [3, 6]
    match:
      - terms: ["blorpish rider", "blorpish riders"]
    message: "'{text}' is *slang* for <people> who [often] attend_"
    why: "# Not a heading: 1. nor a list. People who often come back to A&E need care, not a `label`; see | pipes ~~ too."
    suggestions:
      - text: person who often attends
        safe: true
      - rephrase: "Say how often and why, e.g. *three visits in May*."
    sources:
      - title: "Language [matters] & *care*"
        url: https://example.org/guide_(2020)?a=1&b=2
        publisher: Local <Trust>
        year: 2020
    examples:
      flag: ["He is a blorpish rider.", "Known blorpish riders."]
      ok: ["She flies often.", "A frequent visitor."]
"""

EXPECTED = "\n\n".join(
    [
        "**LOC301 blorpish-rider** (stigmatising, info)",
        "'blorpish rider' is \\*slang\\* for \\<people> who \\[often\\] attend\\_",
        "\\# Not a heading: 1. nor a list. People who often come back to A&E need care, not a \\`label\\`; see | pipes \\~\\~ too.",
        "**Better wording**\n- person who often attends (safe fix)\n- *Say how often and why, e.g. \\*three visits in May\\*.* (advice)",
        "**Principles**\n- People are not their diagnosis\n- Everyday human language over clinical jargon",
        "**Sources**\n- [Language \\[matters\\] & \\*care\\*](https://example.org/guide_%282020%29?a=1&b=2) (Local \\<Trust>, 2020)",
        "[Rule documentation](https://github.com/tilint/tilint/blob/main/docs/rules/LOC301-blorpish-rider.md)",
    ]
)


async def hover(client: LanguageClient, uri: str, line: int, character: int) -> types.Hover | None:
    return await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
    )


async def test_hover_explains_the_rule_with_markdown_escaped(bare: LanguageClient, workspace: Path) -> None:
    (workspace / "local.yml").write_text(LEXICON, encoding="utf-8")
    await start(bare, workspace, pytest_lsp.client_capabilities("visual-studio-code"), {"lexicons": ["local.yml"]})
    uri = open_doc(bare, workspace / "note.txt", "Seen today.\nHe is a blorpish rider.\n")
    diags = await published(bare, uri, 1)
    assert [(d.code, d.severity) for d in diags] == [("LOC301", types.DiagnosticSeverity.Information)]
    for character in (8, 15, 22):  # start, middle and end of the phrase
        got = await hover(bare, uri, 1, character)
        assert got is not None
        assert isinstance(got.contents, types.MarkupContent)
        assert got.contents.kind == types.MarkupKind.Markdown
        assert got.contents.value == EXPECTED
        assert got.range == types.Range(types.Position(1, 8), types.Position(1, 22))
    assert await hover(bare, uri, 1, 3) is None  # not on a finding
    assert await hover(bare, uri, 0, 2) is None


async def test_hover_on_a_builtin_rule(client: LanguageClient, workspace: Path) -> None:
    from tilint.lexicon import load_lexicon

    rule = load_lexicon().find("TI102")
    assert rule is not None
    uri = open_doc(client, workspace / "note.md", "# Plan\n\nShe refused her meds.\n", language="markdown")
    await published(client, uri, 1)
    got = await hover(client, uri, 2, 6)
    assert got is not None and isinstance(got.contents, types.MarkupContent)
    parts = got.contents.value.split("\n\n")
    assert parts[0] == "**TI102 refused** (deficit, warning)"
    assert parts[1] == "'refused' makes a person's choice sound like defiance."
    assert parts[2] == " ".join(rule.why.split())
    wording = parts[3].splitlines()
    assert wording[:2] == ["**Better wording**", "- declined (safe fix)"]
    assert wording[2].startswith("- *Say what the person chose and why") and wording[2].endswith("*")  # advice
    sources = parts[5].splitlines()
    assert sources[0] == "**Sources**"
    assert [line.split("](")[1].split(")")[0] for line in sources[1:]] == [s.url for s in rule.sources]
    assert parts[-1] == "[Rule documentation](https://github.com/tilint/tilint/blob/main/docs/rules/TI102-refused.md)"
    assert got.range == types.Range(types.Position(2, 4), types.Position(2, 11))


async def test_hover_in_plain_text_for_clients_without_markdown(bare: LanguageClient, workspace: Path) -> None:
    caps = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.PlainText])
        )
    )
    await start(bare, workspace, caps)
    uri = open_doc(bare, workspace / "note.txt", "She refused her meds.\n")
    await published(bare, uri, 1)
    got = await hover(bare, uri, 0, 5)
    assert got is not None and isinstance(got.contents, types.MarkupContent)
    assert got.contents.kind == types.MarkupKind.PlainText
    lines = got.contents.value.split("\n\n")
    assert lines[0] == "TI102 refused (deficit, warning)"
    assert lines[-1] == "Rule documentation: https://github.com/tilint/tilint/blob/main/docs/rules/TI102-refused.md"
    assert "**" not in got.contents.value and "](" not in got.contents.value


async def test_explain_command_gives_what_tilint_explain_prints(bare: LanguageClient, workspace: Path) -> None:
    """workspace/executeCommand tilint.explain (VS Code's "Explain the rule" asks it first):
    the Markdown `tilint explain --format markdown` prints, for built-in rules and for a
    project's own lexicon; nothing for a name that is no rule."""
    from tests.helpers import run_cli

    (workspace / "local.yml").write_text(LEXICON, encoding="utf-8")
    (workspace / ".tilint.toml").write_text('lexicons = ["local.yml"]\n', encoding="utf-8")
    got = await start(bare, workspace, pytest_lsp.client_capabilities("visual-studio-code"))
    assert got.capabilities.execute_command_provider is not None
    assert "tilint.explain" in got.capabilities.execute_command_provider.commands
    uri = open_doc(bare, workspace / "note.txt", "He is a blorpish rider.\n")
    await published(bare, uri, 1)

    async def explain(key: object) -> object:
        return await bare.workspace_execute_command_async(
            types.ExecuteCommandParams(command="tilint.explain", arguments=[key])
        )

    for key in ("TI102", "non-compliant"):
        expected = run_cli("explain", key, "--format", "markdown").stdout
        assert expected.startswith("**TI1")
        assert await explain(key) == expected.rstrip("\n")
    expected = run_cli("explain", "LOC301", "--format", "markdown", "--config", str(workspace / ".tilint.toml")).stdout
    assert "blorpish" in expected
    assert await explain("blorpish-rider") == expected.rstrip("\n")
    assert await explain("no-such-rule") is None
    assert await explain(3) is None
