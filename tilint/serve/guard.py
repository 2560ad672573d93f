"""What every request passes before a handler sees it: Host, Origin (CORS), token, body
size and time limits, security headers, and a log line without any text.

A plain ASGI middleware (not Starlette's BaseHTTPMiddleware): it sees the body as it
arrives, so an oversized or slow body is refused before it is held whole.
"""

from __future__ import annotations

import base64
import hmac
import ipaddress
import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

import anyio

log = logging.getLogger("tilint.serve")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})

# The page and its assets: nothing from elsewhere, no inline script or style, no frames.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# The HTML report has inline styles and an inline SVG chart, and no script at all.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
API_CSP = "default-src 'none'; frame-ancestors 'none'"


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Guard:
    """The settings the middleware enforces."""

    host: str = "127.0.0.1"
    allow_hosts: tuple[str, ...] = ()
    allow_origins: tuple[str, ...] = ()
    token: str | None = None
    max_body: int = 4_000_000
    max_upload: int = 20_000_000
    upload_paths: frozenset[str] = field(default_factory=lambda: frozenset({"/api/report"}))
    body_seconds: float = 30.0

    def host_allowed(self, header: str) -> bool:
        """DNS rebinding: a page on evil.example whose name resolves to 127.0.0.1 reaches
        this server with `Host: evil.example`. Only names this server is known by pass: the
        loopback names when bound to loopback; otherwise the bound address, IP literals
        (no DNS name, so no rebinding) and the names given with --allow-host."""
        name = _host_name(header)
        if name is None:
            return False
        allowed = {h.lower() for h in self.allow_hosts}
        if name in allowed:
            return True
        if is_loopback(self.host):
            return name in LOOPBACK_NAMES or name == self.host.lower()
        return name == self.host.lower() or _is_ip_literal(name) or name in LOOPBACK_NAMES

    def origin_allowed(self, origin: str, host_header: str, scheme: str) -> bool:
        if origin in self.allow_origins:
            return True
        return origin.lower() == f"{scheme}://{host_header}".lower()  # the page itself

    def token_ok(self, header: str | None) -> bool:
        if self.token is None:
            return True
        if not header:
            return False
        kind, _, value = header.strip().partition(" ")
        value = value.strip()
        if kind.lower() == "basic":
            try:
                value = base64.b64decode(value, validate=True).decode("utf-8").partition(":")[2]
            except (ValueError, UnicodeDecodeError):
                return False
        elif kind.lower() != "bearer":
            return False
        return hmac.compare_digest(value.encode("utf-8"), self.token.encode("utf-8"))


def _host_name(header: str) -> str | None:
    header = header.strip().lower()
    if not header or any(c in header for c in "/@ \t\\"):
        return None
    if header.startswith("["):
        end = header.find("]")
        if end < 0:
            return None
        rest = header[end + 1 :]
        if rest and not (rest.startswith(":") and rest[1:].isdigit()):
            return None
        return header[: end + 1]
    name, _, port = header.partition(":")
    if port and not port.isdigit():
        return None
    return name.rstrip(".")


class BodyTooLarge(Exception):
    pass


class BodyTooSlow(Exception):
    pass


class GuardMiddleware:
    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status_seen: list[int] = []
        g = self.guard
        headers = _headers(scope)
        origin = headers.get("origin")
        path = scope.get("path", "")
        cors_origin = origin if origin is not None and origin in g.allow_origins else None

        async def send_wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_seen.append(message["status"])
                extra = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"cache-control", b"no-store"),
                    (b"cross-origin-resource-policy", b"same-origin"),
                    (b"vary", b"Origin"),
                ]
                present = {k.lower() for k, _ in message.get("headers", [])}
                if b"content-security-policy" not in present:
                    extra.append((b"content-security-policy", API_CSP.encode()))
                if cors_origin is not None:
                    extra.append((b"access-control-allow-origin", cors_origin.encode("latin-1")))
                message["headers"] = [*message.get("headers", []), *(h for h in extra if h[0] not in present)]
            await send(message)

        try:
            problem = self._refuse(scope, headers)
            if problem is not None:
                status, reason, extra_headers = problem
                await _plain(send_wrapped, status, reason, extra_headers, path=path)
                return
            if scope["method"] == "OPTIONS":
                await self._preflight(send_wrapped, cors_origin)
                return
            limit = g.max_upload if path in g.upload_paths else g.max_body
            length = headers.get("content-length")
            if length is not None:
                if not length.isdigit():
                    await _plain(send_wrapped, 400, "Content-Length is not a number", path=path)
                    return
                if int(length) > limit:
                    await _plain(send_wrapped, 413, f"the request body is larger than {limit:,} bytes", path=path)
                    return
            await self.app(scope, _limited(receive, limit, g.body_seconds), send_wrapped)
        except BodyTooLarge:
            if not status_seen:
                await _plain(send_wrapped, 413, f"the request body is larger than {limit:,} bytes", path=path)
        except BodyTooSlow:
            if not status_seen:
                await _plain(send_wrapped, 408, f"the request body took longer than {g.body_seconds:g} s to arrive", path=path)
        except Exception as exc:  # never a traceback in the log: it could quote the text
            log.error("internal error: %s", type(exc).__name__)
            if not status_seen:
                await _plain(send_wrapped, 500, "internal error", path=path)
        finally:
            # Method, route and status only: never the query string, a body or a header.
            log.info(
                "%s %s %s %.1f ms",
                scope.get("method", "-"),
                scope.get("tilint.route", "-"),
                status_seen[0] if status_seen else "-",
                (time.perf_counter() - started) * 1000,
            )

    def _refuse(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        g = self.guard
        host = headers.get("host")
        if host is None:
            return 400, "a Host header is required", []
        if not g.host_allowed(host):
            return 421, "this server does not answer to that Host name (see tilint serve --allow-host)", []
        origin = headers.get("origin")
        if origin is not None and not g.origin_allowed(origin, host, scope.get("scheme", "http")):
            return 403, "requests from this origin are not allowed (see tilint serve --allow-origin)", []
        if scope["method"] == "OPTIONS" and origin is not None:
            return None  # a CORS preflight carries no credentials; it gets no data either
        if not g.token_ok(headers.get("authorization")):
            return 401, "a token is required (Authorization: Bearer TOKEN)", [(b"www-authenticate", b'Basic realm="tilint", charset="UTF-8"')]
        return None

    async def _preflight(self, send: Send, origin: str | None) -> None:
        headers = [(b"allow", b"GET, POST, OPTIONS")]
        if origin is not None:
            headers += [
                (b"access-control-allow-methods", b"GET, POST, OPTIONS"),
                (b"access-control-allow-headers", b"Content-Type, Authorization"),
                (b"access-control-max-age", b"600"),
            ]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


def _headers(scope: Scope) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in scope.get("headers", []):
        name = key.decode("latin-1").lower()
        if name not in out:  # the first of repeated headers
            out[name] = value.decode("latin-1")
    return out


def _limited(receive: Receive, limit: int, seconds: float) -> Receive:
    """`receive` that stops a body over `limit` bytes or slower than `seconds` in all."""
    seen = 0
    deadline = time.monotonic() + seconds

    async def wrapped() -> Message:
        nonlocal seen
        remaining = deadline - time.monotonic()
        try:
            with anyio.fail_after(max(remaining, 0.001)):
                message = await receive()
        except TimeoutError:
            raise BodyTooSlow(f"the request body took longer than {seconds:g} s to arrive") from None
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(f"the request body is larger than {limit:,} bytes")
        return message

    return wrapped


async def _plain(send: Send, status: int, reason: str, headers: list[tuple[bytes, bytes]] | None = None, *, path: str = "") -> None:
    """A one-line error: {"error": "..."} under /api, plain text elsewhere (LanguageTool
    itself answers errors as plain text)."""
    as_json = path.startswith("/api/") or path == "/healthz"
    body = json_bytes({"error": reason}) if as_json else (reason + "\n").encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json" if as_json else b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
