"""Word classes: the lists of words the context checks reason with, kept as data.

Each file in lexicons/classes/ names one class (people, institutions, officials, laws,
treatments, procedures, devices, anatomy, conditions, and the cue words of mention
frames), and may say for which rule categories a subject of that class is not the person
(`agent_not_person`), a noun of that class gives a modifier another sense
(`modified_not_person`), a word said of a subject of that class through a copula
describes that subject (`predicate_not_person`), or a verb's object of that class makes
the act something other than the person's care (`object_not_person`). See
lexicons/classes/README.md.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from tilint.errors import LexiconError

MAX_PHRASE_WORDS = 4
_KEYS = {
    "class",
    "description",
    "animate",
    "agent_not_person",
    "modified_not_person",
    "passive_subject_not_person",
    "object_not_person",
    "predicate_not_person",
    "include",
    "words",
}
# Categories, plus rule tags that name a narrower scope: "evidential" (doubting
# adverbs), "violence" (the policy's labels on people vs behaviour), "identity-first"
# (the rules of that tag: a label that modifies a thing, "a bipolar thing", is no label
# on a person), and the coercive tags of power over someone, which a relative as the
# agent lacks, unlike the person's own leaving or compliance ("a man absconded").
_POWER_TAGS = {
    "permission", "management", "control", "force", "escort", "observation", "detention",
    "restriction", "seclusion", "rewards", "authority", "punishment", "euphemism", "discharge",
}
_SCOPES = {
    "deficit",
    "coercive",
    "stigmatising",
    "credibility",
    "evidential",
    "violence",
    "identity-first",
    "pity-framing",
    "denial",  # a rule's tag: denying an account, not withholding what was asked for
    "difficult-patient",  # a rule's tag: the subject's own insistence ("adamant"), not doubt of another
    *_POWER_TAGS,
}


@dataclass(frozen=True, slots=True)
class WordClass:
    name: str
    words: frozenset[str]  # single lower-case words
    phrases: frozenset[tuple[str, ...]]  # multi-word entries, as lower-case word tuples
    agent_not_person: frozenset[str]
    modified_not_person: frozenset[str]
    passive_subject_not_person: frozenset[str]
    animate: bool = False
    include: tuple[str, ...] = ()  # classes whose words are this class's words too
    object_not_person: frozenset[str] = frozenset()
    predicate_not_person: frozenset[str] = frozenset()


@dataclass(frozen=True)
class WordClasses:
    classes: dict[str, WordClass]

    def __getitem__(self, name: str) -> WordClass:
        return self.classes[name]

    def words(self, name: str) -> frozenset[str]:
        """The single words of a class (an unknown class has none)."""
        wc = self.classes.get(name)
        return wc.words if wc is not None else frozenset()

    def has(self, name: str, word: str) -> bool:
        wc = self.classes.get(name)
        return wc is not None and word.lower() in wc.words

    @cached_property
    def _index(self) -> dict[str | tuple[str, ...], frozenset[int]]:
        """Word or phrase -> the positions of the classes holding it."""
        index: dict[str | tuple[str, ...], set[int]] = {}
        for position, wc in enumerate(self.classes.values()):
            for word in wc.words:
                index.setdefault(word, set()).add(position)
            for phrase in wc.phrases:
                index.setdefault(tuple(phrase), set()).add(position)
        return {entry: frozenset(positions) for entry, positions in index.items()}

    def of_token(self, doc: Doc, i: int) -> list[str]:
        """The classes of the word or phrase ending at token i ('social workers' ends at
        'workers'), in the order of the classes (looked up in an index: this was a tenth
        of linting a care note)."""
        index = self._index
        from tilint.docarrays import lowers as doc_lowers

        low = doc_lowers(doc)
        if not 0 <= i < len(low):
            raise IndexError(i)  # as before, when each token was doc[j]
        lowers = low[max(0, i - MAX_PHRASE_WORDS + 1) : i + 1]
        found = set(index.get(lowers[-1], ()))
        for n in range(2, len(lowers) + 1):
            found.update(index.get(tuple(lowers[-n:]), ()))
        if not found:
            return []
        names = self._names
        return [names[position] for position in sorted(found)]

    @cached_property
    def _names(self) -> tuple[str, ...]:
        return tuple(wc.name for wc in self.classes.values())

    def starting_at(self, doc: Doc, i: int, stop: int) -> tuple[list[str], int]:
        """The classes of the longest entry starting at token i (before `stop`), and its
        end; ([], i) when none starts there."""
        best: tuple[list[str], int] = ([], i)
        for n in range(min(MAX_PHRASE_WORDS, stop - i), 0, -1):
            words = tuple(doc[j].lower_ for j in range(i, i + n))
            found = [
                wc.name
                for wc in self.classes.values()
                if (n == 1 and words[0] in wc.words) or (n > 1 and words in wc.phrases)
            ]
            if found:
                return found, i + n
        return best


def builtin_classes_dir() -> Path:
    from tilint.policy import data_dir

    return data_dir() / "classes"


def class_files(folder: Path | None = None) -> list[Path]:
    folder = folder if folder is not None else builtin_classes_dir()
    return sorted(folder.glob("*.yml"))


@lru_cache(maxsize=1)
def builtin() -> WordClasses:
    """The shipped word classes, loaded once per process; parsed YAML is cached on disk
    beside the compiled lexicon, keyed by the files' bytes (start-up needs no YAML)."""
    files = class_files()
    path = _cache_path(files)
    if path is not None and path.exists():
        try:
            with path.open("rb") as fh:
                cached = pickle.load(fh)
            if isinstance(cached, WordClasses):
                from tilint.datafiles import mark_used

                mark_used(path)
                return cached
        except Exception:  # a corrupt or stale cache file is just rebuilt
            pass
    loaded = load_classes(files)
    if path is not None:
        from tilint.datafiles import write_cache_atomically as _write_atomically

        _write_atomically(path, pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
    return loaded


def _cache_path(files: Sequence[Path]) -> Path | None:
    from tilint.datafiles import cache_dir as _cache_dir

    folder = _cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(b"tilint-classes/5")
    for path in files:
        try:
            digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            return None
    return folder / f"classes-{digest.hexdigest()[:24]}.pickle"


def load_classes(files: Sequence[Path]) -> WordClasses:
    from tilint.datafiles import read_yaml as _read_yaml

    classes: dict[str, WordClass] = {}
    where: dict[str, str] = {}
    for path in files:
        wc = parse_class(_read_yaml(path), str(path))
        if wc.name in classes:
            raise LexiconError(str(path), f"class {wc.name!r} is defined twice", "merge the two files")
        classes[wc.name] = wc
        where[wc.name] = str(path)
    return WordClasses({name: _included(classes, name, where) for name in classes})


def _included(classes: dict[str, WordClass], name: str, where: dict[str, str]) -> WordClass:
    """The class with the words of the classes it includes (one level: an included class
    may not include another, so there are no chains or cycles to follow)."""
    wc = classes[name]
    if not wc.include:
        return wc
    words, phrases = set(wc.words), set(wc.phrases)
    for other in wc.include:
        inc = classes.get(other)
        if inc is None or other == name:
            raise LexiconError(where[name], f"class {name}: 'include' names no other class: {other!r}")
        if inc.include:
            raise LexiconError(where[name], f"class {name}: included class {other!r} includes others itself")
        words |= inc.words
        phrases |= inc.phrases
    return dataclasses.replace(wc, words=frozenset(words), phrases=frozenset(phrases))


def parse_class(data: Any, where: str) -> WordClass:
    """Validate one class file's content; every problem is one actionable line."""
    if not isinstance(data, dict):
        raise LexiconError(where, "expected a mapping with 'class' and 'words'")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise LexiconError(where, f"unknown key {unknown[0]!r}", f"use only {', '.join(sorted(_KEYS))}")
    name = data.get("class")
    if not isinstance(name, str) or not name or not all(p.isalnum() for p in name.split("-")) or name != name.lower():
        raise LexiconError(where, "'class' must be a lower-case kebab-case name", "e.g. class: body-parts")
    words = data.get("words")
    if not isinstance(words, list) or not words:
        raise LexiconError(where, f"class {name}: 'words' must be a non-empty list")
    singles: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    for word in words:
        if not isinstance(word, str) or not word.strip():
            raise LexiconError(where, f"class {name}: every word must be a non-empty string, not {word!r}")
        parts = tuple(word.lower().split())
        if word != word.lower():
            raise LexiconError(where, f"class {name}: {word!r} must be lower case", "matching ignores case")
        if len(parts) > MAX_PHRASE_WORDS:
            raise LexiconError(where, f"class {name}: {word!r} has more than {MAX_PHRASE_WORDS} words")
        if parts in phrases or (len(parts) == 1 and parts[0] in singles):
            raise LexiconError(where, f"class {name}: {word!r} is listed twice", "remove one")
        if len(parts) == 1:
            singles.add(parts[0])
            # the tokenizer splits a hyphenated word ("co-worker" -> co, -, worker), so the
            # index also holds it as the tokens it becomes
            pieces = tuple(piece for piece in re.split(r"(-)", parts[0]) if piece)
            if len(pieces) > 1 and len(pieces) <= MAX_PHRASE_WORDS:
                phrases.add(pieces)
        else:
            phrases.add(parts)
    return WordClass(
        name,
        frozenset(singles),
        frozenset(phrases),
        _scopes(data.get("agent_not_person", []), where, name, "agent_not_person"),
        _scopes(data.get("modified_not_person", []), where, name, "modified_not_person"),
        _scopes(data.get("passive_subject_not_person", []), where, name, "passive_subject_not_person"),
        _flag(data.get("animate", False), where, name),
        _include(data.get("include", []), where, name),
        _scopes(data.get("object_not_person", []), where, name, "object_not_person"),
        _scopes(data.get("predicate_not_person", []), where, name, "predicate_not_person"),
    )


def _include(value: Any, where: str, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(where, f"class {name}: 'include' must be a list of class names")
    return tuple(value)


def _flag(value: Any, where: str, name: str) -> bool:
    if not isinstance(value, bool):
        raise LexiconError(where, f"class {name}: 'animate' must be true or false")
    return value


def _scopes(value: Any, where: str, name: str, key: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(where, f"class {name}: {key!r} must be a list of categories")
    bad = [v for v in value if v not in _SCOPES]
    if bad:
        raise LexiconError(where, f"class {name}: {key!r} has {bad[0]!r}", f"use {', '.join(sorted(_SCOPES))}")
    return frozenset(value)
