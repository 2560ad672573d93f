"""Tests for bench/accuracy.py (the scoring) and for the corpus file it reads."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "corpus.jsonl"
from tilint.policy import CATEGORIES as POLICY_CATEGORIES  # noqa: E402

CATEGORIES = set(POLICY_CATEGORIES)
GENRES = {"note", "policy", "training", "news", "research", "other"}


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


acc = _load("tilint_bench_accuracy", ROOT / "bench" / "accuracy.py")
build = _load("tilint_corpus_build", ROOT / "tests" / "corpus" / "build.py")
Span = acc.Span


# --- scoring ---------------------------------------------------------------------------


def test_overlap_counts_as_true_positive():
    m = acc.match_spans([Span(0, 5, "deficit")], [Span(3, 10, "deficit")])
    assert len(m.true_positives) == 1 and not m.false_positives and not m.false_negatives


def test_touching_spans_do_not_overlap():
    m = acc.match_spans([Span(0, 5, "deficit")], [Span(5, 10, "deficit")])
    assert len(m.false_positives) == 1 and len(m.false_negatives) == 1


def test_category_must_match():
    m = acc.match_spans([Span(0, 5, "coercive")], [Span(0, 5, "deficit")])
    assert not m.true_positives
    assert [s.category for s in m.false_positives] == ["coercive"]
    assert [s.category for s in m.false_negatives] == ["deficit"]


def test_gold_span_matched_at_most_once():
    gold = [Span(0, 20, "stigmatising")]
    pred = [Span(0, 5, "stigmatising"), Span(10, 15, "stigmatising")]
    m = acc.match_spans(pred, gold)
    assert len(m.true_positives) == 1 and len(m.false_positives) == 1 and not m.false_negatives


def test_matching_is_maximal_not_greedy():
    # The first prediction overlaps both gold spans; a greedy match could take the second
    # gold span and leave the second prediction unmatched.
    gold = [Span(0, 4, "deficit"), Span(6, 10, "deficit")]
    pred = [Span(2, 8, "deficit"), Span(7, 9, "deficit")]
    m = acc.match_spans(pred, gold)
    assert len(m.true_positives) == 2 and not m.false_positives and not m.false_negatives


def test_per_category_and_micro_counts():
    pairs = [
        ([Span(0, 3, "deficit"), Span(10, 12, "coercive")], [Span(0, 3, "deficit")]),
        ([], [Span(4, 9, "credibility")]),
        ([Span(1, 2, "stigmatising")], [Span(1, 2, "stigmatising"), Span(5, 6, "stigmatising")]),
    ]
    counts = acc.score(pairs)
    assert (counts["deficit"].tp, counts["deficit"].fp, counts["deficit"].fn) == (1, 0, 0)
    assert (counts["coercive"].tp, counts["coercive"].fp, counts["coercive"].fn) == (0, 1, 0)
    assert (counts["credibility"].tp, counts["credibility"].fp, counts["credibility"].fn) == (0, 0, 1)
    assert (counts["stigmatising"].tp, counts["stigmatising"].fp, counts["stigmatising"].fn) == (1, 0, 1)
    overall = counts["all"]
    assert (overall.tp, overall.fp, overall.fn) == (2, 1, 2)
    assert overall.precision == pytest.approx(2 / 3)
    assert overall.recall == pytest.approx(0.5)
    assert overall.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_unknown_predicted_category_is_counted_not_dropped():
    counts = acc.score([([Span(0, 1, "jargon")], [])])
    assert counts["jargon"].fp == 1 and counts["all"].fp == 1


def test_zero_division_is_undefined_not_perfect():
    empty = acc.Counts()
    assert empty.precision is None and empty.recall is None and empty.f1 is None
    only_gold = acc.Counts(fn=3)
    assert only_gold.precision is None and only_gold.recall == 0.0 and only_gold.f1 is None
    only_fp = acc.Counts(fp=2)
    assert only_fp.precision == 0.0 and only_fp.recall is None and only_fp.f1 is None
    misses = acc.Counts(fp=1, fn=1)
    assert misses.precision == 0.0 and misses.recall == 0.0 and misses.f1 == 0.0


def test_evaluate_fp_per_thousand_words_on_negatives():
    records = [
        {"id": "a", "text": "one two three four", "negative": True, "findings": []},
        {"id": "b", "text": "five six", "negative": False,
         "findings": [{"start": 0, "end": 4, "text": "five", "category": "deficit"}]},
    ]
    preds = [[Span(0, 3, "deficit")], [Span(0, 4, "deficit")]]
    result = acc.evaluate(records, preds)
    assert result["negative_words"] == 4
    assert result["negatives_false_positives"] == 1
    assert result["negatives_fp_per_1000_words"] == pytest.approx(250.0)
    assert result["categories"]["all"]["tp"] == 1 and result["categories"]["all"]["fp"] == 1


def test_evaluate_without_negatives_reports_none():
    records = [{"id": "b", "text": "x", "negative": False, "findings": []}]
    assert acc.evaluate(records, [[]])["negatives_fp_per_1000_words"] is None


def test_table_and_errors_render():
    records = [{"id": "c1", "text": "he refused meds", "negative": False,
                "findings": [{"start": 3, "end": 10, "text": "refused", "category": "deficit"}]}]
    result = acc.evaluate(records, [[]])
    assert "all (micro)" in acc.table(result)
    errs = acc.errors(records, [[Span(0, 2, "coercive", "he", "X1")]])
    assert any(e.startswith("FP c1") for e in errs) and any(e.startswith("FN c1") for e in errs)


def test_word_count():
    assert acc.count_words("Non-compliant, didn't attend — 3 times.") == 5


# --- the corpus --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_corpus_is_built_from_its_sources(records):
    assert build.build() == records, "corpus.jsonl is stale: run python tests/corpus/build.py"


def test_corpus_passes_the_checker(records):
    assert build.validate(records) == []


def test_corpus_size_and_negative_share(records):
    assert len(records) >= 300
    share = sum(r["negative"] for r in records) / len(records)
    assert 0.35 <= share <= 0.48, share


def test_corpus_records(records):
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    for r in records:
        assert r["source"]["url"].startswith(("http://", "https://")), r["id"]
        assert r["source"]["title"], r["id"]
        assert r["genre"] in GENRES, r["id"]
        assert r["negative"] == (not r["findings"]), r["id"]
        for f in r["findings"]:
            assert f["category"] in CATEGORIES, r["id"]
            assert r["text"][f["start"]:f["end"]] == f["text"], r["id"]


def test_corpus_covers_every_category_and_genre(records):
    cats = Counter(f["category"] for r in records for f in r["findings"])
    assert set(cats) == CATEGORIES and min(cats.values()) >= 20, cats
    genres = Counter(r["genre"] for r in records)
    assert {"note", "policy", "news", "research", "training"} <= set(genres), genres


def test_accuracy_script_runs_on_the_corpus(capsys):
    assert acc.main(["--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["excerpts"] >= 300 and "all" in out["categories"]
