"""Add a phrase to `allow` in a TOML config file, as a small edit that keeps the rest.

Pure. Handles `.tilint.toml` / `tilint.toml` (top-level keys) and pyproject.toml
(`[tool.tilint]`). The edit is checked by parsing the result: if the new file does not
hold exactly the old settings plus the phrase, no edit is offered (None).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]


@dataclass(frozen=True, slots=True)
class Edit:
    start: int  # code-point offsets into the old text
    end: int
    new_text: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new_text + text[self.end :]


def toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def normalise(phrase: str) -> str:
    return " ".join(phrase.split())


def new_config_text(phrase: str) -> str:
    return f"allow = [{toml_string(normalise(phrase))}]\n"


_HEADER = re.compile(r"^[ \t]*\[")
_TOOL_TILINT = re.compile(r"""^[ \t]*\[[ \t]*(?:tool|"tool"|'tool')[ \t]*\.[ \t]*(?:tilint|"tilint"|'tilint')[ \t]*\][ \t]*(?:#.*)?$""")
_ALLOW_KEY = re.compile(r"""^[ \t]*(?:allow|"allow"|'allow')[ \t]*=[ \t]*""")


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, inside a multi-line string) for each line, line break excluded."""
    out = []
    in_ml: str | None = None
    pos = 0
    for m in re.finditer(r"[^\n]*(?:\n|$)", text):
        if m.start() >= len(text) and m.start() > 0:
            break
        line = m.group().rstrip("\n").rstrip("\r")
        start_inside = in_ml is not None
        i = 0
        while i < len(line):
            if in_ml is not None:
                j = line.find(in_ml, i)
                if j < 0:
                    break
                i = j + 3
                in_ml = None
                continue
            ch = line[i]
            if ch == "#":
                break
            if line.startswith('"""', i) or line.startswith("'''", i):
                in_ml = line[i : i + 3]
                i += 3
                continue
            if ch in "\"'":
                j = i + 1
                while j < len(line) and line[j] != ch:
                    j += 2 if ch == '"' and line[j] == "\\" else 1
                i = j + 1
                continue
            i += 1
        out.append((m.start(), m.start() + len(line), start_inside))
        pos = m.end()
        if pos >= len(text):
            break
    return out


def _scan_array(text: str, open_at: int) -> tuple[int, int, bool] | None:
    """For the array opening at `open_at`: (close offset, end of last value or -1,
    trailing comma after it)."""
    depth = 0
    i = open_at
    last_end = -1
    comma = False
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            nl = text.find("\n", i)
            i = n if nl < 0 else nl
            continue
        if text.startswith('"""', i) or text.startswith("'''", i):
            q = text[i : i + 3]
            j = text.find(q, i + 3)
            if j < 0:
                return None
            while text.startswith(q[0], j + 3):  # up to two quotes may end the content
                j += 1
            i = j + 3
            last_end, comma = i, False
            continue
        if ch in "\"'":
            j = i + 1
            while j < n and text[j] != ch and text[j] != "\n":
                j += 2 if ch == '"' and text[j] == "\\" else 1
            if j >= n or text[j] != ch:
                return None
            i = j + 1
            last_end, comma = i, False
            continue
        if ch in "[{":
            depth += 1
            i += 1
            continue
        if ch in "]}":
            depth -= 1
            i += 1
            if depth == 0:
                return i - 1, last_end, comma
            last_end, comma = i, False
            continue
        if ch == ",":
            comma = depth == 1 or comma
            i += 1
            continue
        if not ch.isspace():
            last_end, comma = i + 1, False
        i += 1
    return None


def _settings(data: dict[str, Any], pyproject: bool) -> Any:
    if not pyproject:
        return data
    tool = data.get("tool")
    return tool.get("tilint") if isinstance(tool, dict) else None


def _allow_list(table: Any) -> list[str]:
    value = table.get("allow", []) if isinstance(table, dict) else []
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def already_allowed(text: str, phrase: str, *, pyproject: bool) -> bool:
    try:
        table = _settings(tomllib.loads(text), pyproject)
    except tomllib.TOMLDecodeError:
        return False
    key = normalise(phrase).lower()
    return any(normalise(p).lower() == key for p in _allow_list(table))


def add_allow(text: str, phrase: str, *, pyproject: bool) -> Edit | None:
    """The edit adding `phrase` to `allow`, or None when it is there already or the
    file cannot be edited safely (invalid TOML, an unusual layout)."""
    phrase = normalise(phrase)
    if not phrase:
        return None
    try:
        before = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    table = _settings(before, pyproject)
    if already_allowed(text, phrase, pyproject=pyproject):
        return None
    edit = _edit(text, phrase, pyproject, table is not None)
    if edit is None:
        return None
    try:
        after = tomllib.loads(edit.apply(text))
    except tomllib.TOMLDecodeError:
        return None
    new_table = _settings(after, pyproject)
    if not isinstance(new_table, dict) or _allow_list(new_table) != [*_allow_list(table), phrase]:
        return None
    expected = dict(table or {})
    expected.pop("allow", None)
    got = dict(new_table)
    got.pop("allow", None)
    if got != expected:
        return None
    if pyproject:  # nothing else in the file may change
        rest_before = {k: v for k, v in before.items() if k != "tool"}
        rest_after = {k: v for k, v in after.items() if k != "tool"}
        tb = {k: v for k, v in before.get("tool", {}).items() if k != "tilint"}
        ta = {k: v for k, v in after.get("tool", {}).items() if k != "tilint"}
        if rest_before != rest_after or tb != ta:
            return None
    elif {k: v for k, v in after.items() if k != "allow"} != {k: v for k, v in before.items() if k != "allow"}:
        return None
    return edit


def _edit(text: str, phrase: str, pyproject: bool, has_table: bool) -> Edit | None:
    nl = "\r\n" if "\r\n" in text else "\n"
    item = toml_string(phrase)
    lines = _lines(text)
    # The region holding the settings: the top of the file, or [tool.tilint].
    if pyproject:
        if not has_table:
            sep = "" if text.endswith("\n") or not text else nl
            return Edit(len(text), len(text), f"{sep}{nl if text else ''}[tool.tilint]{nl}allow = [{item}]{nl}")
        head = next((k for k, (a, b, inside) in enumerate(lines) if not inside and _TOOL_TILINT.match(text[a:b])), None)
        if head is None:
            return None  # settings given as dotted keys or an inline table: leave them alone
        first = head + 1
    else:
        first = 0
    last = len(lines)
    for k in range(first, len(lines)):
        a, b, inside = lines[k]
        if not inside and _HEADER.match(text[a:b]):
            last = k
            break
    for k in range(first, last):
        a, b, inside = lines[k]
        if inside:
            continue
        m = _ALLOW_KEY.match(text[a:b])
        if not m:
            continue
        value_at = a + m.end()
        if value_at < len(text) and text[value_at] == "[":
            scanned = _scan_array(text, value_at)
            if scanned is None:
                return None
            close, last_end, comma = scanned
            if last_end < 0:  # empty array
                return Edit(value_at + 1, value_at + 1, item)
            close_line_start = text.rfind("\n", 0, close) + 1
            if text[close_line_start:close].strip() == "" and close_line_start > value_at:
                # `]` alone on its line: add a line above it, keeping comments where they are
                indent_src = text.rfind("\n", 0, last_end) + 1
                indent = re.match(r"[ \t]*", text[indent_src:]).group()  # type: ignore[union-attr]
                if comma:
                    return Edit(close_line_start, close_line_start, f"{indent}{item},{nl}")
                return Edit(last_end, last_end, f",{nl}{indent}{item}")
            return Edit(last_end, last_end, f", {item}")
        # allow = "one phrase": make it a list
        quote_char = text[value_at : value_at + 1]
        if quote_char not in ("\"", "'") or text.startswith(quote_char * 3, value_at):
            return None
        j = value_at + 1
        while j < b and text[j] != quote_char:
            j += 2 if quote_char == '"' and text[j] == "\\" else 1
        if j >= b:
            return None
        return Edit(value_at, j + 1, f"[{text[value_at : j + 1]}, {item}]")
    # No allow key: add one at the end of the region (after its last non-blank line).
    insert_line = first
    for k in range(first, last):
        a, b, _ = lines[k]
        if text[a:b].strip():
            insert_line = k + 1
    if insert_line < len(lines):
        at = lines[insert_line][0]
        return Edit(at, at, f"allow = [{item}]{nl}")
    sep = "" if not text or text.endswith("\n") else nl
    return Edit(len(text), len(text), f"{sep}allow = [{item}]{nl}")
