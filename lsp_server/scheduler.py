"""Lint scheduling: at most one lint per document at a time, and the newest text wins.

A request while a lint of the same document runs marks it dirty; when the running lint
ends, one more lint of the then-current text follows. Results for a superseded version
are dropped by the job itself. There is no fixed debounce: a burst of edits costs at
most the lint in flight plus one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


class Scheduler:
    def __init__(self, job: Callable[[str], Awaitable[None]]) -> None:
        self._job = job
        self._dirty: set[str] = set()
        self._tasks: dict[str, asyncio.Task[None]] = {}

    def request(self, key: str) -> None:
        self._dirty.add(key)
        task = self._tasks.get(key)
        if task is None or task.done():
            self._tasks[key] = asyncio.get_running_loop().create_task(self._run(key))

    async def _run(self, key: str) -> None:
        try:
            while key in self._dirty:
                self._dirty.discard(key)
                try:
                    await self._job(key)
                except asyncio.CancelledError:
                    raise
                except Exception:  # a bug in one lint must not stop the next
                    log.exception("linting a document failed")
        finally:
            if self._tasks.get(key) is asyncio.current_task():
                del self._tasks[key]

    def served(self, key: str) -> None:
        """The running job has not read the document yet: requests so far are served by it."""
        self._dirty.discard(key)

    async def wait(self, key: str, timeout: float) -> None:
        """Until the document has no lint running or pending (or the timeout passes)."""
        task = self._tasks.get(key)
        if task is None or task.done():
            return
        with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
            await asyncio.wait_for(asyncio.shield(task), timeout)

    def cancel_all(self) -> None:
        for task in self._tasks.values():
            task.cancel()
        self._tasks.clear()
        self._dirty.clear()
