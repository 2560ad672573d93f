from __future__ import annotations

from tilint.docsgen import main


def test_generated_rule_docs_and_schema_are_current() -> None:
    assert main(["--check"]) == 0, "docs are stale: run python -m tilint.docsgen"


def test_the_json_format_doc_shows_the_fields_tilint_writes() -> None:
    """The example in docs/json-format.md has exactly the keys `--format json` writes."""
    import json
    import re
    from pathlib import Path

    from tilint import lint_text
    from tilint.report.json_report import finding_to_dict

    doc = (Path(__file__).parent.parent / "docs" / "json-format.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)\n```", doc, re.S).group(1))  # type: ignore[union-attr]
    [shown] = example["findings"]
    written = finding_to_dict("a.txt", lint_text("She is non-compliant.")[0])
    assert set(shown) == set(written)
    assert [set(s) for s in shown["suggestions"]] == [{"text", "kind", "safe"}]
    assert {set(s) == {"text", "kind", "safe"} for s in written["suggestions"]} == {True}
    for field in ("kind", "safe"):
        assert f"`suggestions[].{field}`" in doc
