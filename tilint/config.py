"""One Config for the CLI, config files and the language server.

Files: `[tool.tilint]` in pyproject.toml, or the top level of `.tilint.toml` /
`tilint.toml`; the nearest file walking up from a document wins. Keys are kebab-case
in files and snake_case in Python.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tilint.errors import ConfigError
from tilint.findings import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

CONFIG_FILES = (".tilint.toml", "tilint.toml", "pyproject.toml")
# Bounds on a config file (hostile or runaway): each `allow` phrase is searched for in
# the whole document, so a list of 100,000 phrases would make every lint crawl.
MAX_CONFIG_BYTES = 1_000_000
MAX_LIST_ITEMS = 1000
MAX_LEXICON_FILES = 100
MAX_ALLOW_CHARS = 200


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Config(BaseModel):
    """Settings; every field has a default, so `Config()` is the built-in behaviour."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=True
    )

    select: tuple[str, ...] = Field(default=(), description="Rules to check: codes, code prefixes, names, categories or tags. Empty: all.")
    extend_select: tuple[str, ...] = Field(default=(), description="Rules to check in addition to select, e.g. opt-in preferences such as 'autism-identity-first'.")
    ignore: tuple[str, ...] = Field(default=(), description="Rules never to check, named the same way as in select.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Severity per rule, category or tag, e.g. {TI401 = 'info'}.")
    lexicons: tuple[str, ...] = Field(default=(), description="Extra lexicon files of your own rules (paths relative to the config file).")
    allow: tuple[str, ...] = Field(default=(), description="Phrases never flagged, e.g. the name of a local service.")
    check_quotes: bool = Field(default=False, description="Also check text inside quotation marks (a person's own words). Mentions of a term are never flagged.")
    fail_on: Severity = Field(default=Severity.WARNING, description="Exit with 1 when a finding is at or above this severity.")
    exclude: tuple[str, ...] = Field(default=(), description="Glob patterns of paths not to check.")

    @field_validator("select", "extend_select", "ignore", "allow", "lexicons", "exclude", mode="before")
    @classmethod
    def _listish(cls, value: Any) -> Any:
        if isinstance(value, str):
            return (value,)
        return value

    def merged(self, **overrides: Any) -> Config:
        """A copy with the given fields replaced (None values are ignored)."""
        data = {k: v for k, v in overrides.items() if v is not None}
        return self.model_copy(update=data)


def settings_fields() -> dict[str, Any]:
    """Field name -> (type name, default, description): the one source of truth that
    docs, the language server and the VS Code extension's package.json are checked against."""
    out: dict[str, Any] = {}
    for name, field in Config.model_fields.items():
        default = field.default if field.default_factory is None else field.default_factory()  # type: ignore[call-arg]
        out[name] = (str(field.annotation), default, field.description)
    return out


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above `start` (a file's folder, or a folder)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate_dir / name
            if path.is_file():
                if name == "pyproject.toml" and not _has_tool_section(path):
                    continue
                return path
    return None


# (path, mtime, size) -> has [tool.tilint]: the language server asks on every lint, and
# a large pyproject.toml above the document cost a parse each time.
_TOOL_SECTION: dict[tuple[Path, int, int], bool] = {}


def _has_tool_section(path: Path) -> bool:
    try:
        st = path.stat()
    except OSError:
        return True  # report the broken file rather than skip past it
    key = (path, st.st_mtime_ns, st.st_size)
    known = _TOOL_SECTION.get(key)
    if known is not None:
        return known
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        found = True
    else:
        found = isinstance(data.get("tool"), dict) and "tilint" in data["tool"]
    if len(_TOOL_SECTION) >= 256:
        _TOOL_SECTION.clear()
    _TOOL_SECTION[key] = found
    return found


def load_config(path: Path) -> Config:
    """Read one config file. Errors name the file and the key."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(str(path), "no such config file") from None
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(str(path), f"config file is larger than {MAX_CONFIG_BYTES // 1_000_000} MB", "is this the right file?")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(str(path), "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("tilint", {}) if isinstance(tool, dict) else {}
        where = f"{path} [tool.tilint]"
    else:
        where = str(path)
    if not isinstance(data, dict):
        raise ConfigError(where, "expected a table of settings")
    return config_from_mapping(data, where=where, base_dir=path.parent)


def config_from_mapping(data: dict[str, Any], *, where: str, base_dir: Path | None = None) -> Config:
    for key in data:
        if key not in _FILE_KEYS:
            hint = _close_match(key)
            raise ConfigError(
                where,
                f"unknown key {key!r}",
                f"did you mean {hint!r}?" if hint else f"known keys: {', '.join(sorted(_FILE_KEYS))}",
            )
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        raise ConfigError(where, f"key {key!r}: {err['msg']}", _value_hint(err)) from None
    _check_bounds(config, where)
    if base_dir is not None and config.lexicons:
        resolved = tuple(str((base_dir / p).resolve()) for p in config.lexicons)
        config = config.model_copy(update={"lexicons": resolved})
    return config


def _check_bounds(config: Config, where: str) -> None:
    for name in ("select", "extend_select", "ignore", "allow", "exclude", "severity", "lexicons"):
        limit = MAX_LEXICON_FILES if name == "lexicons" else MAX_LIST_ITEMS
        size = len(getattr(config, name))
        if size > limit:
            raise ConfigError(where, f"key {_kebab(name)!r}: {size:,} entries; at most {limit:,}")
    for phrase in config.allow:
        if len(phrase) > MAX_ALLOW_CHARS:
            raise ConfigError(
                where, f"key 'allow': a phrase of {len(phrase):,} characters; at most {MAX_ALLOW_CHARS}", "allow names short phrases"
            )


_FILE_KEYS = frozenset(_kebab(n) for n in Config.model_fields) | frozenset(Config.model_fields)


def _close_match(key: str) -> str | None:
    import difflib

    found = difflib.get_close_matches(key, sorted(_kebab(n) for n in Config.model_fields), n=1)
    return found[0] if found else None


def _value_hint(err: Any) -> str | None:
    if "enum" in err.get("type", "") or "literal" in err.get("type", ""):
        return "severities are error, warning, info, hint"
    return None


def resolve_selectors(selectors: Iterable[str]) -> tuple[str, ...]:
    return tuple(s.strip().lower() for s in selectors if s.strip())
