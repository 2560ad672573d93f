"""Compile the lexicon into what the spaCy component matches with.

Compilation expands every term into its surface forms and fills every suggestion
template for each inflection tag. It needs lemminflect, which takes about a second to
load, so the result is cached on disk keyed by the lexicon's content.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tilint.compiled import VERB_ONLY
from tilint.compiled import CompiledGroup as CompiledGroup  # re-exported: they lived here
from tilint.compiled import CompiledLexicon as CompiledLexicon
from tilint.compiled import SuggestionTemplate as SuggestionTemplate
from tilint.compiled import WindowSpec as WindowSpec
from tilint.datafiles import cache_dir as _cache_dir
from tilint.datafiles import mark_used as _mark_used
from tilint.datafiles import write_cache_atomically as _write_atomically
from tilint.findings import SuggestionKind
from tilint.lexicon import (
    Lexicon,
    MatchGroup,
    Rule,
    SuggestionSpec,
    load_lexicon,
)
from tilint.sources import COMPILER_VERSION as COMPILER_VERSION
from tilint.sources import cache_key, cache_path, fillers_file, source_files
from tilint.suggest import fill, has_slots
from tilint.terms import expand, forget_spellings, plain_phrases

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer


def load_compiled(
    extra_files: Sequence[str | Path] = (), *, builtin: bool = True, tokenizer: Tokenizer | None = None
) -> tuple[Lexicon, CompiledLexicon]:
    """Validate and compile the lexicon, or take both from the on-disk cache.

    The cache is keyed by the bytes of every lexicon file, so an edited file is always
    validated again, and by the tokenizer's rules when phrases are indexed with it. The
    compiled lexicon without the index (what `tilint rules` needs) is cached too, so
    neither order of `tilint rules` and `tilint check` compiles twice.
    """
    files = source_files(extra_files, builtin=builtin)
    folder = _cache_dir()
    plain_path = cache_path(folder, "lexicon", cache_key(files))
    indexed_path = (  # with the fillers, the prefilter's step 4
        cache_path(folder, "lexicon", cache_key([*files, fillers_file()], _tokenizer_fingerprint(tokenizer)))
        if tokenizer
        else None
    )
    cached = _read_cache(indexed_path if tokenizer is not None else plain_path)
    if cached is not None:
        return cached
    from tilint import classes as word_classes

    plain = _read_cache(plain_path) if tokenizer is not None else None
    if plain is None:
        # The key was made from the class files as they are now; a long-running process may
        # hold classes (or spellings) loaded before an edit, and the cache must not store those under it.
        word_classes.builtin.cache_clear()
        forget_spellings()
        lexicon = load_lexicon(extra_files, builtin=builtin)
        plain = lexicon, compile_lexicon(lexicon)
        _write_cache(plain_path, plain)
    if tokenizer is None:
        return plain
    from tilint.phrases import build_tables
    from tilint.prefilter import build_prefilter

    lexicon, compiled = plain
    compiled = replace(compiled, tables=build_tables(compiled, tokenizer))
    fillers = word_classes.builtin().words("phrase-fillers")
    prefilter = build_prefilter(compiled, tokenizer, fillers)
    # The surface forms went into the phrase tables and the prefilter; kept per group they
    # were 6 MB of every process's memory that nothing reads once those are built.
    groups = tuple(replace(group, forms=()) for group in compiled.groups)
    indexed = lexicon, replace(compiled, groups=groups, prefilter=prefilter)
    _write_cache(indexed_path, indexed)
    return indexed


def _read_cache(path: Path | None) -> tuple[Lexicon, CompiledLexicon] | None:
    if path is None or not path.exists():
        return None
    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)
    except Exception:  # a corrupt or stale cache file is just rebuilt
        return None
    if (
        isinstance(cached, tuple)
        and len(cached) == 2
        and isinstance(cached[0], Lexicon)
        and isinstance(cached[1], CompiledLexicon)
    ):
        _mark_used(path)
        return cached
    return None


def _write_cache(path: Path | None, value: tuple[Lexicon, CompiledLexicon]) -> None:
    if path is not None:
        _write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _tokenizer_fingerprint(tokenizer: Tokenizer) -> str:
    """What decides how a phrase is split: spaCy's version and the tokenizer's rules."""
    from spacy.about import __version__ as spacy_version

    parts = [spacy_version, type(tokenizer).__qualname__, str(tokenizer.vocab.lang)]
    for attr in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
        fn = getattr(tokenizer, attr, None)
        parts.append(str(getattr(getattr(fn, "__self__", None), "pattern", fn is not None)))
    rules = tokenizer.rules or {}
    parts.append(hashlib.sha256(repr(sorted(rules.items())).encode()).hexdigest())
    return "\0".join(parts)


def compile_lexicon(lexicon: Lexicon) -> CompiledLexicon:
    return _compile(lexicon)


def _compile(lexicon: Lexicon) -> CompiledLexicon:
    groups: list[CompiledGroup] = []
    exceptions: list[tuple[int, tuple[str, ...]]] = []
    for r, rule in enumerate(lexicon.active):
        for g, group in enumerate(rule.match):
            groups.append(_compile_group(r, g, rule, group))
        if rule.exceptions:
            exceptions.append((r, tuple(sorted(plain_phrases(rule.exceptions)))))
    return CompiledLexicon(tuple(groups), tuple(exceptions), lexicon.names)


def _compile_group(r: int, g: int, rule: Rule, group: MatchGroup) -> CompiledGroup:
    forms: dict[str, set[str]] = {}
    for term in group.terms:
        for form in expand(term, group.inflect):
            text = form.text if group.case_sensitive else form.text.lower()
            forms.setdefault(text, set()).update(form.tags)
    all_tags: list[str | None] = [*sorted({t for tags in forms.values() for t in tags})] or [None]
    # (not labels: a slur such as "retard" reads as a verb to lemminflect)
    if group.inflect is None and rule.category != "stigmatising":
        for text, tags in forms.items():
            if not tags and _only_a_verb(text):
                tags.add(VERB_ONLY)  # "allow" listed by hand is read as a verb, like inflected forms
    specs = group.suggestions if group.suggestions is not None else rule.suggestions
    templates = tuple(_template(spec, all_tags) for spec in specs)
    return CompiledGroup(
        rule_index=r,
        group_index=g,
        case_sensitive=group.case_sensitive,
        # One object per distinct tag set: pickle then stores each once (loading 18,000
        # frozensets took a tenth of a second at every start-up).
        forms=tuple((text, _interned(frozenset(tags))) for text, tags in sorted(forms.items())),
        suggestions=templates,
        requires_before=_window(group.requires_before),
        requires_after=_window(group.requires_after),
        unless_before=_window(group.unless_before),
        unless_after=_window(group.unless_after),
        requires_near=_window(group.requires_near),
    )


_TAG_SETS: dict[frozenset[str], frozenset[str]] = {}


def _only_a_verb(text: str) -> bool:
    """Is a term listed without `inflect` a single word that English uses only as a verb
    ("allow", "refuses", not "claims" or "permit")? Its match is then read as a verb. Not
    an "-ing" or "-ed" form, which is as often an adjective ("can be challenging",
    "entitled", "unhinged")."""
    if not text.isalpha() or text.endswith(("ing", "ed")):
        return False
    from lemminflect import getAllLemmas

    return set(getAllLemmas(text)) == {"VERB"}


def _interned(tags: frozenset[str]) -> frozenset[str]:
    return _TAG_SETS.setdefault(tags, tags)


def _template(spec: SuggestionSpec, tags: list[str | None]) -> SuggestionTemplate:
    if spec.rephrase is not None:
        return SuggestionTemplate(((None, spec.rephrase),), False, SuggestionKind.REPHRASE)
    assert spec.text is not None
    if not has_slots(spec.text):
        safe = spec.safe and spec.safe_forms is None  # forms mean nothing without a slot
        return SuggestionTemplate(((None, spec.text),), safe, SuggestionKind.REPLACE)
    safe_tags = frozenset(spec.safe_forms) if spec.safe_forms is not None else None
    return SuggestionTemplate(
        tuple((tag, fill(spec.text, tag)) for tag in tags), spec.safe, SuggestionKind.REPLACE, safe_tags
    )


def _window(window: object) -> WindowSpec | None:
    if window is None:
        return None
    from tilint.lexicon import Window

    assert isinstance(window, Window)
    phrases = plain_phrases(window.words)
    singles = frozenset(p for p in phrases if " " not in p and "-" not in p)
    multi = tuple(sorted(tuple(_words(p)) for p in phrases if " " in p or "-" in p))
    return WindowSpec(singles, multi, window.window)


def _words(phrase: str) -> list[str]:
    # Windows skip punctuation, so a hyphenated word is the words either side of it.
    return phrase.replace("-", " ").split()
