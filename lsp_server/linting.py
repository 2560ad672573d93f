"""Linting one open document: runs in the server's lint thread, holds no pygls state.

Per document: the project's config (project.py) under the editor's settings
(settings.py), the process-wide linter for its lexicon files, the findings and their
diagnostics. The document's line index, built once per version, serves the linter and
the conversion to client positions.

A lexicon file that fails to load is remembered (with the size and modification time of
each file at the time), so it is not loaded again on every keystroke; a change to the
files or to the settings (`forget`) tries again. Meanwhile the built-in rules check.
"""

from __future__ import annotations

import gc
import logging
import os
import time
from dataclasses import dataclass, field
from threading import Lock

from lsprotocol import types

from lsp_server import convert, settings
from lsp_server.documents import TextDoc
from lsp_server.project import ProjectConfigs
from tilint.api import Linter, excluded, get_linter
from tilint.config import Config
from tilint.errors import TilintError
from tilint.findings import Finding
from tilint.formats import prepare

log = logging.getLogger("tilint.lsp")

Stamp = tuple[tuple[int, int] | None, ...]


@dataclass(frozen=True)
class LintResult:
    doc: TextDoc  # the version linted
    findings: list[Finding]
    diagnostics: list[types.Diagnostic]
    problems: list[str] = field(default_factory=list)
    linter: Linter | None = None


def _stamp(paths: tuple[str, ...]) -> Stamp:
    out: list[tuple[int, int] | None] = []
    for p in paths:
        try:
            st = os.stat(p)
        except OSError:
            out.append(None)
        else:
            out.append((st.st_mtime_ns, st.st_size))
    return tuple(out)


class DocumentLinter:
    def __init__(self) -> None:
        self.projects = ProjectConfigs()
        self._failed: dict[tuple[str, ...], tuple[Stamp, str]] = {}
        self._lock = Lock()
        self._frozen = False

    def forget(self) -> None:
        """Settings or config files changed: re-read config files, retry lexicons."""
        self.projects.forget()
        with self._lock:
            self._failed.clear()

    def linter_for(self, config: Config) -> tuple[Linter, Config, str | None]:
        """The linter for the config's lexicon files; the built-in rules (and a message)
        when they do not load."""
        key = config.lexicons
        if key:
            stamp = _stamp(key)
            with self._lock:
                failed = self._failed.get(key)
            if failed is None or failed[0] != stamp:
                try:
                    return get_linter(config), config, None
                except TilintError as exc:
                    failed = (stamp, f"{exc.one_line()}; checking with the built-in rules only")
                    with self._lock:
                        self._failed[key] = failed
            config = config.model_copy(update={"lexicons": ()})
            return get_linter(config), config, failed[1]
        return get_linter(config), config, None

    def lint(self, doc: TextDoc, current: settings.Settings, encoding: str) -> LintResult:
        path = doc.path
        project = self.projects.for_document(path)
        problems = [project.problem] if project.problem else []
        config = current.config(project.config)
        if path is not None and excluded(path, config.exclude):
            return LintResult(doc, [], [], problems)
        linter, config, problem = self.linter_for(config)
        if problem:
            problems.append(problem)
        if not self._frozen:  # the pipeline lives as long as the process: keep it out of GC scans
            gc.collect()
            gc.freeze()
            self._frozen = True
        where = str(project.path) if project.path else "editor settings"
        config, bad = settings.check_rules(config, linter.rules, where)
        problems.extend(bad)
        started = time.perf_counter()
        findings = linter.lint_document(prepare(doc.text, doc.kind or "text"), config, line_starts=doc.starts)
        log.debug("linted version %s: %d findings in %.1f ms", doc.version, len(findings), (time.perf_counter() - started) * 1000)
        return LintResult(doc, findings, convert.to_diagnostics(findings, doc, encoding), problems, linter)
