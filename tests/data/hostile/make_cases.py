#!/usr/bin/env python3
"""make_cases.py — writes the hostile-input corpus of tests/data/hostile/ (docs/security.md).

    python3 tests/data/hostile/make_cases.py        # from anywhere; rewrites json/, text/, html/, docx/, pdf/, cases.json

Every case is an input and the exact outcome it must have; tests/unit/hostile_test.cpp checks
each one (and the fuzz replay runs every input through the fuzz targets' invariants).

cases.json is a list of objects:
  name      unique, also the file name of the input
  kind      "json" (xxgk::decode_json, then xxgk::validate), "text" (xxgk::import_text) or
            "html" (xxgk::import_html), "docx" (xxgk::import_docx) or "pdf" (xxgk::import_pdf)
  input     path of the input, relative to this directory; or
  generate  {"prefix": s, "repeat": s, "count": n, "suffix": s} for inputs too large to keep
            (strings are UTF-8; "\\u0000"-style escapes are Python's, resolved here)
  options   decode_options members that differ from the defaults
  expect    for "json":
              {"problems": [{"code", "pointer"[, "offset", "line", "column"]}, ...]}
                  decoding fails with exactly these problems, in this order
              {"findings": [{"code", "pointer"[, "actual"]}, ...]}
                  decoding succeeds and validation gives exactly these findings, in this order
            for "text" / "html": see hostile_test.cpp (throws, or imports with cells and strings
            that must be absent)

The inputs are derived from the example report examples/data/sample-2021.json (no finding) and
the fixture tests/data/json/valid/minimal-2019.json (no finding), written compactly.
"""
import copy
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

SAMPLE = json.load(open(os.path.join(ROOT, "examples/data/sample-2021.json"), encoding="utf-8"))
MINIMAL = json.load(open(os.path.join(ROOT, "tests/data/json/valid/minimal-2019.json"), encoding="utf-8"))

cases = []

for _folder in ("json", "text", "html", "docx", "pdf"):
    _path = os.path.join(HERE, _folder)
    if os.path.isdir(_path):
        shutil.rmtree(_path)
    os.makedirs(_path)


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def write(kind, name, data):
    ext = {"json": "json", "text": "txt", "html": "html", "docx": "docx", "pdf": "pdf"}[kind]
    folder = {"json": "json", "text": "text", "html": "html", "docx": "docx", "pdf": "pdf"}[kind]
    path = f"{folder}/{name}.{ext}"
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(HERE, path), "wb") as f:
        f.write(data)
    return path


def add(kind, name, data=None, expect=None, options=None, generate=None):
    assert all((c["kind"], c["name"]) != (kind, name) for c in cases), name
    case = {"name": name, "kind": kind}
    if generate is not None:
        case["generate"] = generate
    else:
        case["input"] = write(kind, name, data)
    if options:
        case["options"] = options
    case["expect"] = expect
    cases.append(case)


def problems(*items):
    out = []
    for it in items:
        code, pointer = it[0], it[1]
        p = {"code": code, "pointer": pointer}
        if len(it) > 2:
            p["offset"] = it[2]
        out.append(p)
    return {"problems": out}


def findings(*items):
    out = []
    for it in items:
        f = {"code": it[0], "pointer": it[1]}
        if len(it) > 2:
            f["actual"] = it[2]
        out.append(f)
    return {"findings": out}


def at(doc, pointer):
    """The parent container and last token of a JSON Pointer in doc."""
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
    cur = doc
    for t in tokens[:-1]:
        cur = cur[int(t)] if isinstance(cur, list) else cur[t]
    last = tokens[-1]
    return cur, (int(last) if isinstance(cur, list) else last)


def mutated(base, *changes):
    """A copy of base with (pointer, value) changes; value DELETE removes the member."""
    doc = copy.deepcopy(base)
    for pointer, value in changes:
        parent, key = at(doc, pointer)
        if value is DELETE:
            del parent[key]
        else:
            parent[key] = value
    return doc


DELETE = object()
S = dump(SAMPLE)   # 2021, no finding
M = dump(MINIMAL)  # 2019, no finding
M_BYTES = M.encode("utf-8")


def offset_of(text, needle, after=0):
    """Byte offset of needle in the UTF-8 text."""
    b = text.encode("utf-8") if isinstance(text, str) else text
    n = needle.encode("utf-8") if isinstance(needle, str) else needle
    i = b.find(n, after)
    assert i >= 0, needle
    return i


# =============================================================================================
# JSON: truncated and malformed text — invalid_json at the document, with the offset where the
# parser stopped

half = len(M_BYTES) // 2
add("json", "truncated-empty", b"", problems(("invalid_json", "", 0)))
add("json", "truncated-whitespace", b" \n\t ", problems(("invalid_json", "", 4)))
add("json", "truncated-after-brace", b"{", problems(("invalid_json", "", 1)))
add("json", "truncated-in-key", b'{"form', problems(("invalid_json", "", 6)))
add("json", "truncated-after-colon", b'{"format":', problems(("invalid_json", "", 10)))
add("json", "truncated-in-string", b'{"format":"20', problems(("invalid_json", "", 13)))
add("json", "truncated-in-number", b'{"header":{"year":20', problems(("invalid_json", "", 20)))
add("json", "truncated-in-escape", b'{"format":"\\u00', problems(("invalid_json", "", 15)))
add("json", "truncated-in-literal", b'{"overview":nu', problems(("invalid_json", "", 14)))
add("json", "truncated-half-report", M_BYTES[:half], problems(("invalid_json", "", half)))
cut = offset_of(M, "某") + 2  # inside the 3-byte 某
add("json", "truncated-inside-utf8", M_BYTES[:cut], problems(("invalid_json", "", cut)))
add("json", "truncated-unclosed-array", b"[", problems(("invalid_json", "", 1)))
add("json", "malformed-lone-close", b"}", problems(("invalid_json", "", 0)))
add("json", "malformed-extra-close", M_BYTES + b"}", problems(("invalid_json", "", len(M_BYTES))))
add("json", "malformed-two-documents", M_BYTES + M_BYTES, problems(("invalid_json", "", len(M_BYTES))))
nul_at = offset_of(M, '"header"')
add("json", "malformed-nul-byte", M_BYTES[:nul_at] + b"\x00" + M_BYTES[nul_at:], problems(("invalid_json", "", nul_at)))
tab_at = offset_of(M, "某")
add("json", "malformed-raw-tab-in-string", M_BYTES[:tab_at] + b"\t" + M_BYTES[tab_at:], problems(("invalid_json", "", tab_at)))
add("json", "malformed-raw-newline-in-string", M_BYTES[:tab_at] + b"\n" + M_BYTES[tab_at:], problems(("invalid_json", "", tab_at)))
add("json", "malformed-unquoted-key", b'{format:"2019"}', problems(("invalid_json", "", 1)))
add("json", "malformed-trailing-comma", M_BYTES[:-1] + b",}", problems(("invalid_json", "", len(M_BYTES))))
add("json", "malformed-utf16le-bom", "\ufeff{}".encode("utf-16-le"), problems(("invalid_json", "", 0)))
year_at = offset_of(M, "2020")
add("json", "malformed-leading-zero", M_BYTES[:year_at] + b"0" + M_BYTES[year_at:], problems(("invalid_json", "", year_at + 1)))
add("json", "malformed-plus-sign", M_BYTES[:year_at] + b"+" + M_BYTES[year_at:], problems(("invalid_json", "", year_at)))
add("json", "malformed-trailing-dot", M_BYTES[:year_at + 4] + b"." + M_BYTES[year_at + 4:], problems(("invalid_json", "", year_at + 5)))
add("json", "malformed-leading-dot", b'{"header":{"year":.5}}', problems(("invalid_json", "", 18)))
add("json", "malformed-hex-number", b'{"header":{"year":0x7E4}}', problems(("invalid_json", "", 19)))

# ---- NaN and Infinity are not JSON
cell = '"received":{"natural_person":'
cell_at = offset_of(M, cell) + len(cell.encode())
for name, literal in [("nan", b"NaN"), ("infinity", b"Infinity"), ("minus-infinity", b"-Infinity"), ("nan-lowercase", b"nan")]:
    data = M_BYTES[:cell_at] + literal + M_BYTES[cell_at + 4:]  # replaces "null"
    stop = cell_at + (1 if literal.startswith(b"-") else 0)
    add("json", f"literal-{name}", data, problems(("invalid_json", "", stop)))
RECEIVED = "/requests/received/natural_person"
add("json", "literal-nan-string", dump(mutated(MINIMAL, (RECEIVED, "NaN"))), problems(("wrong_type", RECEIVED)))
add("json", "literal-infinity-decimal", dump(mutated(SAMPLE, ("/proactive/fees/amount", {"value": "Infinity"}))),
    problems(("invalid_value", "/proactive/fees/amount/value")))
add("json", "number-exponent-overflow", M_BYTES[:cell_at] + b"1e999" + M_BYTES[cell_at + 4:], problems(("wrong_type", RECEIVED)))
add("json", "number-negative-zero-double", M_BYTES[:cell_at] + b"-0.0" + M_BYTES[cell_at + 4:], problems(("wrong_type", RECEIVED)))
add("json", "number-integral-exponent", M_BYTES[:cell_at] + b"1e2" + M_BYTES[cell_at + 4:], problems(("wrong_type", RECEIVED)))

# ---- numbers beyond int64
for name, literal in [("int64-max-plus-1", b"9223372036854775808"), ("int64-min-minus-1", b"-9223372036854775809"),
                      ("uint64-max-plus-1", b"18446744073709551616"), ("forty-digits", b"9" * 40),
                      ("negative-forty-digits", b"-" + b"9" * 40)]:
    add("json", f"number-{name}", M_BYTES[:cell_at] + literal + M_BYTES[cell_at + 4:], problems(("out_of_range", RECEIVED)))
add("json", "number-decimal-string-beyond-int64", dump(mutated(SAMPLE, ("/proactive/fees/amount", {"value": "9223372036854775808"}))),
    problems(("invalid_value", "/proactive/fees/amount/value")))
add("json", "number-decimal-19-fraction-digits", dump(mutated(SAMPLE, ("/proactive/fees/amount", {"value": "0." + "1" * 19}))),
    problems(("invalid_value", "/proactive/fees/amount/value")))
add("json", "number-decimal-exponent-string", dump(mutated(SAMPLE, ("/proactive/fees/amount", {"value": "1e5"}))),
    problems(("invalid_value", "/proactive/fees/amount/value")))
add("json", "number-year-beyond-int32", dump(mutated(MINIMAL, ("/header/year", 2147483648))), problems(("out_of_range", "/header/year")))
add("json", "number-year-beyond-int64", M.replace('"year":2020', '"year":-9223372036854775809'), problems(("out_of_range", "/header/year")))
add("json", "number-fee-notices-beyond-int64", S.replace('"notices":0', '"notices":99999999999999999999'),
    problems(("out_of_range", "/processing_fees/notices")))
add("json", "number-cell-int64-max", dump(mutated(MINIMAL, (RECEIVED, 9223372036854775807))),
    findings(("XXGK-T3-002", "/requests/total/natural_person", "0"), ("XXGK-T3-004", "/requests/received/total", "blank")))

# =============================================================================================
# JSON: negative counts and amounts decode, and validation reports them

add("json", "negative-count-received", dump(mutated(SAMPLE, (RECEIVED, -52), ("/requests/received/total", -52 + 26))),
    findings(("XXGK-V-001", RECEIVED, "-52"), ("XXGK-V-001", "/requests/received/total", "-26"),
             ("XXGK-T3-001", "/requests/total/natural_person", "55"), ("XXGK-T3-001", "/requests/total/total", "82")))
add("json", "negative-count-review", dump(mutated(SAMPLE, ("/review_litigation/review/upheld", -1))),
    findings(("XXGK-V-001", "/review_litigation/review/upheld", "-1"), ("XXGK-T4-001", "/review_litigation/review/total", "4")))
add("json", "negative-count-proactive", dump(mutated(SAMPLE, ("/proactive/regulations/issued", -3))),
    findings(("XXGK-V-001", "/proactive/regulations/issued", "-3")))
add("json", "negative-count-int64-min", dump(mutated(MINIMAL, (RECEIVED, -9223372036854775808))),
    findings(("XXGK-V-001", RECEIVED, "-9223372036854775808"), ("XXGK-T3-002", "/requests/total/natural_person", "0"),
             ("XXGK-T3-005", "/requests/received/total", "blank")))
add("json", "negative-count-fraction", dump(mutated(MINIMAL, (RECEIVED, {"value": "-1.5"}))),
    findings(("XXGK-V-002", RECEIVED, "-1.5"), ("XXGK-V-001", RECEIVED, "-1.5"),
             ("XXGK-T3-002", "/requests/total/natural_person", "0"), ("XXGK-T3-005", "/requests/received/total", "blank")))
add("json", "negative-amount", dump(mutated(SAMPLE, ("/proactive/fees/amount", {"value": "-0.01", "unit": "wan_yuan"}))),
    findings(("XXGK-V-003", "/proactive/fees/amount", "-0.01")))
add("json", "negative-signed-count-allowed", dump(mutated(MINIMAL, ("/proactive/licensing/change", -2))), findings())

# =============================================================================================
# JSON: repeated member names — a parser keeping one would hide the other

def dup(text, member_text, extra):
    """Inserts `extra` (e.g. '"body":"x",') right before the first occurrence of member_text."""
    i = text.index(member_text)
    return text[:i] + extra + text[i:]

# the problem is at the repeated member, with the offset of the repeated name's opening quote
add("json", "duplicate-body", dup(M, '"body"', '"body":"假冒的机关",'),
    problems(("duplicate_member", "/header/body", offset_of(dup(M, '"body"', '"body":"假冒的机关",'), '"body"', 30) )))
add("json", "duplicate-year", dup(M, '"year"', '"year":2019,'), problems(("duplicate_member", "/header/year", offset_of(M, '"year"') + 12)))
add("json", "duplicate-cell", dup(M, '"natural_person"', '"natural_person":1,'),
    problems(("duplicate_member", "/requests/received/natural_person", offset_of(M, '"natural_person"') + 19)))
add("json", "duplicate-in-cell-object", dump(mutated(SAMPLE, ("/proactive/fees/amount", {"value": "1"}))).replace('"amount":{"value":"1"}', '"amount":{"value":"1","value":"2"}'),
    problems(("duplicate_member", "/proactive/fees/amount/value")))
add("json", "duplicate-escaped-name", dup(M, '"body"', '"\\u0062ody":"x",'), problems(("duplicate_member", "/header/body")))
add("json", "duplicate-three-times", dup(M, '"body"', '"body":"a","body":"b",'),
    problems(("duplicate_member", "/header/body"), ("duplicate_member", "/header/body")))
add("json", "duplicate-in-unknown-member", M[:-1] + ',"x":{"a":1,"a":2}}', problems(("duplicate_member", "/x/a")), options={"strict": False})
add("json", "duplicate-top-level-section", dup(M, '"requests"', '"requests":{},'), problems(("duplicate_member", "/requests")))
add("json", "duplicate-normalization-not-same", M[:-1] + ',"caf\u00e9":1,"cafe\u0301":2}',
    problems(("unknown_member", "/caf\u00e9"), ("unknown_member", "/cafe\u0301")))
add("json", "duplicate-many", generate={"prefix": M[:-1] + ',"x":{', "repeat": '"a":0,', "count": 3000, "suffix": '"a":0}}'},
    options={"strict": False}, expect={"problems": [{"code": "duplicate_member", "pointer": "/x/a"}] * 1000 +
                                       [{"code": "limit_exceeded", "pointer": ""}]})

# =============================================================================================
# JSON: the format version

add("json", "format-2020", dump(mutated(MINIMAL, ("/format", "2020"))), problems(("invalid_value", "/format")))
add("json", "format-number", dump(mutated(MINIMAL, ("/format", 2019))), problems(("wrong_type", "/format")))
add("json", "format-trailing-space", dump(mutated(MINIMAL, ("/format", "2019 "))), problems(("invalid_value", "/format")))
add("json", "format-empty", dump(mutated(MINIMAL, ("/format", ""))), problems(("invalid_value", "/format")))
add("json", "format-null", dump(mutated(MINIMAL, ("/format", None))), problems(("wrong_type", "/format")))
add("json", "format-array", dump(mutated(MINIMAL, ("/format", ["2019"]))), problems(("wrong_type", "/format")))
add("json", "format-fullwidth-digits", dump(mutated(MINIMAL, ("/format", "２０１９"))), problems(("invalid_value", "/format")))
add("json", "format-capitalized-member", M.replace('"format"', '"Format"'),
    problems(("unknown_member", "/Format"), ("missing_member", "/format")))
# a 2021 report labelled 2019: each 2021-only member is wrong_format, each 2019 member it lacks missing
P = "/proactive/"
add("json", "format-2019-with-2021-tables", dump(mutated(SAMPLE, ("/format", "2019"))), problems(
    *[("wrong_format", P + r + "/" + c) for r in ("regulations",) for c in ("issued", "repealed", "in_force")],
    *[("missing_member", P + "regulations/" + c) for c in ("new_made", "new_published", "total_published")],
    *[("wrong_format", P + "normative_documents/" + c) for c in ("issued", "repealed", "in_force")],
    *[("missing_member", P + "normative_documents/" + c) for c in ("new_made", "new_published", "total_published")],
    *[("missing_member", P + r + "/" + c) for r in ("licensing", "penalties", "compulsory_measures") for c in ("prior_items", "change")],
    ("wrong_format", P + "fees/amount"), ("missing_member", P + "fees/prior_items"), ("missing_member", P + "fees/change"),
    ("missing_member", P + "other_services"), ("missing_member", P + "procurement"),
    ("wrong_format", "/requests/other_no_correction"), ("wrong_format", "/requests/other_unpaid_fee"),
    ("wrong_format", "/requests/other_misc"), ("missing_member", "/requests/other"), ("wrong_format", "/processing_fees")))

# =============================================================================================
# JSON: invalid UTF-8, several kinds — invalid_json at the first bad byte

body_at = offset_of(M, "某")
def bad_utf8(name, bad):
    add("json", f"utf8-{name}", M_BYTES[:body_at] + bad + M_BYTES[body_at:], problems(("invalid_json", "", body_at)))

bad_utf8("lone-continuation", b"\x80")
bad_utf8("overlong-slash", b"\xc0\xaf")
bad_utf8("overlong-three-bytes", b"\xe0\x80\xaf")
bad_utf8("overlong-nul", b"\xc0\x80")
bad_utf8("surrogate-encoded", b"\xed\xa0\x80")
bad_utf8("beyond-u10ffff", b"\xf4\x90\x80\x80")
bad_utf8("byte-ff", b"\xff")
bad_utf8("byte-f5", b"\xf5\x80\x80\x80")
bad_utf8("truncated-sequence", b"\xe4\xb8")
add("json", "utf8-latin1", M_BYTES[:body_at] + b"caf\xe9" + M_BYTES[body_at:], problems(("invalid_json", "", body_at + 3)))
bad_utf8("gbk", "人民政府".encode("gbk"))
key_at = offset_of(M, '"body"') + 1
add("json", "utf8-in-member-name", M_BYTES[:key_at] + b"\xff" + M_BYTES[key_at:], problems(("invalid_json", "", key_at)))
add("json", "utf8-between-tokens", M_BYTES[:1] + b"\xe4" + M_BYTES[1:], problems(("invalid_json", "", 1)))
# Boost.JSON stops inside the escape: at the "u" of a lone low surrogate, at the last hex digit
# of a second escape that is not a low surrogate
add("json", "utf8-lone-low-surrogate-escape", M_BYTES[:body_at] + b"\\udc00" + M_BYTES[body_at:], problems(("invalid_json", "", body_at + 1)))
add("json", "utf8-high-surrogate-then-letter", M_BYTES[:body_at] + b"\\ud800\\u0041" + M_BYTES[body_at:],
    problems(("invalid_json", "", body_at + 8)))

# =============================================================================================
# JSON: nesting — limit_exceeded where the limit was crossed

add("json", "deep-33-arrays", b"[" * 33 + b"]" * 33, problems(("limit_exceeded", "", 32)))
add("json", "deep-100000-arrays", generate={"prefix": "", "repeat": "[", "count": 100000, "suffix": ""},
    expect=problems(("limit_exceeded", "", 32)))
add("json", "deep-objects-in-unknown-member", M[:-1] + ',"x":' + '{"a":' * 40 + "0" + "}" * 40 + "}",
    problems(("limit_exceeded", "", len(M_BYTES) - 1 + 5 + 5 * 31)), options={"strict": False})
add("json", "deep-valid-report-max-depth-2", M, problems(("limit_exceeded", "", offset_of(M, '{"regulations":{') + 15)),
    options={"max_depth": 2})
# max_depth above decode_options::max_depth_cap (1000) acts as 1000: the parser recurses per level
add("json", "deep-raised-limit-is-capped", generate={"prefix": M[:-1] + ',"x":', "repeat": "[", "count": 50000,
    "suffix": "]" * 50000 + "}"}, options={"strict": False, "max_depth": 60000},
    expect=problems(("limit_exceeded", "", len(M_BYTES) - 1 + 5 + 999)))
add("json", "deep-unknown-member-at-the-cap", generate={"prefix": M[:-1] + ',"x":', "repeat": "[", "count": 999,
    "suffix": "]" * 999 + "}"}, options={"strict": False, "max_depth": 60000}, expect=findings())

# =============================================================================================
# JSON: string lengths — limit_exceeded at the string's JSON Pointer (default 1 MiB)

MIB = 1 << 20
body_value_at = M.index('"某县人民政府"')
after_body = M.index('","year"')
add("json", "string-body-over-1mib", generate={"prefix": M[:body_value_at] + '"', "repeat": "a", "count": MIB + 1,
    "suffix": M[after_body:]}, expect=problems(("limit_exceeded", "/header/body", body_value_at + 1 + MIB + 1)))
# (read in one run, the string is measured at its closing quote: that is where the parser stops)
add("json", "string-body-exactly-1mib", generate={"prefix": M[:body_value_at] + '"', "repeat": "a", "count": MIB,
    "suffix": M[after_body:]}, expect=findings())
small = {"max_string_bytes": 40}  # the longest member name of the canonical form has 27 bytes
add("json", "string-body-41-bytes", dump(mutated(MINIMAL, ("/header/body", "a" * 41))), problems(("limit_exceeded", "/header/body")), options=small)
add("json", "string-body-40-bytes", dump(mutated(MINIMAL, ("/header/body", "a" * 40))), findings(), options=small)
add("json", "string-chinese-42-bytes", dump(mutated(MINIMAL, ("/header/body", "某县人民政府办公室某县人民政府"))), problems(("limit_exceeded", "/header/body")), options=small)
add("json", "string-escapes-count-decoded", M.replace('"某县人民政府"', '"' + "\\u0041" * 41 + '"'), problems(("limit_exceeded", "/header/body")), options=small)
add("json", "string-escapes-short-decoded", M.replace('"某县人民政府"', '"' + "\\u0041" * 40 + '"'), findings(), options=small)
add("json", "string-member-name", M.replace('"body"', '"' + "b" * 41 + '"'), problems(("limit_exceeded", "/header")), options=small)
add("json", "string-member-name-top-level", M.replace('"format"', '"' + "f" * 41 + '"'), problems(("limit_exceeded", "")), options=small)
add("json", "string-in-array", dump(mutated(MINIMAL, ("/header/legal_bases", ["短", "x" * 41]))),
    problems(("limit_exceeded", "/header/legal_bases/1")), options=small)
add("json", "string-document", '"' + "x" * 41 + '"', problems(("limit_exceeded", "")), options=small)
add("json", "string-cell-raw", dump(mutated(MINIMAL, (RECEIVED, {"state": "text", "raw": "x" * 41}))),
    problems(("limit_exceeded", RECEIVED + "/raw")), options=small)

# ---- input size and the number of problems
add("json", "size-one-byte-over", M, problems(("limit_exceeded", "")), options={"max_input_bytes": len(M_BYTES) - 1})
add("json", "size-exactly-the-limit", M, findings(), options={"max_input_bytes": len(M_BYTES)})
add("json", "problems-cut-at-3", '{"format":"2019","header":{"body":1,"year":"x","scope":2,"level":3}}',
    problems(("wrong_type", "/header/body"), ("wrong_type", "/header/scope"), ("wrong_type", "/header/level"),
             ("limit_exceeded", "")), options={"max_problems": 3})  # the first 3 found (model order), in document order
year_end = M.index('"year":2020') + len('"year":2020')
add("json", "problems-1500-cut-at-1000", generate={"prefix": M[:year_end] + ',"legal_bases":[0', "repeat": ",0", "count": 1499,
    "suffix": "]" + M[year_end:]}, expect={"problems": [{"code": "wrong_type", "pointer": f"/header/legal_bases/{i}"} for i in range(1000)] +
                                           [{"code": "limit_exceeded", "pointer": ""}]})

# =============================================================================================
# JSON: structure and types

add("json", "type-top-level-null", b"null", problems(("wrong_type", "")))
add("json", "type-top-level-number", b"2021", problems(("wrong_type", "")))
add("json", "type-header-array", dump(mutated(MINIMAL, ("/header", ["某县人民政府", 2020]))), problems(("wrong_type", "/header")))
add("json", "type-cell-array", dump(mutated(MINIMAL, (RECEIVED, [1]))), problems(("wrong_type", RECEIVED)))
add("json", "type-cell-boolean", dump(mutated(MINIMAL, (RECEIVED, True))), problems(("wrong_type", RECEIVED)))
add("json", "type-cell-number-state-without-value", dump(mutated(MINIMAL, (RECEIVED, {"state": "number"}))),
    problems(("missing_member", RECEIVED + "/value")))
add("json", "type-cell-blank-with-value", dump(mutated(MINIMAL, (RECEIVED, {"state": "blank", "value": 1}))),
    problems(("invalid_value", RECEIVED + "/value")))
add("json", "type-cell-unit-dollars", dump(mutated(SAMPLE, ("/proactive/fees/amount", {"value": "1", "unit": "美元"}))),
    problems(("invalid_value", "/proactive/fees/amount/unit")))
add("json", "type-legal-bases-object", dump(mutated(MINIMAL, ("/header/legal_bases", {"0": "x"}))), problems(("wrong_type", "/header/legal_bases")))
add("json", "type-paragraph-number", dump(mutated(SAMPLE, ("/overview/paragraphs/0", 1))), problems(("wrong_type", "/overview/paragraphs/0")))
add("json", "type-proto-member-strict", M[:-1] + ',"__proto__":{"admin":true}}', problems(("unknown_member", "/__proto__")))
add("json", "type-proto-member-lax", M[:-1] + ',"__proto__":{"admin":true}}', findings(), options={"strict": False})
add("json", "type-member-name-with-slash-tilde", M[:-1] + ',"a/b~c":1}', problems(("unknown_member", "/a~1b~0c")))
add("json", "type-empty-member-name", M[:-1] + ',"":1}', problems(("unknown_member", "/")))
add("json", "type-date-february-29", dump(mutated(SAMPLE, ("/header/publication_date", "2023-02-29"))),
    problems(("invalid_value", "/header/publication_date")))
add("json", "type-date-with-script", dump(mutated(SAMPLE, ("/header/publication_date", "<script>"))),
    problems(("invalid_value", "/header/publication_date")))
add("json", "type-year-zero", dump(mutated(MINIMAL, ("/header/year", 0))), findings(("XXGK-H-002", "/header/year", "0")))
add("json", "type-level-markup", dump(mutated(SAMPLE, ("/header/level", "<img src=x onerror=alert(1)>"))),
    problems(("invalid_value", "/header/level")))

# =============================================================================================
# JSON: invisible and bidirectional characters — accepted as text, flagged by XXGK-S-001

def text_case(name, pointer, value, actual, base=SAMPLE, extra=()):
    add("json", f"text-{name}", dump(mutated(base, (pointer, value))), findings(*extra, ("XXGK-S-001", pointer, actual)))

text_case("rlo-in-body", "/header/body", "示例市\u202e局境环态生", "U+202E")
text_case("zero-width-space-in-body", "/header/body", "示例市生态\u200b环境局", "U+200B")
text_case("isolates-in-paragraph", "/overview/paragraphs/0", "\u2066甲\u2069\u2067乙\u2069", "U+2066 U+2069 U+2067")
text_case("nul-in-body", "/header/body", "示例市\u0000生态环境局", "U+0000")
text_case("bom-inside-title", "/header/title", "\ufeff示例市生态环境局2022年政府信息公开工作年度报告", "U+FEFF")
text_case("line-separator-in-legal-basis", "/header/legal_bases/1", "国办公开办函\u2028〔2021〕30号", "U+2028")
text_case("zwj-emoji-in-paragraph", "/overview/paragraphs/0", "\U0001F468\u200d\U0001F469\u200d\U0001F467", "U+200D")
text_case("arabic-letter-mark", "/header/body", "示例市\u061c生态环境局", "U+061C")
text_case("lrm-rlm-in-contact", "/header/contact/phone", "\u200e0000-12345678\u200f", "U+200E U+200F")
text_case("c1-control-in-heading", "/other_matters/heading", "六、其他需要报告的事项\u0085", "U+0085")
text_case("escape-control-in-preamble", "/header/preamble", "本报告\u001b[31m", "U+001B")
text_case("zero-width-in-cell-raw", RECEIVED, {"state": "text", "raw": "5\u200b2"}, "U+200B",
          extra=(("XXGK-V-007", RECEIVED, "5\u200b2"), ("XXGK-T3-002", "/requests/total/natural_person", "55"),
                 ("XXGK-T3-005", "/requests/received/total", "78")))
# the finding for a cell's raw text is at the raw member
cases[-1]["expect"]["findings"][-1]["pointer"] = RECEIVED + "/raw"
text_case("many-kinds-listed", "/header/body", "".join(chr(c) for c in [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b,
          0x202c, 0x202d, 0x202e]) + "局", "U+200B U+200C U+200D U+200E U+200F U+202A U+202B U+202C …")
add("json", "text-rlo-in-unknown-member-not-checked", S[:-1] + ',"\u202ex":"\u202e"}', findings(), options={"strict": False})
# found by fuzz_json: a member kept (lax mode) inside a cell's "source" was lost on encoding
add("json", "lax-unknown-member-in-cell-source", dump(mutated(MINIMAL, (RECEIVED, {"value": 1, "source": {"line": 3, "colum,": 7}}),
    ("/requests/received/total", 1))), findings(("XXGK-T3-002", "/requests/total/natural_person", "0"),
    ("XXGK-T3-002", "/requests/total/total", "0")), options={"strict": False})
add("json", "lax-unknown-members-everywhere", dump(mutated(SAMPLE, ("/header/contact/addresq", "x"), ("/x", {"y": [1, {"z": None}]}),
    ("/requests/received/extra", 1), ("/proactive/fees/amount", {"value": "36.482571", "raw": "36.482571", "note": "n",
    "source": {"line": 1, "page": 2}}))), findings(), options={"strict": False})
add("json", "text-tab-newline-allowed", dump(mutated(SAMPLE, ("/overview/paragraphs/0", "第一行\n\t第二行\r\n"))), findings())

# =============================================================================================
# JSON: markup in report text is text (decoded as is; the renderer escapes it)

add("json", "markup-script-in-body", dump(mutated(SAMPLE, ("/header/body", "<script>alert(1)</script>"))), findings())
add("json", "markup-img-in-paragraph", dump(mutated(SAMPLE, ("/overview/paragraphs/0", '<img src=x onerror="alert(1)">'))), findings())
add("json", "markup-javascript-url", dump(mutated(SAMPLE, ("/header/portal_url", "javascript:alert(1)"))), findings())
add("json", "markup-in-cell-raw", dump(mutated(SAMPLE, (RECEIVED, {"state": "text", "raw": "<b>52</b>"}))),
    findings(("XXGK-V-007", RECEIVED, "<b>52</b>"), ("XXGK-T3-002", "/requests/total/natural_person", "55"),
             ("XXGK-T3-005", "/requests/received/total", "78")))
add("json", "markup-closing-style-in-title", dump(mutated(SAMPLE, ("/header/title", "</style><script>alert(1)</script>"))), findings())
add("json", "markup-attribute-breakout-in-raw", dump(mutated(SAMPLE, ("/proactive/fees/amount", {"value": "36.482571", "raw": '" onmouseover="alert(1)'}))),
    findings())


# =============================================================================================
# Plain text for the importer (tests/data/hostile/text)
#
# expect for "text" / "html":
#   {"throws": code}                    xxgk::error with this errc ("not a report at all")
#   {"same_as": path}                   imports exactly the report the clean source (path, relative
#                                       to tests/data) imports: the hostile part changed nothing
#   {"imports": {"format", "numbers", "not_captured", "log": [codes]}}
#                                       imports a report of this format with exactly this many
#                                       number cells and not-captured cells, and a log holding at
#                                       least these codes
#   "absent": [strings]                 never found in the imported report nor its log
#   "note": text                        why the outcome is what it is (known importer limits)

TEXT_SOURCE = "examples/data/cangnan-2020-annual-report.txt"
TEXT = open(os.path.join(ROOT, TEXT_SOURCE), encoding="utf-8").read()
NOT_A_REPORT = {"throws": "invalid_value"}


# The seed's text prints 四、结转下年度继续办理 as "12" + four empty fields + "12" for seven columns:
# which of the five middle columns printed no cell is unknown, so none of them is a seen empty
# cell and the importer reports all five as not captured (docs/import.md, "When a cell is blank").
SEED_UNSEEN = 5


def imports(fmt, numbers, not_captured, log, absent=(), note=None):
    e = {"imports": {"format": fmt, "numbers": numbers, "not_captured": not_captured, "log": list(log)}, "absent": list(absent)}
    if note:
        e["note"] = note
    return e


add("text", "empty", "", NOT_A_REPORT)
add("text", "binary-garbage", bytes(range(256)) * 4, NOT_A_REPORT)
add("text", "only-whitespace", " \n\t\r\n\u3000\n", NOT_A_REPORT)
add("text", "invalid-utf8-in-report", TEXT.encode("utf-8").replace("苍南县".encode(), b"\xff\xfe", 1),
    imports("2019", 79, SEED_UNSEEN, ["XXGK-I-011"]))
add("text", "zero-width-in-labels", TEXT.replace("予以公开", "予以\u200b公开").replace("总计", "总\u200d计"),
    imports("2019", 79, SEED_UNSEEN, [], note="zero-width characters never separate cells and label matching ignores them"))
add("text", "bidi-in-labels", TEXT.replace("予以公开", "\u202e予以公开\u202c"), imports("2019", 79, SEED_UNSEEN, []))
add("text", "zero-width-inside-numbers", TEXT.replace("\t228\t", "\t22\u200b8\t", 1), imports("2019", 79, SEED_UNSEEN, []))
add("text", "script-in-text", TEXT.replace("一、总体情况", "一、总体情况<script>alert(1)</script>", 1),
    imports("2019", 79, SEED_UNSEEN, ["XXGK-I-021"]))
add("text", "truncated-half", TEXT[: len(TEXT) // 2], imports("2019", 0, 198, ["XXGK-I-039"]))
add("text", "long-line", generate={"prefix": "2020年政府信息公开工作年度报告\n", "repeat": "1", "count": 200000, "suffix": "\n"},
    expect=NOT_A_REPORT)
add("text", "many-short-lines", generate={"prefix": "政府信息公开工作年度报告\n", "repeat": "0\t", "count": 100000, "suffix": "\n"},
    expect=NOT_A_REPORT)

# =============================================================================================
# HTML for the importer (tests/data/hostile/html)

HTML_SOURCE = "tests/data/import/sample-2021.html"
HTML = open(os.path.join(ROOT, HTML_SOURCE), encoding="utf-8").read()
CLEAN = {"same_as": "import/sample-2021.html"}


def clean(absent=()):
    return dict(CLEAN, absent=list(absent))


add("html", "empty", "", NOT_A_REPORT)
add("html", "script-only", "<script>alert(1)</script>", NOT_A_REPORT)
add("html", "script-in-cells", HTML.replace("<td>", "<td><script>alert(1)</script>"), clean(["alert("]))
add("html", "script-in-paragraph", HTML.replace("<p>", "<p><script>document.cookie</script>", 1), clean(["document.cookie"]))
add("html", "style-and-event-handlers", HTML.replace("<td>", '<td onclick="alert(1)"><style>td{}</style>'), clean(["alert(", "td{}"]))
add("html", "unclosed-tags", HTML.replace("</td>", "").replace("</tr>", "").replace("</p>", ""), clean())
add("html", "unclosed-table", HTML[: HTML.find("</table>")], imports("2021", 10, 190, ["XXGK-I-039"]))
add("html", "truncated-half", HTML[: len(HTML) // 2], imports("2021", 31, 169, ["XXGK-I-038", "XXGK-I-039"]))
add("html", "huge-rowspan-colspan", HTML.replace("<td>", '<td rowspan="2147483647" colspan="2147483647">', 3),
    imports("2021", 190, 10, ["XXGK-I-038"], note="spans are clamped to the table; the cells they cover are lost, not invented"))
add("html", "negative-spans", HTML.replace("<td>", '<td rowspan="-5" colspan="-1">'), clean())
add("html", "external-entity", '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + HTML.replace("<p>", "<p>&xxe;", 1),
    clean(["root:", "/bin/"]))
add("html", "entity-expansion", '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>' + HTML.replace("<p>", "<p>&d;&d;&d;", 1),
    clean(["aaaaaaaaaa"]))
add("html", "nested-tables", generate={"prefix": "<html><body>", "repeat": "<table><tr><td>", "count": 5000, "suffix": "</body></html>"},
    expect=NOT_A_REPORT)
add("html", "invalid-utf8", HTML.encode("utf-8").replace("示例市".encode(), b"\xff\xfe\xfd", 1),
    imports("2021", 200, 0, ["XXGK-I-011"]))
add("html", "invalid-utf8-declared-utf8", HTML.replace("<head>", '<head><meta charset="utf-8">', 1).encode("utf-8")
    .replace("示例市".encode(), b"\xc3\x28", 1), imports("2021", 200, 0, ["XXGK-I-011"]))
add("html", "bidi-in-labels", HTML.replace("予以公开", "\u202e予以公开\u202c"), imports("2021", 200, 0, []))
add("html", "zero-width-in-labels", HTML.replace("予以公开", "予以\u200b公开"), imports("2021", 200, 0, []))
add("html", "comment-cdata-tricks", HTML.replace("<td>", "<td><!-- </td> --><![CDATA[</td>]]>", 5),
    imports("2021", 197, 3, ["XXGK-I-025", "XXGK-I-036"]))
add("html", "javascript-links", HTML.replace("<p>", '<p><a href="javascript:alert(1)">链接</a>', 1), clean(["javascript:"]))

# Bounded work and memory (issue 16 items 3–5; docs/security.md, "Bounded work").
import re as _re


def _empties_before_values(page, empties):
    """Table 三 of `page` with `empties` empty <td> before the values of every row."""
    start = page.index("<h2>三、")
    end = page.index("</table>", start)

    def row(m):
        r = m.group(0)
        v = _re.search(r"<td>\d*</td>", r)
        return r if not v else r[: v.start()] + "<td></td>" * empties + r[v.start():]

    return page[:start] + _re.sub(r"<tr>.*?</tr>", row, page[start:end]) + page[end:]


_BEFORE_4 = HTML.index("<h2>四、")
add("html", "many-attributes", generate={"prefix": "<html><body><p", "repeat": " a", "count": 40000, "suffix": ">x</p></body></html>"},
    expect={"throws": "limit_exceeded",
            "note": "libxml2 2.9 compares each attribute with those before it: refused before parsing (128 per element)"})
add("html", "empty-cells-before-values", _empties_before_values(HTML, 57),
    imports("2021", 200, 0, [], note="the alignment drops the empty cells in work linear in them (was 10 s)"))
add("html", "rowspan-ladder", generate={"prefix": HTML[:_BEFORE_4] + "<table>", "repeat": "<tr><td rowspan=1000000>1</td></tr>",
                                        "count": 100000, "suffix": "</table>" + HTML[_BEFORE_4:]},
    expect=imports("2021", 200, 0, ["XXGK-I-102"], note="grid positions bounded by the input size (was 173 bytes per input byte)"))
add("html", "many-rows-log-capped", generate={"prefix": HTML[:_BEFORE_4] + "<table>", "repeat": "<tr><td>x</td><td>1</td></tr>",
                                              "count": 5000, "suffix": "</table>" + HTML[_BEFORE_4:]},
    expect=imports("2021", 200, 0, ["XXGK-I-100"], note="500 log entries per code, then one count"))


# =============================================================================================
# Word documents for the importer (tests/data/hostile/docx); expect as for "text" / "html"

import io
import zipfile

DOCX_SOURCE = "tests/data/import/docx/heading-styles-2021.docx"
DOCX = open(os.path.join(ROOT, DOCX_SOURCE), "rb").read()
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def zipped(entries, method=zipfile.ZIP_DEFLATED):
    """A zip of (name, bytes) with fixed dates, so that the bytes never change."""
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data, compress_type=method, compresslevel=9)
    return b.getvalue()


def fixture_entries():
    with zipfile.ZipFile(io.BytesIO(DOCX)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def with_document(xml):
    return zipped([(n, xml if n == "word/document.xml" else d) for n, d in fixture_entries()])


DOCUMENT = dict(fixture_entries())["word/document.xml"].decode("utf-8")


def slim_entries():
    """The parts a reader needs (the fixture's 800 KB of template styles and thumbnail left out)."""
    keep = ("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels")
    return [(n, d) for n, d in fixture_entries() if n in keep]


def encrypted_flag(data):
    """Sets the traditional-encryption bit of every local and central header (the data stays
    plain: a reader must refuse it from the flag, never try to read it)."""
    b = bytearray(data)
    for sig, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        p = b.find(sig)
        while p >= 0:
            b[p + at] |= 1
            p = b.find(sig, p + 4)
    return bytes(b)


DOCX_CLEAN = {"same_as": "import/docx/heading-styles-2021.docx"}
add("docx", "empty", b"", NOT_A_REPORT)
add("docx", "not-a-zip", b"PK\x03\x04 this is not a zip archive" * 10, NOT_A_REPORT)
add("docx", "truncated-half", DOCX[: len(DOCX) // 2], NOT_A_REPORT)
add("docx", "zip-without-document", zipped([("xl/workbook.xml", b"<workbook/>")]), {"throws": "unsupported_kind"})
add("docx", "legacy-doc-ole2", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(1024), {"throws": "unsupported_kind"})
add("docx", "encrypted-office-package", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(512) + "EncryptedPackage".encode("utf-16-le") + bytes(512),
    {"throws": "encrypted"})
add("docx", "encrypted-zip-entries", encrypted_flag(zipped(slim_entries(), zipfile.ZIP_STORED)), {"throws": "encrypted"})
add("docx", "zip-bomb", zipped([("word/document.xml", ('<?xml version="1.0"?><w:document %s><w:body><w:p><w:r><w:t>' % W).encode()
                                 + b" " * (20 << 20) + b"</w:t></w:r></w:p></w:body></w:document>")]),
    {"throws": "limit_exceeded", "note": "20 MiB of XML in 20 KB: refused from the declared size, before inflating"})
add("docx", "damaged-xml", with_document(DOCUMENT[: len(DOCUMENT) // 2].encode()), NOT_A_REPORT)
add("docx", "external-entity", with_document(DOCUMENT.replace("?>", '?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
                                             .replace("<w:t>", "<w:t>&xxe;", 1).encode()), NOT_A_REPORT)
add("docx", "entity-expansion", with_document(DOCUMENT.replace("?>", '?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>', 1)
                                              .replace("<w:t>", "<w:t>&c;&c;&c;", 1).encode()), NOT_A_REPORT)
add("docx", "deep-nesting", with_document(('<?xml version="1.0"?><w:document %s><w:body>' % W + "<w:tbl><w:tr><w:tc>" * 5000
                                          + "</w:body></w:document>").encode()), NOT_A_REPORT)
add("docx", "stored-not-deflated", zipped(slim_entries(), zipfile.ZIP_STORED), DOCX_CLEAN)
add("docx", "huge-grid-spans", with_document(DOCUMENT.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="2147483647"/><w:vMerge/>', 5).encode()),
    {"absent": []})
add("docx", "script-in-cells", with_document(DOCUMENT.replace("<w:t>", "<w:t>&lt;script&gt;alert(1)&lt;/script&gt;", 3).encode()),
    {"absent": []})
add("docx", "many-attributes", zipped([(n, DOCUMENT.replace("<w:body>", "<w:body><w:p " + " ".join('w:a%d="1"' % k for k in range(20000)) + "/>", 1).encode()
                                        if n == "word/document.xml" else d) for n, d in slim_entries()]),
    {"throws": "limit_exceeded", "note": "libxml2 2.9's XML parser is quadratic in an element's attributes too: refused before parsing (128)"})
add("docx", "styles-damaged", zipped([(n, b"<w:styles" if n == "word/styles.xml" else d) for n, d in fixture_entries()]), DOCX_CLEAN)


# PDF files for the importer (tests/data/hostile/pdf): the refused kinds of tests/data/import/pdf
# (encrypted, damaged, pictures only) and headers with nothing or garbage behind them.
def import_pdf_bytes(name):
    with open(os.path.join(ROOT, "tests/data/import/pdf", name), "rb") as f:
        return f.read()


HONGZE = import_pdf_bytes("hongze-2023.pdf")
add("pdf", "encrypted", import_pdf_bytes("encrypted.pdf"), {"throws": "encrypted"})
add("pdf", "truncated", import_pdf_bytes("truncated.pdf"), NOT_A_REPORT)
add("pdf", "image-only", import_pdf_bytes("image-only.pdf"), {"throws": "no_text_layer"})
add("pdf", "header-only", b"%PDF-1.7\n", NOT_A_REPORT)
add("pdf", "empty", b"", NOT_A_REPORT)
add("pdf", "garbage-after-header", b"%PDF-1.4\n" + bytes(range(256)) * 64, NOT_A_REPORT)
add("pdf", "xref-cut", HONGZE[: len(HONGZE) - 2000], NOT_A_REPORT)
add("pdf", "bytes-flipped", bytes(b ^ 0x5A if 4000 <= i < 4400 else b for i, b in enumerate(HONGZE)), {"absent": []})


# Content streams aimed at the table-border reader (src/import/pdf_rules.cpp, qpdf): a Form XObject
# that paints itself, Forms nested 60 deep, a stream of 6 million operands and operators (its
# object budget), a stream that inflates from 50 KB to 48 MiB, NaN-like and huge coordinates. Each page also prints a line of text, so the
# file gets past "no text layer" and is refused only as not a report.
def small_pdf(content, forms=()):
    """A one-page PDF (Helvetica text) with `content` (bytes) as its content stream, Flate-compressed,
    and `forms`: a list of Form XObject content streams named /F0, /F1, ...; each Form's own
    resources name every Form, so a Form can paint itself or the next one."""
    import zlib
    objects = []
    n_forms = len(forms)
    xobjects = " ".join(f"/F{k} {5 + k} 0 R" for k in range(n_forms))
    resources = f"<< /Font << /H 4 0 R >> /XObject << {xobjects} >> >>"
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {resources} /Contents {5 + n_forms} 0 R >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for body in forms:
        z = zlib.compress(body)
        objects.append(f"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources {resources} /Filter /FlateDecode /Length {len(z)} >>\nstream\n".encode() + z + b"\nendstream")
    text = b"BT /H 12 Tf 72 770 Td (annual report) Tj ET\n"
    z = zlib.compress(text + content)
    objects.append(f"<< /Filter /FlateDecode /Length {len(z)} >>\nstream\n".encode() + z + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects):
        offsets.append(len(out))
        out += f"{k + 1} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for o in offsets:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


RULED = b"0 0 0 RG 0.5 w 72 700 m 520 700 l S 72 680 m 520 680 l S 72 700 m 72 680 l S 520 700 m 520 680 l S\n"
add("pdf", "rules-form-paints-itself", small_pdf(b"q /F0 Do Q\n" + RULED, [b"q 1 0 0 1 1 1 cm /F0 Do Q 0 0 100 0.5 re f"]), NOT_A_REPORT)
add("pdf", "rules-forms-nested-60", small_pdf(b"/F0 Do\n", [f"q /F{k + 1} Do Q 10 10 200 1 re f".encode() for k in range(59)] + [RULED]),
    NOT_A_REPORT)
add("pdf", "rules-six-million-objects", small_pdf(b"0 0 200 1 re f\n" * 1_000_000), NOT_A_REPORT)
add("pdf", "rules-flate-bomb", small_pdf(b" " * (48 << 20) + b"0 0 200 1 re f\n"), NOT_A_REPORT)
add("pdf", "rules-odd-numbers", small_pdf(b"1e308 1e308 1e308 1e308 re f -1e308 0 m 1e308 0 l S 0 0 0 0 0 0 cm 1 2 m 3 4 l S "
                                          b"q q q Q Q Q Q Q Q 999999999999 w 1 0 0 1 0 0 cm 72 700 m 72 700 l S h h h n re m l c\n"), NOT_A_REPORT)


with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
    json.dump(cases, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(f"{len(cases)} cases: " + ", ".join(f"{k} {sum(c['kind'] == k for c in cases)}" for k in ("json", "text", "html", "docx", "pdf")))
