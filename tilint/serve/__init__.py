"""`tilint serve`: a LanguageTool-compatible HTTP server, tilint's own JSON API and a web
page, over the public API in tilint.api. See docs/server.md."""

from __future__ import annotations

from tilint.serve.app import ServeSettings, create_app

__all__ = ["ServeSettings", "create_app"]
