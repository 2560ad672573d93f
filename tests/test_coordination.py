"""A word coordinated with an earlier one shares its subject (issue 10): a rule's
required word before the match is also read where the first conjunct begins ("a resident
who was left alone and allowed to leave"), and so is a word that rules the match out
("the film was long and very violent")."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import context


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The resident was left alone and allowed to wander out of the building.", "allowed to"),
        ("The patient had been granted leave for the weekend and permitted to go home.", "permitted to"),
        ("He became loud and increasingly violent on the ward.", "violent"),
        ("She was shouting, crying and very abusive to the night staff.", "abusive"),
    ],
)
def test_a_coordinated_word_shares_the_first_conjuncts_subject(text: str, span: str) -> None:
    assert span in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The film was long and very violent.",  # the first conjunct's subject rules it out
        "The storm was sudden and violent.",
        "Smoking is banned and visitors are allowed to the garden.",  # a clause of its own, not a shared subject
        "It was quiet and violent films were not shown.",  # no coordinated word: a label before a noun
    ],
)
def test_a_coordinated_word_whose_shared_subject_is_not_a_person_is_left_alone(text: str) -> None:
    assert not {"violent", "allowed to", "allowed"} & set(flagged(text))


def test_the_conjunct_window_reads_before_and_at_the_first_conjunct() -> None:
    nlp = spacy.blank("en")
    doc = nlp("One resident who was left alone and then allowed to leave.")
    sent = doc[:]
    allowed = next(t.i for t in doc if t.text == "allowed")
    assert context.conjunct_window(doc, allowed, sent, 3) == ["one", "resident", "who", "was", "left", "alone"]
    # no coordinator before the match (past adverbs and auxiliaries): nothing to read
    left = next(t.i for t in doc if t.text == "left")
    assert context.conjunct_window(doc, left, sent, 3) == []


def test_a_second_retold_clause_after_and_that_is_indirect_speech() -> None:
    # the speaker's "that" clauses, however many: their words, retold
    assert "refused" not in flagged("The nurse said the man was calm on the ward and that he had refused his tablets.")
    assert "no insight" not in flagged("The judge said Ling had acted out his problems in many ways and that he had no insight into it.")
    # the writer's own saying stays a use
    assert "no insight" in flagged("I said he had acted out in many ways and that he had no insight into it.")


def test_an_account_told_to_someone_is_still_the_persons_account() -> None:
    # "to me" is the hearer of a that-clause, not a person kept from something
    assert "confessed to" in flagged("Last week he confessed to me that he had been drinking again.")
    # a person on the receiving end stays ordinary
    assert not flagged("Access was denied to them at the door.")


def test_testifying_and_recalling_retell_someone_elses_words() -> None:
    assert "refused" not in flagged("The nurse testified that he had refused his tablets.")
    assert "refused" not in flagged("His mother recalled that he had refused his tablets that week.")
    assert "refused" in flagged("He refused his tablets that week.")  # the writer's own words
