"""Which segments can hold a finding, found without tokenizing them whole.

Most text holds no lexicon phrase at all, yet tokenizing it was two thirds of linting.
A segment can only give a finding if the matcher finds a term phrase in it (exceptions
and names only ever remove findings) whose group's required context words are there.
So before a segment is tokenized:

1. An Aho-Corasick automaton (pyahocorasick, built with the compiled lexicon and cached
   with it) finds every place where the lower-cased segment contains an *anchor*: one
   token, the longest, of some term phrase as the tokenizer splits it. A phrase matched
   by the trie is a run of the Doc's tokens, every token is a slice of the Doc's text
   (a tokenizer special case such as "cannot" -> "can" "not" still slices it), and
   lower-casing is per character, so every real match contains one of its anchors at
   the same place: the scan may find too much, never too little.
2. Each anchor found is checked with the tokenizer and the phrase trie themselves on
   the few whitespace-delimited chunks around it, enough chunks to hold every phrase
   of that anchor. spaCy tokenizes each chunk on its own (its special cases never span
   whitespace), so the tokens there are the segment's tokens, and a match there is a
   match in the segment. "idu" inside "individual" or "get" inside "together" ends
   here, after one small cached tokenization, or before it: a chunk of letters only is
   one token unless it is one of the tokenizer's special cases, so an anchor that
   starts or ends between two of its letters cannot be a match (_inside_a_word).
3. A group with `requires_before`/`requires_after` words keeps a match only if one of
   them is a token of the same sentence, so one must be in the segment's text. An
   anchor all of whose phrases belong to such groups carries them in the automaton, so
   this is checked before step 2 ('must' with no 'you' in the segment ends here).
4. The matcher lets one filler word (lexicons/classes/phrase-fillers.yml: "lacks *any*
   insight") stand in each gap of a phrase, which the scan above does not see. So when
   it finds nothing, the segment is scanned once more with its filler words taken out,
   for the multi-word phrases without theirs; a hit with a filler taken out inside it
   (or at its edge) lints the segment whole. Sound because a filler in a match is a
   token, so a run of letters and digits of its own, between spaces or glued to the
   punctuation of the phrase ("non very-compliant": tokens non, very, -, compliant),
   except in the few special cases that split one off letters ("yall"), which let the
   segment through. (Until 5 December only fillers between spaces were taken out, and
   such glued fillers were missed: tests/test_prefilter.py.)

Steps 1 and 4 need no tokenizer and live in tilint/scan.py: where they find nothing,
the answer is False before any tokenizer is asked, and tilint.api.Linter checks such
text without loading spaCy at all.

A segment with no such match is not tokenized at all; one with a match is linted whole,
as before. Going below the segment was built and measured, and left out: a window of
whole sentences around the matches can be proved to give the segment's hits (chunks
between spaces tokenize alone; sentence starts after the window's first full stop are
real; the component reads only the match's sentence and the 3 tokens before it; no
match of any kind may cross the cut, so the window must reach the longest phrase past
it; the window's quote regions must equal the segment's there), but after this
prefilter 80 % of the segments left hold a finding, and on the bench prose such a
window (margins of 60-240 characters, widened once) failed those conditions about as
often as it held and was no faster than linting the paragraph whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import ahocorasick
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LOWER, ORTH

from tilint import syntax
from tilint.context import modifier_like, window_has
from tilint.scan import LENGTH_BITS, LENGTH_MASK, TextScan
from tilint.scan import fold as fold  # re-exported: it lived here

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

    from tilint.compiled import CompiledLexicon, WindowSpec
    from tilint.phrases import PhraseTables


MEMO_SIZE = 50_000  # chunk texts whose term matches are kept (most are one word)


@dataclass(frozen=True, slots=True)
class Prefilter:
    # Steps 1 and 4, which need no tokenizer: when it finds nothing, may_find is False.
    scan: TextScan
    tables: PhraseTables
    # group position -> its required-context conditions, each a tuple of folded words of
    # which one must occur (one word stands for a multi-word phrase)
    requires: dict[int, tuple[tuple[str, ...], ...]]
    # group position -> (requires_before, requires_after), for groups with either
    windows: dict[int, tuple[WindowSpec | None, WindowSpec | None]]
    # the tokenizer's special cases that are letters only, folded (see _inside_a_word)
    special_words: frozenset[str] = frozenset()
    # numbered sets of groups that all need required words; an anchor's number (0: none)
    # is stored with its length in the automaton (tilint.scan.LENGTH_BITS)
    required_groups: tuple[tuple[int, ...], ...] = ((),)

    def may_find(
        self,
        text: str,
        tokenizer: Tokenizer,
        memo: dict[str, tuple[tuple[int, int, int], ...]],
        off: frozenset[int] = frozenset(),
    ) -> bool:
        """False when linting `text` (as the tokenizer sees it) certainly finds nothing;
        `off` holds the positions of groups whose rule is off, which find nothing.
        `memo` keeps the term matches of chunks already tokenized here: most anchors
        found are in common words ('get' in 'together'), so most checks are repeats.
        True only where self.scan.may_match(text) is True: every True below is reached
        through an anchor of the scan or its gapped match."""
        scan = self.scan
        folded = fold(text)
        packed = folded.replace(" ", "")
        if len(folded) != len(text):  # a letter lowered to two ('İ'): offsets differ
            return scan.any_anchor(packed) or scan.gapped_match(folded)
        checked: set[tuple[int, int]] = set()
        known = (0, 0)  # (offset without spaces, offset in text) of the last place found
        possible: dict[int, bool] = {}  # number of a set of groups -> may their words be here
        in_reach: dict[int, bool] = {}  # group position -> may its required words be here
        for last, value in scan.anchors(packed):
            size = value & LENGTH_MASK
            number = value >> LENGTH_BITS
            if number:
                # Every phrase this anchor stands for needs a word absent here: no match
                # of it can be kept, so no need to tokenize around it (step 3, first).
                if number not in possible:
                    possible[number] = any(
                        g not in off and self._context_cached(g, folded, in_reach) for g in self.required_groups[number]
                    )
                if not possible[number]:
                    continue
            at = _unpacked(folded, last, known)  # ends come in order: count on from the last
            known = (last, at)
            first = at - size + 1
            if " " in folded[first : at + 1]:
                first = _unpacked(folded, last - size + 1, (0, 0))
            if self._inside_a_word(text, first, at):
                continue
            region = _chunks(text, first, at)
            if region in checked:
                continue
            checked.add(region)
            a, b = region
            for group, start, end in self._terms(text[a:b], tokenizer, memo):
                if group in off or not self._context_cached(group, folded, in_reach):
                    continue
                windows = self.windows.get(group)
                if windows is None or _window_possible(text, a + start, a + end, windows, tokenizer, scan.fillers):
                    return True
        return scan.gapped_match(folded)

    def _inside_a_word(self, text: str, first: int, last: int) -> bool:
        """Does text[first:last + 1] begin or end between two letters of a chunk that the
        tokenizer keeps whole? Then no phrase match can be there ('get' in 'together',
        'idu' in 'individual'), and the chunk need not be tokenized. A chunk (between
        whitespace) of letters only is one token: the tokenizer's prefix, suffix and infix
        patterns all hold a character that is not a letter (or follow a digit), so only a
        special case of the whole chunk ('cannot' -> 'can' 'not') could split it; those
        are in `whole_words`. tests/test_prefilter.py checks both halves of this."""
        n = len(text)
        for p in (first, last + 1):  # the two token boundaries a match there would need
            if 0 < p < n and text[p - 1].isalpha() and text[p].isalpha():
                a, b = _chunks(text, p, p)
                chunk = text[a:b]
                if chunk.isalpha() and fold(chunk) not in self.special_words:
                    return True
        return False

    def _terms(
        self, chunks: str, tokenizer: Tokenizer, memo: dict[str, tuple[tuple[int, int, int], ...]]
    ) -> tuple[tuple[int, int, int], ...]:
        """(group position, start, end) of the term matches in `chunks`, tokenized alone."""
        found = memo.get(chunks)
        if found is None:
            doc = tokenizer(chunks)
            tables = self.tables
            matches = tables.lower(doc)
            if tables.orth.size:
                matches += tables.orth(doc)
            out = []
            for key, start, stop in matches:
                term = tables.terms.get(key)
                if term is not None:
                    span = doc[start:stop]
                    out.append((term[0], span.start_char, span.end_char))
            found = tuple(out)
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[chunks] = found
        return found

    def _context_possible(self, group: int, folded: str) -> bool:
        return all(any(word in folded for word in words) for words in self.requires.get(group, ()))

    def _context_cached(self, group: int, folded: str, known: dict[int, bool]) -> bool:
        """_context_possible, asked once per group and segment (`known` is the segment's)."""
        found = known.get(group)
        if found is None:
            found = known[group] = self._context_possible(group, folded)
        return found


def _unpacked(text: str, i: int, known: tuple[int, int]) -> int:
    """The offset in `text` of offset `i` of `text` with its spaces removed, counting on
    from `known`, a pair of such offsets with known[0] <= i."""
    base, base_at = known
    at = base_at + (i - base)
    while True:  # at = that + the spaces between: a fixed point, reached from below
        moved = base_at + (i - base) + text.count(" ", base_at, at)
        if moved == at:
            break
        at = moved
    while text[at] == " ":
        at += 1
    return at


def _chunks(text: str, first: int, last: int) -> tuple[int, int]:
    """[a, b): the whitespace-delimited chunks (by str.isspace, as spaCy splits) that
    hold text[first] to text[last]."""
    return _chunk_start(text, first), _chunk_end(text, last + 1)


def _window_possible(
    text: str,
    first: int,
    end: int,
    windows: tuple[WindowSpec | None, WindowSpec | None],
    tokenizer: Tokenizer,
    fillers: frozenset[str] = frozenset(),
) -> bool:
    """Could the match text[first:end] have its required words in its sentence? The
    component reads the last `size` words (tokens neither punctuation nor space) before
    it in its sentence: a suffix of the last `size` words before it in the segment, so
    if those lack the required words, so does the sentence (likewise after it). Before
    the match, filler words take no place in the window ("a young alcoholic")."""
    before, after = windows
    if before is not None and before.size == 1:
        # the component also reads the word before a coordinated first word ("the addict
        # or alcoholic": context.shared_word_before): 3 words hold both places
        before = replace(before, size=3)
    if before is not None and not _before_possible(text, first, before, tokenizer, fillers) and not _after_coordinator(text, first):
        return False
    if after is None:
        return True
    if not _surely_absent(text, end, after, forward=True):
        words = _words_near(text, end, after.size, tokenizer, forward=True)
        if words is None or window_has(words, after):
            return True
    # as the component, only when the window fails: it reads past people modifiers
    return _modifier_near(text, end, after.size)


def _modifier_near(text: str, end: int, size: int) -> bool:
    """Is a modifier (context.modifier_like) among the `size` + 1 chunks after offset
    `end`? Then the component reads past it for the noun a rule requires ("violent,
    aggressive or agitated patients"), further than the window, so the match is let
    through."""
    i, n = end, len(text)
    for _ in range(size + 1):
        i = _skip_space(text, _chunk_end(text, i))
        if i >= n:
            return False
        j = _chunk_end(text, i)
        chunk = text[i:j]
        # a chunk with an apostrophe or hyphen may be one token ("O'Neal"): let it through
        if any(c in chunk for c in "'’-") or any(modifier_like(run) for run in _ALNUM_RUN.findall(fold(chunk))):
            return True
        i = j
    return False


def _before_possible(text: str, first: int, before: WindowSpec, tokenizer: Tokenizer, fillers: frozenset[str]) -> bool:
    """Could the `before.size` words before text[first] hold a required word, fillers left
    out as the component leaves them out?"""
    if _surely_absent(text, first, before, forward=False, fillers=fillers):
        return False
    words = _words_near(text, first, before.size, tokenizer, forward=False)
    if words is None or window_has(words, before):
        return True
    # the component reads the window a second time with the fillers left out, when one is
    # in it (otherwise the two windows are the same)
    skipped = words if fillers.isdisjoint(words) else _words_near(text, first, before.size, tokenizer, forward=False, skip=fillers)
    return skipped is None or window_has(skipped, before)


def _after_coordinator(text: str, at: int) -> bool:
    """Could the match at `at` be a verb coordinated with an earlier one ("left unattended
    and allowed to leave")? The component then reads where the first conjunct begins
    (context.conjunct_window): true if a coordinator comes before it past only chunks
    that may be auxiliaries, negations or adverbs (a chunk with an apostrophe may be
    "wasn't"; one without letters may be any token)."""
    i = at
    for _ in range(syntax.MAX_CLAUSE):
        i = _skip_space_back(text, _chunk_start(text, i))
        if i <= 0:
            return False
        j = _chunk_start(text, i)
        chunk, i = text[j:i], j
        runs = _ALNUM_RUN.findall(fold(chunk))
        if any(run in syntax.COORDINATORS for run in runs):
            return True
        if not ("'" in chunk or "’" in chunk or all(
            run in syntax.AUX or run in syntax.NEGATIONS or syntax.is_adverb(run) for run in runs
        )):
            return False
    return True


def _surely_absent(text: str, at: int, spec: WindowSpec, *, forward: bool, fillers: frozenset[str] = frozenset()) -> bool:
    """True if none of `spec`'s words can be among the `spec.size` words before (or
    after) offset `at`, without tokenizing: a chunk with a letter or digit in it holds a
    word (a token with one is neither punctuation nor space), so `size` such chunks hold
    the window, and a word not in their text is not in it. A chunk whose runs of letters
    and digits are all `fillers` may hold no word of the window, so it is not counted."""
    n = len(text)
    found = 0
    i = at
    while found < spec.size:
        if forward:
            i = _skip_space(text, _chunk_end(text, i))
            if i >= n:
                i = n
                break
            j = _chunk_end(text, i)
            chunk, i = text[i:j], j
        else:
            i = _skip_space_back(text, _chunk_start(text, i))
            if i <= 0:
                i = 0
                break
            j = _chunk_start(text, i)
            chunk, i = text[j:i], j
        if fillers:
            found += any(run not in fillers for run in _ALNUM_RUN.findall(fold(chunk)))
        else:
            found += _ALNUM.search(chunk) is not None
    near = fold(text[at:i] if forward else text[i:at])
    return not any(word in near for word in _spec_words(spec))


# id(spec) -> (spec, its words and the words of its phrases, each once); the spec is kept
# so its id is not reused. The phrases of a spec repeat their words: 6,938 words in all
# for 605 distinct ones in the built-in lexicon, each looked for in the text near a match.
_SPEC_WORDS: dict[int, tuple[WindowSpec, tuple[str, ...]]] = {}


def _spec_words(spec: WindowSpec) -> tuple[str, ...]:
    entry = _SPEC_WORDS.get(id(spec))
    if entry is not None and entry[0] is spec:
        return entry[1]
    words = tuple(sorted({*spec.words, *(word for phrase in spec.phrases for word in phrase)}))
    if len(_SPEC_WORDS) >= 4096:  # specs of lexicons loaded earlier must not pile up
        _SPEC_WORDS.clear()
    _SPEC_WORDS[id(spec)] = (spec, words)
    return words


_WORD_ATTRS = [IDX, IS_PUNCT, IS_SPACE, LOWER]


def _words_near(
    text: str, at: int, size: int, tokenizer: Tokenizer, *, forward: bool, skip: frozenset[str] = frozenset()
) -> list[str] | None:
    """The `size` words of `text` before (or from) offset `at`, a token boundary, as the
    segment's tokens, words in `skip` left out; fewer at the segment's edge; None if not
    found in a few tries."""
    chunks = size + 1
    for _ in range(4):
        if forward:
            a = _chunk_start(text, at)
            b = _chunk_end(text, at)
            for _ in range(chunks):
                b = _chunk_end(text, _skip_space(text, b))
        else:
            a = _chunk_start(text, at)
            for _ in range(chunks):
                a = _chunk_start(text, _skip_space_back(text, a))
            b = _chunk_end(text, at)
        doc = tokenizer(text[a:b])
        cut = at - a
        strings = doc.vocab.strings
        words = [  # as the arrays: a Token object per token cost more than the tokenizer
            strings[lower]
            for idx, punct, space, lower in doc.to_array(_WORD_ATTRS).tolist()
            if not (punct or space) and (idx >= cut if forward else idx < cut)
        ]
        if skip:
            words = [w for w in words if w not in skip]
        if len(words) >= size:
            return words[:size] if forward else words[-size:]
        if (b >= len(text)) if forward else (a == 0):
            return words
        chunks *= 4
    return None


# Found by the regular-expression engine rather than a Python loop over characters: for
# str patterns, \s is exactly str.isspace and [^\W_] exactly str.isalnum (every code
# point was compared; tests/test_prefilter.py keeps comparing them).
_SPACE = re.compile(r"\s")
_NOT_SPACE = re.compile(r"\S")
_ALNUM = re.compile(r"[^\W_]")
_ALNUM_RUN = re.compile(r"[^\W_]+")


def _chunk_start(text: str, i: int) -> int:
    """Where the run of non-space characters that ends at offset i starts."""
    j = text.rfind(" ", 0, i) + 1  # most whitespace is a space: one look back, then checked
    if _SPACE.search(text, j, i) is None:
        return j
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _chunk_end(text: str, i: int) -> int:
    m = _SPACE.search(text, i)
    return len(text) if m is None else m.start()


def _skip_space(text: str, i: int) -> int:
    m = _NOT_SPACE.search(text, i)
    return len(text) if m is None else m.start()


def _skip_space_back(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def build_prefilter(
    compiled: CompiledLexicon, tokenizer: Tokenizer, fillers: frozenset[str] = frozenset()
) -> Prefilter | None:
    """The prefilter for a compiled lexicon with phrase tables, or None if one cannot be
    sound (a phrase with no non-space token). `fillers`: the words the matcher lets
    stand in a phrase's gaps."""
    tables = compiled.tables
    if tables is None:
        return None
    positions: dict[str, set[int]] = {}  # surface form -> the groups that have it
    for position, group in enumerate(compiled.groups):
        for text, _ in group.forms:
            positions.setdefault(text, set()).add(position)
    forms = sorted(positions)
    folded_fillers = frozenset(fold(w) for w in fillers)
    anchors: dict[str, set[int]] = {}  # anchor -> the groups of the phrases it stands for
    gapped: set[str] = set()
    any_filler = False
    for form, doc in zip(forms, tokenizer.pipe(forms), strict=True):
        tokens = [fold(t.text) for t in doc if not t.is_space]
        anchor = "".join(tokens).replace(" ", "")
        if not anchor or len(anchor) > LENGTH_MASK:
            return None  # a phrase of spaces only (nothing to look for), or absurdly long
        anchors.setdefault(anchor, set()).update(positions[form])
        if folded_fillers and len(tokens) > 1:
            without = "".join(t for t in tokens if t not in folded_fillers).replace(" ", "")
            if without:
                gapped.add(without)
            else:
                any_filler = True
    requires: dict[int, tuple[tuple[str, ...], ...]] = {}
    for position, group in enumerate(compiled.groups):
        conditions: list[tuple[str, ...]] = []
        for window in (group.requires_before, group.requires_after):
            if window is None:
                continue
            words = {*window.words, *(max(phrase, key=len) for phrase in window.phrases)}
            conditions.append(tuple(sorted(fold(w) for w in words)))
        if conditions:
            requires[position] = tuple(conditions)
    windows = {
        position: (group.requires_before, group.requires_after)
        for position, group in enumerate(compiled.groups)
        if group.requires_before is not None or group.requires_after is not None
    }
    required_groups: list[tuple[int, ...]] = [()]
    numbers: dict[tuple[int, ...], int] = {}
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)  # no Python object per phrase
    for anchor in sorted(anchors):
        groups = tuple(sorted(anchors[anchor]))
        number = 0
        if all(g in requires for g in groups):
            number = numbers.get(groups, 0)
            if not number:
                number = numbers[groups] = len(required_groups)
                required_groups.append(groups)
        automaton.add_word(anchor, len(anchor) | number << LENGTH_BITS)
    automaton.make_automaton()
    gapped_automaton = None
    if gapped:
        gapped_automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        for pattern in sorted(gapped):
            gapped_automaton.add_word(pattern)
        gapped_automaton.make_automaton()
    special_words = frozenset(fold(key) for key in tokenizer.rules if key.isalpha())
    fused = _fused(tokenizer, folded_fillers)
    return Prefilter(
        TextScan(automaton, gapped_automaton, folded_fillers, any_filler, fused, folded_fillers | fused),
        tables, requires, windows,
        special_words, tuple(required_groups),
    )



def _fused(tokenizer: Tokenizer, fillers: frozenset[str]) -> frozenset[str]:
    """The runs of letters and digits (folded) of the tokenizer's special cases in which a
    filler token is not a run of its own ("yall" -> "y" "all"): the filler scan cannot
    cut a filler out of them, so a segment holding one is let through."""
    if not fillers:
        return frozenset()
    out: set[str] = set()
    for key, pieces in tokenizer.rules.items():
        folded = fold(key)
        if len(folded) != len(key):
            out.update(_ALNUM_RUN.findall(folded))  # offsets differ: keep every run, to be safe
            continue
        at = 0
        for piece in pieces:  # the pieces of a special case spell its key
            text = piece[ORTH]
            a, b = at, at + len(text)
            at = b
            if fold(text) not in fillers:
                continue
            if (a > 0 and folded[a - 1].isalnum()) or (b < len(folded) and folded[b].isalnum()):
                out.update(m.group() for m in _ALNUM_RUN.finditer(folded) if m.start() < b and a < m.end())
    return frozenset(out)


_ALNUM_RUN = re.compile(r"[^\W_]+")
