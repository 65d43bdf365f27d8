#!/usr/bin/python3
"""xxgk serve through a real socket on 127.0.0.1 (docs/serve.md; ctest serve.http, label serve).

Starts `xxgk serve --listen 127.0.0.1:0` (several times, with different limits), reads the bound
port from its first line, and checks:

- every endpoint and every error against what the library (the `xxgk` command) says for the same
  input: findings, problems (codes, pointers, messages), imported reports, renderings, schemas,
  keys, rules;
- every response of those tests against the OpenAPI document the server serves (which must be
  src/serve/openapi.json), and every report in a response against GET /v1/schema/{format};
- the hostile corpus (tests/data/hostile) posted to every POST endpoint, with the expectations of
  tests/data/hostile/cases.json where they say what the library does;
- malformed HTTP (bad request lines, huge headers, wrong Content-Length, chunked abuse), every
  limit with its status and metric, slow-loris clients, 1,000 idle connections, /healthz answered
  throughout, graceful SIGTERM, and the peak RSS (VmHWM) of the server, printed and bounded;
- every console block of docs/serve.md (curl against the live server, outputs as shown).

Standard library only (http.client, socket) plus python3-jsonschema. No timing assertions: the
timeouts of the servers under test are short, and the test waits for what they cause.
Usage: serve_test.py XXGK SOURCE_DIR
"""

import copy
import http.client
import json
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import struct
import threading
import time
import zlib
from pathlib import Path

import jsonschema

XXGK = os.path.abspath(sys.argv[1])
SOURCE = Path(sys.argv[2]).resolve()
DATA = SOURCE / "examples" / "data"
HOSTILE = SOURCE / "tests" / "data" / "hostile"
CANGNAN = (DATA / "cangnan-2020.json").read_bytes()
SAMPLE_2021 = (DATA / "sample-2021.json").read_bytes()
CANGNAN_TEXT = (DATA / "cangnan-2020-annual-report.txt").read_bytes()

failures = []
responses = []  # (method, path, status, headers, body) of every functional response, for the OpenAPI check



def tiny_png():
    """A 1×1 white PNG (an image the importer detects from its bytes), made here: no fixture file."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))

def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, flush=True)
    return condition


# ---------------------------------------------------------------------------------------------
# Servers and requests

class Server:
    def __init__(self, *args):
        self.proc = subprocess.Popen([XXGK, "serve", "--listen", "127.0.0.1:0", "--threads", "2", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.fullmatch(r"xxgk serve: listening on http://127\.0\.0\.1:(\d+)\n", line)
        if not m:
            self.proc.kill()
            raise SystemExit(f"xxgk serve did not say where it listens: {line!r} {self.proc.stderr.read()}")
        self.port = int(m.group(1))

    def request(self, method, path, body=None, headers=None, record=True):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            data = r.read()
            result = (r.status, {k.lower(): v for k, v in r.getheaders()}, data)
        finally:
            conn.close()
        if record:
            responses.append((method, path, *result))
        return result

    def post_json(self, path, body, **kw):
        if not isinstance(body, (bytes, str)):
            body = json.dumps(body, ensure_ascii=False).encode()
        return self.request("POST", path, body, {"Content-Type": "application/json"}, **kw)

    def healthy(self):
        status, _, body = self.request("GET", "/healthz", record=False)
        return status == 200 and json.loads(body) == {"status": "ok"}

    def metrics(self):
        status, _, body = self.request("GET", "/metrics", record=False)
        values = {}
        for line in body.decode().split("\n"):
            if line and not line.startswith("#"):
                name, value = line.rsplit(" ", 1)
                values[name] = float(value)
        return values

    def vm_hwm_kib(self):
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().split("\n"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def stop(self):
        """SIGTERM; returns what the server wrote on standard error."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            _, err = self.proc.communicate(timeout=30)
            code = self.proc.returncode
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
            code = "killed after 30 s"
        check(code == 0, f"xxgk serve exits 0 after SIGTERM (got {code}); stderr: {err[-2000:]}")
        return err


def raw(port, data, read_timeout=10, shutdown=False):
    """Sends bytes on a new connection and returns everything the server sends until it closes."""
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(read_timeout)
    try:
        s.sendall(data)
        if shutdown:
            s.shutdown(socket.SHUT_WR)
        out = b""
        while True:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            out += chunk
        return out
    finally:
        s.close()


def status_of(response_bytes):
    m = re.match(rb"HTTP/1\.1 (\d{3}) ", response_bytes)
    return int(m.group(1)) if m else None


def problem_of(response_bytes):
    head, _, body = response_bytes.partition(b"\r\n\r\n")
    return json.loads(body) if b"application/problem+json" in head else None


def cli(*args, stdin=None):
    r = subprocess.run([XXGK, *args], input=stdin, capture_output=True, cwd=SOURCE)
    return r.returncode, r.stdout, r.stderr


# ---------------------------------------------------------------------------------------------
# Functional tests of every endpoint and error

def test_endpoints(s):
    cangnan_path = str(DATA / "cangnan-2020.json")

    # /healthz, HEAD, unknown paths and methods
    status, headers, body = s.request("GET", "/healthz")
    check(status == 200 and json.loads(body) == {"status": "ok"}, "GET /healthz is ok")
    check(headers.get("server", "").startswith("xxgk/"), "Server: xxgk/VERSION")
    status, headers, body = s.request("HEAD", "/v1/rules")
    check(status == 200 and body == b"" and int(headers["content-length"]) > 1000, "HEAD /v1/rules: length, no body")
    status, headers, body = s.request("GET", "/v2/validate")
    check(status == 404 and json.loads(body)["type"] == "urn:xxgk:problem:not-found", "404 problem for an unknown path")
    check(headers["content-type"] == "application/problem+json", "problems are application/problem+json")
    status, headers, body = s.request("GET", "/v1/validate")
    check(status == 405 and headers.get("allow") == "POST", "GET /v1/validate: 405 with Allow: POST")
    status, headers, body = s.request("DELETE", "/v1/rules")
    check(status == 405 and headers.get("allow") == "GET, HEAD", "DELETE /v1/rules: 405 with Allow: GET, HEAD")
    status, _, body = s.request("GET", "/v1/rules?x=1")
    check(status == 400 and json.loads(body)["parameter"] == "x", "a GET endpoint refuses query parameters")

    # POST /v1/validate: the findings of `xxgk validate --json`, with their counts
    _, cli_findings, _ = cli("validate", "--json", cangnan_path)
    status, headers, body = s.post_json("/v1/validate", CANGNAN)
    v = json.loads(body)
    check(status == 200, f"validate cangnan: 200 (got {status})")
    check(v["findings"] == json.loads(cli_findings), "validate: the findings of xxgk validate --json")
    check((v["body"], v["year"], v["format"], v["errors"]) == ("苍南县人民政府", 2020, "2019", 1),
          f"validate: body, year, format, one error ({v['body']}, {v['year']}, {v['format']}, {v['errors']})")
    check(v["summary"] == f"共 {v['errors']} 个错误，{v['warnings']} 个警告，{v['infos']} 个提示。", "summary in Chinese")
    check(headers.get("cache-control") == "no-store", "results are not cached")
    status, _, body = s.post_json("/v1/validate?narrative=1&lang=en&no_info=1", CANGNAN)
    v = json.loads(body)
    _, cli_narrative, _ = cli("validate", "--json", "--narrative", "--no-info", cangnan_path)
    check(status == 200 and v["findings"] == json.loads(cli_narrative), "validate ?narrative=1&no_info=1 as the CLI")
    check(any(f["code"] == "XXGK-N-006" for f in v["findings"]), "narrative=1 finds XXGK-N-006")
    check(v["infos"] == 0 and v["summary"].endswith(" infos."), "no_info=1 and lang=en")
    status, _, body = s.post_json("/v1/validate?lang=fr", CANGNAN)
    p = json.loads(body)
    check(status == 400 and p["parameter"] == "lang" and "zh, en" in p["detail"], "lang=fr: 400 naming the parameter")
    status, _, body = s.post_json("/v1/validate?narrative=maybe", CANGNAN)
    check(status == 400 and json.loads(body)["parameter"] == "narrative", "a flag that is not 0/1/true/false: 400")
    status, _, body = s.post_json("/v1/validate?lang=zh&lang=en", CANGNAN)
    check(status == 400 and "twice" in json.loads(body)["detail"], "a parameter given twice: 400")
    status, _, body = s.post_json("/v1/validate?%zz=1", CANGNAN)
    check(status == 400, "a bad percent escape: 400")
    status, _, body = s.request("POST", "/v1/validate", CANGNAN, {"Content-Type": "text/plain"})
    check(status == 415 and json.loads(body)["code"] == "unsupported-media-type", "validate text/plain: 415")
    status, _, body = s.request("POST", "/v1/validate", CANGNAN, {"Content-Type": "Application/JSON; charset=utf-8"})
    check(status == 200, "application/json with parameters and any case is JSON")

    # Decode problems: the library's codes, pointers and messages (as `xxgk validate` prints them)
    broken = json.loads(CANGNAN)
    broken["header"]["mayor"] = "x"
    broken["requests"]["granted"]["natural_person"] = "many"
    broken_text = json.dumps(broken, ensure_ascii=False, indent=1).encode()
    status, _, body = s.post_json("/v1/validate", broken_text)
    p = json.loads(body)
    _, _, err = cli("validate", "-", stdin=broken_text)
    cli_problems = re.findall(r"^-: error\[(\w+)\] (\S+): (.*)$", err.decode(), re.M)
    check(status == 422 and p["type"] == "urn:xxgk:problem:invalid-document", f"model problems: 422 (got {status})")
    check([(q["code"], q["pointer"], q["message"]) for q in p["problems"]] == [tuple(c) for c in cli_problems],
          f"problems as the CLI prints them: {p['problems']} vs {cli_problems}")
    check(p["code"] == p["problems"][0]["code"] and p["pointer"] == p["problems"][0]["pointer"], "code/pointer of the first")
    status, _, body = s.post_json("/v1/validate?lax=1", json.dumps({**json.loads(CANGNAN), "extra": 1}).encode())
    check(status == 200, "lax=1 keeps an unknown member")
    status, _, body = s.post_json("/v1/validate", b'{"format": "2019",\n "header": }')
    p = json.loads(body)
    check(status == 400 and p["code"] == "invalid_json" and p["problems"][0]["line"] == 2, "syntax error: 400 with line")
    status, _, body = s.post_json("/v1/validate", b"")
    check(status == 400 and json.loads(body)["code"] == "invalid_json", "empty body: 400 invalid_json")

    # POST /v1/import: `xxgk import` of the same bytes, its log and counts
    # `xxgk import -` detects the kind from the bytes, as the server does.
    _, cli_log, cli_err = cli("import", "-", "--log-json", "/dev/stdout", "-o", "/dev/null", stdin=CANGNAN_TEXT)
    _, cli_report, _ = cli("import", "-", stdin=CANGNAN_TEXT)
    counts = re.search(r"(\d+) cells read, (\d+) blank seen, (\d+) not captured", cli_err.decode())
    status, _, body = s.request("POST", "/v1/import", CANGNAN_TEXT, {"Content-Type": "text/plain; charset=utf-8"})
    v = json.loads(body)
    check(status == 200, f"import the cangnan text: 200 (got {status})")
    check(v["report"] == json.loads(cli_report), "import: the report of xxgk import")
    check(v["log"] == json.loads(cli_log), "import: the log of xxgk import --log-json")
    check([v["counts"][k] for k in ("read", "blank", "not_captured")] == [int(g) for g in counts.groups()],
          f"import counts {v['counts']} as xxgk import says: {counts.group(0)}")
    status, _, body = s.request("POST", "/v1/import?no_info=1&format=2019&year=2020&from=text", CANGNAN_TEXT)
    v = json.loads(body)
    check(status == 200 and all(e["level"] != "info" for e in v["log"]) and v["report"]["header"]["year"] == 2020,
          "import ?no_info=1&format=2019&year=2020&from=text")
    for query, parameter in (("from=xls", "from"), ("format=2020", "format"), ("year=20x0", "year"), ("lang=en", "lang")):
        status, _, body = s.request("POST", "/v1/import?" + query, CANGNAN_TEXT)
        check(status == 400 and json.loads(body)["parameter"] == parameter, f"import ?{query}: 400")
    status, _, body = s.request("POST", "/v1/import", (HOSTILE / "docx" / "legacy-doc-ole2.docx").read_bytes())
    p = json.loads(body)
    _, _, err = cli("import", str(HOSTILE / "docx" / "legacy-doc-ole2.docx"))
    check(status == 415 and p["code"] == "unsupported_kind" and p["detail"] in err.decode(),
          f"a legacy .doc: 415 unsupported_kind with the library's message ({status} {p})")
    status, _, body = s.request("POST", "/v1/import?from=xls", CANGNAN_TEXT)
    check("image" in json.loads(body)["detail"], "import ?from=xls: the message lists every kind the importer reads")
    status, _, body = s.request("POST", "/v1/import?no_ocr=1", tiny_png())
    p = json.loads(body)
    check(status == 415 and p["code"] == "unsupported_kind", f"an image with ?no_ocr=1: 415 unsupported_kind ({status} {p})")
    status, _, body = s.request("POST", "/v1/import", b"")
    check(status == 422 and json.loads(body)["code"] == "invalid_value", "an empty import: 422 invalid_value")

    # POST /v1/render: the renderings of `xxgk render` / `xxgk cells`
    status, headers, body = s.post_json("/v1/render", CANGNAN)
    check(status == 200 and headers["content-type"] == "text/html; charset=utf-8" and b'data-key="requests.total.total"' in body,
          "render: an HTML page with data-key")
    check("default-src 'none'" in headers.get("content-security-policy", ""), "rendered HTML has a CSP")
    _, cli_html, _ = cli("render", "--to", "html", "--findings", "--lang", "en", cangnan_path)
    status, _, body = s.post_json("/v1/render?to=html&findings=1&lang=en", CANGNAN)
    check(status == 200 and body == cli_html, "render ?findings=1&lang=en: xxgk render --findings --lang en")
    _, cli_fragment, _ = cli("render", "--to", "html-fragment", cangnan_path)
    status, _, body = s.post_json("/v1/render?to=html-fragment", CANGNAN)
    check(status == 200 and body == cli_fragment and body.startswith(b"<article"), "render html-fragment")
    _, cli_md, _ = cli("render", "--to", "md", cangnan_path)
    status, headers, body = s.post_json("/v1/render?to=markdown", CANGNAN)
    check(status == 200 and body == cli_md and headers["content-type"].startswith("text/markdown"), "render markdown")
    _, cli_cells, _ = cli("cells", cangnan_path)
    status, headers, body = s.post_json("/v1/render?to=csv", CANGNAN)
    check(status == 200 and body == cli_cells and headers["content-type"].startswith("text/csv"), "render csv: xxgk cells")
    _, cli_tables, _ = cli("render", "--to", "csv", cangnan_path)
    requests_csv = cli_tables.split(b"==> requests.csv <==\n")[1].split(b"\n==> ")[0]
    status, _, body = s.post_json("/v1/render?to=csv&table=requests", CANGNAN)
    check(status == 200 and body == requests_csv, "render csv&table=requests: the table of xxgk render --to csv")
    status, _, body = s.post_json("/v1/render?to=csv&table=nope", CANGNAN)
    check(status == 400 and "requests" in json.loads(body)["detail"], "an unknown table: 400 listing the tables")
    status, _, body = s.post_json("/v1/render?to=markdown&findings=1", CANGNAN)
    check(status == 400 and json.loads(body)["parameter"] == "findings", "findings=1 with markdown: 400")
    status, _, body = s.post_json("/v1/render?to=pdf", CANGNAN)
    check(status == 400 and json.loads(body)["parameter"] == "to", "to=pdf: 400")

    # POST /v1/aggregate
    cangnan = json.loads(CANGNAN)
    status, _, body = s.post_json("/v1/aggregate", {"parts": [cangnan, cangnan],
                                                    "header": {"body": "测试汇总", "year": 2020, "scope": "compiled"}})
    v = json.loads(body)
    check(status == 200, f"aggregate two parts: 200 (got {status} {body[:300]})")
    if status == 200:
        granted = cangnan["requests"]["granted"]["natural_person"]
        check(v["report"]["requests"]["granted"]["natural_person"] == granted * 2 if isinstance(granted, int) else True,
              "aggregate: a cell is the sum of the parts")
        check(len(v["sources"]) == 198 and v["sources"][0]["key"].startswith("proactive."), "aggregate: 198 sources (2019)")
        check(v["report"]["header"]["body"] == "测试汇总" and "findings" not in v, "aggregate: the header given, no findings")
    status, _, body = s.post_json("/v1/aggregate?lang=en", {"parts": [cangnan, cangnan], "published": cangnan})
    v = json.loads(body)
    check(status == 200 and v["errors"] > 0 and all(f["code"].startswith("XXGK-A-") for f in v["findings"]),
          "aggregate with published: XXGK-A findings")
    status, _, body = s.post_json("/v1/aggregate", {"parts": [cangnan, json.loads(SAMPLE_2021)]})
    p = json.loads(body)
    check(status == 422 and p["code"] == "wrong_format" and p["pointer"] == "/parts/1", f"parts of two formats: 422 /parts/1 {p}")
    status, _, body = s.post_json("/v1/aggregate", {"parts": [cangnan, broken]})
    p = json.loads(body)
    check(status == 422 and all(q["pointer"].startswith("/parts/1/") for q in p["problems"]) and len(p["problems"]) == 2,
          f"a bad part: its problems under /parts/1 ({p.get('problems')})")
    status, _, body = s.post_json("/v1/aggregate", {"parts": [cangnan], "extra": 1})
    p = json.loads(body)
    check(status == 422 and p["code"] == "unknown_member" and p["pointer"] == "/extra", "an unknown envelope member")
    status, _, body = s.post_json("/v1/aggregate", {"reports": []})
    check(status == 422 and any(q["code"] == "missing_member" for q in json.loads(body)["problems"]), "no parts: 422")
    status, _, body = s.post_json("/v1/aggregate", {"parts": []})
    check(status == 422 and json.loads(body)["code"] == "invalid_value", "zero parts: 422 invalid_value")
    status, _, body = s.post_json("/v1/aggregate", b'{"parts": [1], "parts": [2]}')
    check(status == 422 and json.loads(body)["code"] == "duplicate_member", "a repeated member: 422 duplicate_member")

    # POST /v1/series
    earlier = copy.deepcopy(cangnan)
    earlier["header"]["year"] = 2019
    earlier["header"].pop("statistics_period", None)
    earlier["header"].pop("title", None)
    status, _, body = s.post_json("/v1/series", {"reports": [cangnan, earlier]})
    v = json.loads(body)
    check(status == 200 and all(f["code"].startswith("XXGK-Y-") for f in v["findings"]), f"series: 200 ({status} {body[:300]})")
    status, _, body = s.post_json("/v1/series", {"reports": [cangnan, cangnan]})
    p = json.loads(body)
    check(status == 422 and p["code"] == "invalid_value" and p["pointer"] == "/reports/1", f"series of one year twice {p}")
    status, _, body = s.post_json("/v1/series", [cangnan])
    check(status == 422 and json.loads(body)["code"] == "wrong_type", "series: not an object")

    # GET /v1/schema, /v1/keys, /v1/rules, /v1/openapi.json, /metrics
    for fmt, args in (("2019", ["--format", "2019"]), ("2021", ["--format", "2021"]), ("portal", ["--portal"])):
        _, cli_schema, _ = cli("schema", *args)
        status, headers, body = s.request("GET", "/v1/schema/" + fmt)
        check(status == 200 and body == cli_schema and headers["content-type"] == "application/schema+json",
              f"schema/{fmt}: xxgk schema")
    status, _, body = s.request("GET", "/v1/schema/2022")
    check(status == 404 and json.loads(body)["code"] == "unknown-format", "schema/2022: 404")
    for fmt in ("2019", "2021"):
        _, cli_keys, _ = cli("keys", "--format", fmt)
        rows = [line.split("\t") for line in cli_keys.decode().strip().split("\n")[1:]]
        status, _, body = s.request("GET", "/v1/keys/" + fmt)
        keys = json.loads(body)
        check(status == 200 and [[k["key"], k["kind"], k["label"]] for k in keys] == rows, f"keys/{fmt}: xxgk keys")
        check([k["index"] for k in keys] == list(range(len(keys))), f"keys/{fmt}: indexes in order")
    status, _, body = s.request("GET", "/v1/keys/portal")
    check(status == 404, "keys/portal: 404")
    _, cli_rules, _ = cli("rules")
    status, _, body = s.request("GET", "/v1/rules")
    rules = json.loads(body)
    check(status == 200 and [[r["code"], r["rule"]] for r in rules] ==
          [line.split("\t")[:2] for line in cli_rules.decode().strip().split("\n")], "rules: xxgk rules")
    status, _, body = s.request("GET", "/v1/openapi.json")
    check(status == 200 and json.loads(body) == json.loads((SOURCE / "src/serve/openapi.json").read_text()),
          "openapi.json is src/serve/openapi.json")

    # Keep-alive: several requests on one connection; Expect: 100-continue
    conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30)
    for _ in range(3):
        conn.request("POST", "/v1/validate", CANGNAN, {"Content-Type": "application/json"})
        r = conn.getresponse()
        check(r.status == 200 and not r.will_close, "keep-alive: the connection stays open")
        r.read()
    conn.close()
    sock = socket.create_connection(("127.0.0.1", s.port))
    sock.settimeout(10)
    sock.sendall(b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                 b"Content-Length: %d\r\n\r\n" % len(CANGNAN))
    interim = sock.recv(100)
    check(interim == b"HTTP/1.1 100 Continue\r\n\r\n", f"Expect: 100-continue is answered ({interim!r})")
    sock.sendall(CANGNAN)
    check(status_of(sock.recv(100)) == 200, "then the body is read and answered")
    sock.close()
    # Chunked upload
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(CANGNAN[i:i + 1000]), CANGNAN[i:i + 1000]) for i in range(0, len(CANGNAN), 1000))
    out = raw(s.port, b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n" + chunked + b"0\r\n\r\n")
    check(status_of(out) == 200, "a chunked upload is read")

    m = s.metrics()
    check(m.get('xxgk_http_requests_total{endpoint="/v1/validate",status="200"}', 0) >= 5, "metrics count requests")
    check(m.get('xxgk_http_request_duration_seconds_count{endpoint="/v1/validate"}', 0) >= 5, "metrics: latency histogram")
    check('xxgk_http_in_flight_requests' in m and 'xxgk_http_rejections_total{reason="body_too_large"}' in m,
          "metrics: in-flight and rejections")


# ---------------------------------------------------------------------------------------------
# The OpenAPI check of every response

def test_openapi(s):
    status, _, body = s.request("GET", "/v1/openapi.json", record=False)
    doc = json.loads(body)
    schema_of_format = {}
    for fmt in ("2019", "2021"):
        schema_of_format[fmt] = json.loads(s.request("GET", "/v1/schema/" + fmt, record=False)[2])
    templates = [(re.compile("^" + re.sub(r"\{\w+\}", "[^/]+", p) + "$"), p) for p in doc["paths"]]
    checked = 0
    for method, path, status, headers, body in responses:
        bare = path.split("?")[0]
        template = next((t for rx, t in templates if rx.match(bare)), None)
        media = headers.get("content-type", "").split(";")[0].strip()
        if template is None:
            check(status == 404 and media == "application/problem+json", f"{path}: no path in the document, so 404")
            spec = {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        else:
            op = doc["paths"][template].get("get" if method == "HEAD" else method.lower())
            if op is None:
                check(status == 405, f"{method} {path}: no operation in the document, so 405")
                spec = {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            else:
                spec = op["responses"].get(str(status))
                if not check(spec is not None, f"{method} {path}: status {status} is in the document"):
                    continue
        if method == "HEAD":
            continue
        content = spec["content"]
        if not check(media in content, f"{method} {path} {status}: media type {media} is in the document"):
            continue
        schema = dict(content[media]["schema"], components=doc["components"])
        value = json.loads(body) if media.endswith("json") else body.decode()
        try:
            jsonschema.Draft202012Validator(schema).validate(value)
        except jsonschema.ValidationError as e:
            check(False, f"{method} {path} {status}: does not match the document: {e.message} at {list(e.absolute_path)}")
        # The reports in responses against the library's own schema of their format.
        if status == 200 and isinstance(value, dict) and isinstance(value.get("report"), dict):
            report = value["report"]
            try:
                jsonschema.Draft202012Validator(schema_of_format[report["format"]]).validate(report)
            except jsonschema.ValidationError as e:
                check(False, f"{path}: the report does not match /v1/schema/{report['format']}: {e.message}")
        checked += 1
    check(checked > 50, f"responses checked against the OpenAPI document: {checked}")
    print(f"openapi: {checked} responses checked", flush=True)


# ---------------------------------------------------------------------------------------------
# The hostile corpus posted to every endpoint

def subset(expected, actual_list, fields):
    return all(any(all(a.get(f) == e[f] for f in fields if f in e) for a in actual_list) for e in expected)


def test_hostile(s):
    all_cases = json.loads((HOSTILE / "cases.json").read_text())
    cases = {c["input"]: c for c in all_cases if "input" in c}
    files = sorted(p for p in HOSTILE.rglob("*") if p.is_file() and p.name not in ("cases.json", "make_cases.py"))
    # The cases made by a rule (too large to keep as files): made here, named by the case.
    inputs = [(p.relative_to(HOSTILE).as_posix(), p.read_bytes()) for p in files]
    for c in all_cases:
        if "generate" in c:
            g = c["generate"]
            name = "generated:" + c["name"]
            cases[name] = c
            inputs.append((name, (g["prefix"] + g["repeat"] * g["count"] + g["suffix"]).encode()))
    allowed = {200, 400, 413, 415, 422, 501}
    count = 0
    for i, (rel, data) in enumerate(inputs):
        case = cases.get(rel)
        lax = "?lax=1" if case and not case.get("options", {}).get("strict", True) else ""
        for endpoint, body, ctype in (
                ("/v1/validate" + lax, data, "application/json"),
                ("/v1/render?to=html-fragment", data, "application/json"),
                ("/v1/import" + (f"?from={case['kind']}" if case and case["kind"] != "json" else ""), data,
                 "application/octet-stream"),
                ("/v1/aggregate", b'{"parts": [' + data + b"]}", "application/json"),
                ("/v1/series", b'{"reports": [' + data + b"]}", "application/json")):
            status, headers, out = s.request("POST", endpoint, body, {"Content-Type": ctype}, record=False)
            count += 1
            check(status in allowed, f"hostile {rel} → {endpoint}: status {status}")
            if status != 200:
                p = json.loads(out)
                check(p["status"] == status and p["type"].startswith("urn:xxgk:problem:"), f"hostile {rel} → {endpoint}: problem")
            # (Cases with other decode options than lax are decoded by the server with its defaults.)
            same_options = case and set(case.get("options", {})) <= {"strict"}
            if same_options and endpoint.startswith("/v1/validate") and case["kind"] == "json":
                expect = case["expect"]
                if "problems" in expect:
                    check(status in (400, 422) and subset(expect["problems"], json.loads(out)["problems"],
                                                          ("code", "pointer", "offset")),
                          f"hostile {rel}: the library's problems {expect['problems']}")
                if "findings" in expect:
                    check(status == 200 and subset(expect["findings"], json.loads(out)["findings"],
                                                   ("code", "pointer", "actual")),
                          f"hostile {rel}: the library's findings")
            if same_options and endpoint.startswith("/v1/import") and case["kind"] != "json":
                expect = case["expect"]
                if "throws" in expect:
                    check(status != 200 and json.loads(out)["code"] == expect["throws"],
                          f"hostile {rel}: import refused with {expect['throws']} ({status})")
                if "imports" in expect:
                    v = json.loads(out) if status == 200 else {}
                    check(status == 200 and v["report"]["format"] == expect["imports"]["format"] and
                          set(expect["imports"].get("log", [])) <= {e["code"] for e in v["log"]},
                          f"hostile {rel}: imports as {expect['imports']}")
        if i % 20 == 0:
            check(s.healthy(), f"/healthz answers during the hostile corpus (at {rel})")
    check(s.healthy(), "/healthz answers after the hostile corpus")
    print(f"hostile: {len(inputs)} inputs, {count} requests", flush=True)


# ---------------------------------------------------------------------------------------------
# Malformed HTTP and the limits

def test_malformed(s):
    p = s.port
    for name, data in (
            ("bad request line", b"GARBAGE\r\n\r\n"),
            ("bad version", b"GET /healthz HTTP/7.2\r\nHost: x\r\n\r\n"),
            ("space in the target", b"GET /health z HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("bad Content-Length", b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
            ("two Content-Lengths", b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"),
            ("Content-Length and chunked", b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                           b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
            ("bad chunk size", b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n"),
            ("chunk longer than said", b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                       b"2\r\nabcdef\r\n0\r\n\r\n"),
            ("header without colon", b"GET /healthz HTTP/1.1\r\nHost x\r\n\r\n"),
            ("NUL in a header", b"GET /healthz HTTP/1.1\r\nHost: a\x00b\r\n\r\n"),
            ("HTTP/1.1 without Host", b"GET /healthz HTTP/1.1\r\n\r\n")):
        out = raw(p, data)
        check(status_of(out) == 400 and problem_of(out)["code"] == "bad-request" and b"Connection: close" in out,
              f"{name}: 400 bad-request, closed ({out[:120]!r})")
    out = raw(p, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n")
    check(status_of(out) == 431 and problem_of(out)["code"] == "header-too-large", "huge header: 431")
    out = raw(p, b"GET /healthz HTTP/1.1\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(3000)) + b"\r\n")
    check(status_of(out) == 431, "3,000 header fields: 431")
    out = raw(p, b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n")
    check(status_of(out) == 413 and problem_of(out)["code"] == "body-too-large", "Content-Length beyond the limit: 413")
    out = raw(p, b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n")
    check(status_of(out) in (400, 413), f"a chunk size beyond 64 bits: 400 or 413 ({out[:40]!r})")
    out = raw(p, b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;" + b"e=x;" * 10000 + b"\r\na\r\n0\r\n\r\n")
    check(status_of(out) in (400, 413, 431), f"chunk extensions without end: refused ({out[:40]!r})")
    # A Content-Length shorter than the body: what follows is read as the next request.
    out = raw(p, b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}garbage\r\n\r\n")
    statuses = re.findall(rb"HTTP/1\.1 (\d{3}) ", out)
    check(statuses == [b"422", b"400"], f"short Content-Length: 422 then 400 for the rest ({statuses})")
    # Pipelined requests are answered in order.
    out = raw(p, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n" * 3 + b"GET /v1/rules HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    check(re.findall(rb"HTTP/1\.1 (\d{3}) ", out) == [b"200"] * 4, "pipelined requests answered in order")
    # HTTP/1.0 without keep-alive: answered and closed.
    out = raw(p, b"GET /healthz HTTP/1.0\r\n\r\n")
    check(status_of(out) == 200 and out.endswith(b'{"status":"ok"}'), "HTTP/1.0 is answered")
    check(s.healthy(), "/healthz answers after malformed HTTP")


def test_limits_and_slow_clients(source_port_unused=None):
    # A server with small limits: 1,000-byte bodies, 1 s to send a request, 1 s idle.
    s = Server("--max-body-bytes", "1000", "--max-header-bytes", "2048", "--request-timeout", "1", "--idle-timeout", "1",
               "--access-log")
    try:
        status, _, body = s.post_json("/v1/validate", CANGNAN)
        check(status == 413 and json.loads(body)["code"] == "body-too-large", "a body beyond --max-body-bytes: 413")
        chunked = b"".join(b"64\r\n" + b"x" * 100 + b"\r\n" for _ in range(20)) + b"0\r\n\r\n"
        out = raw(s.port, b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked)
        check(status_of(out) == 413, "chunks adding up beyond --max-body-bytes: 413")
        status, _, _ = s.request("GET", "/healthz", headers={"X-Pad": "p" * 3000})
        check(status == 431, "a header beyond --max-header-bytes: 431")
        # Content-Length longer than the body: the request never ends, 408 after --request-timeout.
        out = raw(s.port, b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{}")
        check(status_of(out) == 408 and problem_of(out)["code"] == "request-timeout", "Content-Length beyond the body: 408")

        # Slow-loris: 20 clients sending a header byte every 0.2 s; /healthz keeps answering.
        slow = []
        for _ in range(20):
            c = socket.create_connection(("127.0.0.1", s.port))
            c.settimeout(10)
            slow.append(c)
        request = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"s" * 200
        answers = [b""] * len(slow)
        start = time.monotonic()
        for k in range(40):
            for j, c in enumerate(slow):
                try:
                    c.send(request[k:k + 1])
                except OSError:
                    pass
            if k % 5 == 0:
                check(s.healthy(), "/healthz answers while slow clients trickle")
            time.sleep(0.1)
        for j, c in enumerate(slow):
            try:
                while True:
                    chunk = c.recv(4096)
                    if not chunk:
                        break
                    answers[j] += chunk
            except OSError:
                pass
            c.close()
        check(all(status_of(a) == 408 for a in answers), f"every slow client got 408 ({[status_of(a) for a in answers]})")
        print(f"slow-loris: 20 clients cut after {time.monotonic() - start:.1f} s", flush=True)
        # An idle connection is closed after --idle-timeout without a word.
        c = socket.create_connection(("127.0.0.1", s.port))
        c.settimeout(10)
        check(c.recv(10) == b"", "an idle connection is closed")
        c.close()
        # A client that sends requests and does not read the responses: cut after --request-timeout.
        c = socket.socket()
        c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        c.connect(("127.0.0.1", s.port))
        c.sendall(b"GET /v1/schema/2019 HTTP/1.1\r\nHost: x\r\n\r\n" * 100)  # 100 × 110 kB of answers
        for _ in range(200):
            if s.metrics().get('xxgk_http_rejections_total{reason="write_timeout"}', 0) >= 1:
                break
            time.sleep(0.05)
        c.close()
        m = s.metrics()
        for reason, least in (("body_too_large", 2), ("header_too_large", 1), ("request_timeout", 21), ("idle_timeout", 1),
                              ("write_timeout", 1)):
            check(m.get(f'xxgk_http_rejections_total{{reason="{reason}"}}', 0) >= least, f"metric: {reason} ≥ {least}")
    finally:
        log = s.stop().split("\n")
    # --access-log: one line per request answered (the idle connection closed answered nothing).
    check(re.fullmatch(r'127\.0\.0\.1:\d+ "POST /v1/validate" 413 \d+ \d+\.\d{6}', log[0]) is not None,
          f"access log: client, request line, status, bytes, seconds ({log[0]!r})")
    check(sum(' 408 ' in line for line in log) == 21 and sum('"GET /healthz" 200 15 ' in line for line in log) >= 8,
          "access log: every request answered")
    check(any(line.endswith(" write-failed") for line in log), "access log: the response not taken is marked write-failed")


def big_report(paragraphs, size):
    """The cangnan report with its overview made of `paragraphs` paragraphs of `size` bytes each."""
    r = json.loads(CANGNAN)
    r["overview"] = {"paragraphs": ["段" * (size // 3)] * paragraphs}
    return json.dumps(r, ensure_ascii=False).encode()


def request_in_progress(s, body):
    """A connection whose request stays in progress: its client does not read a response (the report
    rendered as Markdown) larger than the socket buffers. Returns once the server counts it."""
    settle(s)  # an earlier response may be with the client before the server counts it answered
    c = socket.socket()
    c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    c.connect(("127.0.0.1", s.port))
    c.settimeout(20)
    c.sendall(b"POST /v1/render?to=markdown HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              b"Content-Length: %d\r\n\r\n" % len(body) + body)
    for _ in range(400):
        if s.metrics().get("xxgk_http_in_flight_requests", 0) >= 1:
            return c
        time.sleep(0.05)
    check(False, "the request is in progress")
    return c


def settle(s):
    """Waits until no request is in progress (/metrics does not count itself)."""
    for _ in range(400):
        try:
            if s.metrics().get("xxgk_http_in_flight_requests", 1) == 0:
                return
        except (ConnectionError, http.client.HTTPException):
            pass  # closed at once: the server still counts connections the client has closed
        time.sleep(0.05)
    check(False, "the requests in progress end")


def test_concurrency_and_imports():
    # One request at a time; imports time out after 10 ms on one worker with no queue.
    s = Server("--max-concurrent", "1", "--request-timeout", "20", "--max-connections", "8")
    try:
        # A client that does not read a response larger than the socket buffers keeps its request in progress.
        body = big_report(12, 1 << 20)
        status, _, out = s.post_json("/v1/validate", body, record=False)
        check(status == 200, f"a report with 12 MiB of prose validates ({status} {out[:200]})")
        hog = request_in_progress(s, body)
        status, headers, out = s.post_json("/v1/validate", CANGNAN)
        check(status == 429 and headers.get("retry-after") == "1" and json.loads(out)["code"] == "too-many-requests",
              f"beyond --max-concurrent: 429 with Retry-After ({status})")
        check(s.healthy(), "/healthz answers beyond --max-concurrent")
        hog.close()
        settle(s)
        # Beyond --max-connections a new connection is closed at once; the others stay open.
        conns = [socket.create_connection(("127.0.0.1", s.port)) for _ in range(10)]
        closed = 0
        for c in conns:
            c.settimeout(1)
            try:
                closed += c.recv(10) == b""
            except socket.timeout:
                pass
        for c in conns:
            c.close()
        # (At least 2: a connection of an earlier request may not be closed yet on the server's side.)
        check(closed >= 2, f"beyond --max-connections 8, at least 2 of 10 connections are closed at once ({closed})")
        settle(s)
        m = s.metrics()
        # (More when a /metrics request of settle() came while the server still counted them.)
        check(m.get('xxgk_http_rejections_total{reason="too_many_connections"}') >= closed,
              "metric: too_many_connections")
        check(m.get('xxgk_http_rejections_total{reason="too_many_requests"}') == 1, "metric: too_many_requests")
    finally:
        s.stop()
    # Imports time out after 10 ms on one worker with no queue.
    s = Server("--import-timeout", "0.01", "--import-workers", "1", "--import-queue", "0")
    try:
        # An import longer than --import-timeout: 503; while it runs on, the one worker is busy: 503 too.
        text = CANGNAN_TEXT * 900  # 16 MB of text, within the body limit: about a second of work
        status, headers, out = s.request("POST", "/v1/import", text)
        check(status == 503 and json.loads(out)["code"] == "import-timeout" and headers.get("retry-after") == "1",
              f"an import beyond --import-timeout: 503 ({status})")
        status, _, out = s.request("POST", "/v1/import", CANGNAN_TEXT)
        check(status == 503 and json.loads(out)["code"] == "import-busy", f"the worker busy with it: 503 import-busy ({status})")
        m = s.metrics()
        check(m.get('xxgk_http_rejections_total{reason="import_timeout"}') == 1, "metric: import_timeout")
        check(m.get('xxgk_http_rejections_total{reason="import_busy"}') == 1, "metric: import_busy")
        for _ in range(600):  # the abandoned import ends by itself (its work is bounded)
            m = s.metrics()
            if m.get("xxgk_import_pending") == 0:
                break
            time.sleep(0.1)
        check(m.get("xxgk_import_pending") == 0 and m.get("xxgk_import_abandoned") == 0, "the abandoned import ended")
    finally:
        s.stop()


def test_idle_connections(s):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, 4096)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    conns = []
    for _ in range(1000):
        c = socket.create_connection(("127.0.0.1", s.port))
        conns.append(c)
    check(s.healthy(), "/healthz answers with 1,000 idle connections open")
    for _ in range(100):
        if s.metrics().get("xxgk_http_open_connections", 0) >= 1000:
            break
        time.sleep(0.05)
    check(s.metrics().get("xxgk_http_open_connections", 0) >= 1000, "the 1,000 idle connections are open")
    # Some of them are used: they still work.
    for c in conns[::100]:
        c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        c.settimeout(10)
        check(status_of(c.recv(4096)) == 200, "an idle connection, used, is answered")
    status, _, _ = s.post_json("/v1/validate", CANGNAN, record=False)
    check(status == 200, "validate answers with 1,000 idle connections open")
    for c in conns:
        c.close()


def test_graceful_shutdown():
    s = Server("--request-timeout", "20")
    body = big_report(6, 1 << 20)
    idle = socket.create_connection(("127.0.0.1", s.port))
    idle.settimeout(10)
    busy = request_in_progress(s, body)
    s.proc.send_signal(signal.SIGTERM)
    check(idle.recv(10) == b"", "SIGTERM closes an idle connection")
    for _ in range(100):  # the listening socket closes
        try:
            socket.create_connection(("127.0.0.1", s.port), timeout=1).close()
            time.sleep(0.05)
        except OSError:
            break
    else:
        check(False, "SIGTERM stops accepting")
    out = b""
    while True:
        chunk = busy.recv(1 << 20)
        if not chunk:
            break
        out += chunk
    head, _, rest = out.partition(b"\r\n\r\n")
    length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
    check(status_of(out) == 200 and len(rest) == length,
          f"the request in progress at SIGTERM is answered whole, then the connection closed ({head[:200]!r}, "
          f"{len(rest)} of {length} bytes)")
    check(s.proc.wait(timeout=30) == 0, "xxgk serve exits 0 after SIGTERM")


# ---------------------------------------------------------------------------------------------
# docs/serve.md: every console block run against a live server

def test_docs(s):
    sys.path.insert(0, str(SOURCE / "tests" / "docs"))
    from check_docs import blocks, shown_matches  # the docs test's own reading of pages and outputs
    page = SOURCE / "docs" / "serve.md"
    env = dict(os.environ, PATH=f"{os.path.dirname(XXGK)}:{os.environ.get('PATH', '')}", LC_ALL="C.UTF-8")
    ran = 0
    for line, lang, text in blocks(page):
        if lang == "json":
            json.loads(text)
            continue
        if lang not in ("", "sh", "console") or not any(l.startswith("$ ") for l in text.split("\n")):
            continue
        commands = []
        for l in text.rstrip("\n").split("\n"):
            if l.startswith("$ "):
                commands.append((l[2:], []))
            elif commands:
                commands[-1][1].append(l)
        for command, shown in commands:
            if command.startswith("xxgk serve"):
                continue  # the server this test runs
            while shown and shown[-1] == "":
                shown.pop()
            command = command.replace("127.0.0.1:8080", f"127.0.0.1:{s.port}")
            r = subprocess.run(["bash", "-c", command], cwd=SOURCE, env=env, capture_output=True, text=True, timeout=60)
            actual = (r.stdout + r.stderr).rstrip("\n").split("\n") if (r.stdout + r.stderr) else []
            ran += 1
            check(shown_matches(shown, actual),
                  f"docs/serve.md:{line}: `{command}` printed:\n" + "\n".join(actual[:30]) + "\n--- the page shows:\n" +
                  "\n".join(shown[:30]))
    check(ran >= 8, f"docs/serve.md: {ran} commands run")
    print(f"docs: {ran} commands of docs/serve.md run", flush=True)


def test_command_line(s):
    """Bad --listen values and a port in use: exit 2 with a message, nothing served."""
    for listen, message in (("nonsense", "expected ADDRESS:PORT"), ("127.0.0.1:99999", "from 0 to 65535"),
                            ("example.org:80", "not an IP address"),
                            (f"127.0.0.1:{s.port}", f"cannot listen on 127.0.0.1:{s.port}: Address already in use")):
        r = subprocess.run([XXGK, "serve", "--listen", listen], capture_output=True, text=True, timeout=30)
        check(r.returncode == 2 and message in r.stderr and r.stdout == "", f"--listen {listen}: exit 2, {r.stderr!r}")


def test_unit_file():
    """examples/serve/xxgk-serve.service: systemd accepts it (run against this build's xxgk), and it
    gives the service no writable path."""
    import tempfile
    text = (SOURCE / "examples" / "serve" / "xxgk-serve.service").read_text()
    for setting in ("DynamicUser=yes", "ProtectSystem=strict", "NoNewPrivileges=yes"):
        check(setting in text, f"the unit sets {setting}")
    check(not re.search(r"^(ReadWritePaths|StateDirectory|CacheDirectory|LogsDirectory|RuntimeDirectory)=", text, re.M),
          "the unit gives no writable path")
    with tempfile.TemporaryDirectory() as d:
        unit = Path(d) / "xxgk-serve.service"
        unit.write_text(text.replace("/usr/local/bin/xxgk", XXGK))
        r = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True)
        check(r.returncode == 0 and "xxgk-serve.service" not in r.stderr, f"systemd-analyze verify: {r.stderr[-1000:]}")


def main():
    s = Server()
    try:
        test_endpoints(s)
        test_malformed(s)
        test_hostile(s)
        test_idle_connections(s)
        test_docs(s)
        test_command_line(s)
        test_openapi(s)
        hwm = s.vm_hwm_kib()
        print(f"peak RSS (VmHWM) of the main server: {hwm / 1024:.1f} MiB", flush=True)
        # (Under AddressSanitizer — scripts/run-sanitizers sets ASAN_OPTIONS — its shadow memory and
        # quarantine make the figure meaningless: it is printed, not bounded.)
        check(0 < hwm and ("ASAN_OPTIONS" in os.environ or hwm < 512 * 1024), f"peak RSS bounded: {hwm} KiB")
    finally:
        s.stop()
    test_unit_file()
    test_limits_and_slow_clients()
    test_concurrency_and_imports()
    test_graceful_shutdown()
    if failures:
        print(f"{len(failures)} failures", file=sys.stderr)
        return 1
    print("all serve checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
