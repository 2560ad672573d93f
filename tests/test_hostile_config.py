"""Lexicon and config files written by users: hostile or runaway content is rejected
with a clear, coded error (or bounded), and YAML is loaded safely.

There are no regular expressions in lexicons or configs: terms are phrases with
`(a|b)` choices, expanded once into plain phrases for the phrase index (tilint/phrases.py), so a
'catastrophic regular expression' is just a (bounded) phrase. The tests below show it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import run_cli
from tilint import Config, lint_paths, lint_text
from tilint.config import MAX_LIST_ITEMS, load_config
from tilint.errors import ConfigError, LexiconError
from tilint.lexicon import (
    MAX_EXCEPTIONS_PER_RULE,
    MAX_GROUPS_PER_RULE,
    MAX_PHRASE_CHARS,
    MAX_PHRASES_PER_FILE,
    MAX_RULES,
    MAX_TERMS_PER_RULE,
    load_lexicon,
)
from tilint.terms import MAX_FORMS_PER_TERM


def rule(code: str = "ZZ001", name: str = "zz-test", **fields: Any) -> dict[str, Any]:
    """A minimal valid rule of a user lexicon."""
    base: dict[str, Any] = {
        "code": code,
        "name": name,
        "principles": [1],
        "match": [{"terms": ["zzword"]}],
        "message": "'{text}' is a test term.",
        "why": "A reason that is long enough to pass the forty character minimum.",
        "suggestions": ["other word"],
        "sources": [{"title": "A source", "url": "https://example.org/source"}],
        "examples": {"flag": ["a zzword here", "zzword again"], "ok": ["nothing here", "none at all"]},
    }
    base.update(fields)
    return base


def write_lexicon(tmp_path: Path, rules: list[dict[str, Any]], name: str = "mine.yml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump({"version": 1, "category": "deficit", "rules": rules}), encoding="utf-8")
    return path


def load_error(path: Path) -> LexiconError:
    with pytest.raises(LexiconError) as info:
        load_lexicon([path], builtin=False)
    error = info.value
    assert str(error).startswith("TL001 ") and str(path) in str(error)
    assert "\n" not in str(error)
    return error


# ------------------------------------------------------------------ YAML safety


def test_yaml_python_tags_are_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yml"
    path.write_text(f"!!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    error = load_error(path)
    assert "invalid YAML" in str(error)
    assert not marker.exists()


def test_yaml_tags_inside_a_rule_are_not_constructed(tmp_path: Path) -> None:
    path = tmp_path / "evil.yml"
    path.write_text(
        "version: 1\ncategory: deficit\nrules:\n"
        "  - code: ZZ001\n    name: !!python/name:os.system zz\n",
        encoding="utf-8",
    )
    assert "invalid YAML" in str(load_error(path))


def test_billion_laughs_aliases_fail_fast(tmp_path: Path) -> None:
    # Nine levels of aliases, each nine times the last: 9**9 strings if expanded.
    levels = ["&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"&l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)]
    text = (
        "version: 1\ncategory: deficit\nrules:\n"
        "  - code: ZZ001\n    name: zz-test\n    principles: [1]\n"
        "    match: [{terms: *l8}]\n"
        "    message: a message long enough\n"
        "    why: a reason that is long enough to pass the forty character minimum\n"
        "    suggestions: [x]\n"
        "    sources: [{title: abc, url: 'https://example.org/x'}]\n"
        f"    examples: {{flag: [a, b], ok: [{', '.join(levels)}]}}\n"
    )
    path = tmp_path / "laughs.yml"
    path.write_text(text, encoding="utf-8")
    load_error(path)  # a type error on the first nested list, not 387 million strings


def test_a_lexicon_larger_than_20_mb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yml"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("version: 1\ncategory: deficit\nrules: []\n# ")
        fh.write("x" * 21_000_000)
    assert "larger than 20 MB" in str(load_error(path))


# ------------------------------------------------------------------ enormous lists


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"match": [{"terms": [f"term{i}" for i in range(MAX_TERMS_PER_RULE + 1)]}]}, "at most 400"),
        ({"match": [{"terms": [f"t{i}"]} for i in range(MAX_GROUPS_PER_RULE + 1)]}, "match groups"),
        ({"exceptions": [f"zzword {i}" for i in range(MAX_EXCEPTIONS_PER_RULE + 1)]}, "exceptions"),
        ({"match": [{"terms": ["word " * (MAX_PHRASE_CHARS // 5 + 1)]}]}, "characters"),
        ({"exceptions": ["x" * (MAX_PHRASE_CHARS + 1)]}, "characters"),
        (
            {"match": [{"terms": ["zzword"], "unless_before": {"words": ["y" * (MAX_PHRASE_CHARS + 1)], "window": 3}}]},
            "characters",
        ),
        ({"match": [{"terms": ["zzword"], "unless_before": {"words": [f"w{i}" for i in range(501)]}}]}, "at most 500"),
    ],
    ids=["terms", "groups", "exceptions", "long-term", "long-exception", "long-window-word", "window-words"],
)
def test_enormous_lists_and_phrases_are_rejected_with_the_rule_named(
    tmp_path: Path, fields: dict[str, Any], expected: str
) -> None:
    error = load_error(write_lexicon(tmp_path, [rule(**fields)]))
    assert "ZZ001" in str(error)
    assert expected in str(error)


def test_too_many_rules_in_one_file(tmp_path: Path) -> None:
    rules = [rule(code=f"ZZ{i % 1000:03d}", name=f"zz-{i}") for i in range(MAX_RULES + 1)]
    assert "at most 5000" in str(load_error(write_lexicon(tmp_path, rules)))


def test_choice_explosion_is_bounded_per_term(tmp_path: Path) -> None:
    # 2**10 = 1024 phrases from one term.
    term = " ".join(["(a|b)"] * 10)
    error = load_error(write_lexicon(tmp_path, [rule(match=[{"terms": [term]}])]))
    assert f"more than {MAX_FORMS_PER_TERM}" in str(error)


def test_phrases_per_file_are_bounded(tmp_path: Path) -> None:
    # Each term expands to 4**4 = 256 phrases (under the per-term bound); 400 such
    # terms in a rule, enough rules to pass the per-file bound.
    choice = "(" + "|".join(["aa", "bb", "cc", "dd"]) + ")"
    per_rule = MAX_TERMS_PER_RULE * 256
    rules = [
        rule(
            code=f"ZZ{r:03d}",
            name=f"zz-{r}",
            match=[{"terms": [f"w{r}x{i} {choice} {choice} {choice} {choice}" for i in range(MAX_TERMS_PER_RULE)]}],
        )
        for r in range(MAX_PHRASES_PER_FILE // per_rule + 1)
    ]
    error = load_error(write_lexicon(tmp_path, rules))
    assert f"more than {MAX_PHRASES_PER_FILE:,} phrases" in str(error)


def test_unbalanced_or_deeply_nested_choices_are_syntax_errors(tmp_path: Path) -> None:
    for term in ["(" * 500 + "a" + ")" * 500, "(a|b", "a|b)", "((a|b)|c)"]:
        error = load_error(write_lexicon(tmp_path, [rule(match=[{"terms": [term]}])]))
        assert "unbalanced" in str(error)


def test_regex_syntax_in_a_term_is_a_literal_phrase(tmp_path: Path) -> None:
    # '(a+)+$' is a classic catastrophic regex; here it is the literal phrase 'a++$'.
    path = write_lexicon(tmp_path, [rule(match=[{"terms": ["zzword", "(a+)+$", "(x*)*y"]}])])
    config = Config(lexicons=(str(path),), select=("ZZ001",))
    hostile = "a" * 50_000 + "!" + " a" * 20_000
    assert lint_text(hostile, config) == []
    found = lint_text("It says a++$ here.", config)
    assert [f.text for f in found] == ["a++$"]


# ------------------------------------------------------------------ config files


def write_config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / ".tilint.toml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("key", ["allow", "select", "ignore", "extend-select", "exclude"])
def test_config_lists_are_bounded(tmp_path: Path, key: str) -> None:
    items = ", ".join(f'"item{i}"' for i in range(MAX_LIST_ITEMS + 1))
    path = write_config(tmp_path, f"{key} = [{items}]\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith("TL002 ")
    assert repr(key) in str(info.value) and "at most 1,000" in str(info.value)


def test_config_severity_table_and_lexicon_list_are_bounded(tmp_path: Path) -> None:
    table = "\n".join(f'TI{i:03d}x = "info"' for i in range(MAX_LIST_ITEMS + 1))
    with pytest.raises(ConfigError, match="'severity'"):
        load_config(write_config(tmp_path, f"[severity]\n{table}\n"))
    files = ", ".join(f'"l{i}.yml"' for i in range(101))
    with pytest.raises(ConfigError, match="'lexicons'"):
        load_config(write_config(tmp_path, f"lexicons = [{files}]\n"))


def test_a_long_allow_phrase_and_a_huge_config_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="'allow'"):
        load_config(write_config(tmp_path, f'allow = ["{"x" * 201}"]\n'))
    with pytest.raises(ConfigError, match="larger than 1 MB"):
        load_config(write_config(tmp_path, "# " + "x" * 1_100_000 + "\n"))


def test_a_hostile_config_through_the_cli_is_one_line_and_exit_2(tmp_path: Path) -> None:
    items = ", ".join(f'"phrase number {i}"' for i in range(5000))
    write_config(tmp_path, f"allow = [{items}]\n")
    (tmp_path / "note.txt").write_text("She refused lunch.\n", encoding="utf-8")
    proc = run_cli("check", "note.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("tilint: TL002 ") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr


def test_exclude_globs_that_would_backtrack_badly_still_finish(tmp_path: Path) -> None:
    # A pattern like '*a*a*a*...*b' against a long name of 'a's is exponential for a
    # naive glob matcher; fnmatch compiles it without backtracking.
    folder = tmp_path / ("a" * 200)
    folder.mkdir()
    (folder / ("a" * 200 + ".txt")).write_text("She refused lunch.\n", encoding="utf-8")
    config = Config(exclude=("*a" * 30 + "*b",))
    results = lint_paths([str(tmp_path)], config, discover_config=False)
    assert [r.findings[0].rule for r in results] == ["TI102"]


def test_a_lexicon_that_is_not_a_regular_file_is_an_error_not_a_hang(tmp_path: Path) -> None:
    """A directory, a missing file or a FIFO (whose open() would wait for a writer
    forever) named as a lexicon is a TL001 error."""
    (tmp_path / "dir.yml").mkdir()
    names = ["dir.yml", "missing.yml"]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.yml")
        names.append("fifo.yml")
    for name in names:
        load_error(tmp_path / name)
