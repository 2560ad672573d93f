"""Baselines: adopt tilint on existing documents and fail only on new phrasing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import check_in_process as check
from tests.test_formats_office import make_pptx

OLD = "# Ward notes\n\nShe refused lunch.\n\nHe is non-compliant with the plan.\n"


def check_json(*args: str) -> tuple[int, list[tuple[str, int]]]:
    code, out, _ = check("--format", "json", *args)
    return code, [(f["text"], f["line"]) for f in json.loads(out)["findings"]]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ward.md").write_text(OLD, encoding="utf-8")
    make_pptx(tmp_path / "docs" / "deck.pptx")
    code, _, err = check("--write-baseline", "--baseline", "tilint-baseline.json", "docs")
    assert code == 0
    assert "wrote 6 findings to the baseline tilint-baseline.json" in err
    return tmp_path


def test_baseline_file_is_sorted_and_stores_no_sentences(project: Path) -> None:
    data = json.loads((project / "tilint-baseline.json").read_text(encoding="utf-8"))
    assert data["tool"] == "tilint" and data["version"] == 1
    entries = data["findings"]
    assert entries == sorted(entries, key=lambda e: (e["path"], e["rule"], e["text"], e["context"]))
    assert {e["path"] for e in entries} == {"docs/ward.md", "docs/deck.pptx"}
    assert all(set(e) == {"path", "rule", "text", "context"} for e in entries)
    assert "lunch" not in json.dumps(data)


def test_known_findings_pass_and_new_ones_fail(project: Path) -> None:
    assert check_json("--baseline", "tilint-baseline.json", "docs") == (0, [])
    ward = project / "docs" / "ward.md"
    ward.write_text(OLD + "\nThey refused the visit.\n", encoding="utf-8")
    assert check_json("--baseline", "tilint-baseline.json", "docs") == (1, [("refused", 7)])


def test_lines_moving_and_an_edited_sentence_stay_known(project: Path) -> None:
    ward = project / "docs" / "ward.md"
    moved = "# Ward notes\n\nIntro added.\n\nMore text.\n\nHe is non-compliant with the plan.\n\nShe refused her lunch today.\n"
    ward.write_text(moved, encoding="utf-8")
    assert check_json("--baseline", "tilint-baseline.json", "docs") == (0, [])


def test_counts_matter_a_second_copy_of_a_known_phrase_is_new(project: Path) -> None:
    ward = project / "docs" / "ward.md"
    ward.write_text(OLD + "\nShe refused lunch.\n", encoding="utf-8")
    code, found = check_json("--baseline", "tilint-baseline.json", "docs")
    assert code == 1 and len(found) == 1 and found[0][0] == "refused"


def test_baseline_paths_are_relative_to_the_baseline(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project / "docs")
    assert check_json("--baseline", "../tilint-baseline.json", "ward.md") == (0, [])
    assert check_json("--baseline", str(project / "tilint-baseline.json"), str(project / "docs")) == (0, [])


def test_text_output_says_how_many_are_hidden(project: Path) -> None:
    code, out, err = check("--baseline", "tilint-baseline.json", "docs")
    assert code == 0
    assert "No findings in 2 files." in out
    assert "6 known findings hidden by the baseline" in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [(None, "no such baseline file"), ("{", "cannot read the baseline"), ('{"tool": "x"}', "not a tilint baseline")],
)
def test_bad_baseline_is_one_line_and_exit_2(tmp_path: Path, content: str | None, expected: str) -> None:
    note = tmp_path / "n.txt"
    note.write_text("She refused.\n", encoding="utf-8")
    baseline = tmp_path / "b.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    code, _, err = check("--baseline", str(baseline), str(note))
    assert code == 2
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("tilint: TL002") and expected in lines[0]


def readme_baseline_commands() -> list[list[str]]:
    """The baseline commands exactly as README.md shows them (read at test time)."""
    import shlex

    from tests.helpers import ROOT

    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    found = [shlex.split(line.split("#")[0]) for line in lines if line.startswith("tilint check") and "baseline" in line]
    assert [c[2] for c in found] == ["--write-baseline", "--baseline"], found
    return found


def test_the_readme_baseline_commands_work_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ward.md").write_text(OLD, encoding="utf-8")
    write, compare = readme_baseline_commands()
    assert write[:2] == compare[:2] == ["tilint", "check"]
    code, _, err = check(*write[2:])
    name = write[3]
    assert code == 0, err
    assert f"wrote 2 findings to the baseline {name}" in err
    assert (tmp_path / name).is_file()
    assert check(*compare[2:]) == (0, "No findings in 1 file.\n", f"tilint: note: 2 known findings hidden by the baseline {name}\n")
    (tmp_path / "docs" / "ward.md").write_text(OLD + "\nThey refused the visit.\n", encoding="utf-8")
    assert check_json(*compare[2:]) == (1, [("refused", 7)])


def test_a_custom_baseline_name_is_used_and_never_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ward.txt").write_text(OLD, encoding="utf-8")
    # A .txt baseline name in the checked folder, named on the command line as well.
    code, _, err = check("--write-baseline", "known-findings.txt", ".", "known-findings.txt")
    assert code == 0, err
    data = json.loads((tmp_path / "known-findings.txt").read_text(encoding="utf-8"))
    assert {e["path"] for e in data["findings"]} == {"ward.txt"}
    assert not (tmp_path / ".tilint-baseline.json").exists()
    assert check_json("--baseline", "known-findings.txt", ".", "known-findings.txt") == (0, [])


def test_write_baseline_needs_a_file_not_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    code, _, err = check("--write-baseline", "docs")
    assert code == 2
    assert err.count("\n") == 1 and "--write-baseline FILE docs" in err
    code, _, err = check("--write-baseline", "a.json", "--baseline", "b.json", "docs")
    assert code == 2 and "different files" in err


def test_write_baseline_never_overwrites_a_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    note = tmp_path / "notes.md"
    note.write_text(OLD, encoding="utf-8")
    code, _, err = check("--write-baseline", "notes.md", "docs")
    assert code == 2 and "not a tilint baseline" in err and err.count("\n") == 1
    assert note.read_text(encoding="utf-8") == OLD
    # An existing baseline is rewritten, by either spelling.
    assert check("--write-baseline", "b.json", "docs")[0] == 0
    assert check("--write-baseline", "b.json", "docs")[0] == 0
    assert check("--write-baseline", "--baseline", "b.json", "docs")[0] == 0
