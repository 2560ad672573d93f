"""Starting the server over stdio (`python -m lsp_server`, `tilint lsp`).

Nothing but JSON-RPC may reach stdout: the protocol gets its own copy of the stream, and
fd 1 and sys.stdout then point at stderr, so a stray print (ours, a library's, a C
extension's) cannot corrupt it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, BinaryIO, Protocol

from lsp_server.logs import log, setup_logging
from tilint.__about__ import __version__


class _IOServer(Protocol):
    def start_io(self, stdin: BinaryIO | None = ..., stdout: BinaryIO | None = ...) -> Any: ...


def serve(server: _IOServer, argv: Sequence[str] | None = None) -> int:
    """Parse the command line, set up logging and run `server` over stdio."""
    parser = argparse.ArgumentParser(prog="tilint lsp", description="tilint language server (stdio)")
    parser.add_argument("--stdio", action="store_true", help="use stdio (the default and only transport)")
    parser.add_argument("--log-level", default="info", choices=["error", "warning", "info", "debug"])
    parser.add_argument("--version", action="version", version=f"tilint {__version__}")
    args, unknown = parser.parse_known_args(list(argv) if argv is not None else None)
    setup_logging(args.log_level)
    if unknown:
        log.info("ignoring unknown arguments: %s", " ".join(unknown))
    rpc_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=0)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    log.info("tilint %s language server starting (pid %s)", __version__, os.getpid())
    server.start_io(sys.stdin.buffer, rpc_out)
    return 0
