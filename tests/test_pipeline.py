"""The one multi-file pipeline (tilint.api.check_paths) that `tilint check` and lint_paths
share: input order, standard input, per-file configs and errors, what is kept for reports,
progress; and the steps over its results (fixes, reports' rule lists)."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.helpers import check_in_process as check
from tilint import fix
from tilint.api import CheckedFile, check_paths, lint_paths
from tilint.errors import InputError

OWN_RULE = """category: deficit
rules:
  - code: TI190
    name: frobnicated
    principles: [1]
    match:
      - terms: [frobnicated]
    message: "'{text}' is a made-up word used by the tests."
    why: "A team's own rule, known only to the wards folder."
    suggestions: [{rephrase: "Say it another way."}]
    sources: [{title: "A source", url: "https://example.org/source"}]
    examples:
      flag: ["He frobnicated.", "She frobnicated."]
      ok: ["He agreed.", "She agreed."]
"""


@pytest.fixture
def two_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """'clinic' uses the built-in rules; 'wards' adds its own lexicon (docs/writing-rules.md)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clinic").mkdir()
    (tmp_path / "clinic" / "a.txt").write_text("She refused lunch.\n", encoding="utf-8")
    (tmp_path / "wards").mkdir()
    (tmp_path / "wards" / "team-terms.yml").write_text(OWN_RULE, encoding="utf-8")
    (tmp_path / "wards" / ".tilint.toml").write_text('lexicons = ["team-terms.yml"]\n', encoding="utf-8")
    (tmp_path / "wards" / "b.txt").write_text("Staff frobnicated him.\n", encoding="utf-8")
    return tmp_path


def test_sarif_and_html_list_the_rules_of_every_config_in_the_run(two_folders: Path) -> None:
    code, out, _ = check("--format", "sarif", "clinic", "wards")  # the first file's config lacks TI190
    assert code == 1
    [run] = json.loads(out)["runs"]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "TI190" in ids and "TI102" in ids and len(ids) == len(set(ids))
    own = next(r for r in run["results"] if r["ruleId"] == "TI190")
    assert rules[own["ruleIndex"]]["id"] == "TI190"
    assert "known only to the wards folder" in rules[own["ruleIndex"]]["help"]["markdown"]

    code, html, _ = check("--format", "html", "clinic", "wards")
    assert code == 1
    assert "known only to the wards folder" in html  # the why of the folder's own rule


def test_results_follow_the_input_order_with_stdin_and_errors_in_place(two_folders: Path) -> None:
    batch = check_paths(
        ["wards", "missing.txt", "-", "clinic/a.txt"], stdin=b"He refuses.\n", stdin_filename="clinic/n.md"
    )
    assert [f.path for f in batch.files] == ["wards/b.txt", "missing.txt", "clinic/n.md", "clinic/a.txt"]
    b, missing, stdin, a = batch.files
    assert [f.rule for f in b.findings] == ["TI190"] and b.config is not None and b.config.lexicons
    assert isinstance(missing.error, InputError) and missing.config is None
    assert stdin.source is None and stdin.kind == "markdown" and [f.rule for f in stdin.findings] == ["TI102"]
    assert a.source == Path("clinic/a.txt")
    assert len(batch.configs) == 2  # the built-in settings and the wards folder's
    # Without stdin bytes, '-' is a file name, as lint_paths always took it.
    assert [str(r.error) for r in lint_paths(["-"])] == ["TL003 -: no such file or directory"]


def test_documents_are_kept_only_for_files_with_findings_without_the_checkable_copy(tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text("We agreed a plan.\n", encoding="utf-8")
    (tmp_path / "note.md").write_text("She refused `code` here.\n", encoding="utf-8")
    clean, note = check_paths([str(tmp_path)]).files
    assert clean.document is None
    assert note.document is not None and note.document.text == "She refused `code` here.\n"
    assert note.document.checkable is note.document.text and note.document.blanks == ()
    assert all(f.document is None for f in check_paths([str(tmp_path)], documents=False).files)


def test_config_errors_belong_to_their_files_and_the_rest_go_on(tmp_path: Path) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / ".tilint.toml").write_text('selct = ["TI1"]\n', encoding="utf-8")
    (tmp_path / "bad" / "x.txt").write_text("She refused.\n", encoding="utf-8")
    (tmp_path / "bad" / "y.txt").write_text("He refused.\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("He refused.\n", encoding="utf-8")
    files = check_paths([str(tmp_path / "bad"), str(tmp_path / "good.txt")]).files
    assert [f.error.code if f.error else None for f in files] == ["TL002", "TL002", None]
    assert [f.rule for f in files[2].findings] == ["TI102"]


def test_progress_reports_every_file_once(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"n{i}.txt").write_text("She refused.\n", encoding="utf-8")
    calls: list[tuple[int, int]] = []
    check_paths([str(tmp_path), str(tmp_path / "missing.txt")], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]  # the missing path is never read


def _summary(batch):  # type: ignore[no-untyped-def]
    return [(f.path, f.findings, str(f.error), f.kind, f.config, f.document, f.source) for f in batch.files], batch.skipped


@pytest.mark.slow
def test_worker_processes_give_the_same_batch(two_folders: Path) -> None:
    for i in range(6):
        (two_folders / "wards" / f"n{i}.md").write_text(f"Note {i}: he frobnicated and refused.\n", encoding="utf-8")
    (two_folders / "clinic" / "broken.txt").write_bytes(b"\x00\x01")
    calls: list[int] = []
    serial = check_paths(["clinic", "-", "wards"], stdin=b"She refused.\n", jobs=1)
    parallel = check_paths(["clinic", "-", "wards"], stdin=b"She refused.\n", jobs=2, progress=lambda d, _t: calls.append(d))
    assert _summary(parallel) == _summary(serial)
    assert calls == list(range(len(serial.files) + 1))
    assert any(f.error for f in serial.files) and {f.rule for f in serial.files[-1].findings} == {"TI190", "TI102"}


def test_fix_is_a_step_that_refuses_a_file_changed_after_the_check(tmp_path: Path) -> None:
    note = tmp_path / "n.txt"
    note.write_text("She refused.\n", encoding="utf-8")
    [item] = check_paths([str(note)]).files
    note.write_text("She refused. Someone else typed this.\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed since it was read"):
        fix.fix_file(item, write=True)
    step = fix.fix_files([item], write=True)
    assert step.errors and step.files[0].error is not None and not step.notes
    assert note.read_text(encoding="utf-8") == "She refused. Someone else typed this.\n"


def test_fix_step_results_are_the_fixed_texts_findings(tmp_path: Path) -> None:
    note = tmp_path / "n.md"
    note.write_text("She refused and is non-compliant.\n", encoding="utf-8")
    batch = check_paths([str(note)])
    step = fix.fix_files(batch.files, write=False)  # --diff
    [fixed] = step.files
    assert isinstance(fixed, CheckedFile) and [f.rule for f in fixed.findings] == ["TI101"]
    assert step.diffs and "+She declined and is non-compliant." in step.diffs[0]
    assert note.read_text(encoding="utf-8") == "She refused and is non-compliant.\n"


def test_standard_input_is_never_rewritten_and_reports_what_was_sent() -> None:
    code, out, err = check("--fix", "--format", "json", "-", stdin=b"She refused.\n")
    assert code == 1
    assert [f["text"] for f in json.loads(out)["findings"]] == ["refused"]
    assert "standard input is not rewritten (use --diff)" in err
    code, out, _ = check("--diff", "-", stdin=b"She refused.\n")
    assert code == 1 and "+She declined." in out


def test_the_cli_starts_no_process_pool_of_its_own() -> None:
    tree = ast.parse((ROOT / "tilint" / "cli.py").read_text(encoding="utf-8"))
    imported = {
        alias.name if isinstance(node, ast.Import) else node.module or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {name for name in imported if name.split(".")[0] in ("multiprocessing", "concurrent")}
