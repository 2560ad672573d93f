"""The spaCy component: finds lexicon phrases and keeps those the context allows.

Matching is a walk of a phrase trie over the tokens' lower-case hashes (tilint/phrases.py);
all context work is done only around the few matches, never over every token.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy
from spacy.attrs import IS_PUNCT, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from thinc.types import Ints2d

from tilint import classes as word_classes
from tilint import context, syntax
from tilint.compiled import CompiledGroup, CompiledLexicon, WindowSpec
from tilint.findings import SuggestionKind
from tilint.lexicon import Lexicon
from tilint.matching import load_compiled
from tilint.phrases import build_tables
from tilint.suggest import match_case, pick_tag

SPAN_KEY = "tilint"


@dataclass(frozen=True, slots=True)
class Hit:
    """A match that survived context checks, relative to its Doc's text.

    `quoted` (the person's own words: quoted, or a first-person self-description) and
    `mention` are kept rather than dropped, so settings (quote checking) can decide
    without linting again.
    """

    rule_index: int
    start: int
    end: int
    suggestions: tuple[tuple[str, bool, SuggestionKind], ...]
    quoted: bool
    mention: bool


if not Doc.has_extension("tilint_hits"):
    Doc.set_extension("tilint_hits", default=())


@Language.factory(
    "tilint",
    default_config={"lexicon_files": [], "builtin": True},
)
def make_tilint(nlp: Language, name: str, lexicon_files: list[str], builtin: bool) -> TilintComponent:
    lexicon, compiled = load_compiled(lexicon_files, builtin=builtin, tokenizer=nlp.tokenizer)
    return TilintComponent(nlp, lexicon, compiled)


@dataclass(frozen=True, slots=True)
class _Candidate:
    group: CompiledGroup
    start: int
    end: int
    tags: frozenset[str]


class TilintComponent:
    def __init__(self, nlp: Language, lexicon: Lexicon, compiled: CompiledLexicon) -> None:
        self.lexicon = lexicon
        self.rules = lexicon.active
        tables = compiled.tables or build_tables(compiled, nlp.tokenizer)
        self._lower = tables.lower
        self._orth = tables.orth
        self._term_keys: dict[int, tuple[CompiledGroup, frozenset[str]]] = {
            key: (compiled.groups[position], tags) for key, (position, tags) in tables.terms.items()
        }
        self._exception_keys = tables.exceptions  # match key -> rule index
        self.group_rules = tuple(group.rule_index for group in compiled.groups)  # group position -> rule index
        self._name_key = tables.name_key
        self.prefilter = compiled.prefilter  # used by api.Linter, which tokenizes
        self.classes = word_classes.builtin()
        # Adverbs and quantifiers that may stand inside a phrase (lexicons/classes/phrase-fillers.yml)
        self._filler_words = self.classes.words("phrase-fillers")
        self._fillers = frozenset(get_string_id(w) for w in self._filler_words)
        self._person_nouns = self.classes.words("person-nouns") | self.classes.words("service-users")
        self._compound_heads = self.classes.words("person-compounds")
        self._people = self._person_nouns | self.classes.words("labelled-people") | self.classes.words("people")

    def __call__(self, doc: Doc) -> Doc:
        hits = self.find(doc)
        doc._.tilint_hits = tuple(hits)
        doc.spans[SPAN_KEY] = [
            Span(doc, *_token_range(doc, h.start, h.end), label=self.rules[h.rule_index].code)
            for h in hits
        ]
        return doc

    def find(self, doc: Doc, text: str | None = None, off: frozenset[int] = frozenset()) -> list[Hit]:
        """Hits in `doc`; `text`, if given, is doc.text (the string it was made from).
        Rules whose index is in `off` give no hits, but their matches still take part
        where they bear on other rules' hits: a longer phrase contains a shorter one
        ('compliant' in 'non-compliant'), and a mentioned term continues a list of
        mentioned terms (the opt-in 'mental asylum' in 'the terms "mental asylum" ... come up,
        people imagine aggressive patients')."""
        matches = self._lower(doc, self._fillers)
        if self._orth.size:
            matches = sorted([*matches, *self._orth(doc, self._fillers)], key=lambda m: (m[1], m[2], m[0]))
        if not matches:
            return []
        candidates: list[_Candidate] = []
        exceptions: dict[int, list[tuple[int, int]]] = defaultdict(list)
        names: list[tuple[int, int]] = []
        for key, start, end in matches:
            term = self._term_keys.get(key)
            if term is not None:
                candidates.append(_Candidate(term[0], start, end, term[1]))
            elif key == self._name_key:
                names.append((start, end))
            else:
                exceptions[self._exception_keys[key]].append((start, end))
        if not candidates or (off and all(c.group.rule_index in off for c in candidates)):
            return []
        if text is not None:
            context.remember_text(doc, text)  # for the context checks that read the line
        # Sentence boundaries are only needed around a match, and most paragraphs have
        # none: a Doc straight from the tokenizer gets the pipeline sentencizer's rules here.
        if not doc.has_annotation("SENT_START"):
            _set_sentence_starts(doc)

        # Across rules, containment comes first: 'compliant' inside 'non-compliant' belongs
        # to the longer phrase even when context then clears it. Within a rule, context
        # comes first: a rejected 'absconded from' must not hide 'absconded'. A group's
        # required words are part of its pattern, not context: 'refused visits' without
        # 'was' before it is no match, so it cannot hide 'refused' ('He refused visits').
        sents = _Sentences(doc)
        candidates = [c for c in candidates if self._has_required_words(doc, c, sents)]
        kept = [c for c in _drop_contained(candidates) if self._allowed(doc, c, exceptions, names, sents)]
        kept = _longest_per_rule(kept)
        if not kept:
            return []
        if text is None:
            text = context.doc_text(doc)  # Doc.text joins every token (a Token object each): once per Doc
        quotes = context.quote_regions(text)
        narrative = context.NarrativeCache(quotes)  # first-person writing around each sentence
        mentions: list[tuple[int, int]] = []
        hits: list[Hit] = []
        recovering: bool | None = None  # the narrator speaks of their own recovery (read once)
        for cand in kept:
            span = doc[cand.start : cand.end]
            sent = sents.of_token(cand.start)  # span.sent: the sentence of its first token
            quote = context.inside(span.start_char, span.end_char, quotes)
            rule = self.rules[cand.group.rule_index]
            mention = context.is_mention(
                doc, cand.start, cand.end, sent, quote, mentions, text, self.classes, "identity-first" in rule.tags, rule.category
            )
            if mention:
                mentions.append((cand.start, cand.end))
            if off and cand.group.rule_index in off:
                continue  # a rule that is off gives no hit (its mention may go on a list)
            own_words = quote is not None or (
                not rule.flag_self_description
                and (
                    context.self_described(doc, cand.start, cand.end, sent)
                    or context.first_person_account(doc, cand.start, cand.end, sent, rule.category, cand.tags, rule.tags)
                    or context.narrator_scope(
                        doc, cand.start, cand.end, sent, rule.category, cand.tags, self.classes, narrative, rule.tags
                    )
                )
            )
            if not own_words and "substance-use" in rule.tags and not rule.flag_self_description:
                if recovering is None:
                    recovering = context.recovering_narrator(text)
                own_words = recovering  # "Addicts in recovery know", from a writer in recovery
            hits.append(
                Hit(
                    rule_index=cand.group.rule_index,
                    start=span.start_char,
                    end=span.end_char,
                    suggestions=self._suggestions(doc, cand, span),
                    quoted=own_words,
                    mention=mention,
                )
            )
        return hits

    def _has_required_words(self, doc: Doc, cand: _Candidate, sents: _Sentences) -> bool:
        group = cand.group
        if group.requires_before is None and group.requires_after is None and group.requires_near is None:
            return True
        s, e = cand.start, cand.end
        sent = sents.of_token(s)
        if group.requires_near is not None:
            near = group.requires_near
            before = context.window_words(doc, s, e, sent, near.size, before=True)
            after = context.window_words(doc, s, e, sent, near.size, before=False)
            if not (context.window_has(before, near) or context.window_has(after, near)):
                return False
        if group.requires_before is not None and not self._has_required_before(doc, s, e, sent, group.requires_before):
            return False
        if group.requires_after is not None:
            spec = group.requires_after
            # one word past the window: a people noun that only modifies the next noun
            # ("manages five inpatient units") is not what the rule requires
            after = context.window_words(doc, s, e, sent, spec.size + 1, before=False, clause=True)
            if not context.window_has(after[: spec.size], spec):
                # "violent, aggressive or agitated patients": the comma ends the clause window
                # but not the list of modifiers
                listed = (
                    e + 1 < sent.end
                    and doc[e].text == ","
                    and doc[e + 1].lower_ not in ("and", "or")
                    and context.modifier_like(doc[e + 1].lower_)
                    and not syntax.predicative(doc, s, sent)
                )
                if not listed and not any(context.modifier_like(word) for word in after):
                    return False
                after, past = self._noun_after_modifiers(doc, e, sent)
                # read past modifiers only to a person: "disruptive or unusual behaviour"
                # is not "disruptive behaviour"; nor a person who only modifies the next
                # noun ("management of aggressive patient behaviour"), but a participle
                # after the person is a reduced relative ("agitated patients waiting in ED")
                compound = past in self._compound_heads and not past.endswith("ing")
                # a comma list of modifiers is one list, whatever its noun: "challenging,
                # aggressive and violent behaviour"
                head_ok = bool(after) and (after[-1] in self._people or (listed and after[-1] in spec.words))
                if not (head_ok and not compound and context.window_has(after, spec)):
                    return False
            if not context.window_has_head(after, spec, self._person_nouns, self._compound_heads):
                return False
        return True

    def _noun_after_modifiers(self, doc: Doc, e: int, sent: Span) -> tuple[list[str], str | None]:
        """The words after a match up to the first that is not a modifier, with the
        preposition and determiner before it, and the next word that is not a modifier:
        "manage violent, aggressive or agitated patients" -> (['patients'], None),
        "management of 35 young people" -> (['of', 'people'], None). Commas between
        modifiers do not end the clause here."""
        words = context.window_words(doc, e, e, sent, 5, before=False, skip_if=context.np_modifier)
        lead = 0
        while lead < len(words) - 1 and (words[lead] in syntax.DETERMINERS or words[lead] == "of"):
            lead += 1
        return words[: lead + 1], (words[lead + 1] if lead + 1 < len(words) else None)

    def _has_required_before(self, doc: Doc, s: int, e: int, sent: Span, spec: WindowSpec) -> bool:
        before = context.window_words(doc, s, e, sent, spec.size, before=True)
        if context.window_has(before, spec):
            return True
        # "a young alcoholic": a filler takes no place in the window (read again only when
        # one is in it: otherwise the two windows are the same)
        if not self._filler_words.isdisjoint(before) and context.window_has(
            context.window_words(doc, s, e, sent, spec.size, before=True, skip=self._filler_words), spec
        ):
            return True
        # "the addict or alcoholic", "at risk of becoming aggressive or violent": a word
        # coordinated with the one before it shares what comes before that one
        first = context.shared_word_before(doc, s, sent, spec.size)
        if first is not None:
            if context.window_has(context.window_words(doc, first, e, sent, spec.size, before=True), spec):
                return True
            if spec.size == 1:
                return False  # one word before a label is its article, never a verb's subject
        # "left unattended and allowed to leave": a verb coordinated with an earlier one
        # shares its subject, read where the first conjunct begins
        return context.window_has(context.conjunct_window(doc, s, sent, spec.size), spec)

    def _first_word_supplying(self, doc: Doc, s: int, e: int, sent: Span, spec: WindowSpec | None) -> int | None:
        """The first of two coordinated words when the required-before words came only from
        before it, else None. Then what rules them out is read there too; a match whose own
        window holds them keeps its own unless-window ("reviewed and permitted to go on leave")."""
        if spec is None:
            return None
        first = context.shared_word_before(doc, s, sent, spec.size)
        if first is None or context.window_has(context.window_words(doc, s, e, sent, spec.size, before=True), spec):
            return None
        return first

    def _allowed(
        self,
        doc: Doc,
        cand: _Candidate,
        exceptions: dict[int, list[tuple[int, int]]],
        names: Sequence[tuple[int, int]],
        sents: _Sentences,
    ) -> bool:
        s, e = cand.start, cand.end
        if any(a < e and s < b for a, b in exceptions.get(cand.group.rule_index, ())):
            return False
        if any(a < e and s < b for a, b in names):
            return False
        sent = sents.of_token(s)
        group = cand.group
        # Required words were checked before containment (_has_required_words).
        if group.unless_before is not None:
            size = group.unless_before.size
            before = context.window_words(doc, s, e, sent, size, before=True)
            if context.window_has(before, group.unless_before):
                return False
            # "the film was long and very violent": a coordinated word shares the subject
            if group.requires_before is not None and context.window_has(context.conjunct_window(doc, s, sent, size), group.unless_before):
                return False
            first = self._first_word_supplying(doc, s, e, sent, group.requires_before)
            if first is not None and context.window_has(context.window_words(doc, first, e, sent, size, before=True), group.unless_before):
                return False  # "the weekends at home became tense and violent": "home" before "tense"
        if group.unless_after is not None:
            # one word after is the noun the match modifies, so not past a comma ("an
            # alcoholic, treatment has failed"); wider windows read on
            size = group.unless_after.size
            after = context.window_words(doc, s, e, sent, size, before=False, clause=size == 1)
            if context.window_has(after, group.unless_after):
                return False
        rule = self.rules[group.rule_index]
        if rule.skip_negated and context.negated(doc, s, sent):
            return False
        if context.split_compound(doc, s) or context.contrasted(doc, s, sent):
            return False
        if context.not_the_persons(doc, s, e, sent, rule.category, rule.tags, cand.tags, self.classes):
            return False
        return not context.in_proper_name(doc, s, e, sent, self.classes)

    def _suggestions(
        self, doc: Doc, cand: _Candidate, span: Span
    ) -> tuple[tuple[str, bool, SuggestionKind], ...]:
        previous = [t.text for t in doc[max(0, cand.start - 3) : cand.start]]
        tag = pick_tag(cand.tags, previous)
        sentence_start = span[0].is_sent_start or cand.start == 0
        possessive = cand.end < len(doc) and doc[cand.end].lower_ in _POSSESSIVE
        heading: bool | None = None  # a Title Case line: read only when a replacement needs its case
        out = []
        for template in cand.group.suggestions:
            text = template.render(tag)
            safe = template.safe_for(tag)
            if template.kind is SuggestionKind.REPLACE:
                if heading is None:
                    heading = _title_case_line(doc, span)
                text = match_case(text, span.text, sentence_start=bool(sentence_start), title=heading)
                # "Schizophrenics' families" -> "People with schizophrenia' families": a
                # replacement that ends in another word cannot carry the possessive.
                if safe and possessive and text.split()[-1:] != span.text.split()[-1:]:
                    safe = False
                if safe and not self._keeps_meaning(doc, span, text, tag):
                    safe = False
            out.append((text, safe, template.kind))
        return tuple(out)

    def _keeps_meaning(self, doc: Doc, span: Span, replacement: str, tag: str | None = None) -> bool:
        """Can `replacement` stand for `span` without changing what the sentence says? A
        fix is only safe when nothing around it depends on the words it replaces (the
        blind review of safe fixes, docs/accuracy.md):
        - a filler inside the match ("is probably bipolar") would be lost;
        - a possessive inside it ("the psych patient's") would be lost;
        - a label expanded into a phrase ("self-harmer" -> "person who self-harms") takes
          the wrong head for a modifier before it ("a prolific", "severe", "former"), a
          place after it ("in bay 5" now says where the self-harm was) and, as a clause in
          the present, the wrong tense in a past sentence."""
        words = [t.lower_ for t in span]
        low = replacement.lower()
        new_words = low.split()
        before = doc[span.start - 1] if span.start > span.sent.start else None
        if tag and tag.startswith("VB") and before is not None and (
            before.lower_ in syntax.DETERMINERS or before.like_num or before.lower_ in _POSSESSIVE
        ):
            return False  # "her attempt to commit suicide": the verb's word as a noun
        # "a recovering alcoholic" -> "a person in recovery": the substance must not be lost
        named = [w for w in words if w in _SUBSTANCE_LABELS or (self.classes.has("substances", w) and w not in _GENERIC_SUBSTANCES)]
        if any(_SUBSTANCE_LABELS.get(w, w) not in low for w in named):
            return False
        if any(w in self._filler_words and w not in new_words and (w.endswith("ly") or w in _TIME_FILLERS) for w in words[1:-1]):
            return False
        if words[-1] in _POSSESSIVE and not replacement.endswith(("'s", "\u2019s", "'", "\u2019")):
            return False
        following = doc[span.end] if span.end < span.sent.end else None
        if new_words and new_words[-1].endswith("ing") and following is not None and following.is_alpha and following.lower_.endswith("ing"):
            return False  # "claims to be hearing voices" -> "reports being hearing voices"
        if len(new_words) <= len(span.text.split()) or new_words[0] not in _PERSON_HEADS:
            return True  # a word for a word ("refused" -> "declined"), or no phrase about a person
        if before is not None and (_glued_hyphen(before) or _modifies(doc, before.i, span.sent)):
            return False  # "Non-diabetics", "a prolific self-harmer", "Severe dementia sufferers"
        clause = "who" in new_words
        if clause and following is not None and following.lower_ in syntax.PREPOSITIONS:
            return False  # "the self-harmer in bay 5"
        # "she was a self-harmer" -> "who self-harms": now, in a sentence about then ("who
        # has had a stroke" holds in both)
        simple_present = clause and not any(f" who {aux} " in f" {low} " for aux in ("has", "have", "had"))
        k = span.start - 1
        while k >= span.sent.start and doc[k].lower_ in syntax.DETERMINERS:
            k -= 1
        return not (simple_present and k >= span.sent.start and doc[k].lower_ in _PAST_MARKERS)


_POSSESSIVE = frozenset({"'", "\u2019", "'s", "\u2019s"})
# The words a label's replacement opens with when it expands into a phrase about a person.
_PERSON_HEADS = frozenset("person people someone a an patients patient".split())
# Words before a label that leave it the head of its phrase: articles, quantifiers, verbs,
# prepositions and conjunctions (any other word may be a modifier of the label itself).
_PERSON_OPENERS = syntax.DETERMINERS | syntax.PREPOSITIONS | syntax.BE | frozenset(
    """and or but as than who that which what whom if when where one two three four five six seven
    eight nine ten dozens hundreds thousands become became becomes becoming call called calls
    labelled labeled described like unlike including among amongst""".split()
)
_PAST_MARKERS = frozenset("was were".split())
# Labels that name a substance, by the substance a replacement must keep.
_SUBSTANCE_LABELS = {"alcoholic": "alcohol", "alcoholics": "alcohol"}
# Substance words that name none in particular ("happy pills" -> "antidepressants" loses nothing).
_GENERIC_SUBSTANCES = frozenset("pill pills drug drugs medication medications medicine medicines substance substances tablets".split())
# Fillers that say when or how often, which a fix must not drop ("is still epileptic");
# fillers ending in -ly say how sure or how much ("is probably bipolar").
_TIME_FILLERS = frozenset("still now also again once then often always sometimes later".split())


def _glued_hyphen(tok: Token) -> bool:
    """A hyphen joined to the next word: the two are one compound ("Non-diabetics")."""
    return tok.text in ("-", "\u2010", "\u2011") and not tok.whitespace_


def _modifies(doc: Doc, k: int, sent: Span) -> bool:
    """Is the word at k a modifier of the label after it ("a known addict", "Severe dementia
    sufferers", "long-term addicts")? Without a tagger: a word that opens no phrase itself,
    standing first in the sentence or after an article, a possessive, a number, a
    preposition or a hyphen ("the ward admits addicts": a verb, after its subject)."""
    word = doc[k]
    # a number, a punctuation mark, an article, a verb of being or a preposition opens a phrase
    if not word.is_alpha or word.like_num or word.lower_ in _PERSON_OPENERS or word.lower_.endswith("ly"):
        return False
    if k - 1 < sent.start:
        return True
    before = doc[k - 1]
    return _glued_hyphen(before) or before.lower_ in syntax.DETERMINERS or before.lower_ in syntax.PREPOSITIONS or before.like_num


def _title_case_line(doc: Doc, span: Span) -> bool:
    """Is the match in a Title Case line ("Working With Schizophrenics", "Housing the
    Mentally Ill"): a word beside it, every word of four letters or more capitalised? Or is it a
    phrase written in Title Case itself ("Substance Abuse")?"""
    sent = span.sent
    own = [t for t in span if t.is_alpha and len(t) >= 4]
    if len(own) >= 2 and all(t.is_title for t in own):
        return True  # "Substance Abuse" capitalised mid-phrase
    others = [t for t in sent if t.is_alpha and not (span.start <= t.i < span.end)]
    long_words = [t for t in sent if t.is_alpha and len(t) >= 4]
    return len(others) >= 1 and len(long_words) >= 2 and all(t.is_title or t.is_upper for t in long_words)


class _Sentences:
    """The sentence of a token, found once per Doc: the required-word check, the context
    checks and the hit each asked spaCy for it again. spaCy's Span.sent is the sentence of
    the span's first token, so one per token serves for matches too."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._of_token: dict[int, Span] = {}

    def of_token(self, i: int) -> Span:
        """doc[i].sent, and doc[i:j].sent for any j"""
        sent = self._of_token.get(i)
        if sent is None:
            sent = self._of_token[i] = self.doc[i].sent
        return sent


def _longest_per_rule(candidates: list[_Candidate]) -> list[_Candidate]:
    """Of overlapping matches of one rule keep the longest ('an addict' over 'addict')."""
    by_rule: dict[int, list[_Candidate]] = defaultdict(list)
    for c in candidates:
        by_rule[c.group.rule_index].append(c)
    out: list[_Candidate] = []
    for group in by_rule.values():
        group.sort(key=lambda c: (c.start, -(c.end - c.start)))
        last_end = -1
        for c in group:
            if c.start >= last_end:  # an overlapping later match loses to the earlier one
                out.append(c)
                last_end = c.end
    out.sort(key=lambda c: (c.start, -(c.end - c.start)))
    return out


def _drop_contained(candidates: list[_Candidate]) -> list[_Candidate]:
    """A match strictly inside another rule's longer match is part of that phrase
    ('compliant' inside 'non-compliant').

    One pass in order of start (longest first), keeping the two furthest ends of
    different rules seen so far: a paragraph with 2,000 matches compared every pair."""
    order = sorted(range(len(candidates)), key=lambda i: (candidates[i].start, -candidates[i].end))
    inner: set[int] = set()
    end1, rule1, end2 = -1, -1, -1  # furthest end (of rule1), furthest end of any other rule
    i = 0
    while i < len(order):
        # Matches with the same span do not contain each other: judge them together,
        # against the earlier spans only, then add them.
        j = i
        first = candidates[order[i]]
        while j < len(order) and (candidates[order[j]].start, candidates[order[j]].end) == (first.start, first.end):
            j += 1
        for k in order[i:j]:
            c = candidates[k]
            other_end = end2 if c.group.rule_index == rule1 else end1
            if other_end >= c.end:
                inner.add(k)
        for k in order[i:j]:
            c = candidates[k]
            if c.group.rule_index == rule1:
                end1 = max(end1, c.end)
            elif c.end > end1:
                end1, rule1, end2 = c.end, c.group.rule_index, end1
            else:
                end2 = max(end2, c.end)
        i = j
    return [c for k, c in enumerate(candidates) if k not in inner]


def _token_range(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    assert span is not None
    return span.start, span.end


_PUNCT_CHARS = frozenset(get_string_id(c) for c in Sentencizer.default_punct_chars)
_NOT_START = 2**64 - 1  # -1 as the uint64 Doc arrays use


def _set_sentence_starts(doc: Doc) -> None:
    """spaCy's Sentencizer (default punctuation), over the token arrays: its own loop
    makes a Token object per token, which was a third of linting a paragraph with a match."""
    n = len(doc)
    if not n:
        return
    orths, puncts = doc.to_array([ORTH, IS_PUNCT]).T.tolist()
    starts = [_NOT_START] * n
    starts[0] = 1
    start = 0
    seen_period = False
    for i in range(n):
        in_punct_chars = orths[i] in _PUNCT_CHARS
        if seen_period and not puncts[i] and not in_punct_chars:
            starts[start] = 1
            start = i
            seen_period = False
        elif in_punct_chars:
            seen_period = True
    starts[start] = 1
    column = cast(Ints2d, numpy.array(starts, dtype="uint64").reshape(n, 1))
    doc.from_array([SENT_START], column)
