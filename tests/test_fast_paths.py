"""Shortcuts taken for speed give what the plain ways gave: URLs found from their marks,
the line of a one-line Doc without a walk, word classes from an index."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from tilint import classes as word_classes
from tilint import context
from tilint.api import Linter, _normalised
from tilint.formats.document import _URL, url_spans
from tilint.segment import segments

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "corpus.jsonl"

URL_PIECES = st.sampled_from(
    ["http", "https", "ftp", "hhttps", "://", ":/", "www.", "www", "w", ".", "a", "x1", " ", "\n", "\t", "<", ">",
     '"', "'", ")", "]", "(", "_", "é", "1", "/", "?q=1"]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(URL_PIECES, max_size=16).map("".join))
def test_url_spans_are_the_regex_matches(text: str) -> None:
    assert url_spans(text) == [m.span() for m in _URL.finditer(text)]


def test_url_spans_in_prose() -> None:
    text = "See https://example.org/a?b=(c) and www.nhs.uk, ftp://x, xhttp://no, http://, and (https://y.org)."
    assert url_spans(text) == [m.span() for m in _URL.finditer(text)]
    assert len(url_spans(text)) == 5


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def _walked_line(doc: Doc, start: int) -> str:
    """_line_of as it was: a walk over the tokens either side, bounded."""
    lo = start
    while lo > 0 and "\n" not in doc[lo - 1].text_with_ws:
        lo -= 1
        if start - lo > context._LINE_TOKENS:
            return ""
    hi = start
    while hi < len(doc) - 1 and "\n" not in doc[hi].text_with_ws:
        hi += 1
        if hi - start > context._LINE_TOKENS:
            return ""
    return "".join(t.text_with_ws for t in doc[lo : hi + 1]).split("\n", 1)[0]


def _corpus() -> list[str]:
    return [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_line_of_a_token_is_what_the_walk_gave(linter: Linter) -> None:
    texts = _corpus()
    rng = random.Random(15)
    long_line = " ".join(rng.choice(texts).replace("\n", " ") for _ in range(30))  # well over 2 x 150 tokens
    samples = [*texts[::5], long_line, "\n".join(texts[:6]), "Smith J. (2019) Addicts. BMJ 3:1\nnext line"]
    checked = 0
    for text in samples:
        for remembered in (True, False):
            doc = linter.nlp.tokenizer(text)
            if remembered:
                context.remember_text(doc, text)
            for i in range(len(doc)):
                assert context._line_of(doc, i) == _walked_line(doc, i), (text[:40], i)
                checked += 1
    assert checked > 5000
    # both bounds of the one-line case are reached
    doc = linter.nlp.tokenizer(long_line)
    assert len(doc) > 2 * context._LINE_TOKENS + 2
    assert context._line_of(doc, 0) == "" and context._line_of(doc, len(doc) // 2) == ""


def test_segments_are_one_line(linter: Linter) -> None:
    """What the fast path of _line_of rests on for the linter: no segment holds a line break."""
    text = "\n".join(_corpus()[:200]) + "\r\nA line\rthen another\n\n- item\n  wrapped"
    assert all("\n" not in s and "\r" not in s for _, s in segments(_normalised(text)))


def _classes_walked(wc: word_classes.WordClasses, doc: Doc, i: int) -> list[str]:
    out: list[str] = []
    lowers = [doc[j].lower_ for j in range(max(0, i - word_classes.MAX_PHRASE_WORDS + 1), i + 1)]
    for c in wc.classes.values():
        if lowers[-1] in c.words or any(tuple(lowers[-n:]) in c.phrases for n in range(2, len(lowers) + 1)):
            out.append(c.name)
    return out


def test_word_classes_of_a_token_from_the_index(linter: Linter) -> None:
    wc = word_classes.builtin()
    entries = sorted({w for c in wc.classes.values() for w in c.words} | {" ".join(p) for c in wc.classes.values() for p in c.phrases})
    rng = random.Random(7)
    texts = [*_corpus()[::4], *(" ".join(rng.choice(entries) for _ in range(6)) for _ in range(1500))]
    found = 0
    for text in texts:
        doc = linter.nlp.tokenizer(text)
        for i in range(len(doc)):
            expected = _classes_walked(wc, doc, i)
            assert wc.of_token(doc, i) == expected, (text, i)
            found += bool(expected)
    assert found > 1000


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["a", "bc", "x" * 30, " ", "\t", "\u00a0", "\n", "-", "é"]), max_size=40).map("".join))
def test_a_text_found_spaced_has_no_long_run(text: str) -> None:
    from tilint.api import _LONG_RUN, _spaced

    if _spaced(text):
        assert _LONG_RUN.search(text) is None


def test_prose_is_found_spaced() -> None:
    from tilint.api import LONG_RUN, _spaced

    assert _spaced("She described her week at the clinic. " * 40)
    assert not _spaced("word " * 5 + "x" * (LONG_RUN + 1))
    assert _spaced("x" * LONG_RUN + " " + "y" * LONG_RUN)


def test_lower_case_texts_from_the_arrays_are_those_of_the_tokens(linter: Linter) -> None:
    """tilint.docarrays.lowers maps hashes through one map for every pipeline: it gives
    Token.lower_ for every token, in a fresh Doc and again from its cache, even after the
    map was cleared for being full."""
    from tilint import docarrays

    texts = [*_corpus()[::3], "İstanbul ΣΊΣΥΦΟΣ Straße ǅemal", ""]
    for text in texts:
        doc = linter.nlp.tokenizer(text)
        assert docarrays.lowers(doc) == [t.lower_ for t in doc]
        assert docarrays.lowers(doc) is docarrays.lowers(doc)
    docarrays._TEXTS.clear()
    doc = linter.nlp.tokenizer(texts[0])
    assert docarrays.lowers(doc) == [t.lower_ for t in doc]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(["a", "word", ".", "!", "?", '"', ")", "Then", "e.g.", "...", "\n", "-"]), min_size=1, max_size=30),
    data=st.data(),
)
def test_the_sentence_of_a_token_or_a_match_is_spacys(linter: Linter, words: list[str], data: st.DataObject) -> None:
    """The component finds each sentence once (component._Sentences): what Token.sent and
    Span.sent give, for matches inside a sentence and across a sentence start (the
    sentence of the first token, in spaCy)."""
    from tilint.component import _Sentences, _set_sentence_starts

    doc = linter.nlp.tokenizer(" ".join(words))
    if not len(doc):
        return
    _set_sentence_starts(doc)
    sents = _Sentences(doc)
    start = data.draw(st.integers(0, len(doc) - 1))
    end = data.draw(st.integers(start + 1, min(len(doc), start + 4)))
    token, span = doc[start].sent, doc[start:end].sent
    assert (sents.of_token(start).start, sents.of_token(start).end) == (token.start, token.end)
    assert (sents.of_token(start).start, sents.of_token(start).end) == (span.start, span.end)
    assert sents.of_token(start) is sents.of_token(start)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["a", "\n", "\r", "\r\n", "\n\n", " ", "é", "\u2028", "\ud800"]), max_size=30).map("".join))
def test_compact_line_starts_are_the_line_starts(text: str) -> None:
    from tilint.positions import compact_line_starts, line_starts

    assert list(compact_line_starts(text)) == line_starts(text)


def _segments_by_regex(text: str, blanks: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """segments() as it was for every text: a regular expression per line."""
    from tilint import segment

    view = segment._Blanked(text, blanks).slice
    out: list[tuple[int, str]] = []
    start: int | None = None
    end = 0
    for m in segment._LINE.finditer(text):
        if not m.group():
            break
        line_start = m.start()
        line = view(line_start, m.end()) if blanks else m.group()
        if not line.strip():
            if start is not None:
                out += segment._bounded(view, start, end)
                start = None
        else:
            if start is not None and segment._STARTS_ITEM.match(line):
                out += segment._bounded(view, start, end)
                start = None
            if start is None:
                start = line_start
            end = line_start + len(line.rstrip("\r\n"))
        if m.end() >= len(text):
            break
    if start is not None:
        out += segment._bounded(view, start, end)
    return out


SEGMENT_PIECES = st.sampled_from(
    ["a", "Word", " ", "\t", "\u00a0", "\n", "\n\n", "  \n", "- ", "* ", "1. ", "b) ", "# ", "| x |", "Plan:", "Plan: ",
     "Risk:", ":", "\u2028", "\u2011", ".", "é", "x" * 30]
)


@settings(max_examples=1500, deadline=None)
@given(text=st.lists(SEGMENT_PIECES, max_size=40).map("".join), data=st.data())
def test_segments_of_line_feed_text_are_those_of_the_regex(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
    blanks = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    assert list(segments(text, blanks)) == _segments_by_regex(text, blanks)


def test_segments_of_long_line_feed_text_are_those_of_the_regex() -> None:
    text = "\n".join(_corpus()[:300]) + "\n\n- item\n  wrapped\nPlan: go\n" + "word " * 5000
    assert "\r" not in text
    assert list(segments(text)) == _segments_by_regex(text, [])
    assert list(segments(text, [(10, 400), (5000, 5003)])) == _segments_by_regex(text, [(10, 400), (5000, 5003)])
