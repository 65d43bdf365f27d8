"""ctypes_test — libxxgk.so from a host that knows nothing of C++.

Stands in for JNA, P/Invoke or cgo: it declares the C signatures itself, loads the shared
library by path, and does load -> validate -> read issues -> free, plus the error path and the
struct-based calls, exactly as a Java or .NET binding would.

    /usr/bin/python3 ctypes_test.py path/to/libxxgk.so path/to/examples/data
"""
import ctypes as C
import json
import os
import sys
import unittest

LIB_PATH, DATA_DIR = sys.argv[1], sys.argv[2]
lib = C.CDLL(LIB_PATH)

# ---- the declarations a binding writes (from xxgk.h) ----------------------------------------
report_p = C.c_void_p
issues_p = C.c_void_p
error_p = C.c_void_p
size_p = C.POINTER(C.c_size_t)


def fn(name, restype, *argtypes):
    f = getattr(lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


class LoadOptions(C.Structure):
    _fields_ = [("version", C.c_uint), ("keep_unknown_members", C.c_int),
                ("max_input_bytes", C.c_size_t), ("max_depth", C.c_size_t)]


class Cell(C.Structure):
    _fields_ = [("version", C.c_uint), ("state", C.c_int), ("kind", C.c_int), ("unit", C.c_int),
                ("coefficient", C.c_longlong), ("scale", C.c_int), ("value_text", C.c_char * 48),
                ("raw", C.c_char_p), ("raw_len", C.c_size_t)]


class Problem(C.Structure):
    _fields_ = [("version", C.c_uint), ("status", C.c_int), ("pointer", C.c_char_p), ("pointer_len", C.c_size_t),
                ("message", C.c_char_p), ("message_len", C.c_size_t), ("offset", C.c_size_t),
                ("line", C.c_size_t), ("column", C.c_size_t)]


XXGK_OK, XXGK_E_WRONG_TYPE, XXGK_E_UNKNOWN_KEY, XXGK_E_INVALID_UTF8 = 0, 2, 8, 101
XXGK_CELL_BLANK, XXGK_CELL_NUMBER = 0, 1
XXGK_SEVERITY_ERROR, XXGK_LANG_ZH, XXGK_LANG_EN = 2, 0, 1
NO_OFFSET = C.c_size_t(-1).value

version_number = fn("xxgk_version_number", C.c_ulong)
version_string = fn("xxgk_version_string", C.c_char_p)
status_name = fn("xxgk_status_name", C.c_char_p, C.c_int)
free = fn("xxgk_free", None, C.c_void_p)
error_free = fn("xxgk_error_free", None, error_p)
error_status = fn("xxgk_error_status", C.c_int, error_p)
error_message = fn("xxgk_error_message", C.c_char_p, error_p, size_p)
error_location = fn("xxgk_error_location", C.c_char_p, error_p, size_p)
error_offset = fn("xxgk_error_offset", C.c_size_t, error_p)
error_count = fn("xxgk_error_count", C.c_size_t, error_p)
error_problem_at = fn("xxgk_error_problem_at", C.c_int, error_p, C.c_size_t, C.POINTER(Problem))
report_from_json = fn("xxgk_report_from_json", C.c_int, C.POINTER(report_p), C.c_char_p, C.c_size_t,
                      C.POINTER(LoadOptions), C.POINTER(error_p))
report_to_json = fn("xxgk_report_to_json", C.c_int, report_p, C.POINTER(C.c_void_p), size_p, C.POINTER(error_p))
report_free = fn("xxgk_report_free", None, report_p)
report_format = fn("xxgk_report_format", C.c_int, report_p)
report_validate = fn("xxgk_report_validate", C.c_int, report_p, C.c_void_p, C.POINTER(issues_p), C.POINTER(error_p))
issues_free = fn("xxgk_issues_free", None, issues_p)
issues_count = fn("xxgk_issues_count", C.c_size_t, issues_p)
issues_error_count = fn("xxgk_issues_error_count", C.c_size_t, issues_p)
issues_severity = fn("xxgk_issues_severity", C.c_int, issues_p, C.c_size_t)
issues_message = fn("xxgk_issues_message", C.c_char_p, issues_p, C.c_size_t, C.c_int, size_p)
issues_cell_count = fn("xxgk_issues_cell_count", C.c_size_t, issues_p, C.c_size_t)
issues_cell_at = fn("xxgk_issues_cell_at", C.c_char_p, issues_p, C.c_size_t, C.c_size_t, size_p)
issues_to_json = fn("xxgk_issues_to_json", C.c_int, issues_p, C.POINTER(C.c_void_p), size_p, C.POINTER(error_p))
issue_strings = {name: fn("xxgk_issues_" + name, C.c_char_p, issues_p, C.c_size_t, size_p)
                 for name in ("code", "rule", "key", "pointer", "expected", "actual", "caused_by")}
cell_get = fn("xxgk_cell_get", C.c_int, report_p, C.c_char_p, C.c_size_t, C.POINTER(Cell), C.POINTER(error_p))
cell_set_decimal = fn("xxgk_cell_set_decimal", C.c_int, report_p, C.c_char_p, C.c_size_t, C.c_char_p, C.c_size_t,
                      C.c_int, C.POINTER(error_p))
field_get = fn("xxgk_field_get", C.c_int, report_p, C.c_char_p, C.c_size_t, C.POINTER(C.c_void_p), size_p,
               C.POINTER(error_p))
key_count = fn("xxgk_key_count", C.c_size_t, C.c_int)


def utf8(s):
    return s.encode("utf-8")


def take_buffer(ptr, length):
    """Copies a library buffer into Python and releases it with xxgk_free."""
    try:
        return C.string_at(ptr, length).decode("utf-8")
    finally:
        free(ptr)


def load(name, options=None):
    with open(os.path.join(DATA_DIR, name), "rb") as f:
        data = f.read()
    report, err = report_p(), error_p()
    status = report_from_json(C.byref(report), data, len(data), options, C.byref(err))
    if status != XXGK_OK:
        message = error_message(err, None).decode()
        error_free(err)
        raise RuntimeError(message)
    return report


def issue_list(issues):
    out = []
    for i in range(issues_count(issues)):
        n = C.c_size_t()
        item = {name: f(issues, i, C.byref(n)).decode("utf-8") for name, f in issue_strings.items()}
        item["severity"] = issues_severity(issues, i)
        item["message_zh"] = issues_message(issues, i, XXGK_LANG_ZH, None).decode("utf-8")
        item["message_en"] = issues_message(issues, i, XXGK_LANG_EN, None).decode("utf-8")
        item["cells"] = [issues_cell_at(issues, i, j, None).decode() for j in range(issues_cell_count(issues, i))]
        out.append(item)
    return out


class CtypesHost(unittest.TestCase):
    def test_version(self):
        self.assertEqual(version_string().decode(), "%d.%d.%d" % (
            version_number() // 10000, version_number() // 100 % 100, version_number() % 100))
        self.assertEqual(status_name(8), b"unknown_key")

    def test_load_validate_read_free(self):
        report = load("cangnan-2020.json")
        try:
            self.assertEqual(report_format(report), 2019)
            issues, err = issues_p(), error_p()
            self.assertEqual(report_validate(report, None, C.byref(issues), C.byref(err)), XXGK_OK)
            self.assertIsNone(err.value)
            try:
                found = issue_list(issues)
                self.assertEqual(issues_error_count(issues), 1)
                errors = [f for f in found if f["severity"] == XXGK_SEVERITY_ERROR]
                self.assertEqual(len(errors), 1)
                self.assertEqual(errors[0]["code"], "XXGK-T3-004")
                self.assertEqual(errors[0]["key"], "requests.withheld_prohibited_by_law.total")
                self.assertEqual(errors[0]["pointer"], "/requests/withheld_prohibited_by_law/total")
                self.assertIn("其他法律行政法规禁止公开", errors[0]["message_zh"])
                self.assertEqual(len(errors[0]["cells"]), 7)
                # The whole list as JSON agrees with the accessors.
                buf, n = C.c_void_p(), C.c_size_t()
                self.assertEqual(issues_to_json(issues, C.byref(buf), C.byref(n), None), XXGK_OK)
                as_json = json.loads(take_buffer(buf, n.value))
                self.assertEqual([f["code"] for f in as_json], [f["code"] for f in found])
                self.assertEqual([f["cells"] for f in as_json], [f["cells"] for f in found])
            finally:
                issues_free(issues)
        finally:
            report_free(report)

    def test_clean_report_and_round_trip(self):
        report = load("sample-2021.json")
        try:
            issues = issues_p()
            self.assertEqual(report_validate(report, None, C.byref(issues), None), XXGK_OK)
            self.assertEqual(issues_error_count(issues), 0)
            issues_free(issues)
            buf, n = C.c_void_p(), C.c_size_t()
            self.assertEqual(report_to_json(report, C.byref(buf), C.byref(n), None), XXGK_OK)
            text = take_buffer(buf, n.value)
            self.assertEqual(json.loads(text)["format"], "2021")
        finally:
            report_free(report)

    def test_cells_and_fields(self):
        report = load("sample-2021.json")
        try:
            cell = Cell(version=1)
            err = error_p()
            key = b"proactive.fees.amount"
            self.assertEqual(cell_set_decimal(report, key, len(key), b"17424.88", 8, 2, C.byref(err)), XXGK_OK)
            self.assertEqual(cell_get(report, key, len(key), C.byref(cell), C.byref(err)), XXGK_OK)
            self.assertEqual((cell.state, cell.coefficient, cell.scale, cell.unit), (XXGK_CELL_NUMBER, 1742488, 2, 2))
            self.assertEqual(cell.value_text, b"17424.88")
            buf, n = C.c_void_p(), C.c_size_t()
            self.assertEqual(field_get(report, b"header.body", 11, C.byref(buf), C.byref(n), None), XXGK_OK)
            self.assertEqual(take_buffer(buf, n.value), "示例市生态环境局")
            # A wrong key: status, location and message through the error object.
            self.assertEqual(cell_get(report, b"requests.other.total", 20, C.byref(cell), C.byref(err)),
                             XXGK_E_UNKNOWN_KEY)
            self.assertEqual(error_location(err, None), b"requests.other.total")
            self.assertIn(b"2019", error_message(err, None))
            error_free(err)
            self.assertEqual(key_count(2019), 198)
            self.assertEqual(key_count(2021), 200)
        finally:
            report_free(report)

    def test_decode_errors(self):
        bad = utf8('{"format": "2021", "header": {"body": 7, "year": "2022"}}')
        report, err = report_p(), error_p()
        self.assertEqual(report_from_json(C.byref(report), bad, len(bad), None, C.byref(err)), XXGK_E_WRONG_TYPE)
        self.assertIsNone(report.value)
        try:
            self.assertEqual(error_status(err), XXGK_E_WRONG_TYPE)
            self.assertEqual(error_location(err, None), b"/header/body")
            pointers = []
            for i in range(error_count(err)):
                p = Problem(version=1)
                self.assertEqual(error_problem_at(err, i, C.byref(p)), XXGK_OK)
                pointers.append(p.pointer.decode())
            self.assertIn("/header/year", pointers)
            self.assertIn("/requests", pointers)
        finally:
            error_free(err)
        # Invalid UTF-8, with its byte offset.
        bad = b'{"format": "\xff"}'
        self.assertEqual(report_from_json(C.byref(report), bad, len(bad), None, C.byref(err)), XXGK_E_INVALID_UTF8)
        self.assertEqual(error_offset(err), 12)
        error_free(err)
        # Options with a version the library does not know.
        options = LoadOptions(version=99)
        data = b"{}"
        self.assertEqual(report_from_json(C.byref(report), data, 2, C.byref(options), C.byref(err)), 100)
        error_free(err)
        # NULL everywhere: a status, no crash.
        self.assertEqual(report_from_json(None, None, 0, None, None), 100)
        self.assertEqual(issues_count(None), 0)
        report_free(None)
        issues_free(None)
        error_free(None)
        free(None)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
