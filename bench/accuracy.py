"""Span-level accuracy of tilint against the annotated corpus in tests/corpus/.

    python bench/accuracy.py [--corpus PATH] [--json] [--errors] [--rules] [--test-errors]

Each excerpt is linted with ``tilint.lint_text(text)`` (default configuration).
A predicted finding is a true positive when it overlaps a gold span of the same
category; each gold span is matched at most once (maximum bipartite matching, so
the result does not depend on the order of findings). Unmatched predictions are
false positives, unmatched gold spans false negatives. Figures are reported for the
whole corpus and for each split (`dev`, and the locked `test`), each per category
(micro-averaged overall), per genre, and with false positives per 1,000 words on the
hard-negative excerpts.

`--unanimous` scores only the excerpts on which every blind annotation kept in
tests/corpus/agreement/ agrees (at least two): what is left of the gap where the
annotators do not differ.

`--errors` lists the errors of the dev split only, and `--rules` each rule's true and
false positives there. The test split is locked: its errors
are listed only with `--test-errors`, and any item looked at must then be moved to dev
(its source URL added to tests/corpus/seen.txt).

Undefined ratios (no predictions, or no gold spans) are reported as null / "n/a"
rather than as 0 or 1, so an empty lexicon cannot look perfect.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "tests" / "corpus" / "corpus.jsonl"
AGREEMENT_DIR = ROOT / "tests" / "corpus" / "agreement"
sys.path.insert(0, str(ROOT))
from tilint.policy import CATEGORIES  # noqa: E402

SPLITS = ("dev", "test")
TEST_WARNING = (
    "WARNING: these are errors of the LOCKED test split. Every item you look at must be moved to "
    "dev: add its source URL to tests/corpus/seen.txt, rebuild the corpus and say so in the commit."
)
WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str
    text: str = ""
    rule: str = ""

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Match:
    """The outcome of matching one excerpt's predictions to its gold spans."""

    true_positives: list[tuple[Span, Span]] = field(default_factory=list)  # (pred, gold)
    false_positives: list[Span] = field(default_factory=list)
    false_negatives: list[Span] = field(default_factory=list)


def match_spans(predicted: Sequence[Span], gold: Sequence[Span]) -> Match:
    """Maximum matching of predictions to overlapping gold spans of the same category."""
    owner: dict[int, int] = {}  # gold index -> prediction index

    def augment(p: int, seen: set[int]) -> bool:
        for g, gspan in enumerate(gold):
            if g in seen or gspan.category != predicted[p].category:
                continue
            if not predicted[p].overlaps(gspan):
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in range(len(predicted)):
        augment(p, set())
    matched_preds = {p: g for g, p in owner.items()}
    out = Match()
    for p, span in enumerate(predicted):
        if p in matched_preds:
            out.true_positives.append((span, gold[matched_preds[p]]))
        else:
            out.false_positives.append(span)
    out.false_negatives = [g for i, g in enumerate(gold) if i not in owner]
    return out


def score(pairs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> dict[str, Counts]:
    """Per-category and overall ("all") counts over (predicted, gold) pairs."""
    per: dict[str, Counts] = {c: Counts() for c in CATEGORIES}
    for predicted, gold in pairs:
        m = match_spans(predicted, gold)
        for pred, _ in m.true_positives:
            per.setdefault(pred.category, Counts()).tp += 1
        for pred in m.false_positives:
            per.setdefault(pred.category, Counts()).fp += 1
        for g in m.false_negatives:
            per.setdefault(g.category, Counts()).fn += 1
    total = Counts()
    for c in per.values():
        total.add(c)
    per["all"] = total
    return per


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def load_corpus(path: Path) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:  # pragma: no cover
                    raise SystemExit(f"{path}:{n}: not JSON: {exc}") from exc
    return records


def gold_spans(record: dict) -> list[Span]:
    return [Span(f["start"], f["end"], f["category"], f.get("text", "")) for f in record.get("findings", [])]


def predict(records: Sequence[dict]) -> list[list[Span]]:
    import tilint

    out = []
    for r in records:
        found = tilint.lint_text(r["text"])
        out.append([Span(f.start, f.end, str(f.category), f.text, f.rule) for f in found])
    return out


def split_of(record: dict) -> str:
    """A record's split; corpora without one (older or other files) are all dev."""
    return str(record.get("split") or "dev")


def evaluate(
    records: Sequence[dict], predictions: Sequence[Sequence[Span]], *, genres: bool = True
) -> dict[str, object]:
    golds = [gold_spans(r) for r in records]
    counts = score(zip(predictions, golds, strict=True))
    neg = [i for i, r in enumerate(records) if r.get("negative")]
    neg_words = sum(count_words(records[i]["text"]) for i in neg)
    neg_fp = sum(len(predictions[i]) for i in neg)  # negatives have no gold: every prediction is an FP
    all_words = sum(count_words(r["text"]) for r in records)
    return {
        "excerpts": len(records),
        "words": all_words,
        "negative_excerpts": len(neg),
        "negative_words": neg_words,
        "gold_spans": sum(len(g) for g in golds),
        "predicted_spans": sum(len(p) for p in predictions),
        "negatives_false_positives": neg_fp,
        "negatives_fp_per_1000_words": (1000 * neg_fp / neg_words) if neg_words else None,
        "negatives_with_any_fp": sum(1 for i in neg if predictions[i]),
        "categories": {k: v.as_dict() for k, v in counts.items()},
        **({"genres": by_genre(records, predictions)} if genres else {}),
    }


def by_genre(records: Sequence[dict], predictions: Sequence[Sequence[Span]]) -> dict[str, dict[str, object]]:
    """The figures of each genre's excerpts (overall counts and false alarms on negatives)."""
    out: dict[str, dict[str, object]] = {}
    for genre in sorted({str(r.get("genre", "other")) for r in records}):
        idx = [i for i, r in enumerate(records) if str(r.get("genre", "other")) == genre]
        part = evaluate([records[i] for i in idx], [predictions[i] for i in idx], genres=False)
        cats = part["categories"]
        assert isinstance(cats, dict)
        out[genre] = {
            "excerpts": part["excerpts"],
            "negative_excerpts": part["negative_excerpts"],
            "negative_words": part["negative_words"],
            "negatives_fp_per_1000_words": part["negatives_fp_per_1000_words"],
            **cats["all"],
        }
    return out


def report(records: Sequence[dict], predictions: Sequence[Sequence[Span]]) -> dict[str, object]:
    """The whole corpus's figures, with each split's figures under "splits"."""
    result = evaluate(records, predictions)
    splits: dict[str, object] = {}
    for split in SPLITS:
        idx = [i for i, r in enumerate(records) if split_of(r) == split]
        splits[split] = evaluate([records[i] for i in idx], [predictions[i] for i in idx])
    return {**result, "splits": splits}


def errors(records: Sequence[dict], predictions: Sequence[Sequence[Span]], split: str | None = None) -> list[str]:
    """FP/FN lines of the records of `split` (all records when None)."""
    lines = []
    for r, pred in zip(records, predictions, strict=True):
        if split is not None and split_of(r) != split:
            continue
        m = match_spans(pred, gold_spans(r))
        text = r["text"]
        for s in m.false_positives:
            lines.append(f"FP {r['id']} {s.category:<12} {s.rule:<10} {_ctx(text, s)}")
        for s in m.false_negatives:
            lines.append(f"FN {r['id']} {s.category:<12} {'':<10} {_ctx(text, s)}")
    return lines


def by_rule(records: Sequence[dict], predictions: Sequence[Sequence[Span]], split: str = "dev") -> dict[str, dict[str, int]]:
    """Each rule's true and false positives on `split` (dev only by default: per-rule
    figures of the locked split would steer rule work towards it)."""
    out: dict[str, dict[str, int]] = {}
    for r, pred in zip(records, predictions, strict=True):
        if split_of(r) != split:
            continue
        m = match_spans(pred, gold_spans(r))
        for p, _ in m.true_positives:
            out.setdefault(p.rule, {"tp": 0, "fp": 0})["tp"] += 1
        for p in m.false_positives:
            out.setdefault(p.rule, {"tp": 0, "fp": 0})["fp"] += 1
    return out


def rule_table(rules: dict[str, dict[str, int]]) -> str:
    """Rules by false positives, most first: where a rule's precision is weakest."""
    rows = [f"{'rule':<8}{'tp':>6}{'fp':>6}{'P':>8}"]
    for code, c in sorted(rules.items(), key=lambda kv: (-kv[1]["fp"], kv[0])):
        rows.append(f"{code:<8}{c['tp']:>6}{c['fp']:>6}{_fmt(c['tp'] / (c['tp'] + c['fp'])):>8}")
    return "\n".join(rows)


def _ctx(text: str, s: Span, width: int = 40) -> str:
    a, b = max(0, s.start - width), min(len(text), s.end + width)
    snippet = f"{text[a:s.start]}[[{text[s.start:s.end]}]]{text[s.end:b]}"
    return " ".join(snippet.split())


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def table(result: dict) -> str:
    rows = [f"{'category':<14}{'gold':>6}{'pred':>6}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    cats = result["categories"]
    names = [c for c in cats if c != "all"] + ["all"]
    for name in names:
        c = cats[name]
        label = "all (micro)" if name == "all" else name
        rows.append(
            f"{label:<14}{c['tp'] + c['fn']:>6}{c['tp'] + c['fp']:>6}{c['tp']:>6}{c['fp']:>6}{c['fn']:>6}"
            f"{_fmt(c['precision']):>8}{_fmt(c['recall']):>8}{_fmt(c['f1']):>8}"
        )
    fp1k = result["negatives_fp_per_1000_words"]
    rows += [
        "",
        f"excerpts: {result['excerpts']} ({result['words']} words); "
        f"hard negatives: {result['negative_excerpts']} ({result['negative_words']} words)",
        f"false positives on negatives: {result['negatives_false_positives']} "
        f"in {result['negatives_with_any_fp']} excerpts = "
        f"{'n/a' if fp1k is None else f'{fp1k:.2f}'} per 1,000 words",
    ]
    genres = result.get("genres")
    if isinstance(genres, dict) and genres:
        rows += ["", f"{'genre':<18}{'items':>6}{'neg':>5}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}{'FA/1k':>8}"]
        for name, g in genres.items():
            fa = g["negatives_fp_per_1000_words"]
            rows.append(
                f"{name:<18}{g['excerpts']:>6}{g['negative_excerpts']:>5}{g['tp']:>6}{g['fp']:>6}{g['fn']:>6}"
                f"{_fmt(g['precision']):>8}{_fmt(g['recall']):>8}{_fmt(g['f1']):>8}"
                f"{'n/a' if fa is None else f'{fa:.2f}':>8}"
            )
    return "\n".join(rows)


def full_table(result: dict) -> str:
    """Both splits in full, then the whole corpus's summary."""
    parts = []
    for split in SPLITS:
        part = result["splits"][split]
        title = f"== {split} split" + (" (locked: summary figures only)" if split == "test" else "")
        parts.append(title)
        parts.append(table(part) if part["excerpts"] else "no excerpts")
        parts.append("")
    whole = {k: v for k, v in result.items() if k not in ("splits", "genres")}
    parts += ["== all excerpts", table(whole)]
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL corpus (default: %(default)s)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--errors", action="store_true", help="also list the dev split's false positives and negatives")
    ap.add_argument("--rules", action="store_true", help="also list each rule's true and false positives on the dev split")
    ap.add_argument(
        "--test-errors",
        action="store_true",
        help="also list the LOCKED test split's errors; every item looked at must then be moved to dev",
    )
    ap.add_argument(
        "--unanimous",
        action="store_true",
        help="score only the excerpts on which every blind annotation in --agreement agrees",
    )
    ap.add_argument("--agreement", type=Path, default=AGREEMENT_DIR, help="the annotation files for --unanimous (default: %(default)s)")
    args = ap.parse_args(argv)
    records = load_corpus(args.corpus)
    if args.unanimous:
        sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/agreement.py, however this is run
        from agreement import unanimous

        agreed = unanimous(args.agreement)
        records = [r for r in records if " ".join(r["text"].split()) in agreed]
    predictions = predict(records)
    result = report(records, predictions)
    listed: list[str] = []
    if args.errors:
        listed += errors(records, predictions, "dev")
    if args.test_errors:
        print(TEST_WARNING, file=sys.stderr)
        listed += errors(records, predictions, "test")
    rules = by_rule(records, predictions) if args.rules else None
    if args.json:
        if args.errors or args.test_errors:
            result = {**result, "errors": listed}
        if rules is not None:
            result = {**result, "dev_rules": rules}
        print(json.dumps(result, indent=2))
    else:
        print(full_table(result))
        if rules is not None:
            print("\n== dev split by rule")
            print(rule_table(rules))
        if args.errors or args.test_errors:
            print()
            print("\n".join(listed) or "no errors")
    if args.test_errors:
        print(TEST_WARNING, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
