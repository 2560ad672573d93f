"""Quotation regions: a typographic opening mark never closed quotes to the end of its
paragraph (quotes of several paragraphs, excerpts cut mid-quote), and so does a straight
one that opens its paragraph; a stray straight one inside a paragraph does not. Straight
and curly double marks close each other."""

from __future__ import annotations

import pytest

from tilint import lint_text
from tilint.context import quote_regions


def test_an_unclosed_typographic_quote_runs_to_the_end_of_its_paragraph():
    text = "He wrote: “Prisoners who cannot be managed in the main body\nNext line."
    (region,) = quote_regions(text)
    assert text[region[0] : region[1]] == "Prisoners who cannot be managed in the main body"


def test_a_stray_straight_quote_opens_nothing():
    assert quote_regions('The 6" dressing was clean. He was managed in seclusion.') == []


def test_closed_quotes_are_unchanged():
    text = "“She refused,” he said. “Fine.”"
    assert [text[a:b] for a, b in quote_regions(text)] == ["She refused,", "Fine."]


def test_findings_inside_an_unclosed_quote_are_the_quoted_persons_words():
    quoted = "The report said: “staff and prisoners who cannot manage or be managed in the main body"
    assert [f for f in lint_text(quoted) if f.category == "coercive"] == []
    plain = "Prisoners who cannot manage or be managed in the main body are segregated."
    assert [f.rule for f in lint_text(plain)] == ["TI204"]


def test_a_straight_quote_opening_its_paragraph_runs_to_the_paragraph_end():
    text = 'Her mother said:\n\n"The hospital has been treating her, but she was refusing treatment.\n\nNext.'
    (region,) = quote_regions(text)
    assert text[region[0] : region[1]] == "The hospital has been treating her, but she was refusing treatment."
    assert [f.rule for f in lint_text(text)] == []
    # the same words in the writer's own voice stay a finding
    assert [f.rule for f in lint_text("She was refusing treatment.")] == ["TI102"]


def test_a_straight_quote_before_a_space_opens_nothing():
    assert quote_regions('" He was managed in seclusion.') == []


@pytest.mark.parametrize("text", ['Staff called it "sealing over” in the notes.', "Staff called it “sealing over\" in the notes."])
def test_mixed_straight_and_curly_double_marks_pair(text):
    (region,) = quote_regions(text)
    assert text[region[0] : region[1]] == "sealing over"


def test_an_inch_mark_opens_no_quotation():
    # from the first blind review: the inch mark paired with a later curly closing mark
    text = "Laceration 3\" long; pt refused sutures and was non-compliant; says “it'll heal on its own”."
    assert [f.rule for f in lint_text(text)] == ["TI102", "TI101"]
