"""The VS Code extension's settings mirror tilint's one source of truth.

`vscode-extension/package.json` declares every `tilint.*` setting once. The extension
forwards each setting that is not its own (see CLIENT_ONLY) to the language server under
its snake_case name (`tilint.checkQuotes` -> `check_quotes`), which must be a
`tilint.config.Config` field (checked here against `settings_fields()`: same type, same
default) or one of the server-only switches (SERVER_ONLY). Nothing else may be declared.
"""

from __future__ import annotations

import json
import re
import types
import typing
from enum import Enum
from typing import Any

import pytest

from tests.helpers import ROOT
from tilint.config import Config, settings_fields

PACKAGE_JSON = ROOT / "vscode-extension" / "package.json"
PREFIX = "tilint."

# Config fields with no editor setting. `fail_on` decides the CLI's exit code, and
# `exclude` picks which paths a CLI/CI run walks: both are command-line and CI concepts.
# In the editor the user checks the documents they open; the config file still applies.
NOT_IN_EDITOR = {"fail_on", "exclude"}

# Sent to the server, which handles them itself (lsp_server/settings.py SERVER_KEYS).
SERVER_ONLY: dict[str, dict[str, Any]] = {
    "enable": {"type": "boolean", "default": True},
    "run": {"type": "string", "enum": ["onType", "onSave"], "default": "onType"},
}

# Kept by the extension, never sent (vscode-extension/src/settings.ts CLIENT_KEYS).
CLIENT_ONLY: dict[str, dict[str, Any]] = {
    "path": {"type": "array", "items": {"type": "string"}, "default": []},
    "interpreter": {"type": "array", "items": {"type": "string"}, "default": []},
    "languages": {"type": "array", "items": {"type": "string"}, "default": []},
    "trace.server": {"type": "string", "enum": ["off", "messages", "verbose"], "default": "off"},
}


def snake(key: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key).lower()


def declared() -> dict[str, dict[str, Any]]:
    manifest = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))
    properties: dict[str, dict[str, Any]] = manifest["contributes"]["configuration"]["properties"]
    outside = [key for key in properties if not key.startswith(PREFIX)]
    assert not outside, f"settings outside the tilint. namespace in {PACKAGE_JSON}: {outside}"
    return {key[len(PREFIX) :]: spec for key, spec in properties.items()}


def forwarded() -> dict[str, dict[str, Any]]:
    """Settings the extension sends to the server, by their server-side name."""
    return {snake(key): spec for key, spec in declared().items() if key not in CLIENT_ONLY}


def json_schema_for(annotation: Any) -> dict[str, Any]:
    """The package.json schema a Config field's Python type must have."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is bool:
        return {"type": "boolean"}
    if annotation is str:
        return {"type": "string"}
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return {"type": "string", "enum": [member.value for member in annotation]}
    if origin in (tuple, list) and (len(args) == 1 or (len(args) == 2 and args[1] is Ellipsis)):
        return {"type": "array", "items": json_schema_for(args[0])}
    if origin is dict and len(args) == 2 and args[0] is str:
        return {"type": "object", "additionalProperties": json_schema_for(args[1])}
    if origin in (typing.Union, types.UnionType):
        raise AssertionError(f"optional/union setting types need a rule in this test: {annotation}")
    raise AssertionError(f"no package.json schema rule for {annotation!r}: extend json_schema_for()")


def schema_of(spec: dict[str, Any]) -> dict[str, Any]:
    """The type part of a package.json setting, without descriptions, scope or default."""
    keep = {"type", "items", "enum", "additionalProperties"}
    out: dict[str, Any] = {}
    for key, value in spec.items():
        if key not in keep:
            continue
        out[key] = schema_of(value) if isinstance(value, dict) else value
    return out


def jsonable(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    return value


EDITOR_FIELDS = sorted(set(settings_fields()) - NOT_IN_EDITOR)


def test_not_in_editor_names_real_config_fields() -> None:
    assert set(settings_fields()) >= NOT_IN_EDITOR, "NOT_IN_EDITOR names a field Config no longer has"


@pytest.mark.parametrize("name", EDITOR_FIELDS)
def test_every_editor_config_field_has_a_setting(name: str) -> None:
    settings = forwarded()
    camel = re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)
    assert name in settings, f"Config.{name} has no setting: add `tilint.{camel}` to {PACKAGE_JSON}"


@pytest.mark.parametrize("name", EDITOR_FIELDS)
def test_setting_type_matches_config(name: str) -> None:
    spec = forwarded().get(name)
    assert spec is not None, f"no setting for Config.{name} (see test_every_editor_config_field_has_a_setting)"
    expected = json_schema_for(Config.model_fields[name].annotation)
    type_name = settings_fields()[name][0]
    assert schema_of(spec) == expected, f"tilint setting for Config.{name} ({type_name}) should have schema {expected}, not {schema_of(spec)}"


@pytest.mark.parametrize("name", EDITOR_FIELDS)
def test_setting_default_matches_config(name: str) -> None:
    default = jsonable(settings_fields()[name][1])
    spec = forwarded().get(name)
    assert spec is not None, f"no setting for Config.{name} (see test_every_editor_config_field_has_a_setting)"
    assert "default" in spec, f"the setting for Config.{name} declares no default"
    assert spec["default"] == default


@pytest.mark.parametrize("name", EDITOR_FIELDS)
def test_setting_is_described(name: str) -> None:
    spec = forwarded().get(name, {})
    assert (spec.get("markdownDescription") or spec.get("description") or "").strip()


def test_no_unknown_settings() -> None:
    cli_only = sorted(set(forwarded()) & NOT_IN_EDITOR)
    assert not cli_only, f"these are CLI/CI settings and have no place in the editor: {cli_only}"
    allowed = set(EDITOR_FIELDS) | set(SERVER_ONLY)
    unknown = sorted(set(forwarded()) - allowed)
    assert not unknown, (
        f"{PACKAGE_JSON} declares settings that are neither Config fields nor documented "
        f"server-only/editor-only ones: {unknown}"
    )


@pytest.mark.parametrize("name", sorted(SERVER_ONLY))
def test_server_only_settings(name: str) -> None:
    spec = forwarded().get(name)
    assert spec is not None, f"tilint.{name} is missing from {PACKAGE_JSON}"
    assert {**schema_of(spec), "default": spec.get("default")} == SERVER_ONLY[name]


@pytest.mark.parametrize("name", sorted(CLIENT_ONLY))
def test_client_only_settings(name: str) -> None:
    spec = declared().get(name)
    assert spec is not None, f"tilint.{name} is missing from {PACKAGE_JSON}"
    assert {**schema_of(spec), "default": spec.get("default")} == CLIENT_ONLY[name]


def test_client_only_list_matches_the_extension() -> None:
    """The TypeScript list of keys kept by the extension is the one this test assumes."""
    source = (ROOT / "vscode-extension" / "src" / "settings.ts").read_text(encoding="utf-8")
    found = re.search(r"CLIENT_KEYS[^=]*=\s*new Set\(\[([^\]]*)\]\)", source)
    assert found, "CLIENT_KEYS not found in vscode-extension/src/settings.ts"
    keys = set(re.findall(r"'([^']+)'", found.group(1)))
    assert keys == set(CLIENT_ONLY)


def test_commands_and_activation() -> None:
    manifest = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))
    commands = {c["command"] for c in manifest["contributes"]["commands"]}
    assert {"tilint.explainRule", "tilint.lintWorkspace", "tilint.restart"} <= commands
    events = set(manifest["activationEvents"])
    assert {"onLanguage:plaintext", "onLanguage:markdown"} <= events
    assert manifest["engines"]["vscode"] == "^1.91.0"  # vscode-languageclient 11's minimum
    assert manifest["devDependencies"]["@types/vscode"] == "1.91.0"
