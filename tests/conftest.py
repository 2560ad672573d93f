from __future__ import annotations

import os
import shutil
import tempfile

# Compiled-lexicon cache in a private folder, so tests never read a stale user cache;
# removed when the session ends (the run's tilint processes share it meanwhile).
if "TILINT_CACHE_DIR" not in os.environ:
    _TEST_CACHE = os.environ["TILINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="tilint-test-cache-")

    def pytest_unconfigure(config):
        shutil.rmtree(_TEST_CACHE, ignore_errors=True)


# `pytest` alone runs the fast suite (pyproject: -m "not slow"); `.ci/run` runs both.
# Slow: real clients and servers (language server over stdio, Neovim, code-server,
# LibreOffice, Chromium), packaging, fuzzing and soak runs, and any test that starts a
# tilint process rather than calling it in-process.
_SLOW_FOLDERS = {"lsp", "vscode"}
_SLOW_MODULES = {
    "test_fuzz_readers", "test_fuzz_properties", "test_hostile_config", "test_privacy",
    "test_precommit", "test_wheel", "test_scaling",
}
_STARTS_A_PROCESS = ("run_cli(", "run_json(", "subprocess.", "run_chromium(", "Popen(")


def pytest_collection_modifyitems(config: object, items: list[object]) -> None:
    import inspect

    import pytest

    for item in items:
        path = item.path  # type: ignore[attr-defined]
        slow = path.parent.name in _SLOW_FOLDERS or path.stem in _SLOW_MODULES
        if not slow:
            function = getattr(item, "function", None)
            try:
                source = inspect.getsource(function) if function is not None else ""
            except (OSError, TypeError):
                source = ""
            slow = any(call in source for call in _STARTS_A_PROCESS)
        if slow:
            item.add_marker(pytest.mark.slow)  # type: ignore[attr-defined]
