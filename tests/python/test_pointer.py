"""Report.get_json / set_json: any part of a report by JSON Pointer (xxgk/pointer.hpp)."""
import json

import pytest

import xxgk


def test_get_json_reads_parts_as_the_whole_report_shows_them(cangnan):
    whole = cangnan.dumps()
    assert cangnan.get_json("") == whole
    assert cangnan.get_json("/format") == '"2019"'
    assert cangnan.get_json("/header/year") == "2020"
    header = cangnan.get_json("/header")
    assert header in whole
    assert json.loads(header)["body"] == cangnan.header.body
    assert xxgk.Report("2021").get_json("/header/contact") == "null"


def test_set_json_decodes_the_value_and_makes_enclosing_members():
    r = xxgk.Report("2021")
    r.set_json("/overview/subsections/0/title", '"总体情况"')
    assert r.get_json("/overview/subsections/0") == '{"title":"总体情况"}'
    assert r.overview.subsections[0].title == "总体情况"
    r.set_json("/requests/granted/total", "12")
    assert r["requests.granted.total"].value == 12
    r.set_json("/header/legal_bases/-", '"《中华人民共和国政府信息公开条例》"')
    assert r.header.legal_bases == ["《中华人民共和国政府信息公开条例》"]


def test_errors_leave_the_report_unchanged():
    r = xxgk.Report("2021")
    before = r.dumps()
    with pytest.raises(xxgk.ValidationError) as e:
        r.set_json("/header", '{"body": 1, "year": 2021, "nope": 2}')
    types = {(err["type"], err["ctx"]["pointer"]) for err in e.value.errors()}
    assert ("wrong_type", "/header/body") in types
    assert ("unknown_member", "/header/nope") in types
    with pytest.raises(xxgk.UnknownKeyError):
        r.set_json("/header/nope", "1")
    with pytest.raises(xxgk.UnknownKeyError) as k:
        r.get_json("/requests/other/total")  # the 2019 row （六）其他处理 in a 2021 report
    assert "2019" in str(k.value)
    with pytest.raises(IndexError):
        r.set_json("/header/legal_bases/5", '"x"')
    with pytest.raises(ValueError):
        r.get_json("header")
    assert r.dumps() == before
