"""Tests for bench/accuracy.py (the scoring) and for the corpus file it reads."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.helpers import ROOT, load_module
from tilint.policy import CATEGORIES as POLICY_CATEGORIES

CORPUS = ROOT / "tests" / "corpus" / "corpus.jsonl"

CATEGORIES = set(POLICY_CATEGORIES)
GENRES = {"note", "policy", "report", "training", "research", "news", "forum", "lived-experience", "other"}


acc = load_module("tilint_bench_accuracy", ROOT / "bench" / "accuracy.py")
agr = load_module("tilint_bench_agreement", ROOT / "bench" / "agreement.py")
build = load_module("tilint_corpus_build", ROOT / "tests" / "corpus" / "build.py")
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


def test_by_rule_counts_the_dev_split_only():
    records = [
        {"id": "a", "split": "dev", "text": "one two", "negative": False,
         "findings": [{"start": 0, "end": 3, "text": "one", "category": "deficit"}]},
        {"id": "b", "split": "dev", "text": "three", "negative": True, "findings": []},
        {"id": "c", "split": "test", "text": "four", "negative": True, "findings": []},
    ]
    preds = [
        [Span(0, 3, "deficit", rule="TI101"), Span(4, 7, "deficit", rule="TI102")],
        [Span(0, 5, "deficit", rule="TI101")],
        [Span(0, 4, "deficit", rule="TI103")],
    ]
    rules = acc.by_rule(records, preds)
    assert rules == {"TI101": {"tp": 1, "fp": 1}, "TI102": {"tp": 0, "fp": 1}}
    lines = acc.rule_table(rules).splitlines()
    assert lines[1].startswith("TI101") and lines[2].startswith("TI102")  # ties by code


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


def test_corpus_size_sources_and_hard_negative_share(records):
    """The corpus targets of issue 10: 1,200 excerpts from 500 sources, at most 10 per
    source, and at least 40% hard negatives (a look-alike word in an ordinary sense)."""
    assert len(records) >= 1200
    per_source = Counter(r["source"]["url"] for r in records)
    assert len(per_source) >= 500 and max(per_source.values()) <= 10
    hard = sum(bool(r["negative"] and r.get("trigger")) for r in records) / len(records)
    assert hard >= 0.40, hard
    positives = sum(not r["negative"] for r in records) / len(records)
    assert positives >= 0.30, positives


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
    dev, test = out["splits"]["dev"], out["splits"]["test"]
    assert dev["excerpts"] + test["excerpts"] == out["excerpts"]
    assert "all" in dev["categories"] and "genres" in dev


# --- the split -------------------------------------------------------------------------


def test_every_seen_excerpt_is_dev(records):
    seen = build.read_seen()
    assert {f"b{i:03d}.jsonl" for i in range(1, 22)} <= seen
    assert len(records) >= 385 and all(r["split"] == "dev" for r in records[:385])


def test_split_is_by_source_and_deterministic():
    urls = [f"https://example.org/page/{i}" for i in range(3000)]
    splits = [build.split_of(u, "b900.jsonl", set()) for u in urls]
    assert splits == [build.split_of(u, "b900.jsonl", set()) for u in urls]
    share = splits.count("test") / len(splits)
    assert 0.63 < share < 0.70, share  # two in three unseen sources
    assert build.split_of(urls[0], "b001.jsonl", {"b001.jsonl"}) == "dev"
    moved = next(u for u, s in zip(urls, splits, strict=True) if s == "test")
    assert build.split_of(moved, "b900.jsonl", {moved}) == "dev"


def test_second_blind_round_sends_one_source_in_four_to_test():
    urls = [f"https://example.org/page/{i}" for i in range(3000)]
    splits = [build.split_of(u, "blind-c.jsonl", set()) for u in urls]
    assert 0.22 < splits.count("test") / len(splits) < 0.28


def test_a_source_keeps_the_split_of_its_first_batch(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    urls = [f"https://example.org/{i}" for i in range(200)]
    # A URL the old rule sends to test and the dev-heavy rule would send to dev.
    url = next(u for u in urls if build.split_of(u, "b900.jsonl", set()) == "test"
               and build.split_of(u, "blind-c.jsonl", set()) == "dev")
    _batch(src, "b900.jsonl", [{"t": "first", "ti": "T", "u": url, "g": "news", "trig": "first"}])
    _batch(src, "blind-c.jsonl", [{"t": "second", "ti": "T", "u": url, "g": "news", "trig": "second"}])
    records = build.build(src, tmp_path / "none.txt")
    assert [r["split"] for r in records] == ["test", "test"]


def _batch(folder: Path, name: str, lines: list[dict]) -> None:
    (folder / name).write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")


def test_build_assigns_splits_by_source(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    urls = [f"https://example.org/{i}" for i in range(40)]
    test_url = next(u for u in urls if build.split_of(u, "b900.jsonl", set()) == "test")
    _batch(src, "b001.jsonl", [{"t": "seen one", "ti": "T", "u": test_url, "g": "news", "trig": "seen"}])
    _batch(src, "b900.jsonl", [
        {"t": f"new {i}", "ti": "T", "u": u, "g": "forum", "trig": "new"} for i, u in enumerate(urls)
    ])
    seen = tmp_path / "seen.txt"
    seen.write_text("# comment\nb001.jsonl\n", encoding="utf-8")
    records = build.build(src, seen)
    assert build.validate(records) == []
    by_url = {}
    for r in records:
        by_url.setdefault(r["source"]["url"], set()).add(r["split"])
    assert all(len(v) == 1 for v in by_url.values())
    assert by_url[test_url] == {"dev"}  # quoted by a seen batch: seen
    assert {"dev", "test"} == {s for v in by_url.values() for s in v}


def test_checker_rejects_a_missing_split_and_a_bad_genre():
    rec = {"id": "c1", "text": "he refused", "source": {"title": "T", "url": "https://x.org/"},
           "genre": "blog", "negative": True, "findings": [], "trigger": "refused"}
    problems = build.validate([rec])
    assert any("split" in p for p in problems) and any("genre" in p for p in problems)
    assert build.validate([{**rec, "genre": "lived-experience", "split": "test"}]) == []


def test_checker_rejects_the_same_excerpt_with_other_spacing_or_case():
    rec = {"id": "c1", "text": "Discussed plan of care", "source": {"title": "T", "url": "https://x.org/"},
           "genre": "note", "split": "dev", "negative": True, "findings": []}
    mirror = {**rec, "id": "c2", "text": "discussed\nplan of  care", "split": "test"}
    assert any("c2: duplicate text" in p for p in build.validate([rec, mirror]))
    assert build.validate([rec, {**mirror, "text": "Discussed the plan of care"}]) == []


def _two_split_records():
    return [
        {"id": "d1", "text": "he refused meds", "genre": "note", "split": "dev", "negative": False,
         "findings": [{"start": 3, "end": 10, "text": "refused", "category": "deficit"}]},
        {"id": "t1", "text": "she refused meds", "genre": "forum", "split": "test", "negative": False,
         "findings": [{"start": 4, "end": 11, "text": "refused", "category": "deficit"}]},
        {"id": "t2", "text": "court refused bail today", "genre": "news", "split": "test", "negative": True,
         "findings": []},
    ]


def test_report_has_both_splits_per_category_and_genre():
    records = _two_split_records()
    preds = [[Span(3, 10, "deficit")], [], [Span(6, 13, "deficit")]]
    result = acc.report(records, preds)
    dev, test = result["splits"]["dev"], result["splits"]["test"]
    assert dev["categories"]["all"]["tp"] == 1 and dev["categories"]["all"]["fp"] == 0
    assert test["categories"]["deficit"]["fn"] == 1 and test["categories"]["deficit"]["fp"] == 1
    assert test["negatives_fp_per_1000_words"] == pytest.approx(250.0)
    assert set(test["genres"]) == {"forum", "news"}
    assert test["genres"]["news"]["fp"] == 1 and test["genres"]["forum"]["fn"] == 1
    assert result["categories"]["all"]["tp"] == 1  # the whole corpus as well
    assert "== test split" in acc.full_table(result)


def test_errors_list_only_the_requested_split():
    records = _two_split_records()
    preds = [[], [], [Span(6, 13, "deficit")]]
    dev = acc.errors(records, preds, "dev")
    assert dev and all(" d1 " in line for line in dev)
    test = acc.errors(records, preds, "test")
    assert {line.split()[1] for line in test} == {"t1", "t2"}


def _write_corpus(path: Path) -> Path:
    records = _two_split_records()
    # A gold span no rule finds, so each split has an error to list.
    records[0] = {**records[0], "text": "he ate toast",
                  "findings": [{"start": 7, "end": 12, "text": "toast", "category": "deficit"}]}
    records[1] = {**records[1], "text": "she ate jam",
                  "findings": [{"start": 8, "end": 11, "text": "jam", "category": "deficit"}]}
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_errors_flag_shows_dev_only_and_test_errors_warn(tmp_path, capsys):
    corpus = _write_corpus(tmp_path / "c.jsonl")
    assert acc.main(["--corpus", str(corpus), "--errors"]) == 0
    out = capsys.readouterr()
    lines = [x for x in out.out.splitlines() if x.startswith(("FP ", "FN "))]
    assert lines and all(x.split()[1] == "d1" for x in lines)
    assert "LOCKED" not in out.err
    assert acc.main(["--corpus", str(corpus), "--test-errors"]) == 0
    out = capsys.readouterr()
    assert {x.split()[1] for x in out.out.splitlines() if x.startswith(("FP ", "FN "))} >= {"t1"}
    assert "moved to dev" in out.err


# --- agreement -------------------------------------------------------------------------


def test_agreement_span_f1_and_kappa(tmp_path):
    a = tmp_path / "a.jsonl"
    b = tmp_path / "b.jsonl"
    _batch(tmp_path, "a.jsonl", [
        {"t": "He refused and was non-compliant.", "f": [["refused", "deficit"], ["non-compliant", "deficit"]]},
        {"t": "She  claims pain, an addict.", "f": [["claims", "credibility"], ["addict", "stigmatising"]]},
        {"t": "Only in A.", "f": [["A", "deficit"]]},
        {"t": "Lung compliance was low.", "f": []},
    ])
    _batch(tmp_path, "b.jsonl", [
        {"t": "He refused and was non-compliant.", "f": [["refused", "coercive"], ["non-compliant", "deficit"]]},
        {"t": "She claims pain, an addict.", "f": [["claims pain", "credibility"], ["an addict", "stigmatising"]]},
        {"t": "Lung compliance was low.", "f": [["compliance", "coercive"]]},
    ])
    result = agr.agreement(agr.load_batch(a), agr.load_batch(b))
    assert result["items_compared"] == 3  # paired by text, whitespace-normalised
    assert result["item_agreement"] == pytest.approx(2 / 3)
    # places: 4 matched, B has one more -> P 1, R 4/5
    assert result["span_f1_any_category"] == pytest.approx(2 * 1 * 0.8 / 1.8)
    # categories: 3 of the 4 matched pairs agree
    assert result["category_agreement"] == pytest.approx(0.75)
    pairs = [("deficit", "coercive"), ("deficit", "deficit"), ("credibility", "credibility"),
             ("stigmatising", "stigmatising")]
    assert result["category_kappa"] == pytest.approx(agr.cohen_kappa(pairs))
    assert result["span_f1_same_category"] == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_kappa_known_values():
    assert agr.cohen_kappa([("x", "x"), ("y", "y")]) == pytest.approx(1.0)
    assert agr.cohen_kappa([("x", "y"), ("y", "x")]) == pytest.approx(-1.0)
    assert agr.cohen_kappa([("x", "x")]) is None and agr.cohen_kappa([]) is None


def test_agreement_bad_input_is_one_line_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"t": "he refused", "f": [["declined", "deficit"]]}\n', encoding="utf-8")
    assert agr.main([str(bad), str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.jsonl:1" in err[0] and "declined" in err[0]


def test_unanimous_keeps_texts_every_annotation_agrees_on(tmp_path):
    _batch(tmp_path, "first-annotation-x.jsonl", [
        {"t": "He refused his  depot.", "f": [["refused", "deficit"]]},
        {"t": "She claims pain.", "f": [["claims", "credibility"]]},
        {"t": "Lung compliance was low.", "f": []},
        {"t": "Seen by one reader only.", "f": []},
    ])
    _batch(tmp_path, "second-annotation-x.jsonl", [
        {"t": "He refused his depot.", "f": [["refused his depot", "deficit"]]},  # overlap, same category
        {"t": "She claims pain.", "f": [["claims", "deficit"]]},  # another category
        {"t": "Lung compliance was low.", "f": []},
    ])
    _batch(tmp_path, "third-annotation-x.jsonl", [
        {"t": "Lung compliance was low.", "f": [["compliance", "coercive"]]},  # a third reader differs
    ])
    assert agr.unanimous(tmp_path) == {"He refused his depot."}


def test_unanimous_compares_texts_spaced_differently(tmp_path):
    _batch(tmp_path, "first-annotation-y.jsonl", [{"t": "He  refused his depot.", "f": [["refused", "deficit"]]}])
    _batch(tmp_path, "second-annotation-y.jsonl", [{"t": "He refused his depot.", "f": [["refused", "deficit"]]}])
    assert agr.unanimous(tmp_path) == {"He refused his depot."}


def test_accuracy_unanimous_scores_only_the_agreed_excerpts(tmp_path, capsys):
    agreement = tmp_path / "agreement"
    agreement.mkdir()
    _batch(agreement, "first-annotation-z.jsonl", [
        {"t": "He refused his depot.", "f": [["refused", "deficit"]]},
        {"t": "She claims pain.", "f": [["claims", "credibility"]]},
    ])
    _batch(agreement, "second-annotation-z.jsonl", [
        {"t": "He refused his depot.", "f": [["refused", "deficit"]]},
        {"t": "She claims pain.", "f": []},
    ])
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "c1", "text": "He refused his depot.", "split": "dev", "negative": False, "genre": "note",
         "findings": [{"start": 3, "end": 10, "text": "refused", "category": "deficit"}]},
        {"id": "c2", "text": "She claims pain.", "split": "dev", "negative": True, "genre": "note", "findings": []},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert acc.main(["--corpus", str(corpus), "--unanimous", "--agreement", str(agreement), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["splits"]["dev"]["excerpts"] == 1


def test_every_cited_adjudication_file_holds_the_corpus_gold(records):
    """Each resolved-roundNN.jsonl that tests/corpus/agreement/README.md cites holds the
    blind readers' decisions, and each decided excerpt's gold in the corpus is that
    decision (a file written empty, or gold changed afterwards without a note, fails)."""
    agreement = CORPUS.parent / "agreement"
    cited = sorted(set(re.findall(r"resolved-round(\d+)\.jsonl", (agreement / "README.md").read_text(encoding="utf-8"))), key=int)
    assert len(cited) >= 50
    by_id = {r["id"]: r for r in records}
    for n in cited:
        decisions = [json.loads(line) for line in (agreement / f"resolved-round{n}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
        assert decisions, f"resolved-round{n}.jsonl is empty"
        for d in decisions:
            gold = sorted((f["text"], f["category"]) for f in by_id[d["id"]]["findings"])
            assert gold == sorted((x[0], x[1]) for x in d["f"]), (n, d["id"])
