"""Readers: turn a document into checkable text plus what it says about itself.

For text formats the checkable text has the same length as the original, with what is
never checked (code, URLs, comments, front matter) blanked to spaces, so offsets need no
map back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from tilint.suppress import Suppression, find_directives, suppressions

KINDS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
}


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    checkable: str
    quoted: tuple[tuple[int, int], ...]  # ranges the format itself marks as quotation
    suppressions: tuple[Suppression, ...]


def kind_for(path: str | PurePath) -> str | None:
    return KINDS.get(PurePath(path).suffix.lower())


def prepare(text: str, kind: str = "text") -> Document:
    if kind == "markdown":
        from tilint.formats.markdown import prepare_markdown

        return prepare_markdown(text)
    return prepare_text(text)


_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+")


def prepare_text(text: str) -> Document:
    directives = find_directives(text, bare_lines=True)
    chars = list(text) if directives or "://" in text or "www." in text else None
    if chars is not None:
        for d in directives:
            blank(chars, d.start, d.end)
        for m in _URL.finditer(text):
            blank(chars, m.start(), m.end())
    checkable = "".join(chars) if chars is not None else text
    return Document(text, checkable, (), tuple(suppressions(text, directives)))


def blank(chars: list[str], start: int, end: int) -> None:
    """Blank a range to spaces, keeping line breaks so lines and columns stay put."""
    for i in range(start, min(end, len(chars))):
        if chars[i] not in "\r\n":
            chars[i] = " "
