"""Logging for the server: to stderr, never holding document text.

pygls logs message parameters, which may quote the user's document; `Redact` keeps only
their types. Handlers are wrapped by `guard`, which logs a failure without its
parameters instead of letting pygls log them or show the user an error.
"""

from __future__ import annotations

import functools
import inspect
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar, cast

from pygls.exceptions import JsonRpcException

log = logging.getLogger("tilint.lsp")

F = TypeVar("F", bound=Callable[..., Any])


class Redact(logging.Filter):
    """pygls logs message parameters; they may hold document text. Keep only the types."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("pygls"):
            return True
        if record.exc_info and isinstance(record.exc_info[1], JsonRpcException):
            # A malformed client message: its traceback is noise and its text may quote values.
            record.msg = f"{record.msg} ({type(record.exc_info[1]).__name__})"
            record.exc_info = None
            record.exc_text = None
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(
                a if isinstance(a, (int, float)) or (isinstance(a, str) and len(a) < 60 and "\n" not in a)
                else f"<{type(a).__name__}>"
                for a in args
            )
        return True


def setup_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(Redact())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    # pygls logs whole messages at INFO and DEBUG: never below WARNING.
    logging.getLogger("pygls").setLevel(max(root.level, logging.WARNING))


def guard(name: str) -> Callable[[F], F]:
    """Log a handler's failure (without its parameters, which may hold document text)
    and answer None, instead of letting pygls log them or show the user an error."""

    def wrap(fn: F) -> F:
        if inspect.iscoroutinefunction(fn):

            @functools.wraps(fn)
            async def run_async(*args: Any) -> Any:
                try:
                    return await fn(*args)
                except Exception:
                    log.exception("%s failed", name)
                    return None

            return cast(F, run_async)

        @functools.wraps(fn)
        def run(*args: Any) -> Any:
            try:
                return fn(*args)
            except Exception:
                log.exception("%s failed", name)
                return None

        return cast(F, run)

    return wrap
