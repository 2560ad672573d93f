"""A light syntactic view around one match, from tokens and word classes alone.

tilint runs on `spacy.blank("en")`: no tagger, no parser. These heuristics look only at
the few tokens around a match, inside its sentence, and answer the questions the
language policy turns on:

* which clause the match is in (boundaries at punctuation and conjunctions);
* who the subject of a verb is (the nearest noun phrase to its left in the clause,
  past auxiliaries, negation, adverbs and "decided to"-style chains);
* whether the verb is passive (a form of "be" or "get" and a past participle), and
  its "by" agent;
* whether the verb is a right or capacity ("the right to refuse", "may refuse");
* which noun a modifier attaches to ("aggressive lymphoma", "the tumour was
  aggressive", "compliance of the lungs", "lung compliance").

Word lists are data (lexicons/classes/, tilint/classes.py); only grammar words that
make up the heuristic itself (auxiliaries, determiners, conjunctions) are listed here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tilint.classes import WordClasses
from tilint.compiled import VERB_ONLY

BE = frozenset("is are was were be been being am 's 're 'm get gets got getting gotten".split())
COPULAS = BE | frozenset(
    """seem seems seemed become becomes became remain remains remained appear appears appeared
    look looks looked prove proves proved proven""".split()
)
AUX = BE | frozenset(
    "has have had having 've 'd 'll ’ve ’d ’ll do does did will would shall should can could may might must wo ca".split()
)
NEGATIONS = frozenset("not n't never no".split())
NOMINATIVE = frozenset("i we he she they".split())
MODALS_OF_CAPACITY = frozenset("can could ca".split())  # "ca" is the tokenizer's piece of "can't"
RELATIVES = frozenset("who which that whom".split())
CLAUSE_WORDS = frozenset(
    """and but or nor because although though while whereas when whenever if unless since so
    until after before where whereby once than""".split()
)
DETERMINERS = frozenset(
    """a an the this that these those his her their its our your my some any all no each every
    both many most several such other another""".split()
)
PREPOSITIONS = frozenset(
    """of with to in for on at by from into onto about against towards toward over under during
    after before despite upon within without through throughout around among between near
    across behind beyond except like per via since following""".split()
)
_ADVERBS = frozenset(
    """also then still again just now already later initially subsequently previously often
    always sometimes once even only further repeatedly consistently persistently longer ever
    yet too very so quite rather more less most least highly extremely again almost soon""".split()
)
# "decided to refuse": the word before "to" carries the subject of the verb after it.
CATENATIVES = frozenset(
    """want wants wanted try tries tried continue continues continued choose chooses chose
    decide decides decided attempt attempts attempted seem seems seemed appear appears
    appeared tend tends tended need needs needed begin begins began start starts started
    going used has have had refuse refuses refused""".split()
)
# Verbs whose gerund object is the subject's own act: "kept refusing", "tried committing".
GERUND_CATENATIVES = frozenset(
    """try tries tried keep keeps kept continue continues continued start starts started begin
    begins began stop stops stopped quit quits""".split()
)
VERB_TAGS = frozenset({"VB", "VBD", "VBN", "VBG", "VBZ", "VBP"})
_DO_HAVE = frozenset("do does did has have had".split())
_PARTICLES = PREPOSITIONS | frozenset("out off back away up down".split())
# "ics": the plural of an -ic label is a noun ("anorexics eat only small amounts", not an
# adjective before "amounts")
_NOUN_ENDINGS = ("ance", "ence", "ment", "ion", "ity", "ness", "ism", "ers", "ure", "ics")


def is_adverb(lower: str) -> bool:
    return lower in _ADVERBS or (len(lower) > 4 and lower.endswith("ly") and lower not in ("only", "family", "belly"))


def is_boundary(doc: Doc, i: int) -> bool:
    """Does token i end a clause (seen from either side)?"""
    tok = doc[i]
    if tok.is_punct:
        if tok.text == "#" and 0 < i < len(doc) - 1 and doc[i + 1].like_num and doc[i - 1].is_title:
            return False  # "Patient #8": a record's number for a person (not a list's "fine #2 he ...")
        return tok.text not in ("'", "’", "-", "/", "&")  # inside words and names
    if tok.lower_ == "than" and i > 0 and doc[i - 1].lower_ in _COMPARATIVE_COUNTS:
        return False  # "more than half suffer ...": a quantity, not a clause
    return tok.lower_ in CLAUSE_WORDS


_COMPARATIVE_COUNTS = frozenset("more less fewer".split())


MAX_CLAUSE = 40  # tokens either side: a long unpunctuated run must not cost a scan per match


def clause(doc: Doc, start: int, end: int, sent: Span) -> tuple[int, int]:
    """Token range of the clause holding tokens [start, end) (at most MAX_CLAUSE tokens
    either side)."""
    lo = start
    while lo - 1 >= max(sent.start, start - MAX_CLAUSE) and not is_boundary(doc, lo - 1):
        lo -= 1
    hi = end
    while hi < min(sent.end, end + MAX_CLAUSE) and not is_boundary(doc, hi):
        hi += 1
    return lo, hi


def part_of_speech(tags: frozenset[str], doc: Doc, start: int, end: int) -> str:
    """'verb', 'noun' or 'adj' for a match, from its inflection tags or its last word."""
    if tags & VERB_TAGS or VERB_ONLY in tags:
        return "verb"
    if tags & {"NN", "NNS"}:
        return "noun"
    if "JJ" in tags:
        return "adj"
    if end - start > 1 and doc[start].lower_ in _DO_HAVE:
        return "verb"  # "did not attend", "has not engaged": a verb phrase written out
    if end - start > 1 and doc[start].lower_ in BE and doc[end - 1].lower_.endswith(("ed", "en")):
        return "verb"  # "was not allowed", "wasn't allowed": a passive written out
    if end - start > 1 and start > 0 and doc[start].lower_.endswith("ed") and doc[start + 1].lower_ in _PARTICLES:
        j = start - 1  # "are not allowed to", "was kept in": a passive and its particle written out
        while j > 0 and (doc[j].lower_ in NEGATIONS or is_adverb(doc[j].lower_)):
            j -= 1
        if doc[j].lower_ in BE:
            return "verb"
    last = doc[end - 1].lower_
    return "noun" if last.endswith(_NOUN_ENDINGS) else "adj"


def subject(doc: Doc, i: int, sent: Span) -> int | None:
    """The head token of the subject of the verb at token i: the nearest noun phrase to
    its left in the clause, past auxiliaries, negation, adverbs, "decided to" chains and
    relative pronouns ("the officer who denied it" -> officer). None when the clause has
    no subject of its own ("... and refused"), when the nearest noun is the object of a
    preposition, and for a participle after a complete clause ("came to the clinic
    complaining of pain"), whose subject is too far away to be sure of."""
    if doc[i].lower_.endswith("ing"):
        k = i - 1
        while k >= max(sent.start, i - MAX_CLAUSE) and (is_adverb(doc[k].lower_) or doc[k].lower_ in NEGATIONS):
            k -= 1
        if k >= sent.start and doc[k].lower_ in GERUND_CATENATIVES:
            return subject(doc, k, sent)  # "I tried committing suicide": the trier's act
        if k < sent.start or doc[k].lower_ not in BE:
            return None
    j = i - 1
    while j >= max(sent.start, i - MAX_CLAUSE):
        low = doc[j].lower_
        if doc[j].is_space or doc[j].is_quote or low in AUX or low in NEGATIONS or is_adverb(low):
            j -= 1  # a scare-quoted subject: 'a "coroner" claims'
        elif low == "long" and j - 1 >= sent.start and doc[j - 1].lower_ in AUX:
            j -= 1  # "I have long held that": the adverb after an auxiliary
        elif low in ("and", "or") and j - 1 >= sent.start and is_adverb(doc[j - 1].lower_):
            j -= 1  # "has chronically and systemically denied"
        elif low == "to" and j - 1 >= sent.start and doc[j - 1].lower_ in CATENATIVES:
            j -= 2
        elif low == "nor":
            # "The firm neither admitted nor denied": the subject of the verb after "neither"
            first = next((k for k in range(j - 1, max(sent.start, i - MAX_CLAUSE) - 1, -1) if doc[k].lower_ == "neither"), None)
            return subject(doc, first, sent) if first is not None else None
        else:
            break
    if j >= sent.start and doc[j].text == ",":
        antecedent = _relative_antecedent(doc, j - 1, sent)
        if antecedent is not None:
            return antecedent  # "Dr S, the psychiatrist who treated him for years, insisted"
        j = _before_parenthesis(doc, j, sent)  # "Mrs H, in a statement to the inquest, said"
    elif j >= sent.start and _dash(doc, j):
        j = _before_dashed_apposition(doc, j, sent)  # "Two staff – care assistants – refused"
    if j < sent.start:
        return None
    if doc[j].lower_ not in RELATIVES and doc[j].lower_ not in NOMINATIVE:
        # "the psychiatrist who treated him insisted", "the patient who saw the doctor
        # refused": the nearest noun ends a relative clause; the verb's subject is what
        # the clause describes (not after a verb of saying: "the man who said the nurse
        # refused" -> the nurse)
        antecedent = _relative_antecedent(doc, j, sent)
        if antecedent is not None:
            return antecedent
    relative = doc[j].lower_ in RELATIVES
    if relative:
        j -= 1
        while j >= max(sent.start, i - MAX_CLAUSE) and (doc[j].text == "," or doc[j].is_space):
            j -= 1
        if j < sent.start:
            return None
    if is_boundary(doc, j) or doc[j].lower_ in PREPOSITIONS or doc[j].lower_ in DETERMINERS:
        return None
    if doc[j].lower_ in NOMINATIVE:
        return j  # "went to the hospital and they insisted": a subject pronoun is never an object
    if not relative and _name_after_fronted_phrase(doc, j, sent):
        return j  # "At the inquest Ann said": the name opens the clause after the phrase
    if not relative and _name_after_coordinator(doc, j, sent):
        return j  # "... in the patio and S1 denied": a name opens the coordinated clause
    if not relative and _object_of_preposition(doc, j, sent) and not _part_of(doc, j, sent):
        if _after_subordinator(doc, j, sent):
            return j  # "after staff insisted": "after" opens a clause here, not a phrase
        # "an inquest in Blackburn heard": a clause that opens with a noun and its phrase
        opening = _noun_opening_clause(doc, j, sent)
        if opening is not None:
            return opening
        # "a lawsuit filed in court on Friday alleges": the noun a participle phrase describes
        return _reduced_relative_antecedent(doc, j, sent)  # else "came to the clinic complaining of ...": none
    if not relative:
        antecedent = _present_participle_antecedent(doc, j, sent)
        if antecedent is not None:
            return antecedent  # "Officers investigating the case, however, claimed"
    return j  # a relative's antecedent is its subject wherever it stands ("a decline in orders which allow")


def _name_after_coordinator(doc: Doc, head: int, sent: Span) -> bool:
    """Is the token before the verb a name or a code right after "and"/"but" ("and S1
    denied", "but Ann said")? It opens a clause of its own, not a noun phrase after the
    previous preposition."""
    tok = doc[head]
    named = tok.text.isalnum() and tok.text[0].isupper() and tok.lower_ not in NOMINATIVE
    if not (named and head - 2 >= sent.start and doc[head - 1].lower_ in ("and", "but")):
        return False
    # "with the ADON and DON": two names coordinated in one phrase
    before = doc[head - 2]
    return not (before.is_title or before.is_upper)


def _name_after_fronted_phrase(doc: Doc, head: int, sent: Span) -> bool:
    """Is the name ending at `head` the subject after a fronted phrase without its comma
    ("At the inquest Ann said", "In court Mr Hill said")? The name's first word follows a
    lower-case noun, and a name does not follow a common noun within a noun phrase."""
    if not (doc[head].is_title and doc[head].is_alpha):
        return False
    first = head
    while first - 1 >= sent.start and head - first < 3 and doc[first - 1].is_title and doc[first - 1].is_alpha:
        first -= 1
    before = first - 1
    if before <= sent.start or not (doc[before].is_alpha and doc[before].is_lower):
        return False
    low = doc[before].lower_
    if low in PREPOSITIONS or low in DETERMINERS or low in AUX or is_boundary(doc, before) or is_adverb(low):
        return False
    # the phrase opens the sentence or follows a comma or a conjunction ("At the inquest
    # Ann said"), not a phrase inside a subject ("the charity in north London claimed")
    for k in range(max(sent.start, before - 3), before):
        if doc[k].lower_ in PREPOSITIONS:
            if k == sent.start or doc[k - 1].text == "," or doc[k - 1].lower_ in COORDINATORS:
                return True
            break
    # "In a statement read at the inquest Ann said": a longer phrase opening the sentence
    return doc[sent.start].lower_ in PREPOSITIONS and not any(is_boundary(doc, k) for k in range(sent.start, first))


_SUBORDINATORS = frozenset("after before since until till once".split())


def _after_subordinator(doc: Doc, head: int, sent: Span) -> bool:
    """Is the noun at `head`, right before its verb, the subject of a clause that opens
    with a word both preposition and conjunction ('after staff insisted', 'until the team
    refused')? Only a short phrase of determiners between."""
    k = head - 1
    while k >= sent.start and head - k <= 3 and (doc[k].lower_ in DETERMINERS or doc[k].lower_ in ("-",)):
        k -= 1
    return k >= sent.start and doc[k].lower_ in _SUBORDINATORS


def _noun_opening_clause(doc: Doc, end: int, sent: Span) -> int | None:
    """'An inquest in Blackburn [heard]', 'the patient in bed four [refused]', 'staff at
    the unit [denied]': the noun before the preposition of a phrase ending at token `end`,
    when that noun (after its determiners) opens the clause; else None ('came to the clinic
    complaining': a verb, not a noun, opens it). A coordinated object is one ('interviews
    with the ADON and DON [revealed]')."""
    reach = 4
    for p in range(end - 1, sent.start - 1, -1):
        if end - p > reach:
            return None
        if doc[p].lower_ in ("and", "or") and p - 1 >= sent.start and doc[p - 1].is_alpha:
            reach += 2
            continue
        if doc[p].lower_ in PREPOSITIONS:
            noun = p - 1
            if noun < sent.start or not doc[noun].is_alpha or doc[noun].lower_ in AUX or doc[noun].lower_ in NOMINATIVE:
                return None
            if doc[noun].lower_ in DETERMINERS or doc[noun].lower_ in PREPOSITIONS or doc[noun].lower_.endswith("ed"):
                return None
            k = noun - 1
            while k >= sent.start and doc[k].lower_ in DETERMINERS:
                k -= 1
            quantity = _quantifier_of(doc, noun, sent)
            if quantity is not None:
                k = quantity - 1  # "76% of projects in England [refused]": the quantity opens the clause
            return noun if k < sent.start or is_boundary(doc, k) else None
        if is_boundary(doc, p):
            return None
    return None


def _reduced_relative_antecedent(doc: Doc, end: int, sent: Span) -> int | None:
    """'A lawsuit filed in an Ontario court on Friday [alleges]', 'the patient admitted to
    the ward [refused]', 'a nurse making the rounds at the prison [denied]': the noun before
    a participle whose phrase ends at token `end`, when nothing in between closes a clause
    (and, for a present participle, the noun's phrase opens the clause); else None."""
    for k in range(end, max(sent.start, end - _RELATIVE_REACH) - 1, -1):
        low = doc[k].lower_
        if is_boundary(doc, k) or low in AUX or low in RELATIVES:
            return None
        if low.endswith("ed") and k - 1 >= sent.start:
            return k - 1 if content_word(doc[k - 1]) else None
        if low.endswith("ing") and low not in _ING_NOUNS and k - 1 >= sent.start:
            if doc[k - 1].lower_ in DETERMINERS:
                continue  # "during the hearing": a noun in -ing, the participle is further back
            return _noun_opening_before_participle(doc, k, sent)
    return None


def _noun_opening_before_participle(doc: Doc, k: int, sent: Span) -> int | None:
    """The noun before the present participle at token k when its phrase opens the clause
    ("A nurse making ...", "Staff running ..."); None after a verb or a preposition ("came
    to the clinic complaining of ..."), or for a participle that takes a clause."""
    if doc[k].lower_ in _CLAUSE_TAKING_ING or not content_word(doc[k - 1]):
        return None
    before = doc[k - 1].lower_
    if before.endswith("ed") or before in GERUND_CATENATIVES or before in AUX:
        return None
    opening = k - 2
    while opening >= max(sent.start, k - 2 - _PARTICIPLE_OBJECT_WORDS) and (
        doc[opening].lower_ in DETERMINERS or doc[opening].like_num or content_word(doc[opening])
    ):
        opening -= 1
    return k - 1 if opening < sent.start or is_boundary(doc, opening) else None


_PARTICIPLE_OBJECT_WORDS = 3  # "investigating [the whole] case"
# Nouns in -ing that stand before a clause's subject ("Yesterday morning the judge refused").
_ING_NOUNS = frozenset("morning mornings evening evenings during something anything nothing everything building spring".split())
_CLAUSE_TAKING_ING = frozenset(
    "saying telling thinking believing feeling knowing claiming stating reporting suggesting hearing writing noting "
    "finding agreeing deciding explaining arguing insisting alleging complaining".split()
)


def _present_participle_antecedent(doc: Doc, head: int, sent: Span) -> int | None:
    """'Officers investigating the case [claimed]', 'staff running the unit [denied]': the
    noun that opens the clause before a present participle whose object ends at `head`;
    else None ('He kept telling the nurse [he refused]': a verb, not a noun, before it)."""
    for k in range(head - 1, max(sent.start, head - 1 - _PARTICIPLE_OBJECT_WORDS) - 1, -1):
        low = doc[k].lower_
        if is_boundary(doc, k) or low in AUX or low in RELATIVES or low in PREPOSITIONS:
            return None
        if low.endswith("ing") and k - 1 >= sent.start and content_word(doc[k - 1]):
            if doc[k + 1].lower_ not in DETERMINERS or low in _ING_NOUNS:
                # "the planning officer had": a noun compound; "Yesterday morning the judge"
                return None
            # "Patients saying the nurse refused": a verb of saying takes its own clause;
            # "Staff kept telling the patient the doctor refused": a verb before it
            return _noun_opening_before_participle(doc, k, sent)
    return None


def content_word(tok: Token) -> bool:
    """A word that can be a noun or a modifier: letters, no function word, no adverb."""
    low = tok.lower_
    function_word = low in PREPOSITIONS or low in DETERMINERS or low in AUX or low in NOMINATIVE
    return tok.is_alpha and not function_word and not is_adverb(low)


_PARENTHESIS_REACH = 10
_SENTENCE_ADVERBS = frozenset("however though therefore instead meanwhile nevertheless indeed".split())
_CLAUSE_TAKING = frozenset(
    """said says say told tells tell thought thinks think believed believes believe felt feels feel knew knows
    know claimed claims stated states reported reports suggested suggests heard hears wrote writes noted notes
    found finds agreed agrees decided decides explained explains argued argues insisted insists""".split()
)
_RELATIVE_REACH = 14


def _relative_antecedent(doc: Doc, end: int, sent: Span) -> int | None:
    """The noun a 'who/whom/which' clause ending at token `end` describes, when that clause
    holds a verb of its own ("the psychiatrist who treated him for ten years" ->
    psychiatrist), else None."""
    for k in range(end, max(sent.start, end - _RELATIVE_REACH) - 1, -1):
        low = doc[k].lower_
        if low in ("who", "whom", "which"):
            a = k - 1
            while a >= sent.start and doc[a].text == ",":
                a -= 1
            if a < sent.start or k + 1 > end or not doc[a].is_alpha or doc[a].lower_ in PREPOSITIONS:
                return None
            v = k + 1
            while v < end and (doc[v].lower_ in AUX or doc[v].lower_ in NEGATIONS or is_adverb(doc[v].lower_)):
                v += 1
            if v >= end or doc[v].lower_ in _CLAUSE_TAKING:
                return None  # "the man who said the nurse refused": the nurse refused
            return a
        if is_boundary(doc, k) and doc[k].text != ",":
            return None
    return None


def _before_parenthesis(doc: Doc, comma: int, sent: Span) -> int:
    """The token before a parenthetical phrase that opens with a preposition and ends at
    `comma` (", in a statement to the inquest,"), or is only adverbs (", correctly,", ",
    however,"), or `comma` itself when there is none."""
    for p in range(comma - 2, max(sent.start, comma - _PARENTHESIS_REACH) - 1, -1):
        if doc[p].text == ",":
            opens = (
                doc[p + 1].lower_ in PREPOSITIONS
                or all(is_adverb(doc[k].lower_) or doc[k].lower_ in _SENTENCE_ADVERBS for k in range(p + 1, comma))
                or _role_after_name(doc, p, comma)
                or _court_role(doc, p, comma)
            )
            inside = all(not is_boundary(doc, k) for k in range(p + 1, comma))
            return p - 1 if opens and inside and p - 1 >= sent.start else comma
        if is_boundary(doc, p):
            break
    return comma


_DASHES = frozenset("– — --".split())


def _dash(doc: Doc, i: int) -> bool:
    """A dash, or a hyphen with spaces either side ("staff - care assistants - refused")."""
    return doc[i].text in _DASHES or (doc[i].text == "-" and i > 0 and bool(doc[i - 1].whitespace_) and bool(doc[i].whitespace_))


def _before_dashed_apposition(doc: Doc, closing: int, sent: Span) -> int:
    """The noun before a phrase between dashes that ends at `closing` ("Two other staff –
    care assistants on a scheme – refused"): a short verbless phrase with nothing that
    ends a clause inside; else `closing` itself."""
    for p in range(closing - 2, max(sent.start, closing - _PARENTHESIS_REACH) - 1, -1):
        if _dash(doc, p):
            inside = range(p + 1, closing)
            verbless = all(
                doc[k].text == "," or not (is_boundary(doc, k) or doc[k].lower_ in AUX or doc[k].lower_ in RELATIVES)
                for k in inside
            )
            return p - 1 if verbless and p - 1 >= sent.start and content_word(doc[p - 1]) else closing
        if is_boundary(doc, p) and doc[p].text != ",":
            break
    return closing


_COURT_ROLE_WORDS = 3  # ", prosecuting,", ", defending him,", ", for the Crown,"


def _court_role(doc: Doc, opening: int, closing: int) -> bool:
    """A counsel's role between commas after a name ("Jane Hill, prosecuting, said"): a
    short phrase opening with a lower-case participle."""
    first = doc[opening + 1]
    return 0 < closing - opening - 1 <= _COURT_ROLE_WORDS and first.is_lower and first.lower_.endswith("ing")


_INVERSION_REACH = 6
_NOT_INVERTED = frozenset("that to it this them him her me us any anything everything nothing".split())


def participle_head(doc: Doc, start: int, sent: Span) -> int | None:
    """'a lawsuit alleging ...', 'a report claiming ...': the noun a present participle
    right after it describes, which is who or what does the alleging; else None."""
    if not doc[start].lower_.endswith("ing") or start - 1 < sent.start:
        return None
    before = doc[start - 1]
    if not content_word(before) or before.lower_.endswith(("ed", "ing")):
        return None
    return start - 1


def inverted_subject(doc: Doc, start: int, end: int, sent: Span) -> int | None:
    """'"... an expense we cannot afford," insists the PSNI chief', '..., claimed his
    lawyer': a verb of saying after a comma or quotation mark, followed by its subject and
    then the end of the sentence or clause (the order of attributions in news). The head
    of that noun phrase, else None."""
    before = start - 1
    while before >= sent.start and doc[before].is_space:
        before -= 1
    if before >= sent.start and not (doc[before].text == "," or doc[before].is_quote):
        return None
    head = None
    k = end
    while k < sent.end and k - end < _INVERSION_REACH:
        tok = doc[k]
        if tok.is_punct or tok.is_space:
            break
        if not tok.is_alpha or tok.lower_ in PREPOSITIONS or tok.lower_ in _NOT_INVERTED or tok.lower_ in AUX:
            return None  # "..., denies that he ...", "..., admits to ...", "..., denies it": an object follows
        if tok.lower_ not in DETERMINERS:
            head = k
        k += 1
    if k < sent.end and not (doc[k].is_punct or doc[k].is_space):
        return None  # a longer clause follows: not an attribution
    return head


# Words for a part of a group: "half of the nurses", "20% of GPs", "most of the staff".
QUANTIFIERS = frozenset(
    """half most many some all none few several majority minority proportion number third
    thirds quarter quarters cent percent % each one two three four five""".split()
)


def _part_of(doc: Doc, head: int, sent: Span) -> bool:
    """'Twenty per cent of GPs denied ...': the group after a quantifier's 'of' is what
    the subject is made of, so it names who acted."""
    return _quantifier_of(doc, head, sent) is not None


def _quantifier_of(doc: Doc, head: int, sent: Span) -> int | None:
    """The first token of the quantity before "of" and the group at `head` ("Twenty per
    cent of GPs" -> Twenty, "76% of projects" -> 76, "most of the patients" -> most), or
    None."""
    j = head - 1
    while j >= sent.start and head - j <= 3 and doc[j].lower_ in DETERMINERS:
        j -= 1
    if j - 1 < sent.start or doc[j].lower_ != "of" or not (doc[j - 1].lower_ in QUANTIFIERS or doc[j - 1].like_num):
        return None
    k = j - 1
    while k - 1 >= sent.start and (doc[k - 1].like_num or doc[k - 1].lower_ in _QUANTITY_WORDS):
        k -= 1
    return k


_QUANTITY_WORDS = frozenset("per a an the".split())  # "twenty per cent", "a third", "the majority"


def _of_inside_name(doc: Doc, head: int, j: int, sent: Span) -> bool:
    """Is token j an 'of' inside a name "X of Y" that ends at `head` ("the Secretary of
    State", "the Department of Corrections")?"""
    return doc[j].lower_ == "of" and doc[head].is_title and j - 1 >= sent.start and doc[j - 1].is_title


def _object_of_preposition(doc: Doc, head: int, sent: Span) -> bool:
    j = head - 1
    while j >= sent.start and head - j <= 4:
        low = doc[j].lower_
        if _of_inside_name(doc, head, j, sent):
            j -= 2  # look before the name
            continue
        if low in PREPOSITIONS:
            return True
        if low in ("which", "whom", "whose"):
            return False  # "in which the company is claiming": the noun opens the relative clause
        # "a person in jail or prison suffers ...": a coordinated object is still one
        if (is_boundary(doc, j) and low not in ("and", "or")) or low in AUX:
            return False
        j -= 1
    return False


COORDINATORS = frozenset("and or but".split())


_WH_INFINITIVE = frozenset("how what where whether when which".split())  # "how to X and Y"


def coordinated_subject(doc: Doc, i: int, sent: Span, classes: WordClasses) -> int | None:
    """The subject a coordinated verb shares with the first verb ("jail staff confiscate
    pumps or refuse to provide insulin" -> staff): the first known word at the start of
    the first conjunct's clause, or None."""
    j = coordinator_before(doc, i, sent)
    if j is None:
        return None
    # "shows how to identify and manage such persons": the infinitive's subject, not the
    # article ("went to work and refused": there "to" is a preposition)
    if j - 3 >= sent.start and doc[j - 2].lower_ == "to" and doc[j - 3].lower_ in _WH_INFINITIVE:
        return None
    floor = max(sent.start, j - MAX_CLAUSE)
    # "the Council failed to provide ... and failed to take ...": the same verb repeated
    # in the first conjunct has the shared subject
    for p in range(j - 1, floor - 1, -1):
        if doc[p].lower_ == doc[i].lower_:
            shared = subject(doc, p, sent)
            if shared is not None:
                return shared
            break
    end = j - 1  # the first conjunct's last token, past a serial comma ("..., and failed to")
    if end > floor and doc[end].text == ",":
        end -= 1
    lo = conjunct_start(doc, j, sent)
    # "reviewed with the ward manager and nurse and denied pain": a bare noun phrase after
    # an earlier "and" is a second noun of that phrase, not the clause with the subject
    while lo - 2 > floor and doc[lo - 1].lower_ in ("and", "or") and _bare_noun_phrase(doc, lo, end):
        lo = _clause_start(doc, lo - 2, floor)
    # "the Council failed to care for his daughter, Miss D, and failed to ...": a short
    # appositive between commas belongs to the clause before it
    while end - lo < _APPOSITIVE and lo - 2 >= floor and doc[lo - 1].text == "," and not any(doc[m].lower_ in AUX for m in range(lo, end + 1)):
        end = lo - 2
        lo = _clause_start(doc, end, floor)
    k = lo
    # past an opening adverb ("Then the GP arrived and insisted ...", "However, staff ...")
    while k < j and (is_adverb(doc[k].lower_) or doc[k].lower_ in _SENTENCE_ADVERBS or doc[k].text == ","):
        k += 1
    while k < sent.end and doc[k].lower_ in DETERMINERS:
        k += 1
    for m in range(k, min(k + 3, j)):
        if doc[m].lower_ in AUX or doc[m].lower_ in PREPOSITIONS:
            break
        if m == k and doc[m].lower_ in NOMINATIVE and m - 1 >= sent.start and doc[m - 1].lower_ in COORDINATORS and m + 1 < j and doc[m + 1].text == ",":
            return None  # "rude to my staff and I, and refused": a coordinated object, not a subject
        if m + 2 < j and doc[m + 1].lower_ in ("'s", "’s") and classes.of_token(doc, m + 2):
            return m + 2  # the possessed noun heads the phrase: "mum's GP arrived and insisted"
        if classes.of_token(doc, m):
            # a compound's last word heads it when it names someone: "jail staff confiscate
            # ... or refuse" (not "patient reports", a verb after its subject)
            while m + 1 < j and doc[m + 1].lower_ not in AUX and any(classes[c].animate for c in classes.of_token(doc, m + 1)):
                m += 1
            return m
        if m == k and doc[m].lower_ in NOMINATIVE:
            return m  # a subject pronoun opening the clause ("I ran and escaped")
    # "Since being on a locked ward I've escaped twice and needed ...": a subject pronoun
    # after a fronted phrase is the first conjunct's subject
    for m in range(j - 1, lo - 1, -1):
        if doc[m].lower_ in NOMINATIVE:
            before = doc[m - 1].lower_ if m - 1 >= sent.start else ""
            if before in PREPOSITIONS or before in COORDINATORS:
                return None  # "abusive to my staff and I, and refuses ...": an object, however written
            return m
    return None


def coordinator_before(doc: Doc, i: int, sent: Span) -> int | None:
    """The coordinator ("and", "or", "but") before token i past auxiliaries, negations and
    adverbs only ("left alone and then allowed"), or None: i is then the second of two
    coordinated words."""
    j = i - 1
    while j >= max(sent.start, i - MAX_CLAUSE) and (
        doc[j].lower_ in AUX or doc[j].lower_ in NEGATIONS or is_adverb(doc[j].lower_)
    ):
        j -= 1
    if j <= sent.start or doc[j].lower_ not in COORDINATORS:
        return None
    return j


def _bare_noun_phrase(doc: Doc, lo: int, hi: int) -> bool:
    """Are tokens lo..hi a short noun phrase alone ("nurse", "the ward manager"), with no
    verb, pronoun or preposition that would make them a clause?"""
    if hi - lo > 3:
        return False
    for k in range(lo, hi + 1):
        low = doc[k].lower_
        if low in DETERMINERS:
            continue
        if not content_word(doc[k]) or low.endswith("ed") or low in ("him", "her", "them", "me", "us", "it"):
            return False
    return True


def conjunct_start(doc: Doc, coordinator: int, sent: Span) -> int:
    """Where the first conjunct's clause begins, before the coordinator at that index: at
    a clause boundary or after a relative word ("cases in which ..."), past a serial
    comma."""
    floor = max(sent.start, coordinator - MAX_CLAUSE)
    lo = coordinator - 1
    if lo > floor and doc[lo].text == ",":
        lo -= 1
    return _clause_start(doc, lo, floor)


def _clause_start(doc: Doc, lo: int, floor: int) -> int:
    """Back from token `lo` to the start of its clause: after a boundary or a relative word."""
    while lo - 1 >= floor and not is_boundary(doc, lo - 1) and doc[lo - 1].lower_ not in RELATIVES:
        lo -= 1
    return lo


_APPOSITIVE = 3  # tokens: "Miss D", "his GP"

# What is granted to someone, after "her" ("denied her access"); "her appointment",
# "her treatment" are possessive.
_GRANTS = frozenset("access entry admission permission bail benefits parole visa leave clearance".split())


# Withheld after a passive ("refugees are refused care"), though not after "her" (in
# "refused her treatment" the treatment is hers).
_WITHHELD_AFTER_A_PASSIVE = frozenset("care treatment housing funding asylum".split())


def grant_word_follows(doc: Doc, end: int, sent: Span) -> bool:
    """Is the word right after the verb one of the things granted or withheld ("was
    refused clearance", "refugees are refused care")? Not "a ..." ("was refused a second
    time")."""
    return end < sent.end and (doc[end].lower_ in _GRANTS or doc[end].lower_ in _WITHHELD_AFTER_A_PASSIVE)


_OBJECT_MODIFIER_WORDS = 2  # "deny [individual app] permissions"


def withheld_object(doc: Doc, end: int, sent: Span, classes: WordClasses) -> bool:
    """Is the verb's object something asked for or granted (the requests and permissions
    classes: "deny visitation", "deny the permissions", "deny visitation privileges"), past
    determiners and a modifier or two? Then denying it withholds it."""
    j = end
    while j < sent.end and doc[j].lower_ in DETERMINERS:
        j += 1
    for k in range(j, min(sent.end, j + _OBJECT_MODIFIER_WORDS + 1)):
        low = doc[k].lower_
        if classes.has("requests", low) or classes.has("permissions", low):
            return True
        if not (doc[k].is_alpha and content_word(doc[k])):
            return False
    return False


_TAKEN_OBJECT_OPENERS = frozenset("a an the his her their my our your its".split())
_CLAUSE_CUES = frozenset("him her them me us it who which that whom".split())


def claims_a_thing(doc: Doc, start: int, end: int, sent: Span) -> bool:
    """Is a verb 'claim' taking something rather than telling something ("claimed the
    points from a penalty", "had not claimed a draw correctly")? Its object is a noun phrase
    and nothing after it in the clause reads as a verb of a clause the object opens ("He
    claimed the pain was unbearable", "she claims the staff ignore her")."""
    if not doc[start].lower_.startswith("claim") or doc[start].lower_ in ("claimant", "claimants"):
        return False
    if end >= sent.end or doc[end].lower_ not in _TAKEN_OBJECT_OPENERS:
        return False
    for k in range(end + 1, min(sent.end, end + MAX_CLAUSE)):
        tok = doc[k]
        if tok.text in (".", ";", ":", "!", "?"):  # past commas and brackets: "her brother, of ..., had been"
            return k > end + 1
        if tok.text == "," and k + 1 < sent.end and doc[k + 1].lower_ in _ADJUNCT_OPENERS:
            return k > end + 1  # "claimed the first gold ..., as she lifted 100kg": a clause of its own
        low = tok.lower_
        if low in AUX or low in NEGATIONS or low in _CLAUSE_CUES or low.endswith("n't"):
            return False
        if tok.is_alpha and len(low) > 3 and low.endswith("ed"):
            return False
    return True


# Words that open an adverbial clause after a comma, outside the object's own clause.
_ADJUNCT_OPENERS = frozenset("as when while after before because since although though whereas until".split())
_POSSESSIVE_DETERMINERS = frozenset("his her their my our your".split())
_NOUN_OPENERS = (DETERMINERS - _POSSESSIVE_DETERMINERS) | (PREPOSITIONS - {"to"}) | frozenset("amid amidst".split())


def noun_reading(doc: Doc, start: int, sent: Span, classes: WordClasses) -> bool:
    """Is a match that can be a noun or a verb ("claims") the head of a noun phrase: after a
    preposition ("amid claims"), or after a modifier that follows an article, a preposition
    or a verb's -ed ("a similar claim", "denied newspaper claims", "condemned public
    claims")? Not after a possessive ("his claims that ..." are his account) nor after a
    word for a person ("the patient claims": the subject)."""
    low = doc[start].lower_
    # only a word that is also a noun for a thing ("claims"; not "complains", "malingers")
    if low.endswith(("ed", "ing")) or not names_a_thing(low):
        return False
    if start - 1 < sent.start:
        # "Claims that MAM is effective have yet to be proven": a sentence opens with the noun
        return doc[start].is_title and start + 1 < sent.end and doc[start + 1].lower_ in ("that", "of", "about")
    before = doc[start - 1]
    if before.lower_ in _NOUN_OPENERS - DETERMINERS:
        return True
    if before.lower_ in _CLAIM_MAKERS:
        return True  # "making claims about staff credentials": the verb's object
    if not (before.is_alpha or "-" in before.text) or not before.is_lower or not content_word(before):
        return False
    if before.lower_ in _CONJUNCTIONS or is_adverb(before.lower_):
        return False  # "is medicated and claims ...": a second verb
    if len(before) > 4 and before.lower_.endswith("ed") and before.lower_ not in AUX:
        return True  # "criticised claims by their doctors", "unfounded claims": the noun
    if before.lower_ in AUX or names_people(doc, start - 1, classes, listed=False) or start - 2 < sent.start:
        return False
    opener = doc[start - 2].lower_
    if opener.endswith("ed") and opener not in AUX:
        return True  # "denied newspaper claims": the verb's object
    # "the lad claims ...": after an article, any word that can name a person is the subject
    return opener in _NOUN_OPENERS and not names_people(doc, start - 1, classes)


# Verbs whose object is a claim as a thing said or filed ("making claims", "filed claims").
_CLAIM_MAKERS = frozenset(
    "make makes made making file files filed filing submit submits submitted submitting process processed processing "
    "investigate investigated investigating reject rejected rejecting dismiss dismissed dismissing".split()
)


def grant_follows(doc: Doc, end: int, sent: Span) -> bool:
    """Does something granted or withheld follow the verb ("refused admission", "denied a
    bed"), as in a passive with two objects?"""
    if end >= sent.end:
        return False
    low = doc[end].lower_
    return low in _GRANTS or (low in ("a", "an", "any", "further") and end + 1 < sent.end and doc[end + 1].is_alpha)


def person_object(doc: Doc, end: int, sent: Span, classes: WordClasses) -> bool:
    """Is the verb's object a person ("denied him care", "refused her entry", "failed the
    patient")? Then someone else is refusing, denying or failing that person."""
    if end >= sent.end:
        return False
    low = doc[end].lower_
    if doc[end - 1].lower_ == "to" and _that_clause_after_object(doc, end, sent):
        return False  # "confessed to me that he had been drinking": told to someone
    if low == "to" and doc[end - 1].lower_.endswith("ed") and end + 1 < sent.end:
        # "a means of exit denied to them", "access refused to the patient": kept from the
        # person; not a denial told to someone ("he denied to them that he drank")
        if _that_clause_after_object(doc, end + 1, sent):
            return False
        end += 1
        low = doc[end].lower_
        if low in ("them", "her", "you"):
            return True
    if low in ("him", "me", "us"):
        return True
    if low == "her":  # possessive unless a determiner or a grant follows: "refused her a bed"
        nxt = doc[end + 1].lower_ if end + 1 < sent.end else ""
        return nxt in DETERMINERS or nxt in _GRANTS
    j = end
    while j < sent.end and doc[j].lower_ in ("the", "a", "an", "all", "many"):  # not "that": "claims that he"
        j += 1
    if j == end and _given_after_people(doc, end, sent, classes):
        return True  # "refusing inmates medication": a bare plural, then what they were refused
    return j > end and j < sent.end and classes.has("people", doc[j].lower_)


_GIVEN_CLASSES = ("treatments", "sustenance", "substances", "procedures")


def _given_after_people(doc: Doc, i: int, sent: Span, classes: WordClasses) -> bool:
    """Is token i a plural noun for people who use services followed by a second object
    ("refused inmates their medication", "denying patients access")? Not carers or family:
    "she refused carers access" is her refusal of care."""
    low = doc[i].lower_
    if not (low.endswith("s") and classes.has("service-users", low)) or i + 1 >= sent.end:
        return False
    nxt = doc[i + 1].lower_
    if nxt == "their" or grant_follows(doc, i + 1, sent):
        return True
    return any(classes.has(c, nxt) for c in _GIVEN_CLASSES)


def _that_clause_after_object(doc: Doc, i: int, sent: Span) -> bool:
    """Does a clause follow the short object phrase at token i ("to them that he ...",
    "to the doctor he was ...")?"""
    for j in range(i, min(sent.end, i + 4)):
        low = doc[j].lower_
        if low == "that" or (j > i and low in NOMINATIVE):
            return True
        if is_boundary(doc, j):
            return False
    return False


_PARTITIVES = frozenset("sort sorts kind kinds type types form forms bout bouts period series piece".split())

_CONJUNCTS = frozenset(", and or / and/or".split())


def object_classes(doc: Doc, end: int, sent: Span, classes: WordClasses) -> list[list[str]]:
    """Classes of the heads of a verb's direct object, one list per conjunct: the noun
    phrase right after the verb past determiners, quantifiers and adverbs ("refusing all
    food" -> [[sustenance]]; "refused food and her insulin" -> [[sustenance], [treatments]]);
    [] when a preposition, a clause boundary or a person follows ("refused to", "refused
    him")."""
    out: list[list[str]] = []
    i = end
    while i < sent.end and len(out) < 4:
        # scare quotes open the phrase too: "suffering from 'mental health crisis'"
        while i < sent.end and i - end < 12 and (doc[i].lower_ in DETERMINERS or is_adverb(doc[i].lower_) or doc[i].is_quote):
            i += 1
        head = _np_head(doc, i, sent.end)
        if head is None:
            break
        if doc[head].lower_ in _PARTITIVES and head + 2 < sent.end and doc[head + 1].lower_ == "of":
            i = head + 2  # "some sort of psychotic break", "any kind of food": the noun after "of"
            while i < sent.end and doc[i].lower_ in DETERMINERS:
                i += 1
            head = _np_head(doc, i, sent.end)
            if head is None:
                break
        out.append(_following_noun(doc, i, sent, classes, skip_determiners=True))
        i = head + 1
        if i < sent.end and doc[i].is_quote:
            i += 1  # the closing quote: "suffering from 'mental health crisis' and schizophrenia"
        if i >= sent.end or doc[i].lower_ not in _CONJUNCTS:
            break
        while i < sent.end and doc[i].lower_ in _CONJUNCTS:
            i += 1
    return out


def np_classes(doc: Doc, head: int, sent: Span, classes: WordClasses) -> list[str]:
    """Classes of the noun phrase whose head is token `head`: the head's own, or else the
    nearest classed word before it in the phrase ("NHS England" -> institutions,
    "Dr Smith" -> officials, "the Secretary of State" -> officials: the name's head, not
    'state' the verb)."""
    found = classes.of_token(doc, head)
    if found and not (doc[head].is_title and all(c.endswith("-verbs") for c in found)):
        return found
    if _staff_code(doc, head, sent):
        return ["officials"]  # "S3 denied locking R2", "CNA 1 stated": inspection reports code staff
    appositive = _appositive_classes(doc, head, sent, classes)
    if appositive:
        return appositive
    if doc[head].lower_ in _MEMBERS and head + 2 < sent.end and doc[head + 1].lower_ == "of":
        # "a member of staff", "some of the team": the group's classes
        group = _np_head(doc, head + 2, sent.end)
        return classes.of_token(doc, group) if group is not None else []
    j = head - 1
    while j >= sent.start and head - j <= 3:
        low = doc[j].lower_
        if _of_inside_name(doc, head, j, sent):
            j -= 1  # "the Department of Corrections" -> department
            continue
        if low in _POSSESSIVES and j - 1 >= sent.start and all(doc[k].is_title for k in range(j + 1, head + 1)):
            # "the clinic's Norman Johnson": someone named as the organisation's speaks for it
            owner = classes.of_token(doc, j - 1)
            return ["officials"] if any(c in ("institutions", "officials") for c in owner) else []
        if is_boundary(doc, j) or low in DETERMINERS or low in PREPOSITIONS or low in AUX:
            break
        found = classes.of_token(doc, j)
        if found:
            return found
        j -= 1
    return []


# Heads that name part of a group ("a member of staff", "some of the nurses").
_MEMBERS = frozenset("member members one some many most each all none several both few majority minority rest".split())
_POSSESSIVES = frozenset(["'s", "’s"])
_APPOSITIVE_WORDS = 5  # ", the trust's chief executive,"
# An apposition that gives someone's occupation rather than the role they speak in.
_OCCUPATION_OPENERS = frozenset("a an former retired ex ex-".split())


def verbless(doc: Doc, opening: int, closing: int, classes: WordClasses) -> bool:
    """Does the stretch strictly between two tokens (commas) hold no verb and no clause
    word: an auxiliary, a past tense, an -ing form, a conjunction? Then it only describes
    the noun before it (", 45,", ", of Highcroft Villas,", ", past president,")."""
    for k in range(opening + 1, closing):
        low = doc[k].lower_
        if low in AUX or past_verb_form(low, classes) or low.endswith("ing") or is_boundary(doc, k):
            return False
    return True


def _role_after_name(doc: Doc, opening: int, closing: int, classes: WordClasses | None = None) -> bool:
    """'Annie Humphries, past president,', 'John Smith, 45,': a short verbless phrase set
    off by commas right after a name describes the named person. Not an occupation ("Sarah,
    a teacher, admits ...": not the role she speaks in)."""
    if opening - 1 < 0 or not doc[opening - 1].is_title or closing - opening - 1 > _APPOSITIVE_WORDS:
        return False
    if doc[opening + 1].lower_ in _OCCUPATION_OPENERS:
        return False
    if classes is None:
        from tilint.classes import builtin

        classes = builtin()
    return verbless(doc, opening, closing, classes)


def _appositive_classes(doc: Doc, head: int, sent: Span, classes: WordClasses) -> list[str]:
    """'Annie Humphries, past president, admitted ...': a name's role set off by commas
    right after it gives the phrase its classes."""
    if head + 2 >= sent.end or doc[head + 1].text != ",":
        return []
    closing = next((k for k in range(head + 3, min(sent.end, head + 3 + _APPOSITIVE_WORDS)) if doc[k].text == ","), None)
    if closing is None or not _role_after_name(doc, head + 1, closing, classes):
        return []
    # the role's own noun, before any phrase after it: "secretary of Danbury CC", "resident
    # of the care home" (not the club or the home)
    role = next((k - 1 for k in range(head + 3, closing) if doc[k].lower_ in PREPOSITIONS), closing - 1)
    return classes.of_token(doc, role)


def passive(doc: Doc, start: int, sent: Span, tags: frozenset[str]) -> int | None:
    """Index of the 'be'/'get' form when the verb at `start` is a passive participle
    ("was refused", "is alleged", "were denied"), else None. A match that itself begins
    with the 'be' form ("was not allowed", "wasn't allowed") is a passive at its start."""
    word = doc[start].lower_
    if word in BE:
        k = start + 1
        while k < min(sent.end, start + 4) and (is_adverb(doc[k].lower_) or doc[k].lower_ in NEGATIONS):
            k += 1
        return start if k < sent.end and doc[k].lower_.endswith(("ed", "en")) else None
    if not ("VBN" in tags or word.endswith(("ed", "en"))):
        return None
    j = start - 1
    while j >= max(sent.start, start - MAX_CLAUSE) and (
        is_adverb(doc[j].lower_) or doc[j].lower_ in NEGATIONS or doc[j].is_space
    ):
        j -= 1
    if j >= sent.start and doc[j].lower_ in BE:
        return j
    return None


def by_agent(doc: Doc, end: int, sent: Span, classes: WordClasses | None = None) -> int | None:
    """The head of a 'by' phrase right after a passive verb, in its clause."""
    _, hi = clause(doc, end - 1, end, sent)
    j = end
    while j < hi and j - end <= 4:
        if doc[j].lower_ == "by":
            head = _np_head(doc, j + 1, hi)
            if head is None:
                return None
            # "by the local council today": the known word, else the last one
            start = j + 1
            known = [k for k in range(start, head + 1) if classes is not None and classes.of_token(doc, k)]
            return known[-1] if known else head
        j += 1
    return None


def _np_head(doc: Doc, i: int, hi: int) -> int | None:
    """The head of the noun phrase starting at i, before `hi`: its last word before a
    boundary, a preposition, an auxiliary or a past-tense verb ("by the local council
    today" -> council when "council" is a known word, else the last word)."""
    # a phrase in quotation marks ends at the closing one, which a straight quote after a
    # plural noun would otherwise pass as a possessive ("from 'mental health crisis' today")
    opening = i - 1
    while opening >= 0 and doc[opening].lower_ in DETERMINERS:
        opening -= 1
    quoted = opening >= 0 and doc[opening].is_quote
    while i < hi and doc[i].lower_ in DETERMINERS:
        i += 1
    head = None
    k = i
    while k < hi and k - i <= 4:
        tok = doc[k]
        low = tok.lower_
        if tok.text in ("-", "/"):
            k += 1
            continue
        if k > i and low in _POSSESSIVES and _possessed_noun_after(doc, k, hi):
            k += 1  # "my son's outbursts": the head is what is possessed
            continue
        if (quoted and tok.is_quote) or is_boundary(doc, k) or low in PREPOSITIONS or low in AUX or low in DETERMINERS or low in RELATIVES:
            break
        if k > i and low.endswith("ed"):
            break
        head = k
        k += 1
    return head


def _possessed_noun_after(doc: Doc, k: int, hi: int) -> bool:
    """Does a noun follow the "'s" at token k, so that it is a possessive and not "is"
    ("my son's outbursts", not "my son's coming home")?"""
    if k + 1 >= hi:
        return False
    nxt = doc[k + 1]
    low = nxt.lower_
    function_word = low in AUX or low in DETERMINERS or low in PREPOSITIONS or low in NEGATIONS or is_adverb(low)
    return nxt.is_alpha and not function_word and not low.endswith(("ing", "ed"))


def predicative(doc: Doc, start: int, sent: Span) -> bool:
    """Does the word at `start` follow a copula or a verb of becoming, past adverbs ("the
    storm was violent", "the party got crazy", "the protest turned violent")? Then it is
    said of the subject, not the first of a list of modifiers before a noun."""
    j = _before_adverbs(doc, start, sent)
    return j >= sent.start and (doc[j].lower_ in COPULAS or doc[j].lower_ in _BECOMING)


_BECOMING = frozenset("turn turns turned turning grow grows grew growing go goes went going".split())


def _before_adverbs(doc: Doc, i: int, sent: Span) -> int:
    """The nearest token before token i that is no adverb or negation ("was not very
    violent" -> "was"); below sent.start when there is none."""
    j = i - 1
    while j >= sent.start and (is_adverb(doc[j].lower_) or doc[j].lower_ in NEGATIONS):
        j -= 1
    return j


def activity_subject(doc: Doc, start: int, sent: Span, classes: WordClasses) -> bool:
    """'Living in a hostel can be challenging', 'However, taking a history in the ED can be
    difficult': a predicate after a copula whose clause opens with a gerund is said of an
    activity, not of a person."""
    j = _before_adverbs(doc, start, sent)
    if j < sent.start or doc[j].lower_ not in COPULAS:
        return False
    while j - 1 >= sent.start and (doc[j - 1].lower_ in AUX or is_adverb(doc[j - 1].lower_) or doc[j - 1].lower_ in NEGATIONS):
        j -= 1
    # a subject right before the copula: not a relative ("people who are difficult") nor
    # a boundary ("... and was aggressive": the earlier subject's)
    if j - 1 < sent.start or is_boundary(doc, j - 1) or doc[j - 1].lower_ in RELATIVES:
        return False
    first = _clause_start(doc, j - 1, max(sent.start, j - MAX_CLAUSE))
    word = doc[first]
    low = word.lower_
    # a phrase after the -ing word ("Manning was aggressive" is a name)
    if not (word.is_alpha and len(low) > 4 and low.endswith("ing") and first + 1 < j - 1):
        return False
    if low in PREPOSITIONS or low in _NOT_GERUNDS or any(classes[c].animate for c in classes.of_token(doc, first)):
        return False
    for k in range(first + 1, j):
        if doc[k].lower_ in NOMINATIVE:
            return False  # "Seeing the police he became aggressive": a participle clause, then the subject
        if doc[k].lower_ in PREPOSITIONS:
            break  # "Caring for patients can be challenging": the gerund's own phrase
        if any(classes[c].animate for c in classes.of_token(doc, k)):
            return False  # "Incoming psychiatric patients", "Nursing home residents": people
    return True


# -ing words that open a clause without being its subject
_NOT_GERUNDS = frozenset(
    """according including regarding concerning considering pending excluding following
    something nothing everything anything""".split()
)


def capacity(doc: Doc, start: int, sent: Span, classes: WordClasses, *, modals: bool = True) -> bool:
    """'the right to refuse', 'entitled to decline', 'the right of patients to refuse',
    'the right to consent to or refuse', and with `modals` 'can decline', 'you may
    refuse': a right or capacity, not an act."""
    j = _past_adverbs_back(doc, start - 1, start, sent)
    if j < sent.start:
        return False
    low = doc[j].lower_
    if low in ("or", "and") and _bare_infinitive(doc[start].lower_):
        k = _infinitive_before(doc, j, sent)
        if k is not None:
            j, low = k, "to"  # "the right to consent to or refuse": one "to" for both verbs
    if modals and low in ("not", "n't") and j - 1 >= sent.start and doc[j - 1].lower_ in MODALS_OF_CAPACITY:
        return True  # "you can't refuse the evaluation": a rule about the option, not an act
    if modals and low in MODALS_OF_CAPACITY:
        return True
    if modals and low == "may":
        # "may" grants ("you may refuse", "patients may refuse treatment at any time")
        # or says what is likely ("people with psychosis may refuse treatment")
        return (j - 1 >= sent.start and doc[j - 1].lower_ == "you") or _permission_follows(doc, start, sent, classes)
    if modals and j - 1 >= sent.start and doc[j - 1].lower_ in ("let", "lets", "letting") and not is_boundary(doc, j):
        return True  # "let them refuse the care": an option the person is given
    if low == "to" and j - 1 >= sent.start and doc[j - 1].lower_ in ("and", "or"):
        # "the right to receive information and to refuse treatment": a second
        # infinitive shares the first one's right
        first = _infinitive_before(doc, j - 1, sent, reach=_COORDINATED_INFINITIVE_REACH)
        if first is not None:
            j = first
    if low in ("to", "of"):  # "right to refuse", "right of refusal"
        k = j - 1
        while k >= sent.start and j - k <= 4 and not is_boundary(doc, k):
            if classes.has("capacity", doc[k].lower_) or (modals and doc[k].lower_ in _GRANTING):
                return True  # "do you allow this patient to refuse?": an option given
            k -= 1
    return False


# Tokens back from "and to refuse" to the first "to": a whole infinitive phrase may stand
# between ("to participate in decisions about her care or to refuse")
_COORDINATED_INFINITIVE_REACH = 8


_REFUSING_VERBS = frozenset("refuse decline".split())
_POSSESSORS = frozenset("his her their my your our its".split())


def right_named_before(doc: Doc, start: int, sent: Span, classes: WordClasses) -> bool:
    """Is a right or capacity to refuse named earlier in the sentence ("a competent adult
    has the right to refuse treatment, even if a refusal will ...")? Not when the refusal
    is someone's ("... but his refusal of insulin"): that is an act."""
    if _owned(doc, start, sent):
        return False
    return any(
        doc[i].lower_ in _REFUSING_VERBS and capacity(doc, i, sent, classes, modals=False) for i in range(sent.start, start)
    )


_OWNER_REACH = 3  # words of the noun phrase before the noun: "his continued refusal"


def _owned(doc: Doc, start: int, sent: Span) -> bool:
    """Is the noun at `start` someone's: a possessor in its phrase ("his continued
    refusal", "the patient's refusal") or an agent after it ("the refusal of insulin by
    Mr Jones")?"""
    for i in range(start, max(sent.start, start - _OWNER_REACH) - 1, -1):
        low = doc[i].lower_
        if low in _POSSESSORS or low in _POSSESSIVES:
            return True
        if i < start and (doc[i].is_punct or low in DETERMINERS):
            break
    for i in range(start + 1, min(sent.end, start + 8)):
        if doc[i].lower_ == "by":
            return True
        if is_boundary(doc, i):
            break
    return False


_FIRST_CONJUNCT_REACH = 6  # tokens back to the "to": "to consent to or", "to accept, question or"
_PERSONAL_OBJECTS = frozenset("him them me us you it".split())  # "to him and refused": a preposition


def _bare_infinitive(low: str) -> bool:
    """Could the word be a verb's base form? "refused", "refuses", "refusing" are finite
    or participles: "he had capacity to decide and refused" is an act, not a right."""
    return not low.endswith(("ed", "ing")) and not (low.endswith("s") and not low.endswith("ss"))


def _infinitive_before(doc: Doc, coordinator: int, sent: Span, reach: int = _FIRST_CONJUNCT_REACH) -> int | None:
    """The "to" of an infinitive that opens the first of two coordinated verbs ("to
    consent to or refuse", "to accept, question or refuse"), or None. Not a preposition
    before a noun phrase ("her right to an advocate and refused one")."""
    for k in range(coordinator - 1, max(sent.start, coordinator - reach) - 1, -1):
        if doc[k].lower_ == "to" and k + 1 == coordinator:
            continue  # the first verb's own "to": "consent to or refuse"
        if doc[k].lower_ == "to":
            after = doc[k + 1]
            opens_verb = not after.is_punct and after.lower_ not in DETERMINERS and after.lower_ not in _PERSONAL_OBJECTS and not after.like_num
            return k if opens_verb else None
        if is_boundary(doc, k) and doc[k].text != ",":  # a serial comma stays inside the list
            return None
    return None


# Verbs that give someone an option; read only before a refusal ("allow patients to deny
# symptoms" is no right to deny).
_GRANTING = frozenset("allow allows allowing permit permits permitting".split())


def _permission_follows(doc: Doc, start: int, sent: Span, classes: WordClasses) -> bool:
    """'may refuse treatment at any time', '... if they wish': the rest of the sentence
    says it is the person's option."""
    lowered = [doc[k].lower_ for k in range(start + 1, min(sent.end, start + MAX_CLAUSE))]
    text = " " + " ".join(lowered) + " "
    return " any time " in text or " anytime " in text or any(classes.has("capacity", w) for w in lowered)


def attached(
    doc: Doc, start: int, end: int, sent: Span, pos: str, classes: WordClasses
) -> list[str]:
    """Classes of the noun a modifier match attaches to, or [] when that is a person or
    cannot be told. Verbs count only as attributive participles ("a failed graft")."""
    if pos == "verb":
        before = start - 1
        before = skip_counts_back(doc, before, sent)  # "the third failed attempt"
        if before < sent.start or not (doc[before].lower_ in DETERMINERS or doc[before].lower_ in PREPOSITIONS):
            return []
        return _following_noun(doc, end, sent, classes)
    # "violent patients with pain": a match that names its own person modifies nothing after it
    if any(classes.has("people", t.lower_) for t in doc[start:end]):
        return []
    # "amongst the junkies in a hospital gown": a label for people names them too, unless
    # it is itself a modifier ("addict stuff")
    if any(classes.has("labelled-people", t.lower_) for t in doc[start:end]) and not (
        end < sent.end and any(classes[c].modified_not_person for c in classes.of_token(doc, end))
    ):
        return []
    # "lung compliance", "bacteria resistant to ...": a classed noun right before a
    # one-word match (a longer match holds its own modifier: "treatment compliance")
    if start - 1 >= sent.start and end - start == 1:
        found = classes.of_token(doc, start - 1)
        # a person before a one-word match is its subject ("Staff frobnicated him"), not a
        # noun it modifies
        if "people" not in found and any(classes[c].modified_not_person for c in found) and not any(
            classes[c].animate for c in found
        ):
            return found
    # "pacing aggressively": an adverb of manner after an action verb names the behaviour
    if end - start == 1 and doc[start].lower_.endswith("ly") and start - 1 >= sent.start:
        verb = doc[start - 1].lower_
        if verb.endswith(("ing", "ed")) and not classes.has("conduct-verbs", verb) and "behaviours" in classes.classes:
            return ["behaviours"]
    # "aggressive lymphoma"; "hostile, aggressive or sexual impulses"
    if pos == "adj":
        found = _following_noun(doc, end, sent, classes) or _coordinated_noun(doc, end, sent, classes)
        if found:
            return found
        if _activity_follows(doc, end, sent, classes) and "behaviours" in classes.classes:
            return ["behaviours"]  # "aggressive panhandling", "violent offending": an activity
    head = predicate_subject(doc, start, end, sent)
    # "compliance of the lungs", "non-compliance with the regulations"; a person after the
    # preposition is whom the behaviour was towards ("uncooperative with staff"); "in"
    # after a word said of a person tells where it shows ("he is aggressive in his manner")
    if end < sent.end and doc[end].lower_ in ("of", "with", "to", "in") and not (
        doc[end].lower_ == "in" and head is not None and (doc[head].lower_ in NOMINATIVE or classes.has("people", doc[head].lower_))
    ):
        found = _following_noun(doc, end + 1, sent, classes, skip_determiners=True)
        if found and not any(classes[c].animate for c in found):
            return found
    # "the tumour was aggressive", "the lungs are less compliant"
    if head is not None:
        found = np_classes(doc, head, sent, classes)
        other = _subject_conjunct(doc, head, sent)
        if other is not None and _PERSON_CLASSES & set(classes.of_token(doc, other)):
            return []  # "the patient and the officer were aggressive": said of the patient too
        if "people" not in found:
            return found
    return []


_PERSON_CLASSES = frozenset({"people", "person-nouns", "service-users", "relations", "labelled-people"})


def predicate_subject(doc: Doc, start: int, end: int, sent: Span) -> int | None:
    """The head of the subject a match right after a copula is said of ("the home
    remained non-compliant" -> home), past adverbs between; None without a copula."""
    j = _past_pair_opener(doc, _past_adverbs_back(doc, start - 1, start, sent), start, sent)
    if j - 1 > sent.start and doc[j].lower_ in ("and", "or") and doc[j - 1].is_alpha:
        # "her nightmares are vivid and violent", "the police were heavy-handed and violent"
        j -= 2
        while j - 1 > sent.start and doc[j].text == "-" and doc[j - 1].is_alpha:
            j -= 2
        j = _past_pair_opener(doc, _past_adverbs_back(doc, j, start, sent), start, sent)
    if j < sent.start or doc[j].lower_ not in COPULAS:
        return None
    if doc[j].lower_ in _POSSESSIVES and _noun_phrase_goes_on(doc, start, end, sent):
        return None  # "the trust's most challenging patients": a possessive, not "is"
    if doc[j].lower_ == "be" and j - 3 >= sent.start and doc[j - 1].lower_ == "to" and doc[j - 3].lower_ in BE:
        j -= 3  # "were found to be": the subject of "were"
    return subject(doc, j, sent)  # the copula as the verb ("remained" too), past auxiliaries


_PAIR_OPENERS = frozenset("either neither both".split())


def _past_pair_opener(doc: Doc, j: int, start: int, sent: Span) -> int:
    """Back past "either/neither/both" at token j ("nurses are either lazy or ...", "was
    both aggressive and violent") and the adverbs before it."""
    if j > sent.start and doc[j].lower_ in _PAIR_OPENERS:
        return _past_adverbs_back(doc, j - 1, start, sent)
    return j


_SUBJECT_CONJUNCT_WORDS = 3  # "the patient and the new officer"


def _subject_conjunct(doc: Doc, head: int, sent: Span) -> int | None:
    """The head of another noun phrase coordinated before a subject's head ("the patient
    and the officer" -> patient), or None."""
    j = head - 1
    while j >= sent.start and head - j <= _SUBJECT_CONJUNCT_WORDS and doc[j].is_alpha and doc[j].lower_ not in ("and", "or"):
        j -= 1
    if j - 1 < sent.start or doc[j].lower_ not in ("and", "or") or not doc[j - 1].is_alpha:
        return None
    return j - 1


def _past_adverbs_back(doc: Doc, j: int, start: int, sent: Span) -> int:
    """From token j back past adverbs and spaces, within a clause's reach of `start`."""
    while j >= max(sent.start, start - MAX_CLAUSE) and (is_adverb(doc[j].lower_) or doc[j].is_space):
        j -= 1
    return j


def _noun_phrase_goes_on(doc: Doc, start: int, end: int, sent: Span) -> bool:
    """Does the noun phrase go on past a one-word match, or is a multi-word match a
    modifier and its noun ("most challenging patients"): a possessive before it, then?"""
    if doc[start].lower_ in NEGATIONS:
        return False  # "the care home's not compliant": no possessive is followed by "not"
    if end - start > 1 and not is_adverb(doc[start].lower_):
        return True  # the match holds its own noun
    return end < sent.end and doc[end].is_alpha and doc[end].lower_ not in PREPOSITIONS and doc[end].lower_ not in COORDINATORS


def _activity_follows(doc: Doc, end: int, sent: Span, classes: WordClasses) -> bool:
    """Is the noun after a modifier a gerund, an activity ("aggressive panhandling")?"""
    if end >= sent.end or doc[end].lower_ in DETERMINERS:
        return False
    head = _np_head(doc, end, sent.end)
    if head is None:
        return False
    low = doc[head].lower_
    return (
        doc[head].is_lower
        and len(low) > 5
        and low.endswith("ing")
        and not any(classes.has("people", t.lower_) for t in doc[end : head + 1])
    )


_COUNT_WORDS = frozenset(
    "first second third fourth fifth last latest previous recent another several many multiple numerous repeated two three four five".split()
)
_STAFF_CODE = re.compile(r"S\d{1,3}")
# Staff roles by initials, numbered in inspection reports: "CNA 1", "LPN 2", "RN 3".
_STAFF_INITIALS = frozenset("CNA LPN LVN RN HCA ADON DON NA MA CMA QMA".split())


def _staff_code(doc: Doc, head: int, sent: Span) -> bool:
    """Is the head an inspection report's code for a member of staff ("S3", "CNA 1")?"""
    if _STAFF_CODE.fullmatch(doc[head].text):
        return True
    return doc[head].like_num and head - 1 >= sent.start and doc[head - 1].text in _STAFF_INITIALS


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|\w*(?:teenth|ieth|hundredth|thousandth|millionth)|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth")


def skip_counts_back(doc: Doc, i: int, sent: Span) -> int:
    """From token i back past ordinals and counts ("the third failed attempt", "another
    failed treatment", "the thousandth failed treatment"): the first token before them."""
    while i > sent.start and (doc[i].lower_ in _COUNT_WORDS or doc[i].like_num or _ORDINAL.fullmatch(doc[i].lower_)):
        i -= 1
    return i


_LIST_MARKS = frozenset(", and or".split())


def _coordinated_noun(doc: Doc, end: int, sent: Span, classes: WordClasses) -> list[str]:
    """Classes of the noun that a list of modifiers shares ("hostile, aggressive, or
    sexual impulses", "challenging, aggressive, and potentially violent behavior",
    "aggressive, bizarre behaviors"): after a comma or a conjunction, the last conjunct
    must hold a modifier and its noun, so "aggressive, and behaviour deteriorated" (a new
    clause) is not read as one."""
    i = end
    while i < sent.end and i - end < 8:
        if doc[i].lower_ not in _LIST_MARKS:
            return []
        while i < sent.end and doc[i].lower_ in _LIST_MARKS:
            i += 1
        if i < sent.end and classes.has("speech-verbs", doc[i].lower_):
            return []  # "he was non-compliant, say staff": a verb of saying opens a clause
        head = _np_head(doc, i, sent.end)
        if head is None:
            return []
        if head > i and not any(doc[k].lower_ in DETERMINERS for k in range(i, head + 1)):
            found = _following_noun(doc, i, sent, classes)
            if found:
                return found
            # "aggressive, targeted pruning": an activity, as without the list (a modifier
            # as a word of its own: "non-engaging" is one adjective)
            if (
                all(doc[k].is_alpha and doc[k].whitespace_ for k in range(i, head))
                and _activity_follows(doc, i, sent, classes)
                and "behaviours" in classes.classes
            ):
                return ["behaviours"]
        if head == i and _past_verb(doc[i].lower_, classes):
            return []  # "belligerent and tried to kick staff": a verb, so a new clause
        i = head + 1 if head == i else i + 1
        while i < sent.end and doc[i].lower_ not in _LIST_MARKS and i - end < 8:
            if doc[i].lower_ in PREPOSITIONS:
                return []  # "aggressive or agitated in a verbal or physical manner": a phrase of its own
            i += 1
    return []


def past_verb_form(word: str, classes: WordClasses) -> bool:
    """Is this a past tense ("refused", "absconded", or an irregular one of
    lexicons/classes/past-tenses.yml: "left", "took")? A clause's finite verb where no
    auxiliary shows it; not a people modifier that ends like one ("detained", "agitated")."""
    return classes.has("past-tenses", word) or (len(word) > 4 and _past_verb(word, classes))


def _past_verb(word: str, classes: WordClasses) -> bool:
    """A past tense by its ending that no people modifier shares ("tried", not "agitated")."""
    return word.endswith("ed") and not classes.has("person-modifiers", word)


def _following_noun(
    doc: Doc, i: int, sent: Span, classes: WordClasses, *, skip_determiners: bool = False
) -> list[str]:
    """Classes of the head of the noun phrase starting at token i ("B-cell lymphoma" ->
    lymphoma, "the safety plan" -> plan), or [] when the phrase names a person, starts
    with a determiner (unless `skip_determiners`), or there is none."""
    i = _past_abbreviation(doc, i, sent.end)
    if i < sent.end and doc[i].lower_ in DETERMINERS and not skip_determiners:
        return []
    if i < sent.end and (doc[i].lower_ in RELATIVES or doc[i].lower_ == "whose"):
        return []  # "an addict whose life ...": the match heads its own noun phrase
    head = _np_head(doc, i, sent.end)
    if head is None:
        return []
    # "a service user displaying challenging behaviour": a person and a participle after it
    # head the phrase
    if any(doc[k + 1].lower_.endswith("ing") and _person_word(doc[k].lower_, classes) for k in range(i, head)):
        return []
    # "aggressive patient behaviour": a people noun that only modifies the head
    if classes.has("person-compounds", doc[head].lower_) and not classes.has("people", doc[head].lower_):
        return classes.of_token(doc, head)
    # a person in the phrase is its head ("aggressive young people"), unless a possessor
    # ("my son's meltdowns")
    if any(_person_word(doc[k].lower_, classes) and not _possessor(doc, k, head) for k in range(i, head + 1)):
        return []
    found = classes.of_token(doc, head)
    if head - 2 >= i and doc[head - 1].lower_ in _POSSESSIVES:
        # "the review's findings": the possessor's kind too, unless a person's
        owner = classes.of_token(doc, head - 2)
        if not _PERSON_CLASSES & set(owner):
            return [*found, *(c for c in owner if c not in found)]
    return found


def _past_abbreviation(doc: Doc, i: int, end: int) -> int:
    """The token after an abbreviation in brackets at i ("non-compliant (NC) balloons"),
    which names the words before it and is not part of the noun phrase; else i."""
    if i + 3 < end and doc[i].text == "(" and doc[i + 2].text == ")":
        word = doc[i + 1].text
        if 1 < len(word) <= 6 and word.isalnum() and word.isupper():
            return i + 3
    return i


def _person_word(low: str, classes: WordClasses) -> bool:
    return classes.has("people", low) or classes.has("relations", low)


def _possessor(doc: Doc, k: int, head: int) -> bool:
    """Is token k a possessor before the head ("my son's meltdowns")?"""
    return k + 1 < head and doc[k + 1].lower_ in _POSSESSIVES


@lru_cache(maxsize=4)
def _word_list(name: str) -> frozenset[str]:
    from tilint.policy import data_dir

    text = (data_dir() / "nouns" / name).read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def names_a_thing(low: str) -> bool:
    """Is the word a noun that never names a person, a group or an animal ("moves",
    "push", "exploration")? lexicons/nouns/things.txt lists the noun forms lemminflect
    knows none of whose lemmas is among WordNet's nouns for those (people.txt), so a word
    with any such sense ("figure", "type"), an adverb or an unknown word cannot be told.
    Generated lists: lemminflect takes a second to load."""
    return low in _word_list("things.txt")


def names_people(doc: Doc, i: int, classes: WordClasses, *, listed: bool = True) -> bool:
    """Does token i name a person or people: a word of a class of people, or (with
    `listed`) a noun that can name one in any sense (lexicons/nouns/people.txt holds
    lemmas: "worker"; also "body" and "soul")? Without it, the classes alone, which name
    people only."""
    low = doc[i].lower_
    if _PERSON_CLASSES & set(classes.of_token(doc, i)):
        return True
    if not listed:
        return False  # the classes only: "a co-worker of mine" (relations), not "this body of mine"
    people = _word_list("people.txt")
    return low in people or (low.endswith("s") and low[:-1] in people)


_THING_RUN = 4  # words of the noun phrase after a modifier: "mental health service users"
_CONJUNCTIONS = frozenset("and or nor but than when if as because since while".split())


def thing_follows(doc: Doc, start: int, end: int, sent: Span, classes: WordClasses) -> bool:
    """Does a noun for a thing head the noun phrase a modifier opens ("more aggressive
    moves", "her characteristically defiant way", "some abusive phone calls", "an
    aggressive puppy"), so that the modifier describes that and not a person? Every word
    of the phrase must be a noun for a thing or an adjective before one: a person, a word
    of another class ("behaviour", "demeanour"), a word that cannot be told or a compound
    ("violent ex-heroin addict") leaves it a label. A note's shorthand with no determiner
    ("Aggressive mealtime", "Resident combative bath time") is said of the person."""
    if predicate_subject(doc, start, end, sent) is not None:
        return False  # "he was aggressive last night": said of the subject
    before = start - 1
    while before >= sent.start and is_adverb(doc[before].lower_):
        before -= 1
    if before < sent.start:
        return False
    # "he is an aggressive nightmare": the phrase is said of the subject (not "there is an
    # aggressive cache", which says what exists)
    if (
        before - 1 >= sent.start
        and doc[before].lower_ in ("a", "an")
        and doc[before - 1].lower_ in BE
        and not (before - 2 >= sent.start and doc[before - 2].lower_ == "there")
    ):
        return False
    opener = doc[before]
    if opener.is_punct or opener.is_space or opener.lower_ in _CONJUNCTIONS:
        return False  # "Pleasant on approach but aggressive wash": a note's shorthand
    if before == sent.start and opener.lower_ not in DETERMINERS:
        return False  # "Known aggressive risk, do not lone work"
    if opener.lower_ not in DETERMINERS and ((opener.is_title and before > sent.start) or _PERSON_CLASSES & set(classes.of_token(doc, before))):
        return False  # after a name or a person: a note's shorthand
    run: list[int] = []
    k = end
    while k < sent.end and len(run) < _THING_RUN:
        tok = doc[k]
        low = tok.lower_
        if not tok.is_alpha:
            if tok.text in ",.;:!?)":
                break  # the phrase ends
            return False  # "ex-heroin", "24/7", a number: a compound that cannot be told
        if low in DETERMINERS or low in PREPOSITIONS or low in AUX or low in RELATIVES or low in _CONJUNCTIONS or is_adverb(low):
            break
        run.append(k)
        k += 1
    if not run:
        return False
    for position, i in enumerate(run):
        low = doc[i].lower_
        if low in ("one", "ones"):
            return False  # "a combative one": a pronoun for the noun before
        if doc[i].is_title and i > sent.start:
            return False  # "an aggressive Rose who shouted": a name
        found = classes.of_token(doc, i)
        if _PERSON_CLASSES & set(found):
            return False
        if any(classes[c].animate and classes[c].modified_not_person for c in found):
            return True  # an animal
        if any(classes[c].modified_not_person or classes[c].agent_not_person for c in found):
            return False  # a noun of a class with a sense of its own ("behaviour") is left to it
        last = position == len(run) - 1
        if names_a_thing(low) or (not last and low in _word_list("adjectives.txt")):
            continue
        return False
    return True
