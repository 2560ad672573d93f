"""Mechanisms from the twenty-eighth session's work on the dev half of blind round 64. A
narrator who counts themselves in with a label ("I and many other psychotic people") is
describing themselves, as the policy's self-disclosure allows; someone else coordinated
with the label is not. "mates" and its compounds name people around the person, so
"team-mates" is no team (an institution). A person's title before a passive "managed"
names a person, as a people noun does."""

from __future__ import annotations

import pytest
import spacy

import tilint
from tilint import context


def flagged(text: str) -> list[str]:
    return [f.text.lower() for f in tilint.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("I and many other psychotic people struggle.", True),
        ("Me and the other addicts were ignored.", True),
        ("I and other addicts know this.", True),
        ("I and my fellow addicts know this.", False),  # "my" between: not a count word
        ("She and many other addicts struggle.", False),
        ("I met him and many other addicts.", False),
        ("Many other addicts struggle.", False),
    ],
)
def test_counted_with_narrator(text: str, counted: bool) -> None:
    doc = spacy.blank("en")(text)
    label = next(t.i for t in doc if t.lower_ in ("addicts", "psychotic"))
    assert context._counted_with_narrator(doc, label, doc[:]) is counted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Which is why I and many other psychotic people struggle to explain our symptoms.", []),
        ("Me and the other addicts on the ward were never listened to.", []),
        ("She and many other addicts on the ward were never listened to.", ["addicts"]),
        ("I have played with team-mates who have suffered from depression.", ["suffered from"]),
        ("Team-mates have suffered from depression.", ["suffered from"]),
        ("Mr Jones was managed in seclusion overnight.", ["was managed"]),
        # what is managed stands right before: still not the person
        ("Mrs Smith's diabetes was managed with insulin.", []),
        ("Ms Lee was managed conservatively after the fracture.", []),
    ],
)
def test_round64_findings(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected
