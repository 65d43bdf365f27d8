#!/usr/bin/python3
"""ctest test schema.validate: the generated JSON Schema against Debian's python3-jsonschema.

    check_schema.py XXGK SOURCE_DIR

- `xxgk schema --format 2019|2021` is a valid draft 2020-12 schema (Draft202012Validator.check_schema);
- the example reports and every document of tests/data/json/valid validate (lax-unknown-members
  only in lax mode, so not against the strict schema);
- broken documents do not: a missing cell, a wrong type, an unknown member, a row of the other
  format, and every document of tests/data/json/invalid (except the few things a schema cannot
  say, listed in SCHEMA_CANNOT_SEE) — and `xxgk convert` rejects each of them as well, so schema
  and decoder agree;
- every cell key of `xxgk keys` is a property of the schema.
"""
import copy
import glob
import json
import os
import subprocess
import sys

import jsonschema

# Documents the decoder rejects but JSON Schema cannot (docs/render.md § JSON Schema).
SCHEMA_CANNOT_SEE = {
    "duplicate-cell.json": "a member repeated in one object: JSON parsers keep one",
    "duplicate-escaped-name.json": "a member repeated in one object",
    "duplicate-format.json": "a member repeated in one object",
    "duplicate-header-member.json": "a member repeated in one object",
    "year-exponent.json": "2.02e3 is an integer to JSON Schema, a number with an exponent to the decoder",
}

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL", message, file=sys.stderr)


def decoder_accepts(xxgk, document_text):
    r = subprocess.run([xxgk, "convert", "-"], input=document_text.encode("utf-8"), capture_output=True, timeout=60)
    return r.returncode == 0


def main():
    xxgk, source = sys.argv[1], sys.argv[2]
    schemas = {}
    for fmt in ("2019", "2021"):
        text = subprocess.run([xxgk, "schema", "--format", fmt], check=True, capture_output=True).stdout
        schema = json.loads(text)
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[fmt] = jsonschema.Draft202012Validator(schema)
        # Every cell key is a property: /properties/<section>/properties/<row>/properties/<column>.
        keys = subprocess.run([xxgk, "keys", "--format", fmt], check=True, capture_output=True).stdout.decode().splitlines()[1:]
        for line in keys:
            section, row, column = line.split("\t")[0].split(".")
            try:
                schema["properties"][section]["properties"][row]["properties"][column]
            except KeyError:
                expect(False, "%s: cell key %s.%s.%s is not in the schema" % (fmt, section, row, column))
        expect(len(keys) == {"2019": 198, "2021": 200}[fmt], "%s: %d keys" % (fmt, len(keys)))

    # Portal files (docs/portal.md): their own schema, `xxgk schema --portal`.
    portal_schema = json.loads(subprocess.run([xxgk, "schema", "--portal"], check=True, capture_output=True).stdout)
    jsonschema.Draft202012Validator.check_schema(portal_schema)
    portal_validator = jsonschema.Draft202012Validator(portal_schema)
    portal_files = glob.glob(os.path.join(source, "examples/data/*.json")) + glob.glob(os.path.join(source, "tests/data/portal/*.json"))
    for path in sorted(portal_files):
        document = json.load(open(path, encoding="utf-8"))
        if not (isinstance(document, dict) and document.get("kind") == "portal"):
            continue
        text = open(path, encoding="utf-8").read()
        errs = list(portal_validator.iter_errors(document))
        accepted = decoder_accepts(xxgk, text)
        expect(accepted == (not errs), "%s: schema (%d errors) and decoder (%s) disagree" % (os.path.basename(path), len(errs), accepted))
    expect(list(portal_validator.iter_errors({"kind": "portal", "departments": [{"id": "d"}]})), "portal: a department without name validates")

    def errors(document):
        if isinstance(document, dict) and document.get("kind") == "portal":
            return list(portal_validator.iter_errors(document))
        fmt = document.get("format") if isinstance(document, dict) else None
        validators = [schemas[fmt]] if fmt in schemas else list(schemas.values())
        return min((list(v.iter_errors(document)) for v in validators), key=len)

    # Valid documents.
    valid = glob.glob(os.path.join(source, "examples/data/*.json")) + glob.glob(os.path.join(source, "tests/data/json/valid/*.json"))
    for path in sorted(valid):
        name = os.path.basename(path)
        if name == "lax-unknown-members.json":
            continue
        errs = errors(json.load(open(path, encoding="utf-8")))
        expect(not errs, "%s does not validate: %s" % (name, [e.message[:160] for e in errs[:3]]))

    # Broken documents made from the examples: each fails the schema and the decoder alike.
    cangnan = json.load(open(os.path.join(source, "examples/data/cangnan-2020.json"), encoding="utf-8"))
    sample = json.load(open(os.path.join(source, "examples/data/sample-2021.json"), encoding="utf-8"))

    def broken(base, change):
        d = copy.deepcopy(base)
        change(d)
        return d

    cases = {
        "missing cell": broken(cangnan, lambda d: d["requests"]["granted"].pop("total")),
        "missing row": broken(sample, lambda d: d["requests"].pop("other_misc")),
        "missing header.body": broken(cangnan, lambda d: d["header"].pop("body")),
        "cell of the wrong type (string)": broken(cangnan, lambda d: d["requests"]["granted"].__setitem__("total", "119")),
        "cell of the wrong type (fraction)": broken(cangnan, lambda d: d["requests"]["granted"].__setitem__("total", 1.5)),
        "year as a string": broken(cangnan, lambda d: d["header"].__setitem__("year", "2020")),
        "unknown header member": broken(sample, lambda d: d["header"].__setitem__("editor", "x")),
        "unknown cell member": broken(sample, lambda d: d["requests"]["granted"].__setitem__("total", {"value": 1, "note": "x"})),
        "unknown top-level member": broken(cangnan, lambda d: d.__setitem__("appendix", [])),
        "2019 row in a 2021 report": broken(sample, lambda d: d["requests"].__setitem__("other", cangnan["requests"]["other"])),
        "2021 row in a 2019 report": broken(cangnan, lambda d: d["requests"].__setitem__("other_misc", sample["requests"]["other_misc"])),
        "procurement in a 2021 report": broken(sample, lambda d: d["proactive"].__setitem__("procurement", cangnan["proactive"]["procurement"])),
        "processing_fees in a 2019 report": broken(cangnan, lambda d: d.__setitem__("processing_fees", {"charged": False})),
        "format 2020": broken(cangnan, lambda d: d.__setitem__("format", "2020")),
        "value with a blank state": broken(cangnan, lambda d: d["requests"]["granted"].__setitem__("total", {"state": "blank", "value": 1})),
        "unit without a value": broken(cangnan, lambda d: d["requests"]["granted"].__setitem__("total", {"state": "text", "raw": "x", "unit": "yuan"})),
        "state number without a value": broken(cangnan, lambda d: d["requests"]["granted"].__setitem__("total", {"state": "number"})),
        "empty cell object": broken(cangnan, lambda d: d["requests"]["granted"].__setitem__("total", {})),
        "decimal as a float": broken(cangnan, lambda d: d["proactive"]["procurement"].__setitem__("amount", {"value": 17424.88})),
        "decimal with an exponent": broken(cangnan, lambda d: d["proactive"]["procurement"].__setitem__("amount", {"value": "1e3"})),
        "unknown enum": broken(cangnan, lambda d: d["header"].__setitem__("scope", "global")),
        "February 30": broken(cangnan, lambda d: d["header"]["signature"].__setitem__("date", "2021-02-30")),
        "February 29 of 2021": broken(cangnan, lambda d: d["header"]["signature"].__setitem__("date", "2021-02-29")),
        "negative after_subsection": broken(cangnan, lambda d: d["overview"]["foreign_blocks"][0].__setitem__("after_subsection", -1)),
    }
    for what, document in cases.items():
        expect(errors(document), "broken document validates: " + what)
        expect(not decoder_accepts(xxgk, json.dumps(document, ensure_ascii=False)), "decoder accepts: " + what)
    # …and the leap day of a leap year is fine for both.
    leap = broken(sample, lambda d: d["header"]["signature"].__setitem__("date", "2024-02-29"))
    expect(not errors(leap) and decoder_accepts(xxgk, json.dumps(leap, ensure_ascii=False)), "2024-02-29 rejected")

    # Every malformed document of the codec's tests.
    for path in sorted(glob.glob(os.path.join(source, "tests/data/json/invalid/*.json"))):
        name = os.path.basename(path)
        raw = open(path, "rb").read()
        try:
            document = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            continue  # not JSON at all: nothing for a schema to say
        if name in SCHEMA_CANNOT_SEE:
            expect(not errors(document), "%s is now rejected by the schema: update SCHEMA_CANNOT_SEE" % name)
            continue
        expect(errors(document), "%s validates against the schema although the decoder rejects it" % name)

    if failures:
        print("%d failures" % len(failures), file=sys.stderr)
        return 1
    print("schema checks passed: %d broken documents, %d valid" % (len(cases), len(valid)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
