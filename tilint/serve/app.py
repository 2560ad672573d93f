"""`tilint serve`: handlers only. Read the request, lint with the public API, convert,
answer. Conversion to LanguageTool's shape lives in languagetool.py, request checks in
guard.py, the page in static/.

Nothing is stored: a request's text lives in the handler's locals until the answer is
sent. Logs hold method, route, status and time, never text.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tilint.api import Linter
from tilint.config import Config, config_from_mapping, find_config_file, load_config
from tilint.errors import TilintError
from tilint.serve import languagetool as lt
from tilint.serve.guard import (
    PAGE_CSP,
    REPORT_CSP,
    BodyTooLarge,
    BodyTooSlow,
    Guard,
    GuardMiddleware,
    json_bytes,
)

T = TypeVar("T")

SETTINGS_ENV = "TILINT_SERVE_SETTINGS"
DEFAULT_MAX_CHARS = 200_000
# Keys of tilint's settings a request may set; `lexicons` and `exclude` name files on
# the server and stay with the server's own config.
REQUEST_SETTINGS = frozenset({"select", "extend-select", "ignore", "severity", "allow", "check-quotes"})
STATIC = {
    "page.js": "text/javascript; charset=utf-8",
    "page.css": "text/css; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}
TEXT_KINDS = ("text", "markdown", "html", "rst")


@dataclass(frozen=True)
class ServeSettings:
    host: str = "127.0.0.1"
    port: int = 8081
    config: str | None = None  # a config file; None: discovered from the working folder
    token: str | None = None
    allow_origins: tuple[str, ...] = ()
    allow_hosts: tuple[str, ...] = ()
    max_chars: int = DEFAULT_MAX_CHARS
    max_body: int = 4_000_000
    max_upload: int = 20_000_000
    body_seconds: float = 30.0  # the whole body must arrive within this time
    lint_threads: int = 2  # the linter holds a lock: more threads only contend for it

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> ServeSettings:
        data = json.loads(os.environ.pop(SETTINGS_ENV))  # it may hold the token
        for key in ("allow_origins", "allow_hosts"):
            data[key] = tuple(data[key])
        return cls(**data)


def base_config(settings: ServeSettings) -> Config:
    """The server's config: --config, or the nearest config file above the working
    folder, as `tilint check -` finds one."""
    if settings.config:
        return load_config(Path(settings.config))
    found = find_config_file(Path.cwd())
    return load_config(found) if found is not None else Config()


class BadInput(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(" ".join(message.split()))
        self.status = status


class Service:
    """The warmed linter, the server's config and the limits."""

    def __init__(self, settings: ServeSettings) -> None:
        from tilint.api import get_linter, lint_text

        self.settings = settings
        self.config = base_config(settings)
        self.linter = get_linter(self.config)
        lint_text("Warming up: she refused her medication.", self.config)  # first lint builds caches
        from tilint.serve.vocab import make_permanent

        make_permanent(self.linter.nlp)  # so per-request memory zones build only rare words
        self.active_rules = list(self.linter.lexicon.active)
        self.rule_keys = lt.rule_keys(self.active_rules)
        self.limiter = anyio.CapacityLimiter(settings.lint_threads)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        return await anyio.to_thread.run_sync(partial(fn, *args), limiter=self.limiter)

    def config_with(self, overrides: Mapping[str, Any]) -> Config:
        return self.config.merged(**overrides) if overrides else self.config


def create_app(settings: ServeSettings | None = None) -> GuardMiddleware:
    settings = settings or ServeSettings()
    service = Service(settings)

    def route(path: str, endpoint: Callable[[Request], Any], methods: list[str]) -> Route:
        async def wrapped(request: Request) -> Response:
            request.scope["tilint.route"] = path
            try:
                return await endpoint(request)  # type: ignore[no-any-return]
            except (BadInput, lt.BadRequest) as exc:
                return _error(request, str(exc), exc.status)
            except TilintError as exc:
                return _error(request, exc.one_line(), 400)
            except BodyTooLarge as exc:
                return _error(request, str(exc), 413)
            except BodyTooSlow as exc:
                return _error(request, str(exc), 408)

        return Route(path, wrapped, methods=methods)

    async def languages(request: Request) -> Response:
        return _lt_json(lt.languages())

    async def v2_check(request: Request) -> Response:
        _form_type(request)
        body = await request.body()
        form = lt.parse_form(body)
        check = lt.parse_check(form, settings.max_chars)
        overrides = lt.selection(check, service.active_rules, service.rule_keys)
        if overrides is None:
            return _lt_json(lt.answer(check, []))
        # A request's rules add to the server's config; enabledOnly's select replaces it.
        for key in ("extend_select", "ignore"):
            if key in overrides:
                overrides[key] = getattr(service.config, key) + overrides[key]
        config = service.config_with(overrides)
        findings = await service.run(_lint, check.text.text, "text", config)
        return _lt_json(lt.answer(check, findings))

    async def api_check(request: Request) -> Response:
        payload = await _json_body(request)
        allowed = {"text", "kind", "filename", "settings"}
        unknown = sorted(set(payload) - allowed)
        if unknown:
            raise BadInput(f"unknown field {unknown[0]!r}; expected {', '.join(sorted(allowed))}")
        text = payload.get("text")
        if not isinstance(text, str):
            raise BadInput("'text' must be a string")
        if len(text) > settings.max_chars:
            raise BadInput(f"the text is longer than {settings.max_chars:,} characters", 413)
        filename = payload.get("filename")
        if filename is not None and (not isinstance(filename, str) or len(filename) > 255):
            raise BadInput("'filename' must be a string of at most 255 characters")
        kind = payload.get("kind")
        if kind is None:
            from tilint.formats import kind_for

            kind = (kind_for(filename) if filename else None) or "text"
        if kind not in TEXT_KINDS:
            raise BadInput(f"kind {str(kind)[:40]!r}: expected one of {', '.join(TEXT_KINDS)} (Word and PowerPoint: POST /api/report)")
        overrides = _request_settings(payload.get("settings"))
        if "allow" in overrides:  # phrases allowed by the server's config stay allowed
            overrides["allow"] = service.config.allow + tuple(overrides["allow"])
        config = service.config_with(overrides)
        name = filename or "<text>"
        document, findings = await service.run(_lint_document, text, kind, config)
        from tilint.findings import FileResult
        from tilint.report.json_report import render

        body = render([FileResult(name, tuple(findings))], {name: document}).encode("utf-8")
        return Response(body, media_type="application/json")

    async def api_report(request: Request) -> Response:
        from tilint.serve.upload import read_upload

        content_type = request.headers.get("content-type", "")
        filename, raw = read_upload(content_type, await request.body())
        from tilint.formats import OFFICE_KINDS, kind_for

        kind = kind_for(filename)
        if kind is None:
            raise BadInput(f"{filename}: unknown type; upload .docx, .pptx, .odt, .odp, .pdf, .md, .html, .rst or .txt", 415)
        if kind not in OFFICE_KINDS and len(raw) > settings.max_chars * 4:
            raise BadInput(f"{filename}: larger than {settings.max_chars * 4:,} bytes", 413)
        html = await service.run(_report, filename, raw, kind, service.config)
        return Response(
            html.encode("utf-8"),
            media_type="text/html; charset=utf-8",
            headers={"content-security-policy": REPORT_CSP},
        )

    async def rules_list(request: Request) -> Response:
        from tilint.report.explain import rule_to_dict

        return Response(json_bytes([_rule(rule_to_dict(r)) for r in service.active_rules]), media_type="application/json")

    async def rule_one(request: Request) -> Response:
        from tilint.report.explain import rule_to_dict

        found = service.linter.lexicon.find(str(request.path_params["code"]))
        if found is None:
            raise BadInput("no such rule (GET /api/rules lists them)", 404)
        return Response(json_bytes(_rule(rule_to_dict(found))), media_type="application/json")

    async def healthz(request: Request) -> Response:
        from tilint.__about__ import __version__

        return Response(json_bytes({"status": "ok", "version": __version__, "rules": len(service.active_rules)}), media_type="application/json")

    async def openapi(request: Request) -> Response:
        return Response(_resource("openapi.json"), media_type="application/json")

    async def page(request: Request) -> Response:
        return Response(_resource("static/index.html"), media_type="text/html; charset=utf-8", headers={"content-security-policy": PAGE_CSP})

    async def static(request: Request) -> Response:
        name = str(request.path_params["name"])
        if name not in STATIC:
            raise BadInput("not found", 404)
        return Response(_resource(f"static/{name}"), media_type=STATIC[name], headers={"content-security-policy": PAGE_CSP})

    async def v2_get_check(request: Request) -> Response:
        raise BadInput("use POST for /v2/check (a query string would put the text in logs and histories)", 405)

    routes = [
        route("/", page, ["GET"]),
        route("/static/{name}", static, ["GET"]),
        route("/v2/languages", languages, ["GET"]),
        route("/v2/check", v2_check, ["POST"]),
        route("/v2/check", v2_get_check, ["GET"]),
        route("/api/check", api_check, ["POST"]),
        route("/api/report", api_report, ["POST"]),
        route("/api/rules", rules_list, ["GET"]),
        route("/api/rules/{code}", rule_one, ["GET"]),
        route("/healthz", healthz, ["GET"]),
        route("/openapi.json", openapi, ["GET"]),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        return _error(request, "method not allowed" if status == 405 else "not found", status)

    async def internal(request: Request, exc: Exception) -> Response:
        return _error(request, "internal error", 500)

    app = Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found, 500: internal})
    app.state.service = service
    guard = Guard(
        host=settings.host,
        allow_hosts=settings.allow_hosts,
        allow_origins=settings.allow_origins,
        token=settings.token,
        max_body=settings.max_body,
        max_upload=settings.max_upload,
        body_seconds=settings.body_seconds,
    )
    return GuardMiddleware(app, guard)


def app_from_environment() -> GuardMiddleware:
    """For uvicorn's worker processes: the settings come in an environment variable."""
    return create_app(ServeSettings.from_env())


# ------------------------------------------------------------------------ helpers


# No text outlives its request. Each lint runs in a spaCy memory zone, so the words of a
# note do not stay in the pipeline's vocabulary (spaCy keeps every word it has seen), and
# is followed by Linter.forget(), so its paragraphs do not stay in the segment cache (on
# a shared server, how fast a paragraph came back would also tell whether someone else
# had checked it). One lint at a time: a memory zone belongs to the whole pipeline.
_LINT_LOCK = threading.Lock()


@contextmanager
def _isolated(linter: Linter) -> Iterator[None]:
    with _LINT_LOCK:
        zone = getattr(linter.nlp, "memory_zone", None)  # spaCy 3.8 and later
        with zone() if zone is not None else nullcontext():
            try:
                yield
            finally:
                linter.forget()


def _lint(text: str, kind: str, config: Config) -> list[Any]:
    from tilint.api import get_linter, lint_text

    with _isolated(get_linter(config)):
        return lint_text(text, config, kind=kind)


def _lint_document(text: str, kind: str, config: Config) -> tuple[Any, list[Any]]:
    from tilint.api import get_linter
    from tilint.formats import prepare

    document = prepare(text, kind)
    linter = get_linter(config)
    with _isolated(linter):
        return document, linter.lint_document(document, config)


def _report(filename: str, raw: bytes, kind: str, config: Config) -> str:
    from tilint.api import get_linter
    from tilint.findings import FileResult
    from tilint.formats import document_from_bytes, localize
    from tilint.report.html_report import render

    linter = get_linter(config)
    try:
        document = document_from_bytes(raw, filename, kind)
        with _isolated(linter):
            findings = localize(document, linter.lint_document(document, config))
        result = FileResult(filename, tuple(findings))
    except TilintError as exc:
        raise BadInput(exc.one_line(), 422) from None
    return render([result], {filename: document}, linter.rules, title=f"tilint report: {filename}")


def _request_settings(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadInput("'settings' must be an object")
    for key in value:
        if key.replace("_", "-") not in REQUEST_SETTINGS:
            raise BadInput(f"settings key {str(key)[:40]!r} cannot be set per request; allowed: {', '.join(sorted(REQUEST_SETTINGS))}")
    config = config_from_mapping(dict(value), where="settings")
    return {k.replace("-", "_"): getattr(config, k.replace("-", "_")) for k in value}


def _rule(data: dict[str, Any]) -> dict[str, Any]:
    data["url"] = lt.rule_url(data["code"], data["name"])
    return data


async def _json_body(request: Request) -> dict[str, Any]:
    content_type = request.headers.get("content-type", "")
    media, _, params = content_type.partition(";")
    if media.strip().lower() != "application/json":
        raise BadInput("send JSON with Content-Type: application/json", 415)
    if "charset" in params.lower() and "utf-8" not in params.lower():
        raise BadInput("send the JSON as UTF-8")
    body = await request.body()
    try:
        payload = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BadInput(f"the body is not valid UTF-8 (byte {exc.start})") from None
    except RecursionError:
        raise BadInput("the body is JSON nested too deeply") from None
    except ValueError as exc:
        raise BadInput(f"the body is not valid JSON: {str(exc).splitlines()[0][:80]}") from None
    if not isinstance(payload, dict):
        raise BadInput("the body must be a JSON object")
    return payload


def _form_type(request: Request) -> None:
    content_type = request.headers.get("content-type")
    if content_type is None:
        return
    media, _, params = content_type.partition(";")
    if media.strip().lower() != "application/x-www-form-urlencoded":
        raise BadInput("send the form as application/x-www-form-urlencoded", 415)
    charset = params.lower().partition("charset=")[2].strip().strip('"')
    if charset and charset not in ("utf-8", "utf8"):
        raise BadInput(f"charset {charset[:20]!r}: send UTF-8")


def _lt_json(data: Any) -> Response:
    # Exactly `application/json`: Emacs' langtool.el fails on a charset parameter.
    return Response(json_bytes(data), headers={"content-type": "application/json"})


def _error(request: Request, message: str, status: int) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/healthz":
        return Response(json_bytes({"error": message}), status_code=status, media_type="application/json")
    return Response(message + "\n", status_code=status, media_type="text/plain")


_CACHE: dict[str, bytes] = {}


def _resource(name: str) -> bytes:
    data = _CACHE.get(name)
    if data is None:
        data = _CACHE[name] = resources.files("tilint.serve").joinpath(name).read_bytes()
    return data
