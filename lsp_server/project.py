"""The project's config files: found next to each document, re-read when they change.

The nearest `.tilint.toml`, `tilint.toml` or `pyproject.toml` with `[tool.tilint]`
(tilint.config.find_config_file, as the CLI does). A parsed file is kept until its size
or modification time changes, so each lint costs a few stat calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from threading import Lock

from tilint.config import CONFIG_FILES, Config, find_config_file, load_config
from tilint.errors import TilintError


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    path: Path | None  # the file found, if any
    config: Config | None  # None when there is no file or it is broken
    problem: str | None = None


class ProjectConfigs:
    def __init__(self) -> None:
        self._parsed: dict[Path, tuple[tuple[int, int], ProjectConfig]] = {}
        self._lock = Lock()

    def for_document(self, path: Path | None) -> ProjectConfig:
        if path is None:
            return ProjectConfig(None, None)
        try:
            found = find_config_file(path)
        except OSError:
            return ProjectConfig(None, None)
        if found is None:
            return ProjectConfig(None, None)
        try:
            st = found.stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            return ProjectConfig(None, None)
        with self._lock:
            cached = self._parsed.get(found)
            if cached is not None and cached[0] == stamp:
                return cached[1]
        try:
            result = ProjectConfig(found, load_config(found))
        except TilintError as exc:
            result = ProjectConfig(found, None, f"{exc.one_line()}; using the defaults until it is fixed")
        with self._lock:
            self._parsed[found] = (stamp, result)
        return result

    def forget(self) -> None:
        with self._lock:
            self._parsed.clear()


def is_config_file(path: Path | None) -> bool:
    return path is not None and path.name in CONFIG_FILES
