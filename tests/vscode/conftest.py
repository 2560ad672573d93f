from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "vscode_e2e: the packaged VS Code extension in code-server, driven by headless Chromium "
        "(~30 s; ~2 min more the first time, to install code-server)",
    )
