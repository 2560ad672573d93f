"""The tilint language server: handlers only.

Get the document, lint it in a worker thread (linting.py), convert (convert.py,
actions.py), publish. Settings live in settings.py, config files in project.py, the
document model in documents.py, scheduling in scheduler.py, pygls plumbing in
protocol.py, logging in logs.py and start-up in main.py.

Nothing but JSON-RPC goes to stdout; logs go to stderr and never hold document text.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from lsp_server import actions, convert, settings
from lsp_server.documents import UTF16, Change, TextDoc, uri_to_path
from lsp_server.linting import DocumentLinter, LintResult
from lsp_server.logs import guard, log
from lsp_server.main import serve
from lsp_server.project import is_config_file
from lsp_server.protocol import TilintProtocol, converter
from lsp_server.scheduler import Scheduler
from tilint.__about__ import __version__
from tilint.api import get_linter
from tilint.config import Config
from tilint.errors import TilintError
from tilint.report.explain import explain

CONFIG_GLOBS = ("**/.tilint.toml", "**/tilint.toml", "**/pyproject.toml")
EXPLAIN_COMMAND = "tilint.explain"
WAIT_FOR_LINT = 5.0  # seconds a hover or code action waits for a lint in flight
WAIT_FOR_SETTINGS = 5.0  # seconds the first lint waits for the settings pulled at start


class TilintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "tilint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=TilintProtocol,
            converter_factory=converter,
        )
        self.documents: dict[str, TextDoc] = {}
        self.results: dict[str, LintResult] = {}
        self.settings = settings.Settings()
        self.linter = DocumentLinter()
        self.projects = self.linter.projects
        self.scheduler = Scheduler(self.lint)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tilint-lint")
        self.shown: set[str] = set()
        # Set once the settings pulled after `initialized` have arrived (or could not be
        # had): the first diagnostics then already follow the user's settings.
        self.settings_ready = asyncio.Event()
        self.client_info: types.ClientInfo | None = None

    def report_server_error(self, error: Exception, source: Any) -> None:
        """pygls shows "Error in server" pop-ups for malformed client messages; a user
        cannot act on those, so they are logged (by type: the text may quote values)."""
        log.warning("protocol error (%s): %s", getattr(source, "__name__", source), type(error).__name__)

    # -- state helpers ----------------------------------------------------------------
    @property
    def encoding(self) -> str:
        try:
            value = self.workspace.position_encoding
        except RuntimeError:
            return UTF16
        return str(getattr(value, "value", value) or UTF16)

    def roots(self) -> list[Path]:
        try:
            ws = self.workspace
        except RuntimeError:
            return []
        uris = [f.uri for f in ws.folders.values()] or ([ws.root_uri] if ws.root_uri else [])
        return [p for p in (uri_to_path(u) for u in uris) if p is not None]

    def root_for(self, path: Path) -> Path:
        inside = [r for r in self.roots() if path == r or r in path.parents]
        return max(inside, key=lambda r: len(r.parts)) if inside else path.parent

    def capability(self, dotted: str) -> Any:
        value: Any = self.client_capabilities
        for part in dotted.split("."):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value

    def can_pull_settings(self) -> bool:
        """Whether to ask the client for settings with workspace/configuration: when it
        declares the capability, and from Neovim, which answers from the `settings` of
        its client config in every version but declares it only from 0.8 (0.7 never
        sends didChangeConfiguration either, so this is how its settings arrive)."""
        if self.capability("workspace.configuration"):
            return True
        info = self.client_info
        return info is not None and str(getattr(info, "name", "")).lower() == "neovim"

    def tell(self, problems: Sequence[str]) -> None:
        """Show each distinct problem once (until the settings change)."""
        for message in problems:
            if message not in self.shown:
                self.shown.add(message)
                log.warning("%s", message)
                self.window_show_message(types.ShowMessageParams(types.MessageType.Warning, message))

    def apply_settings(self, raw: Any) -> None:
        roots = self.roots()
        self.settings, problems = settings.parse(raw, base_dir=roots[0] if roots else None)
        self.linter.forget()
        self.shown.clear()
        self.tell(problems)

    def files_changed(self) -> None:
        """A config file changed: read config files and lexicons again, re-lint."""
        self.linter.forget()
        self.relint_all()

    def relint_all(self) -> None:
        for uri in list(self.documents):
            self.request_lint(uri)

    def request_lint(self, uri: str) -> None:
        self.scheduler.request(uri)

    def publish(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    # -- linting ----------------------------------------------------------------------
    async def lint(self, uri: str) -> None:
        doc = self.documents.get(uri)
        if doc is None:
            return
        if not self.settings_ready.is_set():
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.settings_ready.wait(), WAIT_FOR_SETTINGS)
            # This run reads the document and the settings from here on: a request made
            # while it waited (the relint after the pulled settings) is already served.
            self.scheduler.served(uri)
            doc = self.documents.get(uri)
            if doc is None:
                return
        current = self.settings
        if not current.enable or doc.kind is None:
            if uri in self.results:
                del self.results[uri]
                self.publish(uri, [], doc.version)
            return
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(self.executor, self.linter.lint, doc, current, self.encoding)
        self.tell(result.problems)
        if self.documents.get(uri) is not doc:  # closed, or edited meanwhile
            if uri in self.documents and current.run == "onSave":
                self.request_lint(uri)
            return
        if current is not self.settings:  # settings changed meanwhile: a relint is queued
            return
        self.results[uri] = result
        self.publish(uri, result.diagnostics, doc.version)

    async def fresh(self, uri: str) -> LintResult | None:
        """The lint result for the document's current version, waiting for one in flight."""
        doc = self.documents.get(uri)
        result = self.results.get(uri)
        if doc is None or (result is not None and result.doc is doc):
            return result
        await self.scheduler.wait(uri, WAIT_FOR_LINT)
        doc = self.documents.get(uri)
        result = self.results.get(uri)
        return result if doc is not None and result is not None and result.doc is doc else None


server = TilintServer()


# -- lifecycle ------------------------------------------------------------------------
@server.feature(types.INITIALIZE)
@guard("initialize")
def initialize(ls: TilintServer, params: types.InitializeParams) -> None:
    ls.client_info = params.client_info
    ls.apply_settings(params.initialization_options)


@server.feature(types.INITIALIZED)
@guard("initialized")
async def initialized(ls: TilintServer, params: types.InitializedParams) -> None:
    loop = asyncio.get_running_loop()
    warm = loop.run_in_executor(ls.executor, lambda: get_linter(Config()).load())  # load spaCy before the first open
    try:
        if ls.can_pull_settings():
            await pull_settings(ls)
    finally:
        ls.settings_ready.set()
    if ls.capability("workspace.did_change_watched_files.dynamic_registration"):
        watchers = [types.FileSystemWatcher(glob_pattern=g) for g in CONFIG_GLOBS]
        try:
            await ls.client_register_capability_async(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="tilint-config-files",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
                        )
                    ]
                )
            )
        except Exception as exc:  # the client said no: config changes are seen on save/edit
            log.info("could not watch config files: %s", type(exc).__name__)
    try:
        await warm
    except TilintError as exc:
        ls.tell([exc.one_line()])


async def pull_settings(ls: TilintServer) -> None:
    try:
        got = await asyncio.wait_for(
            ls.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section="tilint")])
            ),
            5.0,
        )
    except Exception as exc:
        log.info("workspace/configuration failed: %s", type(exc).__name__)
        return
    if got and got[0] is not None:
        ls.apply_settings(got[0])
        ls.relint_all()
    else:
        log.info("workspace/configuration: no tilint section; keeping the settings from initialize")


@server.feature(types.SHUTDOWN)
@guard("shutdown")
def shutdown(ls: TilintServer, params: None) -> None:
    ls.scheduler.cancel_all()
    ls.executor.shutdown(wait=False, cancel_futures=True)


# -- documents ------------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
@guard("didOpen")
def did_open(ls: TilintServer, params: types.DidOpenTextDocumentParams) -> None:
    item = params.text_document
    doc = TextDoc(item.uri, item.text, item.version, item.language_id)
    ls.documents[item.uri] = doc
    if is_config_file(doc.path):
        ls.files_changed()
    elif doc.kind is not None:
        ls.request_lint(item.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
@guard("didChange")
def did_change(ls: TilintServer, params: types.DidChangeTextDocumentParams) -> None:
    uri, version = params.text_document.uri, params.text_document.version
    doc = ls.documents.get(uri)
    if doc is None:
        log.warning("didChange for a document that is not open; ignored")
        return
    if doc.version is not None and version is not None and version < doc.version:
        log.warning("didChange with stale version %s (have %s); ignored", version, doc.version)
        return
    changes = []
    for c in params.content_changes:
        r = getattr(c, "range", None)
        if r is None:
            changes.append(Change(c.text))
        else:
            changes.append(Change(c.text, (r.start.line, r.start.character), (r.end.line, r.end.character)))
    ls.documents[uri] = doc.edited(changes, version, ls.encoding)
    if ls.settings.run == "onType" and doc.kind is not None:
        ls.request_lint(uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
@guard("didSave")
def did_save(ls: TilintServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if is_config_file(uri_to_path(uri)):
        ls.files_changed()
    elif uri in ls.documents and ls.settings.run == "onSave":
        ls.request_lint(uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
@guard("didClose")
def did_close(ls: TilintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    doc = ls.documents.pop(uri, None)
    ls.results.pop(uri, None)
    if doc is not None and doc.kind is not None:
        ls.publish(uri, [], None)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
@guard("didChangeConfiguration")
async def did_change_configuration(ls: TilintServer, params: types.DidChangeConfigurationParams) -> None:
    if params.settings is None and ls.can_pull_settings():  # "something changed, ask me" (VS Code's way)
        await pull_settings(ls)
        return
    ls.apply_settings(params.settings)
    ls.relint_all()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
@guard("didChangeWatchedFiles")
def did_change_watched_files(ls: TilintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(is_config_file(uri_to_path(c.uri)) for c in params.changes):
        ls.files_changed()


# -- hover ----------------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_HOVER)
@guard("hover")
async def hover(ls: TilintServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    if uri not in ls.documents or not ls.settings.enable:
        return None
    result = await ls.fresh(uri)
    if result is None:
        return None
    doc, enc = result.doc, ls.encoding
    at = doc.offset_at(params.position.line, params.position.character, enc)
    hits = [f for f in result.findings if f.start <= at <= f.end]
    if not hits:
        return None
    formats = ls.capability("text_document.hover.content_format")
    markdown = not formats or types.MarkupKind.Markdown in formats
    lexicon = result.linter.lexicon if result.linter is not None else None
    texts = [convert.hover_text(f, lexicon.find(f.rule) if lexicon else None, markdown=markdown) for f in hits]
    span = convert.finding_span(hits[0], doc, enc)
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText,
            value="\n\n---\n\n".join(texts) if markdown else "\n\n".join(texts),
        ),
        range=convert.to_range(span),
    )


# -- code actions ---------------------------------------------------------------------
@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND]),
)
@guard("codeAction")
async def code_action(ls: TilintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    if uri not in ls.documents or not ls.settings.enable:
        return None
    only = [str(getattr(k, "value", k)) for k in params.context.only] if params.context.only else None
    quick = actions.wanted(only, actions.QUICKFIX)
    fix_all = actions.wanted(only, actions.FIX_ALL_KIND)
    # Wait for a lint in flight only when published results are needed; after that no
    # await, so every edit below refers to one version of the document.
    result = await ls.fresh(uri) if fix_all or (quick and not params.context.diagnostics) else None
    doc = ls.documents.get(uri)
    if doc is None or doc.kind is None:
        return None
    if result is not None and result.doc is not doc:
        result = None
    enc = ls.encoding
    document_changes = bool(ls.capability("workspace.workspace_edit.document_changes"))
    out: list[types.CodeAction] = []
    if quick:
        sent = [d for d in params.context.diagnostics if d.source == convert.SOURCE]
        if not params.context.diagnostics and result is not None:  # a client that sends none
            sent = list(result.diagnostics)
        items = []
        for diagnostic in convert.at_range(sent, convert.from_range(params.range)):
            data = convert.FindingData.from_json(diagnostic.data)
            found = actions.locate(doc, data, convert.from_range(diagnostic.range), enc) if data else None
            if data is not None and found is not None:
                items.append(actions.Flagged(data, found[0], found[1], diagnostic))
        resource_ops = ls.capability("workspace.workspace_edit.resource_operations") or []
        out.extend(
            actions.quick_fix_actions(
                doc,
                items,
                allow_target(ls, doc) if items else None,
                enc,
                document_changes=document_changes,
                can_create=any(str(getattr(op, "value", op)) == "create" for op in resource_ops),
            )
        )
    if fix_all and result is not None:
        action = actions.fix_all(doc, result.findings, enc, document_changes)
        if action is not None:
            out.append(action)
    return out


def allow_target(ls: TilintServer, doc: TextDoc) -> actions.AllowTarget | None:
    path = doc.path
    if path is None:
        return None
    project = ls.projects.for_document(path)
    if project.path is None:
        root = ls.root_for(path)
        return actions.AllowTarget((root / ".tilint.toml").as_uri(), None, None, False)
    open_doc = next((d for d in ls.documents.values() if d.path == project.path), None)
    if open_doc is not None:
        text, version = open_doc.text, open_doc.version
    else:
        try:
            text, version = project.path.read_text(encoding="utf-8"), None
        except (OSError, UnicodeDecodeError):
            return None
    uri = open_doc.uri if open_doc is not None else project.path.as_uri()
    return actions.AllowTarget(uri, text, version, project.path.name == "pyproject.toml")


# -- commands -------------------------------------------------------------------------
@server.command(EXPLAIN_COMMAND)
@guard(EXPLAIN_COMMAND)
async def explain_command(ls: TilintServer, *args: Any) -> str | None:
    """Markdown explaining a rule (by code or name): what `tilint explain --format
    markdown` prints, from the rules of the editor's settings (and their lexicon files)."""
    key = args[0] if args else None
    if not isinstance(key, str):
        return None
    loop = asyncio.get_running_loop()
    config = ls.settings.config(None)
    linter, _, _ = await loop.run_in_executor(ls.executor, ls.linter.linter_for, config)
    # The editor's rules first, then those of open documents' projects (their lexicon files).
    lexicons = [linter.lexicon, *(r.linter.lexicon for r in ls.results.values() if r.linter is not None)]
    rule = next((found for lexicon in lexicons if (found := lexicon.find(key)) is not None), None)
    return explain(rule, markdown=True) if rule is not None else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the server over stdio (`python -m lsp_server`, `tilint lsp`)."""
    return serve(server, argv)
