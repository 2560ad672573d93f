"""Forms: an adverb or quantifier inside a listed phrase (lexicons/classes/phrase-fillers.yml)
still matches it, for every rule, without listing the variants."""

from __future__ import annotations

import pytest
import spacy
from spacy.strings import get_string_id

import tilint
from tilint.phrases import PhraseIndex


def spans(text: str) -> list[str]:
    return [f.text for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text, span",
    [
        ("She did not really engage with the team.", "did not really engage"),
        ("He failed to even attend.", "failed to even attend"),
        ("He lacks any insight into his illness.", "lacks any insight"),
    ],
)
def test_a_filler_inside_a_phrase_is_matched_with_it(text, span):
    assert span in spans(text)


def test_index_skips_one_filler_per_gap_and_never_a_negation():
    nlp = spacy.blank("en")
    index = PhraseIndex("LOWER")
    index.add(7, [("did", "not", "engage")])
    fillers = frozenset(get_string_id(w) for w in ("really", "fully"))

    def found(text: str) -> list[str]:
        doc = nlp(text)
        return [doc[s:e].text for _, s, e in index(doc, fillers)]

    assert found("did not really engage") == ["did not really engage"]
    assert found("did really not engage") == ["did really not engage"]
    assert found("did not really fully engage") == []  # one filler per gap
    assert found("did engage") == []  # 'not' is never optional
    assert index(nlp("did not really engage")) == []  # without fillers, the exact phrase only
