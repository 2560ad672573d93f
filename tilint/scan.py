"""The prefilter's first look at a segment: plain string work, no spaCy.

Two Aho-Corasick automata (pyahocorasick), built from the tokenized lexicon with the
rest of the prefilter (tilint/prefilter.py) and cached with it. A segment in which
neither finds anything cannot hold a finding, and the prefilter's answer for it is
False before any tokenizer is asked. So a process whose text has no such segment (a
clean file, a one-line check) never needs spaCy: tilint.api.Linter loads the pipeline
only for the first segment this lets through. The cache of this part alone is written
and read by tilint.api; its types must import nothing heavier than pyahocorasick.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick


def fold(text: str) -> str:
    """Lower case, with the Greek final sigma (the one letter str.lower() lowers by its
    neighbours, not on its own) made the ordinary one, in patterns and text alike."""
    text = text.lower()
    return text.replace("\u03c2", "\u03c3") if "\u03c2" in text else text


# An anchor's value in the automaton: its length in the low bits, and above them the
# number of the set of rule groups it stands for when all of those need required words
# (tilint/prefilter.py, step 3), else 0.
LENGTH_BITS = 16
LENGTH_MASK = (1 << LENGTH_BITS) - 1


@dataclass(frozen=True, slots=True)
class TextScan:
    automaton: ahocorasick.Automaton  # folded phrases without spaces; values: see LENGTH_BITS
    # Multi-word phrases without their filler words, packed, and the folded fillers (the
    # prefilter's step 4); None when the lexicon allows no fillers.
    gapped: ahocorasick.Automaton | None = None
    fillers: frozenset[str] = frozenset()
    # a multi-word phrase made of fillers only: any text with a filler may hold it
    any_filler: bool = False
    # runs of letters (folded) of the tokenizer's special cases that split a filler off
    # letters ("yall" -> "y" "all"): a filler token hides inside them
    fused: frozenset[str] = frozenset()
    watched: frozenset[str] = frozenset()  # fillers | fused, looked for in one pass

    def may_match(self, text: str) -> bool:
        """False when the prefilter would answer False for `text` (as the tokenizer sees
        it): no phrase of the lexicon is in it, even with a filler taken out."""
        folded = fold(text)
        return self.any_anchor(folded.replace(" ", "")) or self.gapped_match(folded)

    def anchors(self, packed: str) -> Iterator[tuple[int, int]]:
        """(last offset, value) in `packed` (folded, spaces removed) of every phrase; the
        value holds its length and its groups' number (LENGTH_BITS)."""
        return self.automaton.iter(packed)  # type: ignore[no-any-return]

    def any_anchor(self, packed: str) -> bool:
        return next(self.automaton.iter(packed), None) is not None

    def gapped_match(self, folded: str) -> bool:
        """Step 4: could a phrase with a filler in a gap be here?

        A filler in a match is a token, so a run of letters and digits of its own (its
        neighbours are spaces or punctuation: "lacks any insight", "non very-compliant",
        "SMI-then patients"), except where a tokenizer special case splits one off
        letters ("yall" -> "y" "all": `fused`, which lets the segment through). Taking
        out every filler run and every space leaves the rest of such a match whole, with
        a cut inside it or at its edge."""
        if not self.fillers:
            return False
        # the same text with everything but letters and digits made a space: the same
        # offsets, and its words are the runs
        spaced = folded.translate(_NOT_ALNUM_ASCII) if folded.isascii() else _NOT_ALNUM.sub(" ", folded)
        present = self.watched.intersection(spaced.split())  # fillers and fused runs
        if not present:  # most segments: a few passes in C
            return False
        if self.any_filler or not self.fused.isdisjoint(present):
            return True
        if self.gapped is None:
            return False
        padded = f" {spaced} "
        places: list[tuple[int, int]] = []  # [start, end) of every filler run
        for word in present:
            key = f" {word} "
            i = padded.find(key)
            while i >= 0:  # i: the space before it in `padded`, so its start in `folded`
                places.append((i, i + len(word)))
                i = padded.find(key, i + len(word) + 1)
        places.sort()
        # The text between fillers, spaces removed: the tokens of a match are separated
        # by one space or nothing (other whitespace is a token of its own).
        kept: list[str] = []
        cuts: list[int] = []  # offsets of the packed text where fillers were taken out
        length = 0
        previous = 0
        for a, b in places:
            piece = folded[previous:a].replace(" ", "")
            kept.append(piece)
            length += len(piece)
            cuts.append(length)
            previous = b
        kept.append(folded[previous:].replace(" ", ""))
        for last, size in self.gapped.iter("".join(kept)):
            first = last - size + 1
            i = bisect.bisect_left(cuts, first)
            if i < len(cuts) and cuts[i] <= last + 1:
                return True
        return False


# Not a letter or digit: [\W_] is exactly "not str.isalnum" (tests/test_prefilter.py).
_NOT_ALNUM = re.compile(r"[\W_]")
_NOT_ALNUM_ASCII = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})  # in C, for ASCII


class PassRate:
    """How much of the recent text the prefilter let through, by characters. Where most
    of it passes (notes dense with candidate phrases), deciding costs more than it saves:
    the decision costs about 0.8 of tokenizing a word, and saves tokenizing and checking
    only the text that fails. Then the prefilter rests and every segment is linted whole,
    which gives the same findings (the prefilter only ever decides what to skip), and
    after a while it decides again, in case the text has changed."""

    PROBE = 32_000  # characters decided before the share is judged
    REST = 256_000  # characters linted whole before deciding again
    # Above this share deciding costs more than it saves: bench/bench.py, the bench prose
    # (a tenth passes) against the accuracy corpus (over half), with the prefilter on and off.
    DENSE = 0.45

    __slots__ = ("_dense", "_passed", "_resting", "_seen")

    def __init__(self, dense: float = DENSE) -> None:
        self._dense = dense
        self._seen = self._passed = self._resting = 0

    @classmethod
    def never_resting(cls) -> PassRate:
        return cls(dense=1.0)  # no share of passed characters is above all of them

    def deciding(self, chars: int) -> bool:
        """Should the prefilter decide about the next segment of `chars` characters?"""
        if self._resting <= 0:
            return True
        self._resting -= chars
        return False

    def record(self, chars: int, *, passed: bool) -> None:
        self._seen += chars
        self._passed += chars if passed else 0
        if self._seen >= self.PROBE:
            if self._passed > self._dense * self._seen:
                self._resting = self.REST
            self._seen = self._passed = 0
