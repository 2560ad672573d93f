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
