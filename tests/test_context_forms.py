"""Forms: an adverb or quantifier inside a listed phrase (lexicons/classes/phrase-fillers.yml)
still matches it, for every rule, without listing the variants."""

from __future__ import annotations

import pytest
import spacy
from spacy.strings import get_string_id

import tilint
from tilint.phrases import PhraseIndex


def spans(text: str) -> list[str]:
    return [f.text for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    "text, span",
    [
        ("She did not really engage with the team.", "did not really engage"),
        ("He failed to even attend.", "failed to even attend"),
        ("He lacks any insight into his illness.", "lacks any insight"),
    ],
)
def test_a_filler_inside_a_phrase_is_matched_with_it(text, span):
    assert span in spans(text)


def test_index_skips_one_filler_per_gap_and_never_a_negation():
    nlp = spacy.blank("en")
    index = PhraseIndex("LOWER")
    index.add(7, [("did", "not", "engage")])
    fillers = frozenset(get_string_id(w) for w in ("really", "fully"))

    def found(text: str) -> list[str]:
        doc = nlp(text)
        return [doc[s:e].text for _, s, e in index(doc, fillers)]

    assert found("did not really engage") == ["did not really engage"]
    assert found("did really not engage") == ["did really not engage"]
    assert found("did not really fully engage") == []  # one filler per gap
    assert found("did engage") == []  # 'not' is never optional
    assert index(nlp("did not really engage")) == []  # without fillers, the exact phrase only


def test_a_filler_that_also_begins_a_longer_phrase_is_tried_both_ways():
    # "older" is a filler and also the first word of "older adults": the trie follows
    # both paths, so "alcoholic older son" matches "alcoholic son" with a filler
    nlp = spacy.blank("en")
    index = PhraseIndex("LOWER")
    index.add(1, [("alcoholic", "son")])
    index.add(2, [("alcoholic", "older", "adults")])
    fillers = frozenset(get_string_id(w) for w in ("older",))

    def found(text: str) -> list[tuple[int, str]]:
        doc = nlp(text)
        return [(key, doc[s:e].text) for key, s, e in index(doc, fillers)]

    assert found("her alcoholic older son") == [(1, "alcoholic older son")]
    assert found("the alcoholic older adults") == [(2, "alcoholic older adults")]
    assert found("the alcoholic older people") == []


@pytest.mark.parametrize(
    "text, span",
    [
        # an adjective of age or birth order between the label and the noun for the person
        ("Her alcoholic older son was at the party.", "alcoholic older son"),
        ("I can't cope with my schizophrenic older brother any more.", "schizophrenic older brother"),
        ("The bipolar teenage girls were placed on another ward.", "bipolar teenage girls"),
    ],
)
def test_an_age_adjective_inside_a_label_and_person_noun_is_matched(text, span):
    assert span in spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "The older patients were moved to the ground floor.",
        "My older brother drinks a lot of alcoholic drinks.",
    ],
)
def test_an_age_adjective_alone_is_no_finding(text):
    assert spans(text) == []


@pytest.mark.parametrize(
    "text, span",
    [
        # the noun of a listed verb, with a determiner or as what is recorded (TI102)
        ("He declined his depot twice, and the refusal was written up as defiance.", "the refusal"),
        ("There was no record of refusals for the missed baths.", "refusals"),
        ("Staff were told to document the refusal.", "the refusal"),
    ],
)
def test_the_noun_of_refusing_is_matched_with_a_determiner(text, span):
    assert span in spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "The refusal of planning permission was appealed.",
        "It separates refusal from informed choice.",
    ],
)
def test_refusal_of_a_request_or_as_a_notion_is_no_finding(text):
    assert spans(text) == []


@pytest.mark.parametrize(
    "text, span",
    [
        # the second of two coordinated labels shares the article of the first
        ("Typically the addict or alcoholic is the last to ask for help.", "alcoholic"),
        ("When a junkie or alcoholic asks for help, listen.", "alcoholic"),
    ],
)
def test_a_coordinated_label_shares_the_article(text, span):
    assert span in spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "She mixed drugs and alcoholic drinks.",
        "Wine or alcoholic cider was served.",
    ],
)
def test_a_coordinated_word_without_an_article_is_no_label(text):
    assert spans(text) == []


@pytest.mark.parametrize(
    "text, span, expected",
    [
        # the noun of a listed label in the other word order (TI105 'treatment resistance')
        ("Her resistance to medication was put down to poor insight.", "resistance to medication", True),
        ("Unresponsiveness to clozapine was noted at review.", "unresponsiveness to clozapine", True),
        ("Cancer cells develop resistance to treatment over time.", "resistance to treatment", False),
    ],
)
def test_resistance_to_treatment_is_the_label_in_the_other_word_order(text, span, expected):
    assert (span.lower() in [s.lower() for s in spans(text)]) is expected
