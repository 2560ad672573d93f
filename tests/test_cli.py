"""The command line as users and CI see it: output contract, exit codes, errors.

The commands run in this process (click's CliRunner: tests.helpers.cli_in_process), with
the pipeline loaded once; the few tests of the process itself (the console script's exit
codes, a real pipe on standard input, the language server on stdio) start one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.helpers import cli_in_process as cli
from tests.helpers import json_in_process as cli_json

FINDING_KEYS = {
    "path", "rule", "name", "category", "severity", "message", "text", "start", "end",
    "line", "column", "end_line", "end_column", "suggestions",
}


def test_json_contract_offsets_slice_text_with_non_ascii_and_crlf(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    text = "Résumé of café visit 😀\r\nShe refused the depot.\r\nNaïve plan: he is non-compliant.\r\n"
    note.write_bytes(text.encode("utf-8"))
    code, data = cli_json(str(note))
    assert code == 1
    assert set(data) == {"version", "findings", "summary"}
    assert data["summary"]["files"] == 1
    assert data["summary"]["findings"] == len(data["findings"]) >= 2
    decoded = note.read_bytes().decode("utf-8")
    lines = decoded.split("\r\n")
    for f in data["findings"]:
        assert set(f) == FINDING_KEYS
        assert decoded[f["start"] : f["end"]] == f["text"]
        line = lines[f["line"] - 1]
        assert line[f["column"] - 1 : f["end_column"] - 1] == f["text"]
        assert f["path"] == str(note)
        for s in f["suggestions"]:
            assert set(s) == {"text", "kind", "safe"}
            assert s["kind"] in ("replace", "rephrase")
            assert not (s["safe"] and s["kind"] == "rephrase")
    refused = next(f for f in data["findings"] if f["rule"] == "TI102")
    assert (refused["line"], refused["column"], refused["end_column"]) == (2, 5, 12)
    assert refused["suggestions"][0] == {"text": "declined", "kind": "replace", "safe": True}
    kinds = {s["kind"] for f in data["findings"] for s in f["suggestions"]}
    assert kinds == {"replace", "rephrase"}
    assert data["summary"]["by_category"]["deficit"] >= 2


def test_exit_codes(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("We agreed a plan together.\n", encoding="utf-8")
    flagged = tmp_path / "flagged.txt"
    flagged.write_text("He refused lunch.\n", encoding="utf-8")
    assert cli("check", str(clean)).returncode == 0
    assert cli("check", str(flagged)).returncode == 1
    assert cli("check", "--exit-zero", str(flagged)).returncode == 0
    assert cli("check", "--fail-on", "error", str(flagged)).returncode == 0
    assert cli("check", "--ignore", "TI102", str(flagged)).returncode == 0
    assert cli("check", "--select", "credibility", str(flagged)).returncode == 0
    assert cli("check", "--bogus").returncode == 2


def test_the_console_script_exits_0_1_and_2(tmp_path: Path) -> None:
    """The `tilint` the package installs (pyproject [project.scripts]), as CI calls it:
    the exit code of the process, and a usage error in one line with no traceback."""
    script = Path(sys.executable).with_name("tilint")
    assert script.exists(), "pip install -e . installs the console script beside the interpreter"
    clean = tmp_path / "clean.txt"
    clean.write_text("We agreed a plan together.\n", encoding="utf-8")
    flagged = tmp_path / "flagged.txt"
    flagged.write_text("He refused lunch.\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(script), *args], capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)

    assert run("check", str(clean)).returncode == 0
    flagged_run = run("check", str(flagged))
    assert flagged_run.returncode == 1 and "[TI102 refused]" in flagged_run.stdout
    bad = run("check", str(tmp_path / "missing.txt"))
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "Traceback" not in bad.stderr


_CHECK_AND_SAY_IF_SPACY_LOADED = """
import runpy, sys
sys.argv = ["tilint", "check", *sys.argv[1:]]
try:
    runpy.run_module("tilint", run_name="__main__")
except SystemExit as exc:
    print("exit", exc.code, "spacy" in sys.modules)
"""


def test_a_check_of_clean_text_never_loads_spacy(tmp_path: Path) -> None:
    """Cold start (bench/bench.py): with the caches filled by a first check, a file in
    which the prefilter's scan finds no phrase is checked without importing spaCy; one
    with a phrase loads it and reports the finding."""
    clean = tmp_path / "clean.txt"
    clean.write_text("She described her week.\n", encoding="utf-8")
    flagged = tmp_path / "flagged.txt"
    flagged.write_text("She was non-compliant with her medication.\n", encoding="utf-8")

    def check(path: Path) -> list[str]:
        proc = subprocess.run(
            [sys.executable, "-c", _CHECK_AND_SAY_IF_SPACY_LOADED, str(path)],
            capture_output=True, text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"}, cwd=tmp_path,
        )
        return proc.stdout.splitlines()

    check(flagged)  # fills the caches, as any later run finds them
    assert check(clean) == ["No findings in 1 file.", "exit 0 False"]
    out = check(flagged)
    assert out[-1] == "exit 1 True" and any("[TI101 non-compliant]" in line for line in out)


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("binary", "binary"),
        ("missing", "no such file"),
        ("bad_config", "unknown key 'selct'"),
        ("broken_lexicon", "missing required field"),
        ("bad_utf8", "not valid UTF-8"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, setup: str, expected: str) -> None:
    args: list[str] = ["check"]
    if setup == "binary":
        target = tmp_path / "image.txt"
        target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        args.append(str(target))
    elif setup == "missing":
        args.append(str(tmp_path / "nope.txt"))
    elif setup == "bad_config":
        (tmp_path / ".tilint.toml").write_text('selct = ["TI1"]\n', encoding="utf-8")
        (tmp_path / "a.txt").write_text("ok\n", encoding="utf-8")
        args.append(str(tmp_path / "a.txt"))
    elif setup == "broken_lexicon":
        (tmp_path / "mine.yml").write_text(
            "category: deficit\nrules:\n  - code: TI190\n    name: broken\n", encoding="utf-8"
        )
        (tmp_path / ".tilint.toml").write_text('lexicons = ["mine.yml"]\n', encoding="utf-8")
        (tmp_path / "a.txt").write_text("ok\n", encoding="utf-8")
        args.append(str(tmp_path / "a.txt"))
    else:
        target = tmp_path / "latin1.txt"
        target.write_bytes("caf\xe9 refused".encode("latin-1"))
        args.append(str(target))
    proc = cli(*args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert expected in lines[0]
    assert lines[0].startswith("tilint: TL00")


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "b.txt").write_text("She refused.\n", encoding="utf-8")
    proc = cli("check", "--format", "json", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    assert [f["rule"] for f in data["findings"]] == ["TI102"]


def test_directories_recurse_skip_hidden_and_other_types(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text("She refused.\n", encoding="utf-8")
    (tmp_path / "notes" / "b.txt").write_text("He refuses.\n", encoding="utf-8")
    (tmp_path / "notes" / "c.py").write_text("# refused\n", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("refused\n", encoding="utf-8")
    code, data = cli_json(str(tmp_path))
    assert code == 1
    paths = sorted({Path(f["path"]).name for f in data["findings"]})
    assert paths == ["a.md", "b.txt"]
    assert data["summary"]["files"] == 2


def test_stdin_with_filename_picks_markdown() -> None:
    proc = cli("check", "--format", "json", "--stdin-filename", "n.md", "-", stdin=b"`refused` but she refused.\n")
    data = json.loads(proc.stdout)
    assert [(f["path"], f["start"]) for f in data["findings"]] == [("n.md", 18)]


def test_stdin_through_a_real_pipe() -> None:
    """`cat note | tilint check -`: the bytes of the pipe, not a text layer, are read
    (CRLF and a BOM kept for offsets), and the exit code is the process's."""
    from tests.helpers import run_cli

    proc = run_cli("check", "--format", "json", "-", stdin="\ufeffok.\r\nShe refused.\r\n".encode())
    assert proc.returncode == 1
    (finding,) = json.loads(proc.stdout)["findings"]
    assert (finding["path"], finding["line"], finding["column"], finding["text"]) == ("<stdin>", 2, 5, "refused")


def test_text_output_shows_location_underline_suggestion_and_summary(tmp_path: Path) -> None:
    note = tmp_path / "n.txt"
    note.write_text("Plan reviewed.\nShe refused her tablets.\n", encoding="utf-8")
    proc = cli("check", str(note))
    out = proc.stdout
    assert f"{note}:2:5  warning" in out
    assert "[TI102 refused]" in out
    assert " 2 | She refused her tablets." in out
    assert "   |     ^^^^^^^" in out
    assert "replace (safe fix): declined" in out
    assert "rephrase: Say what the person chose and why" in out
    assert "Found 1 finding (1 warning) in 1 of 1 file." in out
    assert "\x1b[" not in out  # NO_COLOR is set by cli_in_process


def test_colour_only_when_asked_or_on_a_terminal(tmp_path: Path) -> None:
    note = tmp_path / "n.txt"
    note.write_text("She refused.\n", encoding="utf-8")
    assert "\x1b[" in cli("check", "--color", str(note)).stdout
    assert "\x1b[" not in cli("check", str(note)).stdout  # not a terminal, NO_COLOR


def test_config_discovery_nearest_wins_and_flags_override(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.tilint]\nignore = ["TI102"]\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / ".tilint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    (tmp_path / "top.txt").write_text("She refused.\n", encoding="utf-8")
    (sub / "low.txt").write_text("She refused.\n", encoding="utf-8")
    assert cli("check", str(tmp_path / "top.txt")).returncode == 0  # ignored by pyproject
    low = cli("check", "--format", "json", str(sub / "low.txt"))
    assert low.returncode == 0  # nearest config: finding reported, but fail-on error
    assert json.loads(low.stdout)["summary"]["findings"] == 1
    assert cli("check", "--fail-on", "warning", str(sub / "low.txt")).returncode == 1


def test_explicit_config_applies_to_all_paths(tmp_path: Path) -> None:
    cfg = tmp_path / "team.toml"
    cfg.write_text('select = ["credibility"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("She refused.\n", encoding="utf-8")
    assert cli("check", "--config", str(cfg), str(tmp_path / "a.txt")).returncode == 0


def test_unknown_selector_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    proc = cli("check", "--select", "TI999x", str(tmp_path / "a.txt"))
    assert proc.returncode == 2
    assert "names no rule" in proc.stderr


def test_rules_and_explain_and_version() -> None:
    rules = cli("rules")
    assert rules.returncode == 0
    assert "TI101  non-compliant" in rules.stdout
    assert "rules (" in rules.stdout.splitlines()[-1]
    only = cli("rules", "--category", "deficit", "--format", "json")
    assert {r["category"] for r in json.loads(only.stdout)} == {"deficit"}
    # Default rules by code, then the opt-in ones apart, each by code.
    listed = rules.stdout.split("\nOpt-in ")
    assert len(listed) == 2, "opt-in rules are listed apart from the default set"
    default_codes = [ln.split()[0] for ln in listed[0].splitlines() if ln.startswith("TI")]
    opt_in_codes = [ln.split()[0] for ln in listed[1].splitlines() if ln.startswith("TI")]
    assert default_codes == sorted(default_codes) and opt_in_codes == sorted(opt_in_codes)
    every = {r["code"]: r["opt_in"] for r in json.loads(cli("rules", "--format", "json").stdout)}
    assert {c for c, o in every.items() if o} == set(opt_in_codes)
    assert {c for c, o in every.items() if not o} == set(default_codes)
    explained = cli("explain", "TI102")
    assert explained.returncode == 0
    for heading in ("\nWhy\n", "\nBetter wording\n", "\nFlagged\n", "\nSources\n"):
        assert heading in explained.stdout
    assert cli("explain", "refused").stdout == explained.stdout
    missing = cli("explain", "TI999")
    assert missing.returncode == 2 and "no rule" in missing.stderr
    version = cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("tilint, version ")


def test_shipped_example_has_findings_with_suggestions() -> None:
    code, data = cli_json(str(ROOT / "examples" / "care-note.md"))
    assert code == 1
    rules = {f["rule"] for f in data["findings"]}
    assert {"TI101", "TI102"} <= rules
    assert all(f["suggestions"] for f in data["findings"])


def test_tilint_lsp_answers_initialize_over_stdio() -> None:
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    exit_ = json.dumps({"jsonrpc": "2.0", "method": "exit"})
    message = "".join(f"Content-Length: {len(b.encode())}\r\n\r\n{b}" for b in (body, exit_))
    proc = subprocess.run(
        [sys.executable, "-m", "tilint", "lsp", "--stdio"],
        input=message.encode(), capture_output=True, timeout=120, cwd=ROOT,
    )
    header, _, payload = proc.stdout.partition(b"\r\n\r\n")
    assert header.startswith(b"Content-Length: ")
    length = int(header.split(b"\r\n")[0].split(b":")[1])
    reply = json.loads(payload[:length])
    assert reply["id"] == 1
    assert reply["result"]["serverInfo"]["name"] == "tilint"
    assert "codeActionProvider" in reply["result"]["capabilities"]


def test_long_lines_are_shown_as_a_window_around_the_finding(tmp_path: Path) -> None:
    note = tmp_path / "long.txt"
    note.write_text("word " * 400 + "she refused lunch " + "word " * 400 + "\n", encoding="utf-8")
    out = cli("check", str(note)).stdout.splitlines()
    source = next(line for line in out if line.startswith(" 1 | "))
    underline = out[out.index(source) + 1]
    assert source.startswith(" 1 | …") and source.endswith("…")
    assert len(source) < 200
    caret = underline.index("^")
    assert source[caret : caret + len("refused")] == "refused"
    assert underline.count("^") == len("refused")


def test_rules_are_listed_by_code_the_default_set_first_then_the_opt_in_rules() -> None:
    from click.testing import CliRunner

    from tilint.cli import main
    from tilint.matching import load_compiled

    out = CliRunner().invoke(main, ["rules"]).stdout
    default_part, opt_in_part = out.split("\nOpt-in", 1)
    default = [line.split()[0] for line in default_part.splitlines() if line[:2] == "TI"]
    opt_in = [line.split()[0] for line in opt_in_part.splitlines() if line[:2] == "TI"]
    assert default[0] == "TI101"
    assert default == sorted(default) and opt_in == sorted(opt_in)
    active = load_compiled()[0].active
    assert set(default) == {r.code for r in active if not r.opt_in}
    assert set(opt_in) == {r.code for r in active if r.opt_in}


def test_explain_is_for_a_terminal_and_shows_the_forms_it_matches() -> None:
    from tilint.matching import load_compiled

    rule = load_compiled()[0].find("TI101")
    assert rule is not None and any("(in|un)compliant" in t for g in rule.match for t in g.terms)
    proc = cli("explain", "TI101")
    out = proc.stdout
    assert proc.returncode == 0
    for markup in ("**", "](", "## ", "| ", "(in|un)", "~", "{"):
        assert markup not in out, markup
    assert out.startswith("TI101 non-compliant (deficit, warning)\n")
    flags = out.split("What it flags\n", 1)[1].split("\n\n", 1)[0]
    for form in ("non-compliant", "incompliant", "uncompliant"):
        assert form in flags
    assert all(len(line) <= 88 or "https://" in line for line in out.splitlines())
    for example in rule.examples.ok:
        assert example in out


def test_hover_and_explain_render_the_same_sections() -> None:
    """The hover (brief, for one finding) and `tilint explain --format markdown` come from
    one renderer: the rule's own sections read the same in both."""
    from lsp_server.convert import hover_text
    from tilint import Config, lint_text
    from tilint.matching import load_compiled

    (finding,) = lint_text("She refused her meds.", Config(select=("TI102",)))
    rule = load_compiled()[0].find("TI102")
    hover = hover_text(finding, rule, markdown=True)
    page = cli("explain", "TI102", "--format", "markdown").stdout
    for section in hover.split("\n\n")[2:]:
        if section.startswith("**Better wording**"):
            continue  # the hover's wording is inflected to fit the phrase ('declined')
        assert section in page, section
    assert hover.split("\n\n")[0] == page.split("\n\n")[0] == "**TI102 refused** (deficit, warning)"


def test_every_rule_explains_without_term_syntax() -> None:
    from tilint.matching import load_compiled
    from tilint.report.explain import explain

    for rule in load_compiled()[0].rules:
        out = explain(rule)
        flags = out.split("\nWhat it flags\n", 1)[1].split("\n\nWhy\n", 1)[0]
        assert not any(mark in flags for mark in "|~{}"), (rule.code, flags)
        assert flags.count("\n  - ") + 1 == len(rule.match), rule.code  # one line per match group
        assert "**" not in out and "](" not in out, rule.code
