"""Context that turns a match into a non-finding, per LANGUAGE_POLICY.md:
quoted speech, mentions of a term, proper names, negation and rule word windows.

Everything here looks only inside the sentence of the match, so a finding never
depends on text outside its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from tilint.matching import WindowSpec

# ---------------------------------------------------------------- quotes

_QUOTE_CHARS = re.compile(r"[\"“”„‘’'«»]")
_CLOSERS = {'"': '"', "“": "”", "„": "“”", "«": "»", "'": "'’", "‘": "’'", "’": "’'"}


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside paired quotation marks (marks excluded); outermost only."""
    regions: list[tuple[int, int]] = []
    open_char: str | None = None
    open_at = 0
    for m in _QUOTE_CHARS.finditer(text):
        ch, i = m.group(), m.start()
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch in "'’‘" and before.isalnum() and after.isalnum():
            continue  # an apostrophe: don't, O'Brien
        if open_char is None:
            if ch in "\"“„«" or (ch in "'‘’" and not before.isalnum() and not after.isspace()):
                open_char, open_at = ch, i
            continue
        if ch in _CLOSERS[open_char] and not (open_char in "'‘" and after.isalnum()):
            regions.append((open_at + 1, i))
            open_char = None
    return regions


def inside(start: int, end: int, regions: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    for region in regions:
        if region[0] <= start and end <= region[1]:
            return region
    return None


# ---------------------------------------------------------------- mentions

CUE_NOUNS = frozenset(
    """term terms word words label labels labelling labeling phrase phrases expression
    expressions descriptor descriptors language wording wordings adjective adjectives noun
    nouns verb verbs vocabulary jargon euphemism euphemisms""".split()
)
_FILLER = frozenset(
    """like such as e.g. eg e.g i.e. ie including include includes for example the a an or
    and , : ; " “ ” ' ‘ ’ * _ ( ) / - – — `""".split()
)
_AVOID = frozenset("avoid avoids avoiding avoided replace replacing replaced ban banned".split())
_SPEECH_VERBS = frozenset(
    """use using say saying write writing call calling describe describing label labelling
    labeling term terming refer referring""".split()
)
_NEGATIONS = frozenset("not n't never no avoid avoiding stop without nor".split())
_DESCRIBE_VERBS = frozenset(
    """describe describes described describing call calls called calling label labels
    labelled labeled labelling labeling refer refers referred referring term termed brand
    branded branding dismiss dismissed write writes""".split()
)
_COPULA = frozenset("is are was were 's be".split())
_STANCE = frozenset(
    """stigmatising stigmatizing contested outdated offensive pejorative derogatory loaded
    judgemental judgmental""".split()
)


def is_mention(
    doc: Doc,
    start: int,
    end: int,
    sent: Span,
    quote: tuple[int, int] | None,
    earlier_mentions: Sequence[tuple[int, int]],
    text: str,
) -> bool:
    """Is the match at tokens [start, end) talked about rather than used? `text` is
    doc.text, taken once by the caller (building it costs a pass over the Doc)."""
    span = doc[start:end]
    if quote is not None and _quote_is_just_the_term(text, quote, span):
        return True
    if _emphasised(text, span.start_char, span.end_char):
        return True
    previous = _word_before(doc, start, sent, earlier_mentions)
    if previous is not None:
        lower = previous.lower_
        if lower in CUE_NOUNS or lower in _AVOID:
            return True
        if lower in _SPEECH_VERBS:
            for tok in doc[max(sent.start, previous.i - 3) : previous.i]:
                if tok.lower_ in _NEGATIONS or tok.lower_ in ("of", "than", "to"):
                    return True
    if _labelled_as(doc, start, sent, earlier_mentions):
        return True
    if _negated_description(doc, start, sent):
        return True
    return _followed_by_metalanguage(doc, end, sent)


def _quote_is_just_the_term(text: str, quote: tuple[int, int], span: Span) -> bool:
    inner = text[quote[0] : quote[1]].strip(" .,;:!?*_").lower()
    target = span.text.lower()
    for article in ("a ", "an ", "the "):
        inner = inner.removeprefix(article)
    return inner == target or len(inner) <= len(target) + 3


def _emphasised(text: str, start: int, end: int) -> bool:
    if start == 0 or end >= len(text):
        return False
    before, after = text[start - 1], text[end]
    if before not in "*_" or after != before:
        return False
    # Single markers only: *term* marks a term; **bold** is emphasis, not a mention.
    doubled = (start >= 2 and text[start - 2] == before) or (end + 1 < len(text) and text[end + 1] == after)
    return not doubled


def _word_before(
    doc: Doc, start: int, sent: Span, earlier_mentions: Sequence[tuple[int, int]]
) -> Token | None:
    """The nearest token before `start` that is not filler or an earlier mentioned term."""
    i = start - 1
    steps = 0
    while i >= sent.start and steps < 8:
        tok = doc[i]
        in_mention = next((m for m in earlier_mentions if m[0] <= i < m[1]), None)
        if in_mention is not None:
            i = in_mention[0] - 1
            continue
        if tok.is_space or tok.lower_ in _FILLER:
            i -= 1
            steps += 1
            continue
        return tok
    return None


_LABEL_VERBS = frozenset(
    """perceive perceives perceived perceiving see sees seen saw view views viewed viewing
    regard regards regarded label labels labelled labeled labelling labeling brand brands
    branded dismiss dismisses dismissed stereotype stereotyped stereotyping portray portrays
    portrayed painted written write dismissing characterised characterized""".split()
)


_OBJECTS = frozenset("them him her people patients someone anyone it this".split())


def _labelled_as(
    doc: Doc, start: int, sent: Span, earlier_mentions: Sequence[tuple[int, int]] = ()
) -> bool:
    """'perceived as X', 'dismiss them as X or Y', 'labelled as X': a label reported as
    someone's view, which is talk about the label."""
    i = start - 1
    while i >= sent.start:
        in_mention = next((m for m in earlier_mentions if m[0] <= i < m[1]), None)
        if in_mention is not None:
            i = in_mention[0] - 1
        elif doc[i].is_quote or doc[i].text in ("*", "_", ",", "or", "and") or doc[i].is_space:
            i -= 1
        else:
            break
    if i < sent.start or doc[i].lower_ != "as":
        return False
    i -= 1
    while i >= sent.start and (
        doc[i].lower_.endswith("ly") or doc[i].lower_ in _OBJECTS or doc[i].lower_ in ("off", "often", "being", "be")
    ):
        i -= 1
    return i >= sent.start and doc[i].lower_ in _LABEL_VERBS


def _negated_description(doc: Doc, start: int, sent: Span) -> bool:
    lo = max(sent.start, start - 10)
    for i in range(start - 1, lo - 1, -1):
        if doc[i].lower_ in _DESCRIBE_VERBS:
            for j in range(max(sent.start, i - 3), i):
                if doc[j].lower_ in _NEGATIONS or (doc[j].lower_ == "do" and doc[j + 1].lower_ == "n't"):
                    return True
    return False


def _followed_by_metalanguage(doc: Doc, end: int, sent: Span) -> bool:
    i = end
    words_skipped = 0
    # "X is a loaded word", "X behaviour is a catch-all term": up to two words may stand
    # between the term and the verb.
    while i < sent.end and words_skipped <= 2:
        tok = doc[i]
        if tok.is_quote or tok.text in ("*", "_", "'", "’") or tok.is_space:
            i += 1
            continue
        if tok.lower_ in _COPULA:
            after = [t for t in doc[i + 1 : min(sent.end, i + 9)] if not (t.is_punct or t.is_space)]
            return any(t.lower_ in CUE_NOUNS or t.lower_ in _STANCE for t in after[:5])
        if tok.is_punct:
            return False
        words_skipped += 1
        i += 1
    return False


# ---------------------------------------------------------------- self-description

_FIRST_PERSON = frozenset("i we us me myself ourselves".split())
_COPULAS = frozenset("am 'm m are 're was were been being".split())
_SELF_LINK = _COPULAS | frozenset("have 've a an the all just still also not never once now".split())


def self_described(doc: Doc, start: int, end: int, sent: Span) -> bool:
    """'we alcoholics', "I'm an addict", 'I was a junkie': a person describing themselves
    in their own words (principle 5), treated like a quotation. 'We placed her on obs'
    is staff describing what they did, not a self-description."""
    i = start - 1
    saw_copula = False
    while i >= sent.start and start - i <= 4:
        lower = doc[i].lower_
        if lower in _FIRST_PERSON:
            if saw_copula:
                return True
            # "we alcoholics": a plural label right after we/us
            last = doc[end - 1].lower_
            return (
                i == start - 1
                and end - start == 1
                and lower in ("we", "us")
                and last.endswith("s")
                and not last.endswith("ss")
            )
        if lower not in _SELF_LINK:
            return False
        saw_copula |= lower in _COPULAS
        i -= 1
    return False


# ---------------------------------------------------------------- names

INSTITUTION_HEADS = frozenset(
    """act acts anonymous association associations service services trust team teams
    foundation institute institutes society council administration alliance network
    centre center centres centers programme program project partnership commission board
    committee college clinic hospital unit group charity campaign coalition federation
    agency department ministry office manual journal review framework strategy consortium
    collaborative initiative fund university school academy court tribunal asylum asylums
    infirmary workhouse gaol prison""".split()
)
_NAME_JOINERS = frozenset("of and the for on in & - ' 's to".split())


def in_proper_name(doc: Doc, start: int, end: int, sent: Span) -> bool:
    """A Title Case run around the match that names an organisation, law or programme,
    e.g. 'Alcoholics Anonymous', 'Substance Abuse and Mental Health Services Administration'."""
    if not all(t.is_title or t.is_upper or t.is_punct for t in doc[start:end]):
        return False
    lo = start
    while lo - 1 >= sent.start and _name_part(doc[lo - 1]):
        lo -= 1
    hi = end
    while hi < sent.end and _name_part(doc[hi]):
        hi += 1
    run = doc[lo:hi]
    capitalised = [t for t in run if t.is_title or (t.is_upper and len(t) > 1)]
    if len(capitalised) < 2 or len(run) == end - start:
        return False
    return any(t.lower_ in INSTITUTION_HEADS for t in capitalised)


def _name_part(tok: Token) -> bool:
    return tok.is_title or (tok.is_upper and len(tok) > 1) or tok.lower_ in _NAME_JOINERS


# ---------------------------------------------------------------- negation and windows

_SIMPLE_NEGATIONS = frozenset("not n't no never without nor".split())


def negated(doc: Doc, start: int, sent: Span) -> bool:
    """'not aggressive', 'without agitation', 'no longer combative'."""
    seen = 0
    i = start - 1
    while i >= sent.start and seen < 3:
        tok = doc[i]
        if not (tok.is_punct or tok.is_space):
            if tok.lower_ in _SIMPLE_NEGATIONS:
                return True
            seen += 1
        i -= 1
    return False


def window_words(doc: Doc, start: int, end: int, sent: Span, size: int, before: bool) -> list[str]:
    """Up to `size` lower-cased words next to the match in its sentence, punctuation skipped."""
    words: list[str] = []
    if before:
        i = start - 1
        while i >= sent.start and len(words) < size:
            tok = doc[i]
            if not (tok.is_punct or tok.is_space):
                words.append(tok.lower_)
            i -= 1
        words.reverse()
    else:
        i = end
        while i < sent.end and len(words) < size:
            tok = doc[i]
            if not (tok.is_punct or tok.is_space):
                words.append(tok.lower_)
            i += 1
    return words


def window_has(words: Sequence[str], spec: WindowSpec) -> bool:
    if any(w in spec.words for w in words):
        return True
    for phrase in spec.phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == phrase:
                return True
    return False
