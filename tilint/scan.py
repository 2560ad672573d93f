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
import copyreg
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

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


# pyahocorasick splits a larger dump into buffers of this size, and loses the last one
_ONE_DUMP = 16 * 1024 * 1024
# The last release known to keep the references (WojciechMula/pyahocorasick#219): later
# ones are left alone, fixed or not, since releasing a reference a fixed release owns
# would free what it still uses. The pickling test shows whether a later one leaks.
_LAST_LEAKING_RELEASE = (2, 3, 1)


def _reduce_automaton(automaton: ahocorasick.Automaton) -> Any:
    """pickle's reduction of an Automaton, without the references that pyahocorasick
    (2.3.1 and earlier) keeps for ever to the list of node dumps, to each dump and to the
    list of values: it leaks the whole pickled size on every pickle.dumps. A long-lived
    process writes a cache after every compile (a lexicon edited under the language
    server, a cache pruned under a running audit): 20 MB lost each time.

    Each object's count is compared with that of a control held in the same way, and a
    reference is let go only where exactly one too many is held, and only on the releases
    known to leak. A dump too large for one buffer loses a buffer nothing can reach: such
    an automaton is pickled as its words instead, and built again when loaded (slower to
    load, which only a very large lexicon meets). `total_size` bounds the dump: a trie has
    one link fewer than nodes, and a node with its link takes no less room in memory
    than in the dump."""
    if automaton.get_stats()["total_size"] > _ONE_DUMP:
        return _automaton_from_items, (automaton.store, automaton.kind, list(automaton.items()))
    reduced = automaton.__reduce__()
    if not _leaking_release() or len(reduced) < 2 or not reduced[1] or not isinstance(reduced[1][0], list):
        return reduced  # a fixed release, or an empty automaton (nothing dumped)
    dumps, values = reduced[1][0], reduced[1][-1]
    control = ([bytes(bytearray(64))], [None])  # lists held by a tuple, as the reduction's own
    control_dumps, control_values = control
    if _excess(dumps, control_dumps) == 1:
        _release(dumps)
    if isinstance(values, list) and _excess(values, control_values) == 1:
        _release(values)  # STORE_ANY: the values' list
    control_dump = control_dumps[0]
    for dump in dumps:
        if _excess(dump, control_dump) == 1:
            _release(dump)
    return reduced


def _automaton_from_items(store: int, kind: int, items: list[tuple[str, Any]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton(store)
    if store == ahocorasick.STORE_LENGTH:
        for word, _ in items:
            automaton.add_word(word)
    else:
        for word, value in items:
            automaton.add_word(word, value)
    if kind == ahocorasick.AHOCORASICK:
        automaton.make_automaton()
    return automaton


def _excess(held: object, control: object) -> int:
    return sys.getrefcount(held) - sys.getrefcount(control)


@cache
def _leaking_release() -> bool:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return _leaks(version("pyahocorasick"))
    except PackageNotFoundError:
        return _leaks(None)


def _leaks(release: str | None) -> bool:
    """Is this pyahocorasick release one known to leak? An unknown one is left alone."""
    try:
        numbers = tuple(int(part) for part in (release or "").split(".")[:3])
    except ValueError:
        return False
    return numbers <= _LAST_LEAKING_RELEASE


@cache
def _decref() -> Callable[[object], None]:
    """A Py_DecRef prototype of our own: pythonapi's is shared, and its argtypes are anyone's
    to change. Made only when pickling: start-up reads caches, it never writes them."""
    import ctypes

    return ctypes.PYFUNCTYPE(None, ctypes.py_object)(("Py_DecRef", ctypes.pythonapi))


def _release(held: object) -> None:
    _decref()(held)


copyreg.pickle(ahocorasick.Automaton, _reduce_automaton)


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
