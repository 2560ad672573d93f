"""SARIF 2.1.0 that validates against the published schema, and GitHub annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import check_in_process as check
from tests.test_formats_office import make_docx
from tilint.report.github import escape_data, escape_property

try:
    import jsonschema
except ImportError as exc:  # never skip: the CI script installs the test extras
    raise ImportError(f"{exc}: install the test extras: pip install -e '.[test]'") from None

SCHEMA = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text("# Note\n\nShe refused lunch and is non-compliant.\n", encoding="utf-8")
    (tmp_path / "notes" / "clean.txt").write_text("We agreed a plan.\n", encoding="utf-8")
    (tmp_path / "notes" / "bad.txt").write_bytes(b"\x00\x01binary")
    make_docx(tmp_path / "notes" / "plan.docx")
    return tmp_path


def sarif_for(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = check("--format", "sarif", *args)
    return code, json.loads(out)


def test_sarif_validates_against_the_schema(sample: Path) -> None:
    code, log = sarif_for("notes")
    assert code == 2  # the binary file
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    assert log["version"] == "2.1.0"


def test_sarif_rules_carry_metadata_and_help(sample: Path) -> None:
    _, log = sarif_for("notes")
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"] and "## Why" in rule["help"]["markdown"]
        assert rule["helpUri"].startswith("https://")
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"]["tilintPhrase/v1"]
    assert "deficit" in by_id["TI102"]["properties"]["tags"]
    # a moved rule names its old code, so code scanning keeps the alerts' history
    assert by_id["TI440"]["deprecatedIds"] == ["TI108"]
    assert "deprecatedIds" not in by_id["TI102"]


def test_sarif_locations_fixes_and_notifications(sample: Path) -> None:
    _, log = sarif_for("notes")
    [run] = log["runs"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == sample.resolve().as_uri() + "/"
    md = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notes/a.md"]
    refused = next(r for r in md if r["ruleId"] == "TI102")
    region = refused["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 5, 12)
    assert region["snippet"]["text"] == "refused"
    [fix] = refused["fixes"]
    assert fix["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "declined"
    assert refused["properties"]["suggestions"][0] == {"text": "declined", "kind": "replace", "safe": True}
    assert "replace: declined (safe fix)" in refused["message"]["text"]
    kinds = {s["kind"] for r in md for s in r["properties"]["suggestions"]}
    assert kinds == {"replace", "rephrase"}
    docx = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notes/plan.docx"]
    assert docx and all("fixes" not in r for r in docx)  # Word is never rewritten
    assert docx[0]["message"]["text"].startswith("paragraph 4: ")
    assert docx[0]["properties"]["location"] == {"part": "body", "paragraph": 4}
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert "binary" in note["message"]["text"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_is_the_same_from_any_number_of_processes(sample: Path) -> None:
    for i in range(10):
        (sample / "notes" / f"n{i}.txt").write_text(f"Line {i}. He refused.\n", encoding="utf-8")
    from tests.helpers import run_cli

    one = run_cli("check", "--format", "sarif", "--jobs", "1", "notes", cwd=sample)
    many = run_cli("check", "--format", "sarif", "--jobs", "2", "notes", cwd=sample)
    assert one.returncode == many.returncode == 2
    assert one.stdout == many.stdout
    assert one.stderr == many.stderr


def test_github_annotations(sample: Path) -> None:
    code, out, _ = check("--format", "github", "notes")
    assert code == 2
    lines = out.splitlines()
    assert "::warning file=notes/a.md,line=3,col=5,endLine=3,endColumn=12,title=TI102 refused::" in out
    refused = next(line for line in lines if "title=TI102 refused" in line)
    assert "Suggestions: replace: declined (safe fix); " in refused and "; rephrase: " in refused
    assert all(line.startswith(("::warning ", "::error ", "::notice ")) for line in lines)
    assert any(line.startswith("::error file=notes/bad.txt,title=tilint::TL003") for line in lines)
    docx = [line for line in lines if "plan.docx" in line]
    assert "::paragraph 4: " in docx[0]
    assert all("\n" not in line for line in lines)


def test_github_escaping() -> None:
    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_info_findings_are_github_notices_and_sarif_notes(tmp_path: Path) -> None:
    note = tmp_path / "n.txt"
    note.write_text("She refused.\n", encoding="utf-8")
    cfg = tmp_path / ".tilint.toml"
    cfg.write_text('severity = { TI102 = "info" }\n', encoding="utf-8")
    _, out, _ = check("--format", "github", str(note))
    assert out.startswith("::notice ")
    _, log = sarif_for(str(note))
    assert log["runs"][0]["results"][0]["level"] == "note"
