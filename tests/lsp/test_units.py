"""The server's pure modules, without a process: documents, settings, TOML edits, escaping."""

from __future__ import annotations

import sys

import pytest
from lsprotocol import types

from lsp_server import actions, convert, settings
from lsp_server.documents import (
    UTF8,
    UTF16,
    UTF32,
    Change,
    TextDoc,
    code_points,
    kind_of,
    uri_to_path,
)
from lsp_server.tomledit import add_allow
from tilint.config import Config, settings_fields
from tilint.findings import Suggestion, SuggestionKind

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


# -- documents --------------------------------------------------------------------------

def test_positions_round_trip_in_every_encoding() -> None:
    doc = TextDoc("file:///n.txt", "a😀é\r\nb\rc\n", 1)
    assert doc.starts == [0, 5, 7, 9]
    assert [doc.line_text(i) for i in range(4)] == ["a😀é", "b", "c", ""]
    for enc, col in ((UTF16, 4), (UTF8, 7), (UTF32, 3)):
        assert doc.position_at(3, enc) == (0, col)  # after é
        assert doc.offset_at(0, col, enc) == 3
    assert doc.position_at(2, UTF16) == (0, 3)
    assert doc.offset_at(0, 2, UTF16) == 1  # inside the surrogate pair: before 😀
    assert doc.offset_at(0, 99, UTF16) == 3  # past the line's end: its end, not the CR
    assert doc.offset_at(9, 0, UTF16) == len(doc.text)
    assert code_points("é😀x", 3, UTF8) == 1


def test_edits_apply_in_order_and_keep_line_breaks() -> None:
    doc = TextDoc("file:///n.txt", "one\r\ntwo\r\n", 1)
    new = doc.edited([Change("ONE", (0, 0), (0, 3)), Change("X", (1, 3), (1, 3)), Change("!", (5, 0), (6, 0))], 2, UTF16)
    assert (new.text, new.version) == ("ONE\r\ntwoX\r\n!", 2)
    assert new.starts == [0, 5, 11] and doc.text == "one\r\ntwo\r\n"
    assert doc.edited([Change("whole")], 3, UTF16).text == "whole"
    assert new.line_break(2) == "\r\n"


def test_document_kinds() -> None:
    assert kind_of("markdown", "/a/b.txt") == "markdown"
    assert kind_of("plaintext", "/a/b") == "text"
    assert kind_of("", "/a/notes.md") == "markdown"
    assert kind_of("python", "/a/x.py") is None
    assert kind_of("toml", "/a/.tilint.toml") is None
    for name in ("plan.docx", "deck.pptx", "note.odt", "flat.fodt", "policy.pdf"):  # read from disk only
        assert kind_of("xml", f"/a/{name}") is None
    assert uri_to_path("file:///tmp/a%20b.txt") is not None and str(uri_to_path("file:///tmp/a%20b.txt")) == "/tmp/a b.txt"
    assert uri_to_path("untitled:Untitled-1") is None


# -- settings ---------------------------------------------------------------------------

def test_every_config_field_is_a_setting_in_any_spelling() -> None:
    defaults = Config()
    for field in settings_fields():
        words = field.split("_")
        value = getattr(defaults, field)
        value = list(value) if isinstance(value, tuple) else value
        for key in (field, "-".join(words), words[0] + "".join(w.title() for w in words[1:])):
            parsed, problems = settings.parse({key: value})
            assert problems == [], (key, problems)
            assert field in parsed.overrides, key
    assert settings.parse({"no-such-setting": 1})[1]  # and an unknown key is reported


def test_settings_parse_merge_and_fallback() -> None:
    parsed, problems = settings.parse({"tilint": {"checkQuotes": True, "run": "onSave", "allow": "Ward 7", "fail-on": "error"}})
    assert problems == []
    assert (parsed.enable, parsed.run) == (True, "onSave")
    project = Config(allow=("Riverside",), ignore=("TI101",))
    merged = parsed.config(project)
    assert merged.check_quotes is True and merged.allow == ("Riverside", "Ward 7") and merged.ignore == ("TI101",)
    bad, problems = settings.parse({"select": 1, "enable": 0, "nope": 1, "trace": {"server": "verbose"}})
    assert bad == settings.Settings() and len(problems) == 3
    assert settings.parse("x")[1] == ["tilint settings must be an object, not str; using defaults"]
    assert settings.parse(None) == (settings.Settings(), [])


# -- TOML -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", 'allow = ["x y"]\n'),
        ('select = ["TI1"]\n', 'select = ["TI1"]\nallow = ["x y"]\n'),
        ("allow = []\n", 'allow = ["x y"]\n'),
        ('allow = ["a",]\n', 'allow = ["a", "x y"]\n'),
        ('allow = "a" # note\n', 'allow = ["a", "x y"] # note\n'),
        ('allow = [\n  "a",  # c\n  "b"\n]\n', 'allow = [\n  "a",  # c\n  "b",\n  "x y"\n]\n'),
        ('[severity]\nTI101 = "info"\n', 'allow = ["x y"]\n\n[severity]\nTI101 = "info"\n'),
        ('select = ["TI1"]\r\n\r\n[severity]\r\nTI101 = "info"\r\n', 'select = ["TI1"]\r\nallow = ["x y"]\r\n\r\n[severity]\r\nTI101 = "info"\r\n'),
        ('x = """\n[not a table]\n"""\r\n', 'x = """\n[not a table]\n"""\r\nallow = ["x y"]\r\n'),
    ],
)
def test_allow_edit_in_tilint_toml(before: str, after: str) -> None:
    edit = add_allow(before, " x\n y ", pyproject=False)
    assert edit is not None and edit.apply(before) == after
    assert tomllib.loads(after)["allow"][-1] == "x y"


def test_allow_edit_in_pyproject_and_refusals() -> None:
    text = '[project]\nname = "n"\n\n[tool.tilint]\nselect = ["TI1"]\n\n[tool.tilint.severity]\nTI101 = "info"\n'
    edit = add_allow(text, 'say "no"', pyproject=True)
    assert edit is not None
    assert edit.apply(text) == '[project]\nname = "n"\n\n[tool.tilint]\nselect = ["TI1"]\nallow = ["say \\"no\\""]\n\n[tool.tilint.severity]\nTI101 = "info"\n'
    assert add_allow('allow = ["Refused"]\n', "refused", pyproject=False) is None  # there already
    assert add_allow("allow = [\n", "x", pyproject=False) is None  # invalid TOML: no edit
    assert add_allow("allow = 3\n", "x", pyproject=False) is None  # not a list: left alone
    dotted = 'tool.tilint.allow = ["a"]  # kept\n'
    edit = add_allow(dotted, "x", pyproject=True)
    assert edit is not None and edit.apply(dotted) == 'tool.tilint.allow = ["a", "x"]  # kept\n'
    edit = add_allow('[project]\nname = "n"\n', "x", pyproject=True)
    assert edit is not None and edit.apply('[project]\nname = "n"\n') == '[project]\nname = "n"\n\n[tool.tilint]\nallow = ["x"]\n'


# -- conversion and actions ---------------------------------------------------------------

def test_markdown_escaping() -> None:
    assert convert.md_escape("a *b* _c_ `d` <e> [f](g) & | ~") == "a \\*b\\* \\_c\\_ \\`d\\` \\<e> \\[f\\](g) & | ~"
    # Only where Markdown would change the text: Neovim shows the escapes themselves.
    assert convert.md_escape("A&E, snake_case, 1. not a list, a > b, x < 3") == "A&E, snake_case, 1. not a list, a > b, x < 3"
    assert convert.md_escape("~~gone~~ &amp; <br>") == "\\~\\~gone\\~\\~ \\&amp; \\<br>"
    assert convert.md_escape("# h") == "\\# h"
    assert convert.md_escape("- item") == "\\- item"
    assert convert.md_escape("12. twelve") == "12\\. twelve"
    assert convert.md_escape("multi\n  line") == "multi line"


def test_finding_data_round_trip_and_rejects_junk() -> None:
    data = convert.FindingData("TI102", "refused", "deficit", "refused", (0, 1, 0, 8), (Suggestion("declined", True, SuggestionKind.REPLACE),))
    assert convert.FindingData.from_json(data.to_json()) == data
    for junk in (None, "x", {"rule": "TI1"}, {**data.to_json(), "range": [0, -1, 0, 2]}, {**data.to_json(), "suggestions": [{"text": 1}]}):
        assert convert.FindingData.from_json(junk) is None


def test_ignore_line_in_a_blockquote_keeps_the_quote_marker() -> None:
    doc = TextDoc("file:///n.md", "> > She refused.\n", 1, "markdown")
    data = convert.FindingData("TI102", "refused", "deficit", "refused", (0, 8, 0, 15), ())
    diag = types.Diagnostic(range=convert.to_range(data.span), message="m")
    action = actions.ignore_line(doc, actions.Flagged(data, 8, 15, diag), UTF16, False)
    assert action is not None and action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes["file:///n.md"]
    assert (edit.range.start.line, edit.range.start.character, edit.new_text) == (0, 0, "> > <!-- tilint-disable-next-line TI102 -->\n")
