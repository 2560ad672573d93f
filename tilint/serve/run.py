"""Start the server under uvicorn: checks the settings, then one process or several.

uvicorn because it is the reference ASGI server, small (h11, no C extension needed),
and runs several worker processes on one socket by itself.
"""

from __future__ import annotations

import errno
import logging
import os
import secrets
import socket
import sys
from pathlib import Path

from tilint.errors import UsageError
from tilint.serve.app import SETTINGS_ENV, ServeSettings
from tilint.serve.guard import is_loopback

MIN_TOKEN_CHARS = 16


def read_token(token: str | None, token_file: Path | None) -> str | None:
    if token and token_file:
        raise UsageError("--token", "give --token or --token-file, not both")
    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(str(token_file), f"cannot read the token file: {getattr(exc, 'strerror', None) or exc}") from None
    if token is not None and (len(token) < MIN_TOKEN_CHARS or not token.isprintable() or " " in token):
        raise UsageError(
            "--token",
            f"a token needs at least {MIN_TOKEN_CHARS} printable characters without spaces",
            f"e.g. {secrets.token_urlsafe(24)}",
        )
    return token


def check_settings(settings: ServeSettings) -> None:
    if not is_loopback(settings.host) and not settings.token:
        raise UsageError(
            f"--host {settings.host}",
            "binding an address other than loopback lets other machines send notes here; it needs --token or --token-file",
            "or keep the default --host 127.0.0.1",
        )
    for origin in settings.allow_origins:
        if origin in ("*", "null") or "://" not in origin or origin.endswith("/"):
            raise UsageError(
                f"--allow-origin {origin}", "expected an exact origin such as chrome-extension://ID or https://example.org (no '*', no trailing '/')"
            )
    if not 0 < settings.port < 65536:
        raise UsageError("--port", f"{settings.port} is not a port number")
    _check_port(settings.host, settings.port)


def _check_port(host: str, port: int) -> None:
    """Fail in one line, before the linter loads, when the address cannot be bound (in
    use, or not this machine's). uvicorn binds it again a moment later."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), port))
    except OSError as exc:
        reason = "already in use (is another server running?)" if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
        raise UsageError(f"--host {host} --port {port}", f"cannot listen there: {reason}") from None


def serve(settings: ServeSettings, *, workers: int = 1, log_level: str = "info") -> None:
    import uvicorn

    check_settings(settings)
    logging.basicConfig(stream=sys.stderr, level=log_level.upper(), format="%(asctime)s %(name)s %(levelname)s %(message)s")
    where = f"http://{settings.host if ':' not in settings.host else f'[{settings.host}]'}:{settings.port}"
    print(f"tilint serve: {where}/ (LanguageTool API at {where}/v2)", file=sys.stderr)
    if settings.token:
        print("tilint serve: every request needs the token (Authorization: Bearer TOKEN)", file=sys.stderr)
    from tilint.serve.protocol import HalfCloseH11Protocol

    os.environ[SETTINGS_ENV] = settings.to_env()
    uvicorn.run(
        "tilint.serve.app:app_from_environment",
        http=HalfCloseH11Protocol,
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=workers if workers > 1 else None,
        log_config=None,  # ours: method, route, status and time only
        access_log=False,  # uvicorn's access log prints the query string
        log_level=log_level,
        server_header=False,
        proxy_headers=False,
        timeout_keep_alive=5,
        limit_concurrency=256,
        h11_max_incomplete_event_size=16_384,
        lifespan="off",
    )
