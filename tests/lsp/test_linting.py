"""The lint step the server runs in its lint thread (lsp_server.linting), in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from lsp_server import linting, settings
from lsp_server.documents import UTF16, TextDoc

LEXICON = """\
version: 1
category: stigmatising
rules:
  - code: LOC301
    name: blorpish-rider
    principles: [3]
    match:
      - terms: ["blorpish rider"]
    message: "'{text}' is slang"
    why: "People who often come back need care, not a label."
    suggestions:
      - text: person who often attends
        safe: true
    sources:
      - title: "Language matters"
        url: https://example.org/guide
    examples:
      flag: ["He is a blorpish rider.", "A blorpish rider came."]
      ok: ["A frequent visitor.", "She flies often."]
"""


def test_a_lexicon_that_fails_to_load_is_not_loaded_again_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lexicon = tmp_path / "local.yml"
    lexicon.write_text("version: 1\nrules: [\n", encoding="utf-8")  # broken YAML
    loads: list[tuple[str, ...]] = []
    real = linting.get_linter

    def counting(config):  # type: ignore[no-untyped-def]
        if config.lexicons:
            loads.append(config.lexicons)
        return real(config)

    monkeypatch.setattr(linting, "get_linter", counting)
    current, problems = settings.parse({"lexicons": [str(lexicon)]})
    assert problems == []
    worker = linting.DocumentLinter()
    doc = TextDoc((tmp_path / "note.txt").as_uri(), "She refused. He is a blorpish rider.\n", 1, "plaintext")
    for _ in range(5):  # keystrokes
        result = worker.lint(doc, current, UTF16)
        assert [f.rule for f in result.findings] == ["TI102"]  # the built-in rules meanwhile
        assert len(result.problems) == 1 and "local.yml" in result.problems[0]
    assert len(loads) == 1
    worker.forget()  # the settings changed: tried again, though the file did not change
    assert worker.lint(doc, current, UTF16).problems
    assert worker.lint(doc, current, UTF16).problems
    assert len(loads) == 2
    lexicon.write_text(LEXICON, encoding="utf-8")  # fixed: tried again, and used
    result = worker.lint(doc, current, UTF16)
    assert result.problems == []
    assert [f.rule for f in result.findings] == ["TI102", "LOC301"]
    assert len(loads) == 3


def test_the_linter_reuses_the_documents_line_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tilint.api

    built: list[int] = []
    real = tilint.api.compact_line_starts

    def counting(text: str):  # type: ignore[no-untyped-def]
        built.append(len(text))
        return real(text)

    monkeypatch.setattr(tilint.api, "compact_line_starts", counting)
    doc = TextDoc((tmp_path / "note.txt").as_uri(), "Fine.\r\nShe refused.\nOk\n", 1, "plaintext")
    (finding,) = linting.DocumentLinter().lint(doc, settings.Settings(), UTF16).findings
    assert (finding.line, finding.column, finding.end_column) == (2, 5, 12)
    assert built == []
