"""Lexicon files written by people: every mistake is one actionable line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tilint.errors import LexiconError
from tilint.lexicon import builtin_lexicon_dir, json_schema, load_lexicon

GOOD_RULE = """
  - code: TI190
    name: test-rule
    principles: [1]
    match:
      - terms: [frobnicated]
    message: "'{text}' is a test phrase."
    why: "A rule used only by the tests of lexicon loading; it matches a made-up word."
    suggestions: [{rephrase: "Say it another way."}]
    sources: [{title: "A source", url: "https://example.org/source"}]
    examples:
      flag: ["He frobnicated.", "She frobnicated."]
      ok: ["He agreed.", "She agreed."]
"""


def write(tmp_path: Path, body: str, name: str = "mine.yml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def error_for(path: Path) -> str:
    with pytest.raises(LexiconError) as info:
        load_lexicon([path])
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("TL001 ")
    assert str(path) in message
    return message


def test_a_good_extra_file_loads_and_matches(tmp_path: Path) -> None:
    from tilint import Config, lint_text

    path = write(tmp_path, "category: deficit\nrules:" + GOOD_RULE)
    assert load_lexicon([path]).find("TI190") is not None
    found = lint_text("Staff frobnicated him.", Config(lexicons=(str(path),)))
    assert [f.rule for f in found] == ["TI190"]


def test_requires_near_takes_its_words_from_either_side(tmp_path: Path) -> None:
    from tilint import Config, lint_text

    rule = GOOD_RULE.replace(
        "      - terms: [frobnicated]\n",
        "      - terms: [frobnicated]\n        requires_near: {words: [patient, ward], window: 3}\n",
    )
    path = write(tmp_path, "category: deficit\nrules:" + rule)
    config = Config(lexicons=(str(path),))
    assert [f.text for f in lint_text("The patient frobnicated today.", config)] == ["frobnicated"]  # before
    assert [f.text for f in lint_text("Staff frobnicated on the ward.", config)] == ["frobnicated"]  # after
    assert lint_text("The engine frobnicated all night long until morning, said the patient.", config) == []  # too far


def test_a_window_word_of_a_hyphen_alone_is_refused(tmp_path: Path) -> None:
    # "-" splits into no word, so it would match every window and silence the rule
    rule = GOOD_RULE.replace(
        "      - terms: [frobnicated]\n",
        '      - terms: [frobnicated]\n        unless_before: {words: [treatment, "-"], window: 1}\n',
    )
    msg = error_for(write(tmp_path, "category: deficit\nrules:" + rule))
    assert "rule TI190 (test-rule)" in msg and "window word '-'" in msg


def test_unknown_key(tmp_path: Path) -> None:
    msg = error_for(write(tmp_path, "category: deficit\nrules:" + GOOD_RULE + "    severty: error\n"))
    assert "rule TI190 (test-rule)" in msg and "unknown key 'severty'" in msg


def test_missing_field(tmp_path: Path) -> None:
    body = "category: deficit\nrules:" + GOOD_RULE.replace('    why: "A rule used only by the tests of lexicon loading; it matches a made-up word."\n', "")
    assert "missing required field 'why'" in error_for(write(tmp_path, body))


def test_duplicate_code_across_files(tmp_path: Path) -> None:
    a = write(tmp_path, "category: deficit\nrules:" + GOOD_RULE, "a.yml")
    b = write(tmp_path, "category: deficit\nrules:" + GOOD_RULE.replace("test-rule", "other").replace("frobnicated]", "zorbed]"), "b.yml")
    with pytest.raises(LexiconError) as info:
        load_lexicon([a, b])
    assert "code TI190 is also used" in str(info.value) and str(b) in str(info.value)


def test_duplicate_phrase_across_rules(tmp_path: Path) -> None:
    body = "category: deficit\nrules:" + GOOD_RULE + GOOD_RULE.replace("TI190", "TI191").replace("test-rule", "other")
    msg = error_for(write(tmp_path, body))
    assert "phrase 'frobnicated' is also matched by TI190" in msg


def test_duplicate_of_a_builtin_phrase(tmp_path: Path) -> None:
    msg = error_for(write(tmp_path, "category: deficit\nrules:" + GOOD_RULE.replace("[frobnicated]", "[refused]")))
    assert "also matched by TI102" in msg


def test_code_must_fit_category(tmp_path: Path) -> None:
    msg = error_for(write(tmp_path, "category: coercive\nrules:" + GOOD_RULE))
    assert "does not fit category 'coercive'" in msg


def test_too_few_examples(tmp_path: Path) -> None:
    body = "category: deficit\nrules:" + GOOD_RULE.replace('flag: ["He frobnicated.", "She frobnicated."]', 'flag: ["He frobnicated."]')
    assert "examples.flag" in error_for(write(tmp_path, body))


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "category: deficit\nrules:\n  - code: [unclosed\n")
    msg = error_for(path)
    assert f"{path}:" in msg and "invalid YAML" in msg


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    path = write(tmp_path, "category: !!python/object/apply:os.system ['echo hacked']\nrules: []\n")
    assert "invalid YAML" in error_for(path)


def test_bad_term_syntax(tmp_path: Path) -> None:
    body = "category: deficit\nrules:" + GOOD_RULE.replace("[frobnicated]", '["(frob|nicated"]')
    assert "unbalanced" in error_for(write(tmp_path, body))


def test_a_term_cannot_explode(tmp_path: Path) -> None:
    huge = " ".join("(a|b|c|d)" for _ in range(8))
    body = "category: deficit\nrules:" + GOOD_RULE.replace("[frobnicated]", f'["{huge}"]')
    assert "expands to more than" in error_for(write(tmp_path, body))


def test_schema_file_is_current() -> None:
    shipped = json.loads((builtin_lexicon_dir() / "schema.json").read_text(encoding="utf-8"))
    assert shipped == json_schema(), "regenerate with: python -m tilint.docsgen"


def test_the_compiled_lexicon_cache_is_shared_by_rules_and_check_in_either_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spacy

    from tilint import matching, phrases

    tokenizer = spacy.blank("en").tokenizer
    compiles: list[int] = []
    indexes: list[int] = []
    real_compile, real_build = matching.compile_lexicon, phrases.build_tables
    monkeypatch.setattr(matching, "compile_lexicon", lambda lexicon: compiles.append(1) or real_compile(lexicon))
    monkeypatch.setattr(phrases, "build_tables", lambda c, t: indexes.append(1) or real_build(c, t))

    monkeypatch.setenv("TILINT_CACHE_DIR", str(tmp_path / "rules-first"))
    plain = matching.load_compiled()  # tilint rules
    assert plain[1].tables is None and (len(compiles), len(indexes)) == (1, 0)
    indexed = matching.load_compiled(tokenizer=tokenizer)  # then tilint check: no second compile
    assert indexed[1].tables is not None and (len(compiles), len(indexes)) == (1, 1)
    again = matching.load_compiled(tokenizer=tokenizer)  # and the next check: nothing rebuilt
    assert (len(compiles), len(indexes)) == (1, 1)
    assert again[1].tables is not None and again[1].tables.terms == indexed[1].tables.terms

    monkeypatch.setenv("TILINT_CACHE_DIR", str(tmp_path / "check-first"))
    matching.load_compiled(tokenizer=tokenizer)
    matching.load_compiled()
    assert (len(compiles), len(indexes)) == (2, 2)

    # Corrupt cache files are rebuilt, not trusted.
    for cache in (tmp_path / "check-first").glob("lexicon-*.pickle"):
        cache.write_bytes(b"not a pickle")
    assert matching.load_compiled(tokenizer=tokenizer)[1].tables is not None
    assert (len(compiles), len(indexes)) == (3, 3)


def test_a_tag_listed_twice(tmp_path: Path) -> None:
    body = "category: deficit\nrules:" + GOOD_RULE.replace("    principles: [1]\n", "    tags: [jargon, opt-in, jargon]\n    principles: [1]\n")
    assert "a tag is listed twice" in error_for(write(tmp_path, body))


def test_safe_forms_narrow_a_safe_suggestion_only(tmp_path: Path) -> None:
    body = "category: deficit\nrules:" + GOOD_RULE.replace(
        '    suggestions: [{rephrase: "Say it another way."}]\n',
        "    suggestions: [{text: plain, safe_forms: [VBD]}]\n",
    )
    assert "'safe_forms' narrows a safe suggestion" in error_for(write(tmp_path, body))


def test_fix_snapshots_apply_a_safe_suggestion_only_to_its_forms(tmp_path: Path) -> None:
    """safe_forms: the suggestion is offered for every form, safe (applied by --fix) only
    for the listed ones."""
    from tilint import Config, lint_text

    body = "category: deficit\nrules:" + GOOD_RULE.replace(
        "      - terms: [frobnicated]\n",
        "      - terms: [\"~frobnicate\"]\n        inflect: verb\n        suggestions: [{text: \"{zap}\", safe: true, safe_forms: [VBD, VBZ]}]\n",
    )
    config = Config(lexicons=(str(write(tmp_path, body)),))
    [past] = [f for f in lint_text("He frobnicated.", config) if f.rule == "TI190"]
    [ing] = [f for f in lint_text("He is frobnicating.", config) if f.rule == "TI190"]
    assert past.safe_fix is not None and past.safe_fix.text == "zapped"
    assert ing.safe_fix is None and [s.text for s in ing.suggestions] == ["zapping"]


def test_the_cache_keeps_only_the_newest_files_of_each_kind(tmp_path):
    import os

    from tilint.datafiles import CACHE_FILES_KEPT, write_cache_atomically

    other_kind = tmp_path / "scan-0.pickle"
    other_kind.write_bytes(b"x")
    written = []
    for i in range(CACHE_FILES_KEPT + 3):
        path = tmp_path / f"lexicon-{i}.pickle"
        write_cache_atomically(path, b"compiled")
        os.utime(path, (1_000_000 + i, 1_000_000 + i))  # written in this order
        written.append(path)
    kept = sorted(tmp_path.glob("lexicon-*.pickle"), key=lambda p: int(p.stem.split("-")[1]))
    # Pruning runs after each write, so the newest CACHE_FILES_KEPT survive.
    assert kept == written[-CACHE_FILES_KEPT:]
    assert other_kind.exists()
    assert not list(tmp_path.glob(".tmp-*"))


def test_the_cache_keeps_what_is_read_not_only_what_was_written_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A default lexicon's scan, written once and read by every later check, outlives the
    scans of extra lexicons written after it (found when the test session's extra
    lexicons pruned it and a new linter had to load spaCy at once)."""
    import os

    from tilint.api import Linter
    from tilint.datafiles import CACHE_FILES_KEPT, write_cache_atomically

    monkeypatch.setenv("TILINT_CACHE_DIR", str(tmp_path))
    Linter().load()  # writes the default scan
    [default] = tmp_path.glob("scan-*.pickle")
    os.utime(default, (1_000_000, 1_000_000))  # written long ago
    for i in range(CACHE_FILES_KEPT + 2):
        assert not Linter().loaded  # read from the cache: marked as used
        write_cache_atomically(tmp_path / f"scan-extra{i}.pickle", b"another lexicon's scan")
    assert default.exists() and len(list(tmp_path.glob("scan-*.pickle"))) == CACHE_FILES_KEPT


def _keys_given_twice(text: str) -> list[tuple[str, int]]:
    """Mapping keys written twice in one YAML mapping (a plain YAML load keeps the last
    and drops the first without a word: a second 'ok:' list hides the first)."""
    import yaml

    found: list[tuple[str, int]] = []

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                found.append((str(key), key_node.start_mark.line + 1))
            seen.add(key)
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    yaml.load(text, Loader=Loader)  # a SafeLoader subclass
    return found


def test_no_lexicon_or_class_file_gives_a_key_twice() -> None:
    assert _keys_given_twice("a: 1\nb: 2\na: 3\n") == [("a", 3)]  # the check can fail
    root = builtin_lexicon_dir()
    for path in sorted([*root.glob("*.yml"), *(root / "classes").glob("*.yml")]):
        assert _keys_given_twice(path.read_text(encoding="utf-8")) == [], path.name
