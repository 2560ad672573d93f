"""HTML: only the text people read is checked.

Tags, attributes, comments (tilint's own directives still apply), and the content of
script, style, code, pre, kbd, samp, textarea, template, svg and math are blanked. Block
elements (p, li, td, h1...) end a paragraph in the checkable text, so a sentence never runs
from one into the next; blockquote and q mark quotation. Offsets, lines and columns are
the file's own. A tag inside a word ("non-<b>compliant</b>") splits the word: a known
limitation, shared with every reader that keeps offsets.
"""

from __future__ import annotations

import html
import re

from tilint.formats.document import _URL, Document, blank
from tilint.suppress import find_directives, suppressions

_TOKEN = re.compile(
    r"""
      <!--.*?(?:-->|\Z)
    | <!\[CDATA\[.*?(?:\]\]>|\Z)
    | <![^>]*(?:>|\Z)
    | <\?.*?(?:>|\Z)
    | <(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*(?:>|\Z)
    """,
    re.DOTALL | re.VERBOSE,
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
RAW_TEXT = frozenset({"script", "style", "textarea", "template", "xmp", "iframe", "noembed", "noframes"})
SKIPPED = frozenset({"code", "pre", "kbd", "samp", "svg", "math", "var"})
QUOTES = frozenset({"blockquote", "q"})
BLOCKS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html legend li main nav
    ol option p section summary table tbody td tfoot th thead title tr ul""".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def prepare_html(text: str) -> Document:
    chars = list(text)
    quoted: list[tuple[int, int]] = []
    open_quotes: list[tuple[str, int]] = []
    skip: list[str] = []  # open elements whose content is never checked
    pos = 0
    n = len(text)
    while pos < n:
        m = _TOKEN.search(text, pos)
        if m is None:
            if skip:
                blank(chars, pos, n)
            else:
                _entities(text, chars, pos, n)
            break
        if skip:
            blank(chars, pos, m.start())
        else:
            _entities(text, chars, pos, m.start())
        blank(chars, m.start(), m.end())
        pos = m.end()
        name = (m.group("name") or "").lower()
        if not name:
            continue
        closing = bool(m.group("close"))
        self_closing = m.group().endswith("/>")
        if name in BLOCKS or name == "br":
            _break(chars, m.start(), m.end(), paragraph=name != "br")
        if closing:
            if name in SKIPPED and name in skip:
                while skip and skip.pop() != name:
                    pass
            elif name in QUOTES:
                for i in range(len(open_quotes) - 1, -1, -1):
                    if open_quotes[i][0] == name:
                        quoted.append((open_quotes[i][1], m.start()))
                        del open_quotes[i:]
                        break
            continue
        if self_closing or name in VOID:
            continue
        if name in RAW_TEXT:
            end = re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE).search(text, pos)
            stop = end.end() if end else n
            blank(chars, pos, stop)
            pos = stop
        elif name in SKIPPED:
            skip.append(name)
        elif name in QUOTES:
            open_quotes.append((name, m.end()))
    quoted.extend((start, n) for _, start in open_quotes)

    current = "".join(chars)
    for m in _URL.finditer(current):
        blank(chars, m.start(), m.end())
    directives = find_directives(text, bare_lines=False)
    return Document(
        text, "".join(chars), tuple(sorted(quoted)), tuple(suppressions(text, directives)), kind="html"
    )


def _break(chars: list[str], start: int, end: int, *, paragraph: bool) -> None:
    """Make a (blanked) tag end a paragraph, or a line for <br>, in the checkable text."""
    room = [i for i in range(start, end) if chars[i] not in "\r\n"]
    for i in room[: 2 if paragraph else 1]:
        chars[i] = "\n"


def _entities(text: str, chars: list[str], start: int, end: int) -> None:
    """An entity reads as its character followed by spaces (same length)."""
    if "&" not in text[start:end]:
        return
    for m in _ENTITY.finditer(text, start, end):
        value = html.unescape(m.group())
        if len(value) != 1 or value == "\xa0":
            value = " "
        chars[m.start()] = value
        blank(chars, m.start() + 1, m.end())
