"""Messages say everything (issue 16, item 13): a NUL quoted from the input is written \\u0000
instead of cutting the message, and differences at the int64 limits are exact (or a bound the
message says), never wrapped and never "?"."""

import pytest

import xxgk
from conftest import SAMPLE

MAX = 9223372036854775807


def test_a_nul_in_quoted_text_does_not_cut_the_message():
    report = xxgk.load(SAMPLE)
    report.header.body = "a\x00b"
    with pytest.raises(ValueError) as info:
        xxgk.validate_series([report, report.copy()])
    assert str(info.value) == "report 1 (a\\u0000b, 2022) has the same year as report 0 (a\\u0000b, 2022)"


def test_a_nul_in_a_member_name_is_kept_in_the_problem():
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads('{"format":"2021","a\\u0000b":1}')
    messages = [e["msg"] for e in info.value.errors()]
    assert any("a\x00b" in m or "a\\u0000b" in m for m in messages), messages


def messages(report, code):
    return [i.message_en for i in report.validate() if i.code == code]


def test_differences_at_the_int64_limits_are_exact():
    report = xxgk.load(SAMPLE)
    report.requests.granted.natural_person = MAX
    report.requests.granted.total = -MAX
    t3_003 = messages(report, "XXGK-T3-003")
    t3_006 = messages(report, "XXGK-T3-006")
    # The parts' sum left 64 bits: it is a lower bound (≥), and so the difference is an upper bound.
    assert any("sum to ≥ 9223372036854775807 (difference ≤ -18446744073709551614)" in m for m in t3_003), t3_003
    assert any("sum to ≥ 9223372036854775807 (difference ≤ -9223372036854775756)" in m for m in t3_006), t3_006
    # A difference beyond 64 bits between two sums that fit: exact.
    assert any("sum to -9223372036854775764 (difference 9223372036854775840)" in m for m in t3_006), t3_006
    for issue in report.validate():
        assert "difference ?" not in issue.message_en and "相差 ?" not in issue.message_zh
