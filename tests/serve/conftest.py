"""Fixtures for tilint serve: the app in this process, and a real server process."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from serve_helpers import Server, running

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

BASE = "http://127.0.0.1:8081"


@pytest.fixture(scope="session")
def app():  # type: ignore[no-untyped-def]
    from tilint.serve import ServeSettings, create_app

    return create_app(ServeSettings(max_chars=5_000, max_body=100_000, max_upload=300_000))


@pytest.fixture
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield TestClient(app, base_url=BASE)


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    with running() as s:
        yield s
