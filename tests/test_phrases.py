"""The phrase index finds exactly what spaCy's PhraseMatcher finds (it replaced it to
make start-up cheap), and survives the on-disk cache."""

from __future__ import annotations

import pickle

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import PhraseMatcher

from tilint.phrases import PhraseIndex

NLP = spacy.blank("en")
WORDS = ["she", "She", "refused", "non", "-", "compliant", "the", "a", "'s", "care", "CARE", ".", "don't"]
PHRASE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in NLP.make_doc(text))


@settings(max_examples=300, deadline=None)
@given(
    phrase_sets=st.lists(st.lists(PHRASE, min_size=1, max_size=4), min_size=1, max_size=4),
    text=st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join),
    attr=st.sampled_from(["LOWER", "ORTH"]),
)
def test_the_index_matches_what_phrase_matcher_matches(phrase_sets: list[list[str]], text: str, attr: str) -> None:
    index = PhraseIndex(attr)  # type: ignore[arg-type]
    matcher = PhraseMatcher(NLP.vocab, attr=attr)
    keys = {}
    for number, phrases in enumerate(phrase_sets, start=1):
        index.add(number, [_tokens(p) for p in phrases])
        keys[NLP.vocab.strings.add(f"k{number}")] = number
        matcher.add(f"k{number}", [NLP.make_doc(p) for p in phrases])
    doc = NLP.make_doc(text)
    expected = sorted((keys[k], s, e) for k, s, e in matcher(doc))
    found = index(doc)
    assert found == sorted(found, key=lambda m: (m[1], m[2], m[0]))
    assert sorted(found) == expected
    assert pickle.loads(pickle.dumps(index))(doc) == found
    index.share_leaves()  # as the compiled lexicon stores it: the same matches
    assert index(doc) == found
    assert pickle.loads(pickle.dumps(index))(doc) == found


def test_shared_leaves_are_one_object_per_set_of_keys_and_the_index_is_then_closed() -> None:
    index = PhraseIndex("LOWER")
    index.add(1, [_tokens(p) for p in ("refused care", "refused meds", "declined care")])
    index.add(2, [_tokens("refused tablets")])
    index.share_leaves()
    refused = index._root[NLP.vocab.strings["refused"]]
    declined = index._root[NLP.vocab.strings["declined"]]
    care = NLP.vocab.strings["care"]
    assert refused[care] is refused[NLP.vocab.strings["meds"]] is declined[care]
    assert refused[NLP.vocab.strings["tablets"]] is not refused[care]
    copy = pickle.loads(pickle.dumps(index))  # the sharing survives the cache
    refused = copy._root[NLP.vocab.strings["refused"]]
    assert refused[care] is copy._root[NLP.vocab.strings["declined"]][care]
    with pytest.raises(RuntimeError):  # it would change every phrase sharing the leaf
        index.add(3, [_tokens("refused care plan")])


def test_case_and_overlaps() -> None:
    index = PhraseIndex("LOWER")
    index.add(1, [_tokens("non-compliant")])
    index.add(2, [_tokens("compliant")])
    index.add(3, [_tokens("non-compliant with")])
    doc = NLP.make_doc("He was Non-Compliant with it; compliant.")
    assert index(doc) == [(1, 2, 5), (3, 2, 6), (2, 4, 5), (2, 8, 9)]
    orth = PhraseIndex("ORTH")
    orth.add(1, [_tokens("Sectioned")])
    assert orth(NLP.make_doc("sectioned, then Sectioned")) == [(1, 3, 4)]
    assert PhraseIndex("LOWER")(doc) == [] and index(NLP.make_doc("")) == []


SENTENCE_TEXT = st.text(alphabet=list("ab Cd.!?…;:,'\"()-\n\u3002\u0964"), max_size=80)


@settings(max_examples=500, deadline=None)
@given(text=SENTENCE_TEXT)
def test_sentence_starts_equal_spacys_sentencizer(text: str) -> None:
    from spacy.pipeline import Sentencizer

    from tilint.component import _set_sentence_starts

    ours, theirs = NLP.make_doc(text), NLP.make_doc(text)
    _set_sentence_starts(ours)
    Sentencizer()(theirs)
    assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 8), st.integers(1, 4)), max_size=12))
def test_dropping_contained_matches_equals_comparing_every_pair(raw: list[tuple[int, int, int]]) -> None:
    from types import SimpleNamespace

    from tilint.component import _Candidate, _drop_contained

    candidates = [
        _Candidate(SimpleNamespace(rule_index=rule), start, start + length, frozenset())  # type: ignore[arg-type]
        for rule, start, length in raw
    ]
    every_pair = [
        c
        for c in candidates
        if not any(
            o.group.rule_index != c.group.rule_index and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start
            for o in candidates
        )
    ]
    assert _drop_contained(candidates) == every_pair
