from __future__ import annotations

from tilint.docsgen import main


def test_generated_rule_docs_and_schema_are_current() -> None:
    assert main(["--check"]) == 0, "docs are stale: run python -m tilint.docsgen"
