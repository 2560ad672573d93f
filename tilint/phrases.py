"""Exact token-sequence matching over a Doc's hashed LOWER or ORTH attribute.

It finds what spaCy's PhraseMatcher finds, but is built once, when the lexicon is
compiled, and cached on disk with it (unpickling takes 0.02 s). PhraseMatcher needs a
Doc per phrase: for the ~25,000 surface forms of the lexicon that cost half a second and
~100 MB at every start-up, more than the rest of tilint's start-up together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, count
from typing import TYPE_CHECKING, Any, Literal

from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

    from tilint.compiled import CompiledLexicon

_END = -1  # a trie key no token hash can take (hashes are unsigned)

# A node maps a token hash to the next node; under _END it lists, sorted, the keys of
# the phrases that end there.
_Node = dict[int, Any]


class PhraseIndex:
    def __init__(self, attr: Literal["LOWER", "ORTH"]) -> None:
        self.attr = attr
        self._attr_id = LOWER if attr == "LOWER" else ORTH
        self._root: _Node = {}
        self.size = 0
        self._shared = False

    def add(self, key: int, phrases: Iterable[Sequence[str]]) -> None:
        """Add phrases, each as its token texts (as the tokenizer split them)."""
        if self._shared:
            raise RuntimeError("PhraseIndex.add after share_leaves: shared leaves would change")
        lower = self.attr == "LOWER"
        for tokens in phrases:
            if not tokens:
                continue
            node = self._root
            for text in tokens:
                h = get_string_id(text.lower() if lower else text)
                child = node.get(h)
                if child is None:
                    child = node[h] = {}
                node = child
            keys: list[int] = node.setdefault(_END, [])
            if key not in keys:
                keys.append(key)
                keys.sort()
                self.size += 1

    def share_leaves(self) -> None:
        """Make the trie's leaves (nodes that only end phrases) one object per distinct set
        of keys: 57,000 leaves hold 1,300 distinct sets, and each was a dict and a list
        (21 MB of the loaded lexicon). Pickling keeps the sharing. Call once the
        index is built: add() would change every phrase that shares a leaf."""
        shared: dict[tuple[int, ...], _Node] = {}
        stack = [self._root]
        while stack:
            node = stack.pop()
            for word, child in node.items():
                if word == _END:
                    continue
                if len(child) == 1 and _END in child:
                    keys = tuple(child[_END])
                    leaf = shared.get(keys)
                    if leaf is None:
                        leaf = shared[keys] = {_END: list(keys)}
                    node[word] = leaf
                else:
                    stack.append(child)
        self._shared = True

    def __call__(self, doc: Doc, fillers: frozenset[int] = frozenset()) -> list[tuple[int, int, int]]:
        """(key, start token, end token) of every occurrence, overlaps included,
        ordered by start, end and key.

        `fillers` are token hashes (adverbs, quantifiers) that may stand in any gap
        between two words of a phrase, one per gap, where the phrase itself has no word
        ("lacks any insight", "did not really engage"); the match then covers them."""
        if not self._root or not len(doc):
            return []
        ids: list[int] = doc.to_array(self._attr_id).tolist()
        root = self._root
        n = len(ids)
        out: list[tuple[int, int, int]] = []
        firsts: list[_Node | None] = list(map(root.get, ids))  # in C: most tokens start no phrase
        for i in compress(count(), firsts):
            node: _Node | None = firsts[i]
            j = i + 1
            # A filler that also begins a longer phrase ("alcoholic older adults") is
            # followed both as a word and as a filler ("alcoholic older son"): the second
            # path waits here, and this start's matches are sorted again if it was used.
            pending: list[tuple[_Node, int]] | None = None
            mark = len(out)
            branched = False
            while True:
                while node is not None:
                    keys = node.get(_END)
                    if keys is not None:
                        out.extend((key, i, j) for key in keys)
                    if j >= n:
                        break
                    word = ids[j]
                    child = node.get(word)
                    if fillers and j + 1 < n and word in fillers:
                        skipped = node.get(ids[j + 1])  # one filler in this gap
                        if skipped is not None:
                            if child is None:
                                child = skipped
                                j += 1
                            elif pending is None:
                                pending = [(skipped, j + 2)]
                            else:
                                pending.append((skipped, j + 2))
                    node = child
                    j += 1
                if not pending:
                    break
                node, j = pending.pop()
                branched = True
            if branched:
                out[mark:] = sorted(set(out[mark:]), key=lambda m: (m[2], m[0]))
        return out


@dataclass(frozen=True, slots=True)
class PhraseTables:
    """What the component matches with: two indexes, and what each match key means.
    Keys number the lexicon's phrase sets in lexicon order, so ties sort that way."""

    lower: PhraseIndex
    orth: PhraseIndex  # case-sensitive groups
    terms: dict[int, tuple[int, frozenset[str]]]  # key -> (position in groups, tags)
    exceptions: dict[int, int]  # key -> rule index
    name_key: int | None


def build_tables(compiled: CompiledLexicon, tokenizer: Tokenizer) -> PhraseTables:
    lower, orth = PhraseIndex("LOWER"), PhraseIndex("ORTH")
    terms: dict[int, tuple[int, frozenset[str]]] = {}
    exceptions: dict[int, int] = {}
    name_key = None
    sets: list[tuple[int, PhraseIndex, Sequence[str]]] = []
    key = 0
    for position, group in enumerate(compiled.groups):
        by_tags: dict[frozenset[str], list[str]] = defaultdict(list)
        for text, tags in group.forms:
            by_tags[tags].append(text)
        for tags, texts in by_tags.items():
            key += 1
            terms[key] = (position, tags)
            sets.append((key, orth if group.case_sensitive else lower, texts))
    for rule_index, phrases in compiled.exceptions:
        key += 1
        exceptions[key] = rule_index
        sets.append((key, lower, phrases))
    if compiled.names:
        key += 1
        name_key = key
        sets.append((key, lower, compiled.names))
    unique = sorted({text for _, _, members in sets for text in members})
    split = {text: tuple(t.text for t in doc) for text, doc in zip(unique, tokenizer.pipe(unique), strict=True)}
    for key, index, members in sets:
        index.add(key, (split[text] for text in members))
    lower.share_leaves()
    orth.share_leaves()
    return PhraseTables(lower, orth, terms, exceptions, name_key)
