"""Pickling, so that reports travel to multiprocessing and Dask workers."""

import copy
import multiprocessing
import operator
import pickle
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest

import xxgk
from conftest import CANGNAN, SAMPLE


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_report_round_trip(cangnan, sample, protocol):
    for report in (cangnan, sample, xxgk.Report(format="2019")):
        again = pickle.loads(pickle.dumps(report, protocol=protocol))
        assert again == report and again.dumps() == report.dumps()


def test_lax_unknown_members_survive_pickling(sample):
    text = sample.dumps().replace('"header":{', '"header":{"nickname":"某局",', 1)
    lax = xxgk.loads(text, strict=False)
    again = pickle.loads(pickle.dumps(lax))
    assert again == lax and again.unknown_members == lax.unknown_members and again != sample


def test_parts_issues_and_errors_pickle(cangnan):
    for part in (cangnan.header, cangnan.requests.granted, cangnan.proactive, cangnan.overview.subsections[0]):
        again = pickle.loads(pickle.dumps(part))
        assert again == part and type(again) is type(part)
    cell = pickle.loads(pickle.dumps(cangnan.proactive.procurement.amount))
    assert cell == cangnan.proactive.procurement.amount and cell.value == Decimal("17424.88")
    assert cell.kind == "amount"
    assert pickle.loads(pickle.dumps(xxgk.Cell())) == xxgk.Cell()
    assert pickle.loads(pickle.dumps(cangnan.header.legal_bases)) == cangnan.header.legal_bases
    issues = cangnan.validate()
    assert pickle.loads(pickle.dumps(issues)) == issues
    with pytest.raises(xxgk.ValidationError) as info:
        cangnan.check()
    error = pickle.loads(pickle.dumps(info.value))
    assert error.errors() == info.value.errors() and str(error) == str(info.value)
    with pytest.raises(KeyError) as key_info:
        cangnan["nope"]
    key_error = pickle.loads(pickle.dumps(key_info.value))
    assert key_error.key == "nope" and str(key_error) == str(key_info.value)
    keys = pickle.loads(pickle.dumps(cangnan.keys()[:3]))
    assert keys == cangnan.keys()[:3] and keys[0].label_path == cangnan.keys()[0].label_path
    reports = pickle.loads(pickle.dumps(xxgk.load_many([CANGNAN, SAMPLE])))
    assert reports == [cangnan, xxgk.load(SAMPLE)] and reports.failures == []


def test_unpickled_parts_are_independent(cangnan):
    row = pickle.loads(pickle.dumps(cangnan.requests.granted))
    row.total = 0
    assert cangnan.requests.granted.total.value != 0
    assert copy.deepcopy(cangnan.requests.granted) == cangnan.requests.granted


def count_errors(report):
    return sum(1 for i in report.validate() if i.severity == "error")


def test_multiprocessing_pool(cangnan, sample):
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert pool.map(count_errors, [cangnan, sample]) == [1, 0]
        assert pool.map(operator.methodcaller("dumps"), [cangnan, sample]) == [cangnan.dumps(), sample.dumps()]
        back = pool.map(copy.copy, [cangnan, sample])
    assert back == [cangnan, sample]


def test_threads_share_the_work():
    # decoding releases the GIL (validation holds it briefly); results must be the same as in one thread
    with ThreadPoolExecutor(4) as pool:
        reports = list(pool.map(xxgk.load, [CANGNAN, SAMPLE] * 8))
        counts = list(pool.map(count_errors, reports))
    assert counts == [1, 0] * 8


def test_dask_bag_with_processes():
    db = pytest.importorskip("dask.bag")
    bag = db.from_sequence([str(CANGNAN), str(SAMPLE)], npartitions=2).map(xxgk.load)
    reports = bag.compute(scheduler="processes", num_workers=2)
    assert [r.year for r in reports] == [2020, 2022]
    errors = bag.map(count_errors).compute(scheduler="processes", num_workers=2)
    assert errors == [1, 0]


def test_dask_delayed_frames():
    dask = pytest.importorskip("dask")
    frames = [dask.delayed(lambda p: xxgk.load(p).to_frame())(p) for p in (CANGNAN, SAMPLE)]
    import pandas as pd

    frame = dask.delayed(pd.concat)(frames, ignore_index=True).compute(scheduler="sync")
    assert len(frame) == 398 and frame.value.isna().any()
