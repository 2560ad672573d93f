"""Add a phrase to `allow` in a TOML config file, keeping the rest of the file as written.

Pure. `.tilint.toml` / `tilint.toml` hold the settings at the top level, pyproject.toml
in `[tool.tilint]`. tomlkit edits the file with its comments and layout kept; the result
is then parsed again (tomllib, as tilint reads it) and must hold exactly the old
settings plus the phrase, and nothing else in the file may change; otherwise no edit is
offered (None) and nothing is written. The edit is one replacement of the changed
region, which the editor applies as a single change.
"""

from __future__ import annotations

import json
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


def normalise(phrase: str) -> str:
    return " ".join(phrase.split())


def new_config_text(phrase: str) -> str:
    """A new `.tilint.toml` allowing one phrase (a TOML basic string: JSON's escapes are TOML's)."""
    return f"allow = [{json.dumps(normalise(phrase), ensure_ascii=False)}]\n"


def _settings(data: Any, pyproject: bool) -> Any:
    if not pyproject:
        return data
    tool = data.get("tool") if isinstance(data, dict) else None
    return tool.get("tilint") if isinstance(tool, dict) else None


def _allow_list(table: Any) -> list[str]:
    value = table.get("allow", []) if isinstance(table, dict) else []
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _without(data: Any, pyproject: bool) -> Any:
    """The whole file's data, less the `allow` key being edited."""
    out = dict(data)
    if pyproject:
        tool = dict(out.get("tool") or {})
        tilint = dict(tool.get("tilint") or {})
        tilint.pop("allow", None)
        tool["tilint"] = tilint
        out["tool"] = tool
    else:
        out.pop("allow", None)
    return out


def _edited(text: str, phrase: str, pyproject: bool) -> tuple[str, list[str], Any] | None:
    """The new text, the old allow list and the old data; None if there is nothing to do."""
    import tomlkit  # only when an allow-list action is asked for: not at start-up
    from tomlkit.exceptions import TOMLKitError

    try:
        doc = tomlkit.parse(text)
        before = doc.unwrap()
    except (TOMLKitError, ValueError):
        return None
    old = _allow_list(_settings(before, pyproject))
    if any(normalise(p).lower() == phrase.lower() for p in old):
        return None
    table: Any = doc
    if pyproject:
        tool = doc.get("tool")
        if tool is None:
            tool = tomlkit.table(is_super_table=True)
            doc.add("tool", tool)
        table = tool.get("tilint")
        if table is None:
            table = tomlkit.table()
            tool.add("tilint", table)
    current = table.get("allow")
    if current is None:
        table.add("allow", [phrase])
    elif isinstance(current, str):
        table["allow"] = [str(current), phrase]
    elif isinstance(current, list):
        current.append(phrase)
    else:
        return None
    return tomlkit.dumps(doc), old, before


def add_allow(text: str, phrase: str, *, pyproject: bool) -> Edit | None:
    """The edit adding `phrase` to `allow`, or None when it is there already or the
    file cannot be edited safely (invalid TOML, a result that does not check out)."""
    phrase = normalise(phrase)
    if not phrase:
        return None
    try:
        edited = _edited(text, phrase, pyproject)
    except Exception:  # tomlkit's errors (TOMLKitError and others) on a layout it cannot edit
        return None
    if edited is None:
        return None
    new, old, before = edited
    # The changed region, in the file's own line breaks (tomlkit writes new lines as \n).
    a = 0
    limit = min(len(text), len(new))
    while a < limit and text[a] == new[a]:
        a += 1
    b = 0
    while b < limit - a and text[-1 - b] == new[-1 - b]:
        b += 1
    middle = new[a : len(new) - b]
    if "\r\n" in text:
        middle = middle.replace("\r\n", "\n").replace("\n", "\r\n")
    edit = Edit(a, len(text) - b, middle)
    try:
        after = tomllib.loads(edit.apply(text))
    except tomllib.TOMLDecodeError:
        return None
    if _allow_list(_settings(after, pyproject)) != [*old, phrase]:
        return None
    if _without(after, pyproject) != _without(before, pyproject):
        return None
    return edit
