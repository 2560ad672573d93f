"""Agreement between two annotators' batch files (the tests/corpus/src format).

    python bench/agreement.py A.jsonl B.jsonl [--json]

Each file holds batch lines ({"t": text, "ti": title, "u": URL, "g": genre,
"f": [[phrase, category], [phrase, category, nth]]}); items are paired by their text
(whitespace-normalised), and only items both annotators marked are compared.

* span F1: annotator A's spans against B's, matched as bench/accuracy.py matches
  predictions to gold (overlap, each span at most once, maximum matching), once ignoring
  the category (do they mark the same places?) and once requiring it;
* category agreement on the spans matched by place: observed agreement and Cohen's kappa
  (chance agreement from each annotator's category distribution over those spans);
* item agreement: whether both call an item a hard negative (no finding) or not.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from accuracy import Counts, Span, match_spans  # noqa: E402

sys.path.insert(0, str(HERE.parent / "tests" / "corpus"))
from build import find_nth as _find_nth  # noqa: E402  (the corpus builder's own rule for `nth`)

ANY = "span"


class AgreementError(Exception):
    """Bad input, reported as one line naming the file."""


def _key(text: str) -> str:
    return " ".join(text.split())


def load_batch(path: Path, *, normalise: bool = False) -> dict[str, list[Span]]:
    """Text (normalised) -> the annotator's spans, from a batch file; with `normalise`
    the offsets are into the normalised text, so files that space a text differently
    compare."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise AgreementError(f"{path}: cannot read: {exc}") from None
    items: dict[str, list[Span]] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{path}:{n}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AgreementError(f"{where}: not JSON: {exc.msg}") from None
        if not isinstance(raw, dict) or not isinstance(raw.get("t"), str):
            raise AgreementError(f"{where}: expected an object with the excerpt text 't'")
        text = _key(raw["t"]) if normalise else raw["t"]
        spans = []
        for item in raw.get("f", []):
            if not isinstance(item, list) or len(item) < 2:
                raise AgreementError(f"{where}: a finding must be [phrase, category] or [phrase, category, nth]")
            phrase, category = (_key(str(item[0])) if normalise else str(item[0])), str(item[1])
            nth = int(item[2]) if len(item) > 2 else 0
            start = _find_nth(text, phrase, nth)
            if start < 0:
                raise AgreementError(f"{where}: phrase {phrase!r} (occurrence {nth}) not in text")
            spans.append(Span(start, start + len(phrase), category, phrase))
        key = _key(text)
        if key in items:
            raise AgreementError(f"{where}: the same text is annotated twice")
        items[key] = spans
    return items


def unanimous(folder: Path) -> set[str]:
    """Texts (normalised) that at least two annotation files in `folder` mark, and on
    which every such annotation agrees: the same spans by overlap, in the same category.
    Files are the batch-format annotations (`*-annotation*.jsonl`, `*-annotator*.jsonl`)."""
    by_text: dict[str, list[list[Span]]] = {}
    for path in sorted({*folder.glob("*-annotation*.jsonl"), *folder.glob("*-annotator*.jsonl")}):
        for key, spans in load_batch(path, normalise=True).items():
            by_text.setdefault(key, []).append(spans)

    def same(a: list[Span], b: list[Span]) -> bool:
        m = match_spans(a, b)
        return len(a) == len(b) == len(m.true_positives)

    return {key for key, marks in by_text.items() if len(marks) >= 2 and all(same(marks[0], m) for m in marks[1:])}


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of paired labels; None when undefined (no pairs, or chance = 1)."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left = Counter(a for a, _ in pairs)
    right = Counter(b for _, b in pairs)
    chance = sum(left[c] * right[c] for c in left) / (n * n)
    if chance == 1:
        return None
    return (observed - chance) / (1 - chance)


def agreement(a: dict[str, list[Span]], b: dict[str, list[Span]]) -> dict[str, object]:
    common = [k for k in a if k in b]
    place, strict = Counts(), Counts()
    labels: list[tuple[str, str]] = []
    both_negative = both_positive = 0
    for key in common:
        sa, sb = a[key], b[key]
        both_negative += not sa and not sb
        both_positive += bool(sa) and bool(sb)
        m = match_spans([Span(s.start, s.end, ANY) for s in sa], [Span(s.start, s.end, ANY) for s in sb])
        place.tp += len(m.true_positives)
        place.fp += len(m.false_positives)
        place.fn += len(m.false_negatives)
        # The matched pairs by place, mapped back to the annotators' categories.
        index_a = {(s.start, s.end): s.category for s in sa}
        index_b = {(s.start, s.end): s.category for s in sb}
        labels += [(index_a[(p.start, p.end)], index_b[(g.start, g.end)]) for p, g in m.true_positives]
        ms = match_spans(sa, sb)
        strict.tp += len(ms.true_positives)
        strict.fp += len(ms.false_positives)
        strict.fn += len(ms.false_negatives)
    same = sum(x == y for x, y in labels)
    return {
        "items_a": len(a),
        "items_b": len(b),
        "items_compared": len(common),
        "item_agreement": (both_negative + both_positive) / len(common) if common else None,
        "spans_a": sum(len(a[k]) for k in common),
        "spans_b": sum(len(b[k]) for k in common),
        "span_f1_any_category": place.f1,
        "span_f1_same_category": strict.f1,
        "matched_spans": len(labels),
        "category_agreement": same / len(labels) if labels else None,
        "category_kappa": cohen_kappa(labels),
        "category_disagreements": sorted(Counter(f"{x}/{y}" for x, y in labels if x != y).items()),
    }


def _fmt(x: object) -> str:
    return "n/a" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a", type=Path, help="first annotator's batch file")
    ap.add_argument("b", type=Path, help="second annotator's batch file")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    try:
        result = agreement(load_batch(args.a), load_batch(args.b))
    except AgreementError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for key, value in result.items():
        if key == "category_disagreements" and isinstance(value, list):
            value = ", ".join(f"{pair} x{n}" for pair, n in value) or "none"
        print(f"{key:<24}{_fmt(value)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
