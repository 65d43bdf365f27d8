#!/usr/bin/python3
"""Every code block of README.md and docs/*.md is a tested example (issue 17): docs cannot drift.

One mechanism for every block, chosen by its fence language and content:

- ``python``: the blocks of one page run in order in one namespace (as a reader types them), from a
  scratch directory holding ``examples/`` of the source tree, with a few names a page assumes
  already bound (``report``, ``reports``, ``paths``, ``parts`` — see PRELUDE). An expression on
  one line whose comment shows a value (``report.year   # 2020``: a Python literal, or a repr such
  as ``Cell(116)``, ``…`` matching anything; commentary after `` — `` or three spaces is not part
  of it) is evaluated and its repr compared with what the page shows; a comment in prose is not.
- ``c``: a fragment is compiled inside ``int main(void)`` (with xxgk.h, stdio.h, string.h) against
  the built C library and run; a ``#include`` block is compiled as it is.
- ``cpp``: a whole program (``int main``) is compiled against the C++ library and run; a fragment
  is compiled inside a function (it must at least compile).
- console blocks (no language, or ``sh``, whose lines start with ``$ ``): every ``$ xxgk …`` command
  is run with the built ``xxgk`` and its output compared with the lines shown under it (``…`` in a
  shown line matches anything; a line that is only ``…`` matches any number of lines; a command
  marked ``# reformatted here`` is run, not compared). ``$ echo $?`` checks the exit code shown.
- ``java``: a whole program (one with ``class``) is compiled against the built jar
  (``<build>/bindings/java/xxgk.jar``, JNA) and run from the scratch directory; a fragment is run
  inside ``main`` with ``org.xxgk.*`` imported (JAVA_PRELUDE). Without a Java
  build (XXGK_BUILD_JAVA off) the Java blocks are reported as skipped.
- ``json``: must parse.

A block that cannot run here (builds, installs, a browser, a made-up path, output kept as a
record of a past run) is listed in NOT_RUN below with the reason: the list is the whole set of
exceptions, and a block neither run nor listed fails the test — so a new block is tested or
explained. Usage: check_docs.py --source DIR --build DIR [--cc CC] [--cxx CXX]
"""

import argparse
import ast
import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import traceback
from pathlib import Path

# (page, first line of the block) → why it is not run here. Keep it short and true.
NOT_RUN = {
    ("README.md", "#include <xxgk/xxgk.hpp>"):
        "examples/cpp/readme.cpp, built with the project: example.readme runs it, example.readme_in_sync compares the page",
    ("README.md", "scripts/run-example     # install what is missing, build, validate the bundled example report"):
        "builds the project (what the whole test run does)",
    ("README.md", "/usr/bin/python3 -m pip install --no-build-isolation --no-index --break-system-packages ./bindings/python"):
        "installs into the system (tests/python runs against the build's package)",
    ("README.md", "find_package(xxgk 0.1 CONFIG REQUIRED)"): "run by packaging.static.readme against an installed prefix",
    ("README.md", "add_subdirectory(third_party/xxgk EXCLUDE_FROM_ALL)"): "the packaging.add_subdirectory test builds it",
    ("README.md", "c++ my_app.cpp $(pkg-config --cflags --libs xxgk-cpp) -o my_app   # C++ API (libxxgkcpp)"):
        "run by packaging.static.readme against an installed prefix",
    ("docs/c-api.md", "cmake -S . -B build -DXXGK_BUILD_C_API=ON     # scripts/bootstrap turns it on"): "builds the project",
    ("docs/c-api.md", "cc -std=c89 my_host.c $(pkg-config --cflags --libs xxgk) -o my_host"): "run by packaging.static.c_pkg_config",
    ("docs/c-api.md", "cmake --build build --target xxgk_c_abi_baseline"): "rewrites the committed ABI baseline",
    ("docs/c-api.md", "error XXGK-T3-004 requests.withheld_prohibited_by_law.total"): "output of examples/c/validate.c: example.c_validate checks it",
    ("docs/cli.md", "xxgk [--help] [--version] SUBCOMMAND ..."): "synopsis, not a command",
    ("docs/perf-import.md", None): "a profiling run with valgrind on a Release benchmark build (bench/)",
    ("docs/performance.md", None): "benchmark runs and their recorded output (bench/, run by hand)",
    ("docs/python.md", "/usr/bin/python3 -m pip install --no-build-isolation --no-index --break-system-packages ./bindings/python"):
        "installs into the system",
    ("docs/python.md", "cmake -S . -B build -G Ninja -DXXGK_BUILD_PYTHON=ON -DPython3_EXECUTABLE=/usr/bin/python3"): "builds the project",
    ("docs/render.md", "/usr/bin/python3 tests/browser/browser_check.py --xxgk build/xxgk --chromium chromium --source . --work build/render"):
        "the browser.render test runs it",
    ("docs/render.md", '<td class="xxgk-value xxgk-number" data-key="requests.granted.natural_person">116</td>'):
        "a fragment of rendered HTML (test_render.py checks the markup)",
    ("docs/scale.md", "$ xxgk corpus /data/reports -o out --lang en      # every core; --jobs 1 for one"): "a made-up directory",
    ("docs/multi.md", "$ xxgk corpus reports/ -o out --lang en"): "a made-up directory",
    ("docs/cli.md", "$ xxgk corpus reports/ -o out --lang en"): "a made-up directory",
    ("docs/cli.md", "$ xxgk import 2023/ -o json/ --no-info                    # a directory: one JSON per file"):
        "a made-up directory of 42 published files",
    ("docs/import.md", "enum class source_kind { text, html, pdf, docx, image };"): "an abridged excerpt of include/xxgk/import.hpp",
    ("docs/python.md", "4 validation errors for Report"): "the output of the block above, shown for reading",
    ("docs/render.md", "/usr/bin/python3 tests/browser/browser_check.py --xxgk build/xxgk --chromium chromium --source . \\"):
        "regenerates a picture of docs/ in a browser (the browser.render test runs the same check)",
    ("docs/java.md", "cmake -S . -B build -G Ninja -DXXGK_BUILD_C_API=ON -DXXGK_BUILD_JAVA=ON"): "builds the project",
    ("docs/java.md", "mvn install:install-file -Dfile=/usr/local/share/java/xxgk-0.4.0.jar -DgroupId=org.xxgk -DartifactId=xxgk \\"):
        "installs into a Maven repository (no Maven here)",
    ("docs/java.md", "<dependencies>"): "a pom.xml excerpt for the user's project",
    ("docs/java.md", "dependencies {"): "a build.gradle.kts excerpt for the user's project",
    ("docs/scale.md", "import xxgk.dask"): "needs a Dask cluster (tcp://scheduler.example); tests/python/test_dask.py runs the same calls on a local one",
    ("docs/web.md", '<script type="module" src="/xxgk/src/editor.js"></script>'):
        "HTML for a browser: js.browser serves this very block and submits its form",
    ("docs/web.md", "import { loadReport, newReport, keys, rules, schema } from 'xxgk';"):
        "JavaScript: js.api (bindings/js/test/node) makes every call shown",
    ("docs/web.md", "bindings/js/build-wasm            # → bindings/js/dist/xxgk.mjs + xxgk.wasm (build dir: build-wasm/)"):
        "builds the WebAssembly target (what js.build does) and runs the Node tests (js.api)",
    ("docs/serve.md", None): "curl against a live server: serve.http starts one and runs every block of the page",
}

# What a C fragment may use without declaring it: the loaded example report, an error, and the two
# host functions the rendering example calls.
C_PRELUDE = textwrap.dedent(
    """
    #include <xxgk/xxgk.h>
    #include <stdio.h>
    #include <string.h>
    static void publish(const char *text, size_t len) { (void)text; (void)len; }
    static void save(const char *name, const char *text, size_t len) { (void)name; (void)text; (void)len; }
    int main(void) {
        xxgk_report *report = NULL;
        xxgk_error *err = NULL;
        if (xxgk_report_from_file(&report, "examples/data/cangnan-2020.json", NULL, NULL) != XXGK_OK) return 2;
        (void)err;
    """
)

# What a C++ fragment may use without declaring it (it is compiled, not run).
CPP_PRELUDE = "    [[maybe_unused]] xxgk::report report, seed, report_2019, report_2020, report_2021, report_2022;\n"

# What a Java fragment is run inside: the imports it may use, and main (it declares its own names).
JAVA_PRELUDE = textwrap.dedent(
    """
    import org.xxgk.*;
    import java.math.BigDecimal;
    import java.nio.file.Path;
    import java.util.*;

    public class Snippet {
        public static void main(String[] args) throws Exception {
    """
)

# Names a page's Python blocks assume (the page says what they are in its prose).
PRELUDE = textwrap.dedent(
    """
    import xxgk
    report = xxgk.load("examples/data/cangnan-2020.json")
    paths = ["examples/data/cangnan-2020.json", "examples/data/sample-2021.json"]
    reports = xxgk.load_many(paths)
    _generated = [g.report for g in xxgk.generate("2019", 30, 1)]
    parts = [r for r in _generated if r.header.year == _generated[0].header.year][:3]
    parts[1]["requests.granted.total"] = None  # a part that printed the cell empty (docs show its source)
    published = xxgk.aggregate(parts).report
    downloaded = open("report.pdf", "rb").read()
    page_bytes = open("page.html", "rb").read()
    r2019, r2020 = report.copy(), report.copy()
    r2019.header.year = 2019
    r2021 = xxgk.load("examples/data/sample-2021.json")
    r2021.header.body, r2021.header.year, r2021.header.scope = report.header.body, 2021, report.header.scope
    """
)


def blocks(page: Path):
    """(line, language, text) of every fenced block of a page."""
    lines = page.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^```(\w*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        yield i + 1, m.group(1), "\n".join(lines[i + 1 : j]) + "\n"
        i = j + 1


def not_run(rel: str, text: str):
    first = text.split("\n", 1)[0]
    return NOT_RUN.get((rel, first)) or NOT_RUN.get((rel, None))


def shown_matches(shown, actual):
    """Shown lines against actual lines: '…' alone matches any lines, '…' inside a line anything."""
    if not shown:
        return not actual
    head = shown[0]
    if head.strip() == "…":
        return any(shown_matches(shown[1:], actual[k:]) for k in range(len(actual) + 1))
    if not actual:
        return False
    if "…" in head:
        pattern = ".*".join(re.escape(part) for part in head.split("…"))
        ok = re.fullmatch(pattern, actual[0]) is not None
    else:
        ok = head.rstrip() == actual[0].rstrip()
    return ok and shown_matches(shown[1:], actual[1:])


def shown_value(source: str):
    """The value a page shows for an expression line, `expr   # VALUE`: the comment up to a dash or
    a run of three spaces that begins commentary, when it reads as a value (a Python literal, or a
    repr such as `Cell(116)`, `…` standing for anything). None when the comment is prose."""
    m = re.search(r"#\s*(.*)$", source)
    if not m or "raises" in m.group(1):
        return None
    text = re.split(r" — |\s{3,}", m.group(1))[0].strip()
    if not text:
        return None
    bare = text.replace("…", "...")
    try:
        ast.literal_eval(bare)
        return text
    except (ValueError, SyntaxError):
        pass
    if re.fullmatch(r"[A-Za-z_][\w.]*\(.*\)|\[.*\]|\(.*\)", text):
        return text
    return None


def value_matches(shown: str, value) -> bool:
    """Whether `value` is what the page shows: its repr (a tuple also as its items joined by ", "),
    `…` or `...` in the page standing for anything."""
    pattern = re.escape(shown).replace(re.escape("…"), ".*").replace(re.escape("..."), ".*")
    candidates = [repr(value)]
    if isinstance(value, tuple):
        candidates.append(", ".join(repr(v) for v in value))
    return any(re.fullmatch(pattern, c, re.S) for c in candidates)


class Checker:
    def __init__(self, args):
        self.source = Path(args.source).resolve()
        self.build = Path(args.build).resolve()
        self.cc, self.cxx = args.cc, args.cxx
        self.failures = []
        self.ran = 0
        self.values = 0  # Python values shown on the pages and compared

    def scratch(self) -> Path:
        """A directory to run in: examples/ of the source, the example reports at its top, and the
        files the pages name (FIXTURES)."""
        d = Path(tempfile.mkdtemp(prefix="xxgk-docs-"))
        os.symlink(self.source / "examples", d / "examples")
        for f in (self.source / "examples" / "data").iterdir():
            os.symlink(f, d / f.name)
        os.symlink(self.source / "tests" / "data" / "import" / "pdf" / "hongze-2023.pdf", d / "hongze-2023.pdf")
        os.symlink(self.source / "tests" / "data" / "import" / "pdf" / "hongze-2023.pdf", d / "report.pdf")
        (d / "truncated.json").write_text('{"format": "2019",\n"header": {\n', encoding="utf-8")
        (d / "wrong-types.json").write_text('{"format": "2019", "header": {"body": 1, "year": "2020"}}', encoding="utf-8")
        extra = json.loads((self.source / "examples" / "data" / "sample-2021.json").read_text(encoding="utf-8"))
        extra["header"]["editor"] = "张三"
        (d / "report-with-extra-member.json").write_text(json.dumps(extra, ensure_ascii=False), encoding="utf-8")
        with open(d / "huge.json", "wb") as f:  # sparse: the size the page shows, no bytes written
            f.truncate(298000003)
        (d / "minutes.txt").write_text("会议纪要\n今天开会，讨论了明年的工作安排。\n", encoding="utf-8")
        subprocess.run([str(self.build / "xxgk"), "render", str(self.source / "examples" / "data" / "cangnan-2020.json"),
                        "-o", str(d / "page.html")], check=True, capture_output=True)
        (d / "corpus").mkdir()
        shutil.copy(self.source / "examples" / "data" / "sample-2021.json", d / "corpus" / "sample-2021.json")
        shutil.copy(d / "page.html", d / "corpus" / "cangnan-2020.html")
        return d

    def fail(self, where, why):
        self.failures.append(f"{where}: {why}")

    # ---- console
    def console(self, where, text):
        work = self.scratch()
        env = dict(os.environ, PATH=f"{self.build}:{os.environ.get('PATH', '')}", LC_ALL="C.UTF-8")
        lines = text.rstrip("\n").split("\n")
        commands = []  # (command, shown lines)
        for line in lines:
            if line.startswith("$ "):
                commands.append((line[2:], []))
            elif commands:
                commands[-1][1].append(line)
        last = 0
        for command, shown in commands:
            while shown and shown[-1] == "":
                shown.pop()
            if not_run(self.rel, "$ " + command) and not NOT_RUN.get((self.rel, None)):
                last = None
                continue
            if command.strip() == "echo $?":
                if last is None:
                    continue
                if shown != [str(last)]:
                    self.fail(where, f"exit code {last}, the page shows {shown}")
                continue
            compare = "# reformatted here" not in command
            shell = command.split("  #")[0] if "#" in command else command
            r = subprocess.run(["bash", "-c", shell], cwd=work, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace", timeout=300)
            last = r.returncode
            actual = (r.stdout + r.stderr).rstrip("\n").split("\n") if (r.stdout + r.stderr) else []
            if compare and not shown_matches(shown, actual):
                self.fail(where, f"`{command}` printed:\n" + "\n".join(actual[:40]) + "\n--- the page shows:\n" + "\n".join(shown[:40]))
        shutil.rmtree(work, ignore_errors=True)

    # ---- sh without prompts: the commands run in order, each must succeed
    def script(self, where, text):
        work = self.scratch()
        env = dict(os.environ, PATH=f"{self.build}:{os.environ.get('PATH', '')}", LC_ALL="C.UTF-8")
        r = subprocess.run(["bash", "-e", "-c", text], cwd=work, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, errors="replace", timeout=300)
        if r.returncode != 0:
            self.fail(where, f"exited {r.returncode}:\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
        shutil.rmtree(work, ignore_errors=True)

    # ---- python: one namespace per page
    def python(self, where, text, namespace, work):
        # Statement by statement: a statement whose comment says it "raises" must raise.
        lines = text.split("\n")
        try:
            tree = ast.parse(text, where)
        except SyntaxError as e:
            self.fail(where, f"not Python: {e}")
            return
        out = io.StringIO()
        old = os.getcwd()
        os.chdir(work)
        try:
            for stmt in tree.body:
                source = "\n".join(lines[stmt.lineno - 1 : stmt.end_lineno])
                must_raise = re.search(r"#.*\braises\b", source) is not None
                shown = shown_value(source) if isinstance(stmt, ast.Expr) and stmt.lineno == stmt.end_lineno else None
                try:
                    with contextlib.redirect_stdout(out):
                        if shown is not None:
                            value = eval(compile(ast.Expression(stmt.value), where, "eval"), namespace)
                            self.values += 1
                            if not value_matches(shown, value):
                                self.fail(f"{where}+{stmt.lineno - 1}", f"`{source.strip()}` gives {value!r}; the page shows {shown}")
                        else:
                            exec(compile(ast.Module(body=[stmt], type_ignores=[]), where, "exec"), namespace)
                except Exception:
                    if not must_raise:
                        self.fail(f"{where}+{stmt.lineno - 1}", "raised:\n" + traceback.format_exc(limit=3))
                        return
                else:
                    if must_raise:
                        self.fail(f"{where}+{stmt.lineno - 1}", f"the page says it raises, but it did not: {source}")
        finally:
            os.chdir(old)

    # ---- C and C++
    def compile_and_run(self, where, text, lang):
        work = self.scratch()
        whole = "#include" in text or "int main" in text
        if lang == "c":
            source = text if whole else C_PRELUDE + "    {\n" + text + "    }\n    xxgk_report_free(report);\n    return 0;\n}\n"
            exe = work / "snippet"
            cmd = [self.cc, "-std=c99", "-Wall", "-Werror", "-Wno-unused-variable", "-Wno-unused-function", "-I", str(self.source / "include"),
                   "-x", "c", "-", "-o", str(exe), "-L", str(self.build / "bindings" / "c"), "-lxxgk",
                   f"-Wl,-rpath,{self.build / 'bindings' / 'c'}"]
            run = "int main" in source
        else:
            if "int main" in text:
                source = text
            else:
                # A fragment: its #include lines at the top, its statements inside a function.
                includes = "".join(l + "\n" for l in text.split("\n") if l.startswith("#include"))
                body = "".join(l + "\n" for l in text.split("\n") if not l.startswith("#include"))
                source = ("#include <xxgk/xxgk.hpp>\n#include <iostream>\n" + includes + "using namespace xxgk;\n"
                          "[[maybe_unused]] static void snippet() {\n" + CPP_PRELUDE + body + "}\nint main() {}\n")
            exe = work / "snippet"
            flags = subprocess.run(["pkg-config", "--cflags", "--libs", "--static", "poppler-cpp", "libzip", "libxml-2.0", "tesseract", "lept"],
                                   capture_output=True, text=True).stdout.split()
            cmd = [self.cxx, "-std=c++17", "-I", str(self.source / "include"), "-x", "c++", "-", "-o", str(exe),
                   str(self.build / "libxxgkcpp.a"), "-lboost_json"] + flags
            run = "int main" in text
            if not run:
                cmd = [self.cxx, "-std=c++17", "-fsyntax-only", "-I", str(self.source / "include"), "-x", "c++", "-"]
        r = subprocess.run(cmd, input=source, capture_output=True, text=True)
        if r.returncode != 0:
            self.fail(where, "does not compile:\n" + r.stderr[-3000:])
        elif run:
            p = subprocess.run([str(exe)], cwd=work, stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace", timeout=120)
            if p.returncode not in (0, 1):  # 1: a program that reports errors found (validate)
                self.fail(where, f"exited {p.returncode}:\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
        shutil.rmtree(work, ignore_errors=True)

    # ---- Java
    def java(self, where, text):
        jar = self.build / "bindings" / "java" / "xxgk.jar"
        if not jar.exists():
            self.ran -= 1
            print(f"{where}: skipped, no Java build (configure with -DXXGK_BUILD_JAVA=ON)", flush=True)
            return
        work = self.scratch()
        whole = re.search(r"^(public )?(final )?class (\w+)", text, re.M)
        if whole:
            name, source = whole.group(3), text
        else:
            name, source = "Snippet", JAVA_PRELUDE + textwrap.indent(text, " " * 8) + "    }\n}\n"
        (work / f"{name}.java").write_text(source, encoding="utf-8")
        classpath = f"{jar}:/usr/share/java/jna.jar"
        r = subprocess.run(["javac", "-encoding", "UTF-8", "-Xlint:all", "-Werror", "-cp", classpath, "-d", str(work),
                            str(work / f"{name}.java")], capture_output=True, text=True)
        if r.returncode != 0:
            self.fail(where, "does not compile:\n" + r.stdout[-3000:] + r.stderr[-3000:])
        else:
            p = subprocess.run(["java", f"-Djna.library.path={self.build / 'bindings' / 'c'}", "-cp", f"{work}:{classpath}",
                                name, "examples/data/cangnan-2020.json"], cwd=work, stdin=subprocess.DEVNULL,
                               capture_output=True, text=True, errors="replace", timeout=120)
            if p.returncode not in (0, 1):  # 1: a program that reports errors found (validate)
                self.fail(where, f"exited {p.returncode}:\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
        shutil.rmtree(work, ignore_errors=True)

    def page(self, page: Path):
        rel = page.relative_to(self.source).as_posix()
        self.rel = rel
        namespace = None
        work = None
        for line, lang, text in blocks(page):
            where = f"{rel}:{line}"
            if not_run(rel, text):
                continue
            self.ran += 1
            print(f"{where} [{lang or 'console'}]", flush=True)
            if lang == "python":
                if namespace is None:
                    work = self.scratch()
                    namespace = {"__name__": "__doc__"}
                    old = os.getcwd()
                    os.chdir(work)
                    try:
                        exec(PRELUDE, namespace)
                    finally:
                        os.chdir(old)
                self.python(where, text, namespace, work)
            elif lang in ("c", "cpp"):
                self.compile_and_run(where, text, lang)
            elif lang == "java":
                self.java(where, text)
            elif lang == "json" and ("..." in text or "…" in text):
                self.ran -= 1  # abridged: shows the shape, not a document
            elif lang == "json":
                try:
                    json.loads(text)
                except ValueError as e:
                    self.fail(where, f"not JSON: {e}")
            elif any(l.startswith("$ ") for l in text.split("\n")):
                self.console(where, text)
            elif lang == "sh":
                self.script(where, text)
            else:
                self.ran -= 1
                self.fail(where, f"```{lang} block neither run nor listed in NOT_RUN (tests/docs/check_docs.py)")
        if work:
            shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--build", required=True)
    ap.add_argument("--cc", default="cc")
    ap.add_argument("--cxx", default="c++")
    ap.add_argument("pages", nargs="*", help="only these pages (relative to the source)")
    args = ap.parse_args()
    checker = Checker(args)
    source = Path(args.source).resolve()
    sys.path.insert(0, str(Path(args.build).resolve() / "bindings" / "python"))
    pages = [source / p for p in args.pages] if args.pages else [source / "README.md"] + sorted((source / "docs").glob("*.md"))
    for page in pages:
        checker.page(page)
    for f in checker.failures:
        print("FAIL", f, "\n", file=sys.stderr)
    print(f"{checker.ran} blocks run ({checker.values} Python values compared), {len(checker.failures)} failed")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
