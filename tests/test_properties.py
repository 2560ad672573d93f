"""Properties that hold for any text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tilint import lint_text
from tilint.positions import line_col, line_starts

WORDS = st.sampled_from(
    ["She", "refused", "non-compliant", "the", "court", "\"", "'", "said", ".", ",", "\n", "\r\n",
     "café", "😀", "<!--", "-->", "tilint-disable", "*", "`", "Alcoholics", "Anonymous", " ", "  "]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, kind=st.sampled_from(["text", "markdown"]))
def test_findings_slice_the_text_and_agree_with_line_and_column(text: str, kind: str) -> None:
    starts = line_starts(text)
    for f in lint_text(text, kind=kind):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert (f.line, f.column) == line_col(starts, f.start)
        assert (f.end_line, f.end_column) == line_col(starts, f.end)


@settings(max_examples=100, deadline=None)
@given(before=st.text(alphabet="abc .,\n", max_size=80))
def test_a_finding_does_not_depend_on_earlier_paragraphs(before: str) -> None:
    target = "She refused lunch."
    text = before + "\n\n" + target
    found = [(f.rule, f.start - (len(text) - len(target))) for f in lint_text(text) if f.start >= len(text) - len(target)]
    assert found == [("TI102", 4)]


SEGMENT_TEXT = st.text(alphabet=list("ab P:-.;'’\u00a0\u2010\u2011\t\r\n1)#|*"), max_size=120)


@settings(max_examples=500, deadline=None)
@given(text=SEGMENT_TEXT, long_run=st.booleans())
def test_segments_split_the_same_before_and_after_normalisation(text: str, long_run: bool) -> None:
    # The linter normalises each segment after splitting, so splitting must not depend
    # on the characters normalisation changes.
    from tilint import segment
    from tilint.api import _SAME_LENGTH_NORMALISATION

    if long_run:  # exercise the cut of over-long segments with a small limit
        old = segment.MAX_SEGMENT
        segment.MAX_SEGMENT = 12
    try:
        raw = [(offset, len(part)) for offset, part in segment.segments(text)]
        normalised = [(offset, len(part)) for offset, part in segment.segments(text.translate(_SAME_LENGTH_NORMALISATION))]
    finally:
        if long_run:
            segment.MAX_SEGMENT = old
    assert raw == normalised


def test_no_break_spaces_and_unicode_hyphens_are_matched_in_any_segment() -> None:
    text = "Plan\u00a0review:\u00a0she was non\u2011compliant.\n\u2010\u00a0He was non\u2010compliant too.\n"
    assert [f.text for f in lint_text(text)] == ["non\u2011compliant", "non\u2010compliant"]


@settings(max_examples=500, deadline=None)
@given(
    text=SEGMENT_TEXT,
    ranges=st.lists(st.tuples(st.integers(0, 130), st.integers(0, 130)), max_size=5),
    long_run=st.booleans(),
)
def test_segments_with_blanks_equal_segments_of_the_blanked_text(text: str, ranges: list[tuple[int, int]], long_run: bool) -> None:
    from tilint import segment

    ranges = sorted((a, b) for a, b in ranges if a < b)
    if long_run:
        old = segment.MAX_SEGMENT
        segment.MAX_SEGMENT = 12
    try:
        lazy = list(segment.segments(text, ranges))
        eager = list(segment.segments(segment.blank_ranges(text, ranges)))
    finally:
        if long_run:
            segment.MAX_SEGMENT = old
    assert lazy == eager
