"""Lists and tables of terms in training material and language guides.

A handout's table ("Deficit-based language | Recovery-oriented language", then
"2) Refused | 2) Declined") or a list of short lines under a heading about language lists
terms: each entry is a mention, not a use (LANGUAGE_POLICY.md: mention, not use). Such a
list spans many segments (every row or item is one), so it is told from the whole text,
and only for the few hits that reach the report; a note's own headings and table cells
have no heading about language above them, so they stay uses.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # tilint.classes loads spaCy, which the API imports only when it lints
    from tilint.classes import WordClasses

_CELL_SPLIT = re.compile(r"\s*(?:\||\t|\s->\s|\s→\s|\s(?:vs\.?|VS\.?|versus)\s)\s*")
_CONTRAST_SPLIT = re.compile(r"\s(?:vs\.?|VS\.?|versus|->|→)\s")
_CELL_MARKERS = re.compile(r"^(?:[-•*·▪◦–—]+\s*|\(?\d{1,3}[.):]\s*|[a-z][.)]\s+)+")
_TERM_LIST_LINE = 12  # words: a line longer than this is running text, not a list entry
_HEADER_LINES = 40
_HEADER_CHARS = 4000


_LINE_CHARS = 2000  # list entries, myths and questions are short lines; longer ones are running text


def _short_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The bounds of the line holding [start, end), or None when it is longer than
    _LINE_CHARS: each hit looks at most that far, so a one-line megabyte full of hits
    costs no scan of the whole line per hit."""
    lo = max(0, start - _LINE_CHARS)
    line_start = text.rfind("\n", lo, start) + 1
    if line_start == 0 and lo > 0:
        return None
    hi = min(len(text), end + _LINE_CHARS)
    line_end = text.find("\n", end, hi)
    if line_end == -1:
        if hi < len(text):
            return None
        line_end = len(text)
    return (line_start, line_end) if line_end - line_start <= _LINE_CHARS else None


def in_term_list(text: str, start: int, end: int, classes: WordClasses | None = None) -> bool:
    """Is the match at characters [start, end) listed rather than used: an entry of a
    list or table of terms, a myth a handout sets out to correct, or a short question
    that puts a notion up for discussion?"""
    return (
        _entry(text, start, end, classes)
        or in_myth(text, start)
        or _example_sentence(text, start)
        or _questioned(text, start, end)
        or _quiz_option(text, start, end, classes)
    )


def _entry(text: str, start: int, end: int, classes: WordClasses | None = None) -> bool:
    """Is the match at characters [start, end) an entry of a list or table of terms in a
    language guide or training handout? Its line, or its cell of a table row ('|', a tab,
    '->'), holds only the term (with list markers, numbering, a parenthesis and a leading
    'is'/'she is'), the line is short, and a heading or column header within the lines
    above names language (lexicons/classes/list-headers.yml: 'Deficit-based language |
    Recovery-oriented language', 'Words to avoid'). A note's own headings and table
    cells have no such header, so they stay uses."""
    if classes is None:
        from tilint import classes as word_classes

        classes = word_classes.builtin()
    wc = classes
    bounds = _short_line(text, start, end)
    if bounds is None:
        return False
    line_start, line_end = bounds
    line = text[line_start:line_end]
    if len(line.split()) > _TERM_LIST_LINE * 2:
        return False
    # the cell holding the match
    offset = start - line_start
    cell_start = 0
    cells = 0
    cell = line
    for m in _CELL_SPLIT.finditer(line):
        cells += 1
        if m.start() >= offset + (end - start):
            cell = line[cell_start : m.start()]
            break
        cell_start = m.end()
    else:
        cell = line[cell_start:]
    if cells == 0 and len(line.split()) > _TERM_LIST_LINE:
        return False
    # "Client has poor insight and is a safety risk VS Client found outside smoking ...":
    # the first side of a contrast is an example of what not to write, however long
    first = _CONTRAST_SPLIT.search(line)
    contrasted = first is not None and offset + (end - start) <= first.start() and len(cell.split()) <= _TERM_LIST_LINE
    # "Addict Person with substance use disorder": a table row flattened to one line (its
    # cell marks lost), the term in the first column
    leads = cells == 0 and not _CELL_MARKERS.sub("", line[:offset]).strip() and len(line.split()) <= _TERM_LIST_LINE
    if not (
        contrasted or leads or _only_the_term(cell, text[start:end]) or _under_avoid(text, line_start, line)
    ):
        return False
    return _language_header_above(text, line_start, wc)


_BULLET = re.compile(r"^\s*(?:[-•*·▪◦–]|\(?\d{1,3}[.)])\s+")
_AVOID_CUES = frozenset("avoid avoiding instead don't not never stop unhelpful".split())
_LIST_REACH = 12  # lines of a list read back to its lead-in


def _under_avoid(text: str, line_start: int, line: str) -> bool:
    """Is this line an item of a list whose lead-in line says what to avoid ('Avoid phrases
    like:', 'Instead of:', 'Don't write:')? Each item is an example of what not to write."""
    if not _BULLET.match(line) or len(line.split()) > _TERM_LIST_LINE + 3:
        return False
    above = text[max(0, line_start - _HEADER_CHARS) : line_start].split("\n")[:-1][-_LIST_REACH:]
    for prev in reversed(above):
        if not prev.strip() or _BULLET.match(prev):
            continue
        words = _words_of(prev)
        return prev.rstrip().endswith(":") and any(w in _AVOID_CUES for w in words)
    return False


def _words_of(s: str) -> list[str]:
    return re.findall(r"[\w'’-]+", s.lower())


def _only_the_term(cell: str, term: str) -> bool:
    """Does the cell hold the term and nothing else, but for list markers, a parenthesis
    ('Is clean (from drugs)'), a leading copula ('Is a schizophrenic', 'She is
    schizophrenic') and alternatives joined by '/' ('Drug/alcohol abuse')?"""
    cell = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", cell)
    cell = _CELL_MARKERS.sub("", cell.strip())
    target = _strip_prefix(_words_of(term))
    if not target:
        return False
    return any(_strip_prefix(_words_of(part)) == target for part in _alternatives(cell))


def _alternatives(cell: str) -> list[str]:
    """'Drug/alcohol abuse' -> ['Drug/alcohol abuse', 'alcohol abuse', 'Drug']."""
    out = [cell]
    if "/" in cell:
        head, _, tail = cell.partition("/")
        out.append(tail)
        out.append(head)
        words = head.split()
        if len(words) > 1:  # "She is clean/sober" -> "She is sober"
            out.append(" ".join(words[:-1]) + " " + tail)
    return out


_ARTICLES = frozenset("a an the".split())
_COPULAS = frozenset("is are was were 's".split())
_SUBJECTS = frozenset("she he they it person patient client".split())


def _strip_prefix(words: list[str]) -> list[str]:
    """Drop a leading subject with its copula ('she is'), a copula ('is') and articles."""
    if len(words) > 1 and words[0] in _SUBJECTS and words[1] in _COPULAS:
        words = words[1:]
    while words and (words[0] in _COPULAS or words[0] in _ARTICLES):
        words = words[1:]
    return words


def _language_header_above(text: str, line_start: int, wc: WordClasses) -> bool:
    lo = max(0, line_start - _HEADER_CHARS)
    lines = text[lo:line_start].split("\n")[-_HEADER_LINES - 1 :]
    for line in reversed(lines):
        words = _words_of(line)
        if "tilint" in words or "tilint-disable-next-line" in words:
            continue  # a directive's reason is not a heading
        # a sentence heads a list only when it names language itself ("Language used in
        # charting should be precise."), not by a word like "helpful" or "say" ("It was
        # helpful.", "Staff say he is settled.")
        if (
            0 < len(words) <= 15
            and any(wc.has("list-headers", w) for w in words)
            and (not _sentence(line) or any(wc.has("mention-nouns", w) for w in words))
        ):
            return True
    return False


def _sentence(line: str) -> bool:
    """Does the line end as a sentence does ("It was helpful.", "Staff say he is fine.")? A
    heading or column header does not: "Words to avoid", "Instead of: | Try:", "# Helpful
    language"."""
    end = line.rstrip().rstrip("*_\"'”’)]").rstrip()
    return end.endswith((".", "!", "?")) and not end.endswith("...")


_MYTH_LABEL = re.compile(
    r"^\W*(?:myths?|misconceptions?|common myths?)\b\s*(?:\d*|one|two|three|four|five|six|seven|eight|nine|ten)\s*[:\-–—]",
    re.IGNORECASE,
)
_MYTH_HEADING = re.compile(
    r"^\W*(?:(?:common|some|the)\s+)?(?:myths?|misconceptions?)(?:\s+(?:and|&|vs\.?|versus)\s+(?:facts?|reality|truths?))?\W*$",
    re.IGNORECASE,
)
_FACT_HEADING = re.compile(r"^\W*(?:facts?|reality|the reality|truth|the truth)\b", re.IGNORECASE)
_MYTH_LINES = 20
_MYTH_ENTRY_WORDS = 30


def in_myth(text: str, start: int) -> bool:
    """Is the match in a myth that a handout states in order to correct it ('Myth: people
    who self-harm are attention seeking', or a line under a 'Myths' heading before the
    'Facts' one)? The writer reports a belief, which is talk about the label."""
    bounds = _short_line(text, start, start)
    if bounds is None:
        return False
    line_start, line_end = bounds
    line = text[line_start:line_end]
    if _MYTH_LABEL.match(line):
        return True
    if len(line.split()) > _MYTH_ENTRY_WORDS or _FACT_HEADING.match(line):
        return False
    above = text[max(0, line_start - _HEADER_CHARS) : line_start].split("\n")[-_MYTH_LINES - 1 :]
    for prev in reversed(above):
        if _FACT_HEADING.match(prev):
            return False
        if _MYTH_HEADING.match(prev.strip()) and prev.strip():
            return True
    return False


# "Example: ..." opening a line, or "EXAMPLE:" in capitals anywhere in it (a lower-case
# "Course example:" inside a line is a trainer's own sentence, which a directive silences).
_EXAMPLE_LABEL = re.compile(r"(?:^\W*[Ee]xamples?|\bEXAMPLES?)\s*\d*\s*[:\-–—]\s")
_EXAMPLE_WORDS = 40


def _example_sentence(text: str, start: int) -> bool:
    """Is the match in a sentence a handout labels as an example ('Abuse / Abuser EXAMPLE:
    He's a drug abuser.', 'Example: Pt refused meds.')? It illustrates wording, as a
    mention does; 'for example, he refused' in running text has no label and stays a use."""
    bounds = _short_line(text, start, start)
    if bounds is None:
        return False
    before = text[bounds[0] : start]
    labels = list(_EXAMPLE_LABEL.finditer(before))
    if not labels:
        return False
    label = labels[-1]
    return len(text[bounds[0] : bounds[1]].split()) <= _EXAMPLE_WORDS and not re.search(r"[.!?]\s", before[label.end() :])


_QUESTION_WORDS = 8
_PERSONAL = frozenset(
    """i me my we us our you your he him his she her they them their patient patients person
    people client clients""".split()
)


def _questioned(text: str, start: int, end: int) -> bool:
    """A short line that is only a question and names no one ('A cry for help?', 'Is it
    all just attention-seeking?'): a course outline or a heading putting a notion up for
    discussion, not a description of anyone."""
    bounds = _short_line(text, start, end)
    if bounds is None:
        return False
    if _term_questioned(text, bounds[0], start, end):
        return True
    line = text[bounds[0] : bounds[1]].strip()
    words = _words_of(line)
    if not (line.endswith("?") and 0 < len(words) <= _QUESTION_WORDS and line.count("?") == 1):
        return False
    if any(w in _PERSONAL for w in words):
        return False
    # about a thing ('is it all just ...?') or the bare notion ('a cry for help?'); 'what
    # makes some alcoholics aggressive?' asks about people
    extra = len(words) - len(_words_of(text[start:end]))
    return any(w in ("it", "this", "that") for w in words) or extra <= 1


_QUESTION_TAGS = frozenset("how why really what when where who exactly meaning".split())


def _term_questioned(text: str, line_start: int, start: int, end: int) -> bool:
    """'Uncooperative how? Did he refuse ...', 'Non-compliant - really?': the term opens a
    fragment of its own that is a question about it (the term and at most one question
    word), as a handout or a reviewer challenges a note's wording."""
    before = text[max(line_start, start - 200) : start]
    if before.strip() and (not before[-1:].isspace() or before.rstrip()[-1] not in ".?!:;"):
        return False  # the term opens its line or follows the end of a sentence
    if not before.strip() and start - 200 > line_start:
        return False
    stop = text.find("?", end, end + 40)
    if stop < 0:
        return False
    rest = re.findall(r"[a-z]+", text[end:stop].lower())
    return len(rest) <= 1 and all(w in _QUESTION_TAGS for w in rest) and not re.search(r"[.!;:]", text[end:stop])


_OPTION = re.compile(r"(?:^|\s)\(?[a-eA-E][.)]\s")
_OPTION_LINE = re.compile(r"^\s*\(?[a-eA-E][.)]\s")
_QUIZ_LINES = 8


def _quiz_option(text: str, start: int, end: int, classes: WordClasses | None = None) -> bool:
    """'Which phrase is stigmatising? a) committed suicide b) died by suicide': an option of
    a multiple-choice question about wording (the question names a phrase, term, word or
    label: lexicons/classes/mention-nouns.yml). Options put wording up for judgement; a
    quiz about a patient ('Which action should the nurse take?') is not about wording, so
    its options stay uses."""
    if classes is None:
        from tilint import classes as word_classes

        classes = word_classes.builtin()
    bounds = _short_line(text, start, end)
    if bounds is None:
        return False
    line_start, _ = bounds
    before = text[line_start:start]
    question = before.rfind("?")
    if question >= 0:  # the question and its options on one line
        if not _OPTION.search(before[question + 1 :]):
            return False
        asked = before[: question + 1]
    else:  # options on lines of their own under the question
        if not _OPTION_LINE.match(before):
            return False
        asked = ""
        above = text[max(0, line_start - _HEADER_CHARS) : line_start].split("\n")[:-1][-_QUIZ_LINES:]
        for prev in reversed(above):
            if prev.rstrip().endswith("?"):
                asked = prev
                break
            if prev.strip() and not _OPTION_LINE.match(prev):
                return False
    return any(classes.has("mention-nouns", w) for w in _words_of(asked[-200:]))
