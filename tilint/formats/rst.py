"""reStructuredText, cheaply: no docutils, a few regular expressions.

Never checked: literal blocks (after `::`), code/raw/math directives and their bodies,
comments, hyperlink targets, inline literals, roles' targets, link URLs and section
underlines. `.. tilint-disable-next-line TI102 -- reason` works like the HTML comment.
"""

from __future__ import annotations

import re

from tilint.formats.document import _URL, Document, blank
from tilint.suppress import find_directives, suppressions

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_DIRECTIVE = re.compile(r"^([ \t]*)\.\.[ \t]+([A-Za-z][\w:+-]*)::")
_EXPLICIT = re.compile(r"^([ \t]*)\.\.(?:[ \t]|$)")
_TILINT = re.compile(r"^([ \t]*)\.\.([ \t]+tilint-)")
_LITERAL_DIRECTIVES = frozenset(
    {"code", "code-block", "sourcecode", "highlight", "raw", "math", "literalinclude", "include",
     "image", "figure", "csv-table", "parsed-literal", "doctest", "testcode", "testoutput", "graphviz"}
)
_INLINE_LITERAL = re.compile(r"``.+?``", re.DOTALL)
_ROLE = re.compile(r":[A-Za-z][\w:+.-]*:`[^`]*`")
_LINK_URL = re.compile(r"<[^<>\s]+>`_{1,2}")
_ADORNMENT = re.compile(r"^([=\-`:'\"~^_*+#<>.])\1{2,}[ \t]*$", re.MULTILINE)


def prepare_rst(text: str) -> Document:
    chars = list(text)
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]
    directive_view = list(text)  # '.. tilint-...' read as a bare directive line
    i = 0
    literal_indent: int | None = None  # set after a paragraph ending in '::'
    while i < len(lines):
        start, line = lines[i]
        body = line.rstrip("\r\n")
        indent = len(body) - len(body.lstrip())
        skip_block = False
        tilint = _TILINT.match(body)
        if tilint:
            directive_view[start + len(tilint.group(1))] = " "
            directive_view[start + len(tilint.group(1)) + 1] = " "
            blank(chars, start, start + len(body))
        elif (d := _DIRECTIVE.match(body)) is not None:
            if d.group(2).lower() in _LITERAL_DIRECTIVES:
                blank(chars, start, start + len(body))
                skip_block = True
            else:  # prose directives (note, warning, ...): blank the marker only
                blank(chars, start, start + d.end())
        elif _EXPLICIT.match(body):  # comment, target, footnote or citation label
            blank(chars, start, start + len(body))
            label = re.match(r"[ \t]*\.\.[ \t]+\[[^\]]+\]", body)
            if label:  # footnote text is prose: keep it
                chars[start : start + len(body)] = list(" " * label.end() + body[label.end() :])
            else:
                skip_block = True
        if literal_indent is not None and not tilint:
            skip_block, indent = True, literal_indent
        if skip_block:
            # the indented block that follows belongs to the directive or literal block
            j = i + 1
            while j < len(lines):
                s2, l2 = lines[j]
                b2 = l2.rstrip("\r\n")
                if b2.strip() and len(b2) - len(b2.lstrip()) <= indent:
                    break
                blank(chars, s2, s2 + len(b2))
                j += 1
            literal_indent = None
            i = j
            continue
        if body.rstrip().endswith("::") and not _DIRECTIVE.match(body):
            literal_indent = indent
            k = start + len(body.rstrip())
            blank(chars, k - 1, k)  # '::' reads as ':' in the rendered text
        i += 1

    current = "".join(chars)
    for pattern in (_INLINE_LITERAL, _ROLE, _LINK_URL, _ADORNMENT, _URL):
        for m in pattern.finditer(current):
            blank(chars, m.start(), m.end())
        current = "".join(chars)
    view = "".join(directive_view)
    directives = find_directives(view, bare_lines=True)
    return Document(text, current, (), tuple(suppressions(view, directives)), kind="rst")
