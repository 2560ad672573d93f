"""Open documents: text, version, kind and a line index computed once per version.

Pure: no pygls. Positions arrive in the client's encoding (UTF-16 code units unless
UTF-8 or UTF-32 was negotiated); the core works in code points. Out-of-range positions
are clamped the way the LSP specification says: a character past the end of a line
means the end of that line, a line past the end of the document means its end.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from tilint.formats import OFFICE_KINDS, kind_for
from tilint.positions import line_starts

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"

# languageId values clients use for the two kinds tilint reads.
_MARKDOWN_IDS = frozenset({"markdown", "md", "mdx", "quarto", "rmd"})
_TEXT_IDS = frozenset({"plaintext", "text", "txt", "plain text", "plain_text", "asciidoc-plain"})


def units(text: str, encoding: str) -> int:
    """Length of `text` in the encoding's code units."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8"))
    return len(text.encode("utf-16-le")) // 2


def _width(char: str, encoding: str) -> int:
    cp = ord(char)
    if encoding == UTF8:
        return 1 if cp < 0x80 else 2 if cp < 0x800 else 3 if cp < 0x10000 else 4
    if encoding == UTF16:
        return 2 if cp > 0xFFFF else 1
    return 1


def code_points(line: str, count: int, encoding: str) -> int:
    """How many code points of `line` the first `count` code units cover.

    A count landing inside a character (half a surrogate pair, part of a UTF-8
    sequence) rounds down to that character's start; past the end gives the end.
    """
    if count <= 0:
        return 0
    if encoding == UTF32 or line.isascii():
        return min(count, len(line))
    used = 0
    for i, char in enumerate(line):
        used += _width(char, encoding)
        if used > count:
            return i
        if used == count:
            return i + 1
    return len(line)


def kind_of(language_id: str, path: str | None) -> str | None:
    """'markdown', 'text', or None for a document tilint does not read (code, TOML)."""
    lang = (language_id or "").strip().lower()
    if lang in _MARKDOWN_IDS:
        return "markdown"
    if lang in _TEXT_IDS:
        return "text"
    if path:
        found = kind_for(path)
        if found in OFFICE_KINDS:
            return None  # read from the file on disk (`tilint check`), never from the editor's text
        if found:
            return found
    return "text" if lang == "" and path and "." not in Path(path).name else None


def uri_to_path(uri: str) -> Path | None:
    """The local file a `file:` URI names, or None (untitled, remote)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if len(path) >= 3 and path[0] == "/" and path[2] == ":":  # file:///C:/notes
        path = path[1:]
    if parsed.netloc and parsed.netloc != "localhost":
        path = f"//{parsed.netloc}{path}"
    return Path(path)


@dataclass(frozen=True, slots=True)
class Change:
    """One content change: a range in client units, or None for the whole text."""

    text: str
    start: tuple[int, int] | None = None  # (line, character)
    end: tuple[int, int] | None = None


@dataclass(frozen=True)
class TextDoc:
    """One version of an open document. Immutable: an edit makes a new one."""

    uri: str
    text: str
    version: int | None
    language_id: str = ""
    starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.starts:
            object.__setattr__(self, "starts", line_starts(self.text))

    # -- what the document is -------------------------------------------------
    @property
    def path(self) -> Path | None:
        return uri_to_path(self.uri)

    @property
    def kind(self) -> str | None:
        path = self.path
        return kind_of(self.language_id, str(path) if path else urlparse(self.uri).path)

    def line_bounds(self, line: int) -> tuple[int, int]:
        """Code-point offsets of a line's start and end, line break excluded."""
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        if end > start and self.text[end - 1] == "\n":
            end -= 1
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def line_text(self, line: int) -> str:
        start, end = self.line_bounds(line)
        return self.text[start:end]

    def line_break(self, line: int) -> str:
        """The line break ending `line` (the document's first one for the last line)."""
        _, end = self.line_bounds(line)
        nxt = self.starts[line + 1] if line + 1 < len(self.starts) else None
        if nxt is not None:
            return self.text[end:nxt]
        if len(self.starts) > 1:
            _, first_end = self.line_bounds(0)
            return self.text[first_end : self.starts[1]]
        return "\n"

    # -- conversions ----------------------------------------------------------
    def offset_at(self, line: int, character: int, encoding: str) -> int:
        """Code-point offset of a client position, clamped into the document."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.line_bounds(line)
        return start + code_points(self.text[start:end], character, encoding)

    def position_at(self, offset: int, encoding: str) -> tuple[int, int]:
        """Client (line, character) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        if encoding == UTF32:
            return line, offset - start
        return line, units(self.text[start:offset], encoding)

    # -- edits ----------------------------------------------------------------
    def _shifted_starts(self, a: int, b: int, new: str) -> list[int] | None:
        """The next line index without rescanning, when an edit adds and removes no
        line break and touches none (the common keystroke); else None."""
        text = self.text
        if any(c in "\r\n" for c in new) or any(c in "\r\n" for c in text[a:b]):
            return None
        if (a > 0 and text[a - 1] == "\r") or (b < len(text) and text[b] == "\n"):
            return None  # might join or split a CRLF pair
        line = bisect.bisect_right(self.starts, a) - 1
        delta = len(new) - (b - a)
        starts = self.starts
        return starts[: line + 1] + [s + delta for s in starts[line + 1 :]]

    def edited(self, changes: Iterable[Change], version: int | None, encoding: str) -> TextDoc:
        """The next version: changes applied in order, each to the result of the last."""
        doc = self
        for change in changes:
            if change.start is None or change.end is None:
                text = change.text
            else:
                a = doc.offset_at(change.start[0], change.start[1], encoding)
                b = doc.offset_at(change.end[0], change.end[1], encoding)
                if b < a:
                    a, b = b, a
                text = doc.text[:a] + change.text + doc.text[b:]
                starts = doc._shifted_starts(a, b, change.text)
                if starts is not None:
                    doc = TextDoc(doc.uri, text, version, doc.language_id, starts)
                    continue
            doc = TextDoc(doc.uri, text, version, doc.language_id)
        if doc is self:
            doc = TextDoc(self.uri, self.text, version, self.language_id, self.starts)
        return doc
