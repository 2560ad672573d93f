"""Expand a lexicon term into every surface form it should match.

Term syntax (documented in docs/writing-rules.md):
  * words are separated by spaces; `(a|b|)` is a choice, an empty choice makes it optional;
  * `~word` marks the word that is inflected by the group's `inflect` part of speech;
  * `@class` stands for any word or phrase of a word class in lexicons/classes/ ("of
    the @people" -> "of the patients", "of the prisoners", ...): a rule names a kind of
    word once, and every rule gains when the class grows;
  * hyphenated words also match spaced and joined ("non-compliant", "non compliant",
    "noncompliant"), short spaced phrases also match hyphenated, and British and American
    spellings match each other.

Expansion happens once when the lexicon is compiled, so matching needs no lemmatizer.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from tilint.sources import misspellings_file
from tilint.sources import spellings_file as spellings_file  # re-exported: it lived here

# Penn tags each part of speech is inflected to; the tag is kept so a suggestion can be
# put in the same form as the word it replaces ("refused" -> "declined").
INFLECTION_TAGS: dict[str, tuple[str, ...]] = {
    "verb": ("VB", "VBD", "VBN", "VBG", "VBZ", "VBP"),
    "noun": ("NN", "NNS"),
    "adj": ("JJ",),
}

_CHOICE = re.compile(r"\(([^()]*)\)")
_CLASS_REF = re.compile(r"(?<![\w@])@([a-z][a-z0-9]*(?:-[a-z0-9]+)*)")
MAX_FORMS_PER_TERM = 512  # a bound on what one term may expand to (hostile lexicons)


class TermSyntaxError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form of a term, and the inflection tags it realises (empty if none)."""

    text: str
    tags: frozenset[str]


def _split_choices(term: str) -> list[list[str]]:
    """'(a|an|) ~refuse (care|help)' -> [['a', 'an', ''], ['~refuse'], ['care', 'help']]."""
    parts: list[list[str]] = []
    pos = 0
    for m in _CHOICE.finditer(term):
        before = term[pos : m.start()]
        if "(" in before or ")" in before or "|" in before:
            raise TermSyntaxError(f"unbalanced '(' or '|' in {term!r}")
        parts.append([before])
        parts.append([alt.strip() for alt in m.group(1).split("|")])
        pos = m.end()
    rest = term[pos:]
    if "(" in rest or ")" in rest or "|" in rest:
        raise TermSyntaxError(f"unbalanced '(' or '|' in {term!r}")
    parts.append([rest])
    return parts


def _class_choice(match: re.Match[str]) -> str:
    from tilint import classes as word_classes

    name = match.group(1)
    wc = word_classes.builtin().classes.get(name)
    if wc is None:
        raise TermSyntaxError(f"'@{name}' names no word class (see lexicons/classes/)")
    words = sorted(wc.words) + sorted(" ".join(p) for p in wc.phrases)
    if any(any(c in w for c in "()|~@") for w in words):
        raise TermSyntaxError(f"word class {name!r} holds a word with term syntax in it")
    return "(" + "|".join(words) + ")"


def with_classes(term: str) -> str:
    """The term with each `@class` written out as a choice of the class's words."""
    return _CLASS_REF.sub(_class_choice, term) if "@" in term else term


def choices(term: str) -> list[str]:
    """All word sequences a term stands for, `~` markers kept."""
    out: list[str] = []
    for combo in itertools.product(*_split_choices(with_classes(term))):
        # Parts keep their own spacing: "(high|low)-functioning" -> "high-functioning".
        text = " ".join("".join(combo).split())
        if text:
            out.append(text)
        if len(out) > MAX_FORMS_PER_TERM:
            raise TermSyntaxError(f"{term!r} expands to more than {MAX_FORMS_PER_TERM} phrases")
    return out


@lru_cache(maxsize=4096)
def inflections(lemma: str, pos: str) -> dict[str, frozenset[str]]:
    """Surface form -> the tags it can stand for, for one lemma and part of speech."""
    from lemminflect import getInflection

    forms: dict[str, set[str]] = {}
    for tag in INFLECTION_TAGS[pos]:
        found = getInflection(lemma, tag=tag) or ((lemma,) if tag in ("VB", "VBP", "NN", "JJ") else ())
        for form in found:
            forms.setdefault(form.lower(), set()).add(tag)
    forms.setdefault(lemma.lower(), set()).add(INFLECTION_TAGS[pos][0])
    return {form: frozenset(tags) for form, tags in forms.items()}


@lru_cache(maxsize=4096)
def any_inflections(lemma: str) -> frozenset[str]:
    """Every form of a word in any part of speech, for context word lists."""
    from lemminflect import getAllInflections

    forms = {lemma.lower()}
    for pos in ("VERB", "NOUN", "ADJ"):
        for tuple_ in getAllInflections(lemma, upos=pos).values():
            forms.update(f.lower() for f in tuple_)
    return frozenset(forms)


def expand(term: str, inflect: str | None) -> list[Form]:
    """Every surface form of `term`, lower-cased unless the caller keeps case."""
    results: dict[str, set[str]] = {}
    for sequence in choices(term):
        words = sequence.split(" ")
        marked = [i for i, w in enumerate(words) if w.startswith("~")]
        if len(marked) > 1:
            raise TermSyntaxError(f"{term!r} marks more than one word with '~'")
        if marked and inflect is None:
            raise TermSyntaxError(f"{term!r} marks a word with '~' but the group sets no 'inflect'")
        if not marked:
            if inflect is not None:
                raise TermSyntaxError(
                    f"{term!r}: the group sets 'inflect' but no word is marked with '~'"
                )
            for variant in surface_variants(words):
                results.setdefault(variant, set())
            continue
        i = marked[0]
        head = words[i][1:]
        if not head:
            raise TermSyntaxError(f"{term!r} has a '~' with no word after it")
        for head_variant in spelling_variants(head):
            for form, tags in inflections(head_variant, inflect or "verb").items():
                new_words = [*words[:i], form, *words[i + 1 :]]
                for variant in surface_variants(new_words):
                    results.setdefault(variant, set()).update(tags)
        if sum(1 for _ in results) > MAX_FORMS_PER_TERM:
            raise TermSyntaxError(f"{term!r} expands to more than {MAX_FORMS_PER_TERM} phrases")
    return [Form(text, frozenset(tags)) for text, tags in results.items()]


def plain_phrases(terms: Iterable[str]) -> set[str]:
    """Context word lists: every choice, every inflection of `~` words, every variant."""
    out: set[str] = set()
    for term in terms:
        for sequence in choices(term):
            words = sequence.split(" ")
            options = [
                sorted(any_inflections(w[1:])) if w.startswith("~") else [w] for w in words
            ]
            for combo in itertools.product(*options):
                out.update(surface_variants(list(combo)))
    return {p.lower() for p in out}


def surface_variants(words: list[str]) -> Iterator[str]:
    """Spelling, hyphen and spacing variants of a word sequence."""
    per_word = [sorted(spelling_variants(w)) for w in words]
    seen: set[str] = set()
    for combo in itertools.product(*per_word):
        for variant in _hyphen_variants(list(combo)):
            if variant not in seen:
                seen.add(variant)
                yield variant


def _hyphen_variants(words: list[str]) -> Iterator[str]:
    per_word: list[list[str]] = []
    for w in words:
        if "-" in w.strip("-") and len(w) > 2:
            pieces = w.split("-")
            per_word.append([w, " ".join(pieces), "".join(pieces)])
        else:
            per_word.append([w])
    for combo in itertools.product(*per_word):
        yield " ".join(combo)
        # Two-word phrases are also written hyphenated ("drug-seeking"), and so is an
        # adverb in -ly with its adjective inside a longer phrase ("the mentally-ill").
        if len(combo) == 2 and all(c.isalpha() and c.lower() not in _FUNCTION_WORDS for c in combo):
            yield "-".join(combo)
        if len(combo) >= 3:
            for i in range(len(combo) - 1):
                adverb, word = combo[i], combo[i + 1]
                if adverb.isalpha() and adverb.lower().endswith("ly") and len(adverb) > 4 and word.isalpha():
                    yield " ".join([*combo[:i], f"{adverb}-{word}", *combo[i + 2 :]])
        # So are "<adjective> to <verb>" phrases ("hard-to-reach", "difficult-to-manage").
        if (
            len(combo) == 3
            and combo[1].lower() == "to"
            and all(c.isalpha() and c.lower() not in _FUNCTION_WORDS for c in (combo[0], combo[2]))
        ):
            yield "-".join(combo)
    # A one-word term with a negative prefix is also written with a hyphen after it
    # ("disengaged" -> "dis-engaged", "uncooperative" -> "un-cooperative").
    if len(words) == 1:
        lower = words[0].lower()
        for prefix in _NEGATIVE_PREFIXES:
            rest = words[0][len(prefix) :]
            if lower.startswith(prefix) and len(rest) >= 5 and rest.isalpha():
                yield f"{words[0][: len(prefix)]}-{rest}"
                break


_NEGATIVE_PREFIXES = ("non", "dis", "un")

_FUNCTION_WORDS = frozenset(
    "a an the to of on in at with from for by as is are was were be been not no and or "
    "his her their my your our its who that".split()
)


def spelling_variants(word: str) -> set[str]:
    """British and American spellings of one word ('behaviour' <-> 'behavior'), and its
    common misspellings ('schizophrenic' -> 'schitzophrenic')."""
    lower = word.lower()
    out = {word}
    spelling, ise_stems = _spelling_tables()
    if lower in spelling:
        out.add(_match_case(word, spelling[lower]))
    misspelt = _misspellings()
    for correct in {lower, spelling.get(lower, lower)}:
        out.update(_match_case(word, typo) for typo in misspelt.get(correct, ()))
    for uk, us in _SUFFIX_PAIRS:
        if lower.endswith(uk) and lower[: -len(uk)] in ise_stems:
            out.add(_match_case(word, lower[: -len(uk)] + us))
        elif lower.endswith(us) and lower[: -len(us)] in ise_stems:
            out.add(_match_case(word, lower[: -len(us)] + uk))
    return out


def _match_case(original: str, new: str) -> str:
    if original.isupper() and len(original) > 1:
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


# British -ise endings and their American -ize forms (the stems that take them are data).
_SUFFIX_PAIRS = (
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("iser", "izer"),
    ("ise", "ize"),
)


def forget_spellings() -> None:
    """Read the spellings files again on next use (they were edited since this process read them)."""
    _spelling_tables.cache_clear()
    _misspellings.cache_clear()


@lru_cache(maxsize=1)
def _misspellings() -> dict[str, tuple[str, ...]]:
    from tilint.datafiles import read_yaml as _read_yaml
    from tilint.errors import LexiconError

    path = misspellings_file()
    data = _read_yaml(path)
    table = data.get("misspellings") if isinstance(data, dict) else None
    if not isinstance(table, dict) or not all(
        isinstance(word, str) and word == word.lower() and isinstance(typos, list)
        and all(isinstance(t, str) and t == t.lower() and " " not in t and t != word for t in typos)
        for word, typos in table.items()
    ):
        raise LexiconError(str(path), "'misspellings' must map a lower-case word to a list of its lower-case misspellings")
    return {word: tuple(typos) for word, typos in table.items()}


@lru_cache(maxsize=1)
def _spelling_tables() -> tuple[dict[str, str], frozenset[str]]:
    from tilint.datafiles import read_yaml as _read_yaml
    from tilint.errors import LexiconError

    path = spellings_file()
    data = _read_yaml(path)
    pairs = data.get("pairs") if isinstance(data, dict) else None
    stems = data.get("ise_stems") if isinstance(data, dict) else None
    if not isinstance(pairs, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k == k.lower() and v == v.lower() for k, v in pairs.items()
    ):
        raise LexiconError(str(path), "'pairs' must map lower-case British words to American ones")
    if not isinstance(stems, list) or not all(isinstance(s, str) and s == s.lower() for s in stems):
        raise LexiconError(str(path), "'ise_stems' must be a list of lower-case stems")
    return {**pairs, **{us: uk for uk, us in pairs.items()}}, frozenset(stems)

