"""Properties of lint_text for any Unicode text (hypothesis), beyond tests/test_properties.py.

The number of examples is scaled by TILINT_FUZZ_SCALE (default 1, the CI budget);
the longer run documented in docs/performance.md sets it to 20:

    TILINT_FUZZ_SCALE=20 python -m pytest tests/test_fuzz_properties.py --hypothesis-show-statistics
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tilint import Config, lint_text
from tilint.positions import line_col, line_starts

SCALE = float(os.environ.get("TILINT_FUZZ_SCALE", "1"))


def budget(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# Any code point, including lone surrogates, controls, private use and unassigned.
ANY_CHAR = st.characters(codec=None, categories=None)
TRICKY = st.sampled_from(
    ["\r", "\n", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\t", "\x00", "\ufeff", "\u200b",
     "\u0301", "\u202e", "\ud800", "\udfff", "😀", "👩‍👧", "ß", "İ", "ﬁ", "’", "“", "”", "\"", "'", "`",
     "*", "_", ">", "#", "- ", "1. ", "<!--", "-->", "tilint-disable", "tilint-disable-next-line",
     "tilint-enable", "```", "---", "[", "](", ")", "<a>", "http://x.org/refused", " "]
)
TERMS = st.sampled_from(
    ["refused", "Refused", "REFUSED", "non-compliant", "non compliant", "noncompliant", "claims",
     "an addict", "committed suicide", "manipulative", "attention-seeking", "denies", "the court",
     "Alcoholics Anonymous", "She", "he", "was", "lunch", ".", ",", "word", "the term"]
)
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=400),
    st.lists(st.one_of(TERMS, TRICKY, st.text(ANY_CHAR, max_size=3)), max_size=80).map(" ".join),
    st.lists(st.one_of(TERMS, TRICKY), max_size=80).map("".join),
)
CONFIG = st.builds(
    Config,
    check_quotes=st.booleans(),
    allow=st.lists(st.sampled_from(["refused", "non-compliant", "x", "the court", "'"]), max_size=2).map(tuple),
    select=st.sampled_from([(), ("TI1",), ("credibility",)]),
    ignore=st.sampled_from([(), ("TI102",)]),
)


@budget(1000)
@given(text=TEXT, kind=st.sampled_from(["text", "markdown"]), config=CONFIG)
def test_any_text_lints_without_error_and_findings_are_consistent(text: str, kind: str, config: Config) -> None:
    findings = lint_text(text, config, kind=kind)
    starts = line_starts(text)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert (f.line, f.column) == line_col(starts, f.start)
        assert (f.end_line, f.end_column) == line_col(starts, f.end)
        assert f.suggestions, f
    assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.rule))


def test_a_closing_quote_mark_used_as_an_opening_one_is_not_an_error() -> None:
    # Found by the long run (TILINT_FUZZ_SCALE=20): KeyError in context.quote_regions.
    for text in ["’REFUSE‘", "REFUSE#’'", "’She refused’ lunch."]:
        lint_text(text)
        lint_text(text, kind="markdown")


@budget(300)
@given(text=TEXT)
def test_linting_twice_gives_the_same_findings(text: str) -> None:
    # The second call is answered from the segment cache: it must agree with the first.
    assert lint_text(text) == lint_text(text)


# ---------------------------------------------------------------- locality

# Other sentences are made of plain words and commas only: no quotation marks (a quote
# may legitimately span sentences), no directives, no abbreviations with a full stop.
PLAIN = st.lists(
    st.sampled_from(
        ["she", "he", "they", "refused", "claims", "was", "non-compliant", "the", "court", "ward", "plan",
         "addict", "said", "described", "manipulative", "lunch", "not", "never", "term", "word", "called",
         "denies", "and", "a", "with", "staff", "Anonymous", "Alcoholics", "Mr", "Smith", ","]
    ),
    min_size=1,
    max_size=12,
).map(lambda words: " ".join(words).capitalize() + " today.")
# ('today.' because the sentencizer splits only where the tokenizer makes '.' a token of
# its own: after a single letter it is an abbreviation, 'a.', and no sentence ends.)
TARGETS = [
    "She refused lunch.",
    "He was non-compliant with his medication.",
    "The court refused bail.",
    "She claims the pain is worse.",
    "Staff said he is an addict.",
    "He denies any thoughts of self-harm.",
    "The word manipulative is stigmatising.",
    "Her brother committed suicide last year.",
    "She was described as attention-seeking and manipulative.",
]


def _relative(text: str, start: int, end: int, config: Config | None = None) -> list[tuple[str, int, int, tuple[str, ...]]]:
    return [
        (f.rule, f.start - start, f.end - start, tuple(s.text for s in f.suggestions))
        for f in lint_text(text, config)
        if start <= f.start and f.end <= end
    ]


@budget(500)
@given(
    before=st.lists(PLAIN, max_size=4),
    after=st.lists(PLAIN, max_size=4),
    target=st.sampled_from(TARGETS),
    check_quotes=st.booleans(),
)
def test_findings_in_a_sentence_do_not_depend_on_the_other_sentences(
    before: list[str], after: list[str], target: str, check_quotes: bool
) -> None:
    config = Config(check_quotes=check_quotes)
    alone = _relative(target, 0, len(target), config)
    prefix = "".join(s + " " for s in before)
    text = prefix + target + "".join(" " + s for s in after)
    assert _relative(text, len(prefix), len(prefix) + len(target), config) == alone
