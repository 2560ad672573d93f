"""pygls plumbing: the protocol class and the converter the server is built with.

Text synchronisation is the server's own (server.py keeps one immutable TextDoc per
version with its line index computed once, clamps out-of-range changes as the
specification says, and ignores stale versions and unknown documents), so the protocol
hands didOpen/didChange/didClose straight to the handlers without updating pygls's copy
of the workspace documents.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol, default_converter
from pygls.protocol.language_server import lsp_method

from lsp_server.convert import diagnostic_json


class TilintProtocol(LanguageServerProtocol):
    """pygls's protocol, minus its own copy of open documents (see the module doc)."""

    def _user(self, method: str, params: Any) -> Generator[Any, Any, None]:
        handler = self.fm.features.get(method)
        if handler is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._user(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._user(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._user(types.TEXT_DOCUMENT_DID_CLOSE, params)

    def structure_message(self, data: dict[str, Any]) -> Any:
        """pygls drops a request whose params do not parse; answer it with an error, so
        the client is not left waiting."""
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                self._send_response(data["id"], None, exc.to_response_error())
            raise


def converter() -> Any:
    """pygls's converter, with a fast path for the diagnostics sent after every edit."""
    conv = default_converter()  # type: ignore[no-untyped-call]
    generic = conv.get_unstructure_hook(types.Diagnostic)

    def unstructure(d: types.Diagnostic) -> Any:
        try:
            return diagnostic_json(d)
        except ValueError:
            return generic(d)

    conv.register_unstructure_hook(types.Diagnostic, unstructure)
    return conv
