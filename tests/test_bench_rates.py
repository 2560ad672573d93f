"""bench/bench.py's throughput beyond start-up: a corpus that takes no longer than two
process starts (``--quick`` on a small text) gets no rate rather than an absurd one."""

from __future__ import annotations

import sys

from tests.helpers import ROOT, load_module


def _load():
    sys.path.insert(0, str(ROOT / "bench"))
    return load_module("tilint_bench_bench", ROOT / "bench" / "bench.py")


bench = _load()


def test_a_rate_needs_time_beyond_start_up():
    assert bench._beyond(1000, 0.5) == 2000
    assert bench._beyond(38_447, 0.0) is None
    assert bench._beyond(38_447, -0.1) is None  # the corpus run was quicker than the start-up run
    assert bench._beyond(38_447, bench.MIN_BEYOND_START_S / 2) is None


def test_a_missing_rate_is_said_so():
    assert bench._rate(None).startswith("n/a")
    assert bench._rate(154_357.4) == "154,357"
