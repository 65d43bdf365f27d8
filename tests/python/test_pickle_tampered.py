"""Pickles decode strictly (issue 16, item 12): a pickled Report whose JSON was tampered with — a
member the model does not have, a malformed value — raises a clear ValueError instead of riding
along silently. A report loaded in lax mode records where its kept members are, and only those
come back."""

import pickle

import pytest

import xxgk
from conftest import SAMPLE


def tampered(report, edit, protocol=2):
    """The pickle of `report` with its canonical JSON changed by `edit` (protocol 2 writes the
    JSON as one BINUNICODE string: opcode X, 4-byte length, UTF-8)."""
    data = pickle.dumps(report, protocol=protocol)
    old = report.dumps().encode("utf-8")
    new = edit(report.dumps()).encode("utf-8")
    at = data.index(b"X" + len(old).to_bytes(4, "little") + old)
    return data[:at] + b"X" + len(new).to_bytes(4, "little") + new + data[at + 5 + len(old):]


def test_untampered_pickles_round_trip():
    report = xxgk.load(SAMPLE)
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(report, protocol=protocol)) == report
    assert pickle.loads(tampered(report, lambda j: j)) == report


def test_an_unknown_member_is_refused():
    report = xxgk.load(SAMPLE)
    data = tampered(report, lambda j: j.replace('"header":{', '"header":{"injected":"x",', 1))
    with pytest.raises(ValueError) as info:
        pickle.loads(data)
    message = str(info.value)
    assert "invalid pickled Report (tampered with, or not from xxgk)" in message
    assert "/header/injected" in message and "unknown member 'injected'" in message


def test_a_malformed_value_is_refused():
    report = xxgk.load(SAMPLE)
    data = tampered(report, lambda j: j.replace('"year":2022', '"year":"2022"', 1))
    with pytest.raises(ValueError, match=r"invalid pickled Report .*: /header/year: "):
        pickle.loads(data)


def test_kept_members_of_a_lax_report_come_back_and_nothing_else():
    text = xxgk.load(SAMPLE).dumps().replace('"header":{', '"header":{"local_id":"A-17",', 1)
    lax = xxgk.loads(text, strict=False)
    assert lax.unknown_members == [("/header", "local_id", '"A-17"')]
    back = pickle.loads(pickle.dumps(lax))
    assert back == lax and back.unknown_members == lax.unknown_members
    # Another member slipped in beside the kept one is refused.
    with pytest.raises(ValueError, match=r"/injected: unknown member 'injected' is not one the pickled report kept"):
        pickle.loads(tampered(lax, lambda j: j.replace('{"format"', '{"injected":1,"format"', 1)))


def test_setstate_with_a_wrong_state_is_refused():
    report = xxgk.load(SAMPLE)
    (json_text,) = report.__getstate__()
    fresh = xxgk.Report.__new__(xxgk.Report)
    with pytest.raises(ValueError, match="invalid pickle state for Report"):
        fresh.__setstate__((json_text, "not a list"))
    with pytest.raises(ValueError, match="invalid pickle state for Report"):
        fresh.__setstate__((1,))
    with pytest.raises(ValueError, match="the members it records as kept are not those in its JSON"):
        fresh.__setstate__((json_text, [("/header", "local_id")]))


def test_other_pickled_values_refuse_unknown_members_too():
    from conftest import DATA

    portal = xxgk.load_portal(DATA / "cangnan-portal.json")
    (state,) = portal.__getstate__()
    fresh = xxgk.Portal.__new__(xxgk.Portal)
    with pytest.raises(TypeError, match="Portal has no member 'injected'"):
        fresh.__setstate__(({**state, "injected": 1},))
    issue = xxgk.load(DATA / "cangnan-2020.json").validate()[0]
    (state,) = issue.__getstate__()
    with pytest.raises(TypeError, match="Finding has no member 'injected'"):
        xxgk.Finding.__new__(xxgk.Finding).__setstate__(({**state, "injected": 1},))
    header = xxgk.load(SAMPLE).header
    (state,) = header.__getstate__()
    with pytest.raises(TypeError, match="has no member 'injected'"):
        type(header).__new__(type(header)).__setstate__(({**state, "injected": 1},))
