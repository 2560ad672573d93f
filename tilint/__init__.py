"""tilint: a trauma-informed language linter for clinical and policy text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tilint.__about__ import __version__

if TYPE_CHECKING:
    from tilint.api import Linter, lint_paths, lint_text
    from tilint.config import Config
    from tilint.findings import Finding, Severity, Suggestion

__all__ = [
    "Config",
    "Finding",
    "Linter",
    "Severity",
    "Suggestion",
    "__version__",
    "lint_paths",
    "lint_text",
]

_LAZY = {
    "lint_text": "tilint.api",
    "lint_paths": "tilint.api",
    "Linter": "tilint.api",
    "Config": "tilint.config",
    "Finding": "tilint.findings",
    "Severity": "tilint.findings",
    "Suggestion": "tilint.findings",
}


def __getattr__(name: str) -> Any:
    # Lazy, so `tilint --version` and `tilint rules` never import spaCy.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tilint' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
