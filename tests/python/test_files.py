"""Files in Python (issue 16, items 1, 2, 6, 7, 8): one bounded reader for every function that
takes a path, is_portal_json within the limit, generate's range, corpus walks that lose nothing,
atomic dumps."""

import errno
import os
import shutil

import pytest

import xxgk
import xxgk.dask
from conftest import CANGNAN, SAMPLE

JSON_LIMIT = 64 << 20
IMPORT_LIMIT = 16 << 20

PATH_FUNCTIONS = [xxgk.load, xxgk.load_portal, xxgk.import_file, xxgk.dask.read_report]


@pytest.mark.parametrize("function", PATH_FUNCTIONS, ids=lambda f: f.__module__ + "." + f.__name__)
def test_devices_fifos_and_directories_are_refused_before_reading(function, tmp_path):
    with pytest.raises(OSError) as info:
        function("/dev/zero")  # would grow until MemoryError if read
    assert "character device" in str(info.value) and info.value.errno == errno.EINVAL
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(OSError) as info:
        function(fifo)  # nobody writes: opening it would block
    assert "FIFO" in str(info.value)
    with pytest.raises(IsADirectoryError):
        function(tmp_path)
    with pytest.raises(FileNotFoundError) as info:
        function(tmp_path / "missing.json")
    assert info.value.filename == str(tmp_path / "missing.json")


@pytest.mark.parametrize("function, limit", [(xxgk.load, JSON_LIMIT), (xxgk.load_portal, JSON_LIMIT),
                                             (xxgk.import_file, IMPORT_LIMIT)])
def test_files_over_the_limit_are_refused_by_their_size(function, limit, tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(limit + 1)  # sparse: refused before a byte is read
    with pytest.raises(xxgk.ValidationError) as info:
        function(big)
    (error,) = info.value.errors()
    assert error["type"] == "limit_exceeded"
    assert f"is {limit + 1} bytes, more than the limit of {limit}" in error["msg"]
    assert info.value.path == str(big)


def test_a_link_to_a_file_is_read(tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to(SAMPLE)
    assert xxgk.load(link) == xxgk.load(SAMPLE)


def test_is_portal_json_checks_the_limit_first_and_reads_the_first_members():
    head = b'{"kind":"portal"}'
    assert xxgk.is_portal_json(head + b" " * (JSON_LIMIT - len(head)))
    assert not xxgk.is_portal_json(head + b" " * (JSON_LIMIT - len(head) + 1))
    assert xxgk.is_portal_json(b'{"kind":"portal", \x01 what follows is not looked at')
    assert not xxgk.is_portal_json(b"[" + b"1," * 100000)


@pytest.mark.parametrize("count", [-1, 10**20, 100_000_001])  # the C++ max_generate_count + 1
def test_generate_refuses_counts_out_of_range(count):
    with pytest.raises((ValueError, OverflowError)):
        xxgk.generate("2021", count, seed=1)


def _bad_corpus(root):
    (root / "a").mkdir(parents=True)
    (root / "z").mkdir()
    shutil.copy(CANGNAN, root / "a" / "r1.json")
    shutil.copy(SAMPLE, root / "z" / "r2.json")  # after every bad entry
    os.mkfifo(root / "a" / "pipe.json")
    (root / "a" / "gone.json").symlink_to(root / "nowhere.json")
    # A directory whose path is beyond PATH_MAX: opening it fails even for root.
    fd = os.open(root, os.O_RDONLY)
    for _ in range(25):
        os.mkdir("d" * 200, dir_fd=fd)
        deeper = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = deeper
    os.close(fd)


def test_corpus_files_lists_what_cannot_be_read_and_goes_on(tmp_path):
    root = tmp_path / "corpus"
    _bad_corpus(root)
    files = xxgk.corpus_files(root)
    assert "a/gone.json" in files and "a/pipe.json" in files and "z/r2.json" in files
    (unlisted,) = [f for f in files if f.startswith("d" * 200 + "/")]  # beyond PATH_MAX: cannot be examined
    assert len(files) == 5
    os.system(f"rm -rf '{root}'")  # a path beyond PATH_MAX


def test_run_corpus_reports_every_unreadable_entry_and_skips_its_own_output(tmp_path):
    root = tmp_path / "corpus"
    _bad_corpus(root)
    out = root / "out"  # inside the corpus
    summary = xxgk.run_corpus(root, out, jobs=2, lang="en")
    assert summary["reports"] == 2 and summary["unreadable"] == 3 and summary["unusable"] == 3
    errors = (out / "errors.csv").read_text(encoding="utf-8")
    assert "\na/gone.json,io_error," in errors and "\na/pipe.json,io_error," in errors
    assert "for reading: file name too long" in errors
    again = xxgk.run_corpus(root, out, jobs=2, lang="en")  # out/summary.json is not read
    assert again["files"] == summary["files"] == 5
    os.system(f"rm -rf '{root}'")  # a path beyond PATH_MAX


def test_dump_is_atomic(tmp_path):
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    report = xxgk.load(SAMPLE)
    report.dump(path)
    assert path.read_bytes() == SAMPLE.read_bytes() or path.read_text(encoding="utf-8") == report.dumps() + "\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary file left
    with pytest.raises(IsADirectoryError):
        report.dump(tmp_path)
    with pytest.raises(FileNotFoundError):
        report.dump(tmp_path / "no" / "such.json")
    assert path.read_text(encoding="utf-8") == report.dumps() + "\n"
