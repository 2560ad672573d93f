"""A rule that moves to another category gets a new code; the old code still names it
(`replaces:` in the lexicon): settings, inline suppressions, baselines, explain and
next-code all follow it, as ruff's rule redirects do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import check_in_process as check
from tilint.cli import main
from tilint.errors import LexiconError
from tilint.lexicon import load_lexicon

MOVED_RULE = """version: 1
category: credibility
rules:
  - code: TI491
    name: frobnicated
    replaces: [TI191]
    principles: [1]
    match: [{terms: [frobnicated]}]
    message: "'{text}' is a made-up term that moved from deficit."
    why: A made-up term for this test, long enough to pass the length check of the model.
    suggestions: [{rephrase: Say what happened.}]
    sources: [{title: A source, url: "https://example.org/source"}]
    examples: {flag: [He was frobnicated., She is frobnicated.], ok: [He was fine., She is fine.]}
"""

TEXT = "He was frobnicated on Monday.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "team.yml").write_text(MOVED_RULE, encoding="utf-8")
    (tmp_path / "note.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def configure(project: Path, extra: str = "") -> None:
    (project / ".tilint.toml").write_text(f'lexicons = ["team.yml"]\n{extra}', encoding="utf-8")


def rules_found(*args: str) -> list[tuple[str, str]]:
    code, out, err = check("--format", "json", *args)
    assert code in (0, 1), err
    return [(f["rule"], f["severity"]) for f in json.loads(out)["findings"]]


def test_the_new_code_is_reported(project: Path) -> None:
    configure(project)
    assert rules_found("note.txt") == [("TI491", "warning")]


@pytest.mark.parametrize("setting", ['ignore = ["TI191"]', 'ignore = ["ti191"]', 'select = ["TI2"]'])
def test_ignoring_the_old_code_turns_the_rule_off(project: Path, setting: str) -> None:
    configure(project, setting + "\n")
    assert rules_found("note.txt") == []


def test_a_prefix_of_the_old_category_no_longer_reaches_it(project: Path) -> None:
    configure(project, 'ignore = ["TI1"]\n')  # deficit codes: the rule is credibility now
    assert rules_found("note.txt") == [("TI491", "warning")]


def test_the_old_code_sets_the_severity(project: Path) -> None:
    configure(project, '[severity]\nTI191 = "error"\n')
    assert rules_found("note.txt") == [("TI491", "error")]


def test_an_inline_suppression_naming_the_old_code_still_holds(project: Path) -> None:
    configure(project)
    (project / "note.md").write_text("He was frobnicated on Monday. <!-- tilint-disable-line TI191 -->\n", encoding="utf-8")
    assert rules_found("note.md") == []


def test_a_baseline_written_with_the_old_code_still_hides_the_finding(project: Path) -> None:
    configure(project)
    code, _, _ = check("--write-baseline", "--baseline", "baseline.json", "note.txt")
    assert code == 0
    data = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert [e["rule"] for e in data["findings"]] == ["TI491"]
    data["findings"][0]["rule"] = "TI191"  # as written before the rule moved
    (project / "baseline.json").write_text(json.dumps(data), encoding="utf-8")
    code, _, err = check("--baseline", "baseline.json", "note.txt")
    assert code == 0 and "1 known finding hidden" in err
    (project / "note.txt").write_text(TEXT + "She is frobnicated too.\n", encoding="utf-8")
    assert rules_found("--baseline", "baseline.json", "note.txt") == [("TI491", "warning")]


def test_explain_and_next_code_know_the_old_code(project: Path) -> None:
    configure(project)
    result = CliRunner().invoke(main, ["explain", "TI191", "--config", ".tilint.toml"])
    assert result.exit_code == 0
    assert result.stdout.startswith("TI491 frobnicated (credibility, warning)")
    assert "Formerly TI191" in result.stdout
    result = CliRunner().invoke(main, ["rules", "--next-code", "deficit", "--config", ".tilint.toml"])
    assert result.stdout.strip() == "TI192"  # TI191 is taken even though no rule has it


def test_the_builtin_in_denial_rule_answers_to_its_deficit_code() -> None:
    lexicon = load_lexicon()
    rule = lexicon.find("TI108")
    assert rule is not None and (rule.code, rule.category) == ("TI440", "credibility")
    assert lexicon.redirects()["TI108"] == "TI440"
    code, out, err = check("--format", "json", "--ignore", "TI108", "-", stdin=b"She is in denial about her drinking.\n")
    assert code == 0 and json.loads(out)["findings"] == []
    assert "warning: TI108 in the settings is now TI440" in err  # as ruff warns of remapped codes


def test_settings_naming_only_current_codes_get_no_warning(project: Path) -> None:
    configure(project, 'ignore = ["TI491"]\n')
    code, _, err = check("note.txt")
    assert code == 0 and "now TI491" not in err
    configure(project, 'ignore = ["TI191"]\n')
    code, _, err = check("note.txt")
    assert code == 0 and err.count("warning: TI191 in the settings is now TI491") == 1


def test_an_old_code_that_is_still_in_use_is_refused(tmp_path: Path) -> None:
    (tmp_path / "team.yml").write_text(MOVED_RULE.replace("replaces: [TI191]", "replaces: [TI440]"), encoding="utf-8")
    with pytest.raises(LexiconError, match="replaces TI440, which is still the code of 'in-denial'"):
        load_lexicon([tmp_path / "team.yml"])


def test_an_old_code_redirects_to_one_rule_only(tmp_path: Path) -> None:
    second = MOVED_RULE.split("rules:\n", 1)[1].replace("TI491", "TI492").replace("name: frobnicated", "name: frobnicated-again").replace("[frobnicated]", "[frobnicating]")
    (tmp_path / "team.yml").write_text(MOVED_RULE + second, encoding="utf-8")
    with pytest.raises(LexiconError, match="replaces TI191, which TI491 also replaces"):
        load_lexicon([tmp_path / "team.yml"])


def test_an_old_code_must_look_like_a_code(tmp_path: Path) -> None:
    (tmp_path / "team.yml").write_text(MOVED_RULE.replace("replaces: [TI191]", "replaces: [old-name]"), encoding="utf-8")
    with pytest.raises(LexiconError, match="must look like TI101"):
        load_lexicon([tmp_path / "team.yml"])
