"""Make suggestions fit where they stand: inflection and capitalisation carried over.

Suggestion templates may hold slots:
  `{decline}`        the word inflected like the matched word ("refused" -> "declined");
  `{person|people}`  the first choice for a singular match, the second for a plural one.
Slots are filled once per inflection tag when the lexicon is compiled, so linting itself
never calls the inflection library.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_SLOT = re.compile(r"\{([^{}]+)\}")

_PLURAL_TAGS = frozenset({"NNS"})
# Auxiliaries after which a past form is a participle: "has refused" -> "has declined",
# "was managed" -> "was supported".
_PARTICIPLE_AUX = frozenset(
    "has have had having 's 've 'd be been being is are was were am 're get got gets getting".split()
)


_BASE_FORM_BEFORE = frozenset(
    "to will would can could may might must shall should do does did n't not never 'll".split()
)


def has_slots(template: str) -> bool:
    return bool(_SLOT.search(template))


@lru_cache(maxsize=8192)
def inflect_word(word: str, tag: str) -> str:
    from lemminflect import getInflection

    if tag in ("VB", "VBP", "NN", "JJ"):
        return word
    forms = getInflection(word, tag=tag)
    return forms[0] if forms else word


def fill(template: str, tag: str | None) -> str:
    """Fill a template's slots for one inflection tag."""

    def replace(m: re.Match[str]) -> str:
        body = m.group(1)
        if "|" in body:
            singular, _, plural = body.partition("|")
            return plural if tag in _PLURAL_TAGS else singular
        if tag is None:
            return body
        # Multi-word slots inflect their first word: "{take} part" -> "took part".
        first, _, rest = body.partition(" ")
        inflected = inflect_word(first, tag)
        return f"{inflected} {rest}" if rest else inflected

    return _SLOT.sub(replace, template)


def pick_tag(tags: frozenset[str], previous_words: Sequence[str]) -> str | None:
    """Choose the tag a matched form stands for here, from the words before it."""
    if not tags:
        return None
    if len(tags) == 1:
        return next(iter(tags))
    previous_word = next(
        (w.lower() for w in reversed(previous_words[-3:]) if not w.lower().endswith("ly")), ""
    )
    if "VB" in tags and previous_word in _BASE_FORM_BEFORE:
        return "VB"  # "may put", "to refuse", "did not refuse"
    if "VBN" in tags and "VBD" in tags:
        # Skip adverbs: "has repeatedly refused" is still a participle.
        for word in reversed(previous_words[-3:]):
            lower = word.lower()
            if lower.endswith("ly") or lower in ("not", "n't", "never", "also", "then"):
                continue
            return "VBN" if lower in _PARTICIPLE_AUX else "VBD"
        return "VBD"
    for preferred in ("VB", "NN", "JJ", "VBD", "VBZ", "VBG", "NNS", "VBP", "VBN"):
        if preferred in tags:
            return preferred
    return sorted(tags)[0]


# Short words a Title Case heading may leave in lower case.
_TITLE_SMALL_WORDS = frozenset("a an the and or nor but of to in on at by for with from as".split())


def match_case(suggestion: str, matched: str, *, sentence_start: bool, title: bool = False) -> str:
    """Carry the matched text's capitalisation into the suggestion; in a Title Case heading
    (`title`), every word but the short ones ("Working With People with Schizophrenia")."""
    if not suggestion:
        return suggestion
    letters = [c for c in matched if c.isalpha()]
    one_word = len(matched.split()) == 1
    if len(letters) > 1 and all(c.isupper() for c in letters) and not (one_word and _looks_like_acronym(matched)):
        return suggestion.upper()  # "DRUG ADDICTS" is a heading, not an acronym
    if title and any(w[:1].isupper() for w in matched.split()):
        words = suggestion.split(" ")
        return " ".join(
            "-".join(p[:1].upper() + p[1:] for p in w.split("-")) if i == 0 or w.lower() not in _TITLE_SMALL_WORDS else w
            for i, w in enumerate(words)
        )
    if (matched[:1].isupper() and not _looks_like_acronym(matched)) or sentence_start:
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _looks_like_acronym(text: str) -> bool:
    word = text.split()[0] if text.split() else text
    # An acronym with a suffix is still one: "DNA'd", "DNAed" -> "missed", not "Missed".
    for suffix in ("'d", "\u2019d", "'ed", "\u2019ed", "ed", "d", "'s", "s"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 1 and stem.isalpha() and stem.isupper():
            return True
    letters = [c for c in word if c.isalpha()]
    return 1 < len(letters) <= 5 and all(c.isupper() for c in letters)


# Words spelt with a vowel that open with a consonant sound, and the other way round.
_CONSONANT_SOUND = ("uni", "use", "usu", "uti", "eu", "one", "once", "ewe", "ure")
_VOWEL_SOUND = ("hour", "honest", "honour", "honor", "heir")


def indefinite_article(phrase: str) -> str:
    """'a' or 'an' for the phrase's first word, by its sound ('an hour', 'a unit', 'an MRI')."""
    word = phrase.split()[0] if phrase.split() else ""
    low = word.lower().lstrip("\"'‘“(")
    if not low:
        return "a"
    if _looks_like_acronym(word) and word.isupper():
        return "an" if low[0] in "aefhilmnorsx" else "a"
    if low.startswith(_VOWEL_SOUND):
        return "an"
    if low.startswith(_CONSONANT_SOUND):
        return "a"
    return "an" if low[0] in "aeiou" else "a"
