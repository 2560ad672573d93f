"""Batches beyond one process: lint_paths(jobs=N) and the documented Dask example give
exactly the results of a plain serial run."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tilint import lint_paths

NOTES = [
    "She refused lunch and was non-compliant.",  # "described as X" is reported labelling (a mention)
    "He told us about the side effects of the new tablets.",
    "The court refused bail. <!-- tilint-disable-next-line -->\nShe refused again.",
    "> He said: 'I am not an addict.'\n\nStaff said he is an addict.",
]


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    for i in range(40):
        sub = tmp_path / f"ward{i % 3}"
        sub.mkdir(exist_ok=True)
        ext = ".md" if i % 2 else ".txt"
        (sub / f"note{i:03d}{ext}").write_text(f"Note {i}.\n\n{NOTES[i % len(NOTES)]}\n", encoding="utf-8")
    (tmp_path / "ward0" / "broken.txt").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "ward1" / ".tilint.toml").write_text('ignore = ["TI102"]\n', encoding="utf-8")
    return tmp_path


def _summary(results):  # type: ignore[no-untyped-def]
    return [(r.path, [(f.rule, f.start, f.end) for f in r.findings], str(r.error) if r.error else None) for r in results]


@pytest.mark.slow
def test_jobs_give_the_same_results_in_the_same_order(batch: Path) -> None:
    serial = lint_paths([str(batch)])
    parallel = lint_paths([str(batch)], jobs=2)
    assert _summary(parallel) == _summary(serial)
    assert any(r.error for r in serial) and any(r.findings for r in serial)
    # The nearest config applies in the workers too.
    assert all(f.rule != "TI102" for r in parallel if "/ward1/" in r.path for f in r.findings)


@pytest.mark.slow
def test_overrides_apply_on_top_of_every_config_in_the_workers_too(batch: Path) -> None:
    for jobs in (1, 2):
        results = lint_paths([str(batch)], jobs=jobs, overrides={"select": ("TI101",)})
        rules = {f.rule for r in results for f in r.findings}
        assert rules == {"TI101"}, jobs


def test_jobs_zero_means_one_per_core_and_one_file_stays_in_process(batch: Path) -> None:
    one = sorted(batch.rglob("note001.md"))
    assert _summary(lint_paths([str(p) for p in one], jobs=0)) == _summary(lint_paths([str(p) for p in one]))


@pytest.mark.slow
def test_dask_example_on_a_local_cluster(batch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dask import distributed

    # The example is a script in examples/: the workers (new processes) import it by name.
    examples = str(ROOT / "examples")
    monkeypatch.syspath_prepend(examples)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([examples, str(ROOT), os.environ.get("PYTHONPATH", "")]))
    example = importlib.import_module("dask_lint")

    files = sorted(str(p) for p in batch.rglob("*") if p.suffix in (".txt", ".md"))
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        results = example.lint_with_dask(files, client, chunk=8)
    expected = example.lint_chunk(files)
    assert results == expected
    assert len(results) == len(files) and any(r["error"] for r in results)


def test_errors_cross_process_boundaries_whole() -> None:
    import pickle

    from tilint import errors

    for cls in (errors.LexiconError, errors.ConfigError, errors.InputError, errors.UsageError):
        sent = cls("notes/a.txt", "not valid UTF-8 (byte 3)", "save the file as UTF-8")
        got = pickle.loads(pickle.dumps(sent))
        assert type(got) is cls and (got.where, got.problem, got.hint) == (sent.where, sent.problem, sent.hint)
        assert str(got) == str(sent)
