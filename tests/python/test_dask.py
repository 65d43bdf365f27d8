"""xxgk.dask: a corpus on a dask.distributed LocalCluster of two worker processes gives exactly the
single-process result (docs/scale.md)."""

import os
from pathlib import Path

import pytest

import xxgk
import xxgk.dask as xd

pd = pytest.importorskip("pandas")
distributed = pytest.importorskip("dask.distributed")

COUNT = 1000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """1000 generated reports of both formats (some with faults) in two directories, plus a
    file that is not a report, which every reader skips."""
    root = tmp_path_factory.mktemp("corpus")
    for fmt, sub in (("2019", "a"), ("2021", "b/c")):
        (root / sub).mkdir(parents=True)
        for i, g in enumerate(xxgk.generate(fmt, COUNT // 2, seed=2026, faults=0.05)):
            (root / sub / f"r{i:04d}.json").write_text(g.report.dumps(), encoding="utf-8")
    (root / "broken.json").write_text('{"format": "2021"', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def client():
    # Worker processes import xxgk like this process: they inherit the environment, so the
    # package directory goes into PYTHONPATH (ctest sets it already; this makes a bare pytest work).
    package_parent = str(Path(xxgk.__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH", "")
    if package_parent not in path.split(os.pathsep):
        os.environ["PYTHONPATH"] = package_parent + (os.pathsep + path if path else "")
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=40
    )
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_corpus_paths(corpus):
    paths = xd.corpus_paths(corpus)
    assert len(paths) == COUNT + 1
    assert paths[0] == os.path.join(str(corpus), "a/r0000.json")
    assert paths == [os.path.join(str(corpus), f) for f in xxgk.corpus_files(corpus)]
    assert xd.corpus_paths(str(corpus / "a" / "*.json")) == paths[: COUNT // 2]
    assert xd.corpus_paths(str(corpus / "**" / "r000*.json")) == sorted(
        p for p in paths if os.path.basename(p).startswith("r000")
    )


def test_read_report_kinds(corpus):
    report = xd.read_report(corpus / "a" / "r0000.json")
    assert report.format == "2019"
    seed = Path(__file__).resolve().parents[2] / "examples" / "data" / "cangnan-2020-annual-report.txt"
    assert xd.read_report(seed).header.year == 2020  # text is imported
    with pytest.raises(xxgk.ValidationError):
        xd.read_report(corpus / "broken.json")


def test_local_cluster_gives_the_single_process_result(corpus, client):
    # The workers are other processes, and they import this very package.
    worker_pids = set(client.run(os.getpid).values())
    assert len(worker_pids) == 2 and os.getpid() not in worker_pids
    files = set(client.run(lambda: __import__("xxgk").__file__).values())
    assert files == {xxgk.__file__}

    expected_cells, expected_findings = xd.single_process_frames(corpus)
    assert len(expected_cells) == (COUNT // 2) * 198 + (COUNT // 2) * 200
    assert expected_cells["file"].nunique() == COUNT  # broken.json skipped
    assert len(expected_findings) > 0  # faults were injected
    assert set(expected_findings["code"]) >= {"XXGK-T3-003", "XXGK-V-001", "XXGK-H-004"}

    cells = xd.cells_frame(corpus, partition_size=125)
    findings = xd.findings_frame(corpus, partition_size=125)
    assert cells.npartitions == 9  # 1001 paths
    got_cells, got_findings = client.compute([cells, findings], sync=True)
    pd.testing.assert_frame_equal(got_cells.reset_index(drop=True), expected_cells, check_exact=True)
    pd.testing.assert_frame_equal(got_findings.reset_index(drop=True), expected_findings, check_exact=True)

    # The bag of reports: the same reports, pickled across processes.
    reports = xd.read_reports(corpus, partition_size=125).compute(scheduler=client.get)
    assert len(reports) == COUNT
    assert reports[0] == xd.read_report(corpus / "a" / "r0000.json")
    # An aggregation computed on the cluster matches pandas on the single-process frame.
    by_code = findings.groupby("code").size().compute(scheduler=client.get).sort_index()
    pd.testing.assert_series_equal(by_code, expected_findings.groupby("code").size().sort_index(), check_names=False)


def test_errors_raise(corpus):
    with pytest.raises(xxgk.ValidationError):
        xd.read_reports([corpus / "broken.json"], errors="raise").compute(scheduler="sync")
    with pytest.raises(ValueError):
        xd.cells_frame(corpus, errors="ignore")
    with pytest.raises(ValueError):
        xd.cells_frame(corpus, partition_size=0)


def test_run_corpus_matches_the_frames(corpus, tmp_path):
    summary = xxgk.run_corpus(corpus, tmp_path / "out", jobs=2, lang="en")
    assert summary["files"] == COUNT + 1
    assert summary["reports"] == COUNT
    assert summary["unusable"] == 1
    cells = pd.read_csv(tmp_path / "out" / "cells.csv", dtype=str, keep_default_na=False)
    assert len(cells) == (COUNT // 2) * 398
    _, expected_findings = xd.single_process_frames(corpus)
    findings = pd.read_csv(tmp_path / "out" / "findings.csv", dtype=str, keep_default_na=False)
    assert list(findings.columns) == list(xxgk._core.CORPUS_FINDING_FIELDS)
    assert len(findings) == len(expected_findings)
    assert findings["code"].value_counts().to_dict() == expected_findings["code"].value_counts().to_dict()
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", dtype=str, keep_default_na=False)
    assert errors["file"].tolist() == ["broken.json"] and errors["code"].tolist() == ["invalid_json"]
