"""Word classes are data: shipped with the lexicon, loaded with importlib.resources,
validated with one actionable line per problem."""

from __future__ import annotations

import pytest

from tilint import classes
from tilint.api import lint_text
from tilint.errors import LexiconError

NEEDED = {
    "people", "relations", "institutions", "officials", "laws", "treatments", "procedures",
    "devices", "anatomy", "tumours", "conditions", "requests", "capacity", "mention-nouns",
    "mention-stance", "mention-meaning", "mention-verbs", "speech-verbs", "describe-verbs",
    "label-verbs", "name-heads", "title-cues", "phrase-fillers", "document-heads", "animate-verbs",
    "behaviours", "sustenance", "label-nouns", "hearsay-verbs", "view-verbs", "view-passives",
    "thing-pronouns", "conduct-verbs", "grievances", "opinion-verbs", "animals", "person-compounds", "concept-heads",
}


def test_builtin_classes_load_from_the_lexicon_folder():
    folder = classes.builtin_classes_dir()
    assert folder.name == "classes" and folder.parent.name == "lexicons"
    loaded = classes.builtin()
    assert set(loaded.classes) >= NEEDED
    assert loaded.has("institutions", "Court") and not loaded.has("institutions", "patient")
    assert ("social", "worker") in loaded["officials"].phrases


def test_multiword_entries_are_found_at_their_last_word():
    import spacy

    doc = spacy.blank("en")("The social worker said so.")
    assert "officials" in classes.builtin().of_token(doc, 2)
    assert classes.builtin().starting_at(doc, 1, len(doc))[1] == 3


def test_hyphenated_entries_are_found_as_the_tokenizer_splits_them():
    import spacy

    # "co-worker" is three tokens (co, -, worker); the class lists it as one word
    doc = spacy.blank("en")("A former co-worker of mine left.")
    wc = classes.builtin()
    assert [t.text for t in doc[2:5]] == ["co", "-", "worker"]
    assert "relations" in wc.of_token(doc, 4)
    assert "relations" not in wc.of_token(spacy.blank("en")("The worker left."), 1)  # only after "co -"
    assert wc.has("relations", "co-worker")  # and as the single word rules expand


@pytest.mark.parametrize(
    "content, problem",
    [
        ("[1, 2]", "expected a mapping"),
        ("class: x\nwords: [a]\ncolour: red\n", "unknown key 'colour'"),
        ("class: Bad Name\nwords: [a]\n", "kebab-case"),
        ("class: x\nwords: []\n", "non-empty list"),
        ("class: x\nwords: [court, court]\n", "listed twice"),
        ("class: x\nwords: [Court]\n", "lower case"),
        ("class: x\nwords: [a]\nagent_not_person: [blame]\n", "'blame'"),
        ("class: x\nwords: [a]\nanimate: maybe\n", "true or false"),
    ],
)
def test_invalid_class_files_name_the_file_and_the_problem(tmp_path, content, problem):
    path = tmp_path / "bad.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        classes.load_classes([path])
    message = str(info.value)
    assert "bad.yml" in message and problem in message
    assert "\n" not in message


def test_a_class_defined_twice_is_an_error(tmp_path):
    for name in ("a.yml", "b.yml"):
        (tmp_path / name).write_text("class: same\nwords: [x]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="defined twice"):
        classes.load_classes(classes.class_files(tmp_path))


def test_the_cache_key_follows_the_files_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("TILINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "x.yml"
    path.write_text("class: x\nwords: [a]\n", encoding="utf-8")
    first = classes._cache_path([path])
    path.write_text("class: x\nwords: [b]\n", encoding="utf-8")
    assert first is not None and classes._cache_path([path]) != first
    monkeypatch.setenv("TILINT_NO_CACHE", "1")
    assert classes._cache_path([path]) is None


def test_uk_us_spellings_are_data(tmp_path, monkeypatch):
    from tilint import terms

    assert terms.spellings_file().parent.name == "spellings"
    assert terms.spelling_variants("Behaviour") == {"Behaviour", "Behavior"}
    assert "stigmatized" in terms.spelling_variants("stigmatised")
    bad = tmp_path / "uk-us.yml"
    bad.write_text("pairs: {Colour: color}\nise_stems: []\n", encoding="utf-8")
    monkeypatch.setattr(terms, "spellings_file", lambda: bad)
    terms._spelling_tables.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"uk-us\.yml"):
            terms.spelling_variants("colour")
    finally:
        terms._spelling_tables.cache_clear()


def test_misspellings_are_data_and_match_like_the_word(tmp_path, monkeypatch):
    from tilint import terms

    assert "schitzophrenics" in terms.spelling_variants("schizophrenics")
    assert "Alchoholic" in terms.spelling_variants("Alcoholic")  # the case follows the word
    assert terms.spelling_variants("complaint") == {"complaint"}
    found = [(f.rule, f.text) for f in lint_text("Two schitzophrenics share the flat. She is very manipulitive.")]
    assert ("TI301", "schitzophrenics") in found and ("TI113", "manipulitive") in found
    bad = tmp_path / "misspellings.yml"
    bad.write_text("misspellings: {Psycho: [pyscho]}\n", encoding="utf-8")
    monkeypatch.setattr(terms, "misspellings_file", lambda: bad)
    terms.forget_spellings()
    try:
        with pytest.raises(LexiconError, match=r"misspellings\.yml"):
            terms.spelling_variants("psycho")
    finally:
        monkeypatch.undo()
        terms.forget_spellings()


def test_a_class_includes_the_words_of_another():
    loaded = classes.builtin()
    assert loaded.has("people", "prisoners") and loaded.has("person-nouns", "prisoners")
    assert loaded.has("people", "them") and not loaded.has("person-nouns", "them")


@pytest.mark.parametrize(
    "include, problem",
    [("[nothing]", "names no other class"), ("[a]", "names no other class"), ("yes", "list of class names")],
)
def test_a_bad_include_names_the_file_and_the_problem(tmp_path, include, problem):
    path = tmp_path / "a.yml"
    path.write_text(f"class: a\nwords: [x]\ninclude: {include}\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        classes.load_classes([path])
    assert "a.yml" in str(info.value) and problem in str(info.value)


def test_included_classes_do_not_chain(tmp_path):
    for name, body in (("a", "include: [b]"), ("b", "include: [c]"), ("c", "")):
        (tmp_path / f"{name}.yml").write_text(f"class: {name}\nwords: [{name}w]\n{body}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="includes others itself"):
        classes.load_classes(sorted(tmp_path.glob("*.yml")))
