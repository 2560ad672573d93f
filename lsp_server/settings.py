"""Editor settings: parsed, validated key by key, merged with the project's config.

Pure. The keys are the CLI's (tilint.config.Config fields, written kebab-case,
snake_case or camelCase) plus two the server alone uses: `enable` and `run`. A bad
value falls back to its default and becomes a message for the user; nothing raises.

Precedence: a key the editor sets overrides the same key in the project's config file
(as a command-line flag does); keys the editor leaves out come from the file. `allow`
adds up: phrases from both apply, so "Add to the allow list" works whatever the editor
sends.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tilint.config import Config, config_from_mapping
from tilint.errors import TilintError
from tilint.lexicon import Rule
from tilint.selection import check_selectors

RUN_MODES = ("onType", "onSave")
SERVER_KEYS = ("enable", "run")
CONFIG_KEYS = tuple(Config.model_fields)
# Keys editor extensions keep for themselves (how to start the server, tracing).
CLIENT_KEYS = frozenset({"trace", "interpreter", "path", "executable", "args", "import_strategy", "server_args"})


@dataclass(frozen=True)
class Settings:
    """Everything the editor configured, validated; defaults where it said nothing."""

    enable: bool = True
    run: str = "onType"
    overrides: Mapping[str, Any] = field(default_factory=dict)  # Config fields, snake_case

    def config(self, project: Config | None) -> Config:
        """The Config for one document: the project's file, then the editor's keys."""
        base = project or Config()
        update = dict(self.overrides)
        if "allow" in update:
            update["allow"] = tuple(dict.fromkeys([*base.allow, *update["allow"]]))
        return base.model_copy(update=update) if update else base


def snake(key: str) -> str:
    key = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key)
    return key.replace("-", "_").lower()


def unwrap(raw: Any) -> Any:
    """Accept {tilint: {...}}, {settings: {...}} or the settings themselves."""
    for _ in range(2):
        if isinstance(raw, Mapping):
            for section in ("tilint", "settings"):
                inner = raw.get(section)
                if isinstance(inner, Mapping):
                    raw = inner
                    break
    return raw


def parse(raw: Any, *, base_dir: Path | None = None) -> tuple[Settings, list[str]]:
    """Settings from what the client sent, and one message per problem found."""
    raw = unwrap(raw)
    if raw is None or (isinstance(raw, list) and not raw):  # an empty Lua table is sent as []
        return Settings(), []
    if not isinstance(raw, Mapping):
        return Settings(), [f"tilint settings must be an object, not {type(raw).__name__}; using defaults"]
    problems: list[str] = []
    enable, run = True, "onType"
    overrides: dict[str, Any] = {}
    known = (*SERVER_KEYS, *CONFIG_KEYS)
    for key, value in raw.items():
        name = snake(str(key))
        if name == "enable":
            if isinstance(value, bool):
                enable = value
            else:
                problems.append(f"tilint setting 'enable' must be true or false, not {value!r}; using true")
        elif name == "run":
            mode = next((m for m in RUN_MODES if isinstance(value, str) and snake(value) == snake(m)), None)
            if mode is None:
                problems.append(f"tilint setting 'run' must be 'onType' or 'onSave', not {value!r}; using 'onType'")
            else:
                run = mode
        elif name in CONFIG_KEYS:
            try:
                parsed = config_from_mapping({name: value}, where="editor settings", base_dir=base_dir)
            except TilintError as exc:
                problems.append(f"{exc.one_line()}; using the default for {key!r}")
            else:
                overrides[name] = getattr(parsed, name)
        elif name in CLIENT_KEYS:
            continue
        else:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {close[0].replace('_', '-')!r}?)" if close else ""
            problems.append(f"unknown tilint setting {key!r}{hint}; ignored")
    return Settings(enable, run, overrides), problems


def check_rules(config: Config, rules: Sequence[Rule], where: str) -> tuple[Config, list[str]]:
    """Drop selectors that name no rule, so one typo does not stop all checking."""
    problems: list[str] = []
    update: dict[str, Any] = {}
    for key in ("select", "extend_select", "ignore"):
        kept = []
        for selector in getattr(config, key):
            try:
                check_selectors([selector], rules, where)
            except TilintError as exc:
                problems.append(f"{exc.one_line()}; {key} entry ignored")
            else:
                kept.append(selector)
        if len(kept) != len(getattr(config, key)):
            update[key] = tuple(kept)
    severity = {}
    for selector, level in config.severity.items():
        try:
            check_selectors([selector], rules, where)
        except TilintError as exc:
            problems.append(f"{exc.one_line()}; severity entry ignored")
        else:
            severity[selector] = level
    if len(severity) != len(config.severity):
        update["severity"] = severity
    return (config.model_copy(update=update) if update else config), problems
