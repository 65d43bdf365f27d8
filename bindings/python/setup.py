"""Builds and installs the Python package xxgk: the pure-Python package plus the extension
xxgk._core, which CMake builds from the repository (this directory is bindings/python of it).

    /usr/bin/python3 -m pip install --no-build-isolation --no-index --break-system-packages ./bindings/python

Nothing is downloaded: the C++ core, Boost and pybind11 come from the repository and the system
(Debian packages). Environment variables:

    XXGK_SOURCE_DIR     the repository root (default: two directories up from this file)
    XXGK_CMAKE_ARGS     extra CMake arguments, separated by spaces (e.g. "-G Ninja")
    XXGK_BUILD_TYPE     CMake build type (default Release)
    CMAKE_BUILD_PARALLEL_LEVEL  build jobs (default: the number of CPUs)
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
SOURCE_DIR = Path(os.environ.get("XXGK_SOURCE_DIR", HERE.parent.parent)).resolve()


def read_version() -> str:
    """The version from the XXGK_VERSION_* macros of include/xxgk (version.h, the project's single
    source of truth; version.hpp in older trees) — the numbers CMake's project() reads too."""
    for header in (SOURCE_DIR / "include" / "xxgk" / "version.h", SOURCE_DIR / "include" / "xxgk" / "version.hpp"):
        text = header.read_text(encoding="utf-8") if header.is_file() else ""
        parts = [re.search(rf"^#define XXGK_VERSION_{p} +(\d+)\s*$", text, re.M) for p in ("MAJOR", "MINOR", "PATCH")]
        if all(parts):
            return ".".join(m.group(1) for m in parts)
    raise RuntimeError(f"no XXGK_VERSION_MAJOR/MINOR/PATCH in {SOURCE_DIR / 'include' / 'xxgk'}/version.h")


class CMakeExtension(Extension):
    """An extension CMake builds (target `target` of the repository's CMakeLists.txt)."""

    def __init__(self, name: str, target: str) -> None:
        super().__init__(name, sources=[])
        self.target = target


class CMakeBuild(build_ext):
    """Configures the repository with the Python extension only, builds it, copies it in place."""

    def build_extension(self, ext: CMakeExtension) -> None:
        if not (SOURCE_DIR / "CMakeLists.txt").is_file():
            raise RuntimeError(
                f"{SOURCE_DIR} is not the xxgk repository: build from a checkout "
                "(pip install ./bindings/python) or set XXGK_SOURCE_DIR"
            )
        if shutil.which("cmake") is None:
            raise RuntimeError("cmake is needed to build xxgk (Debian: apt install cmake)")
        build_dir = Path(self.build_temp).resolve() / "cmake"
        build_dir.mkdir(parents=True, exist_ok=True)
        configure = [
            "cmake",
            "-S", str(SOURCE_DIR),
            "-B", str(build_dir),
            f"-DCMAKE_BUILD_TYPE={os.environ.get('XXGK_BUILD_TYPE', 'Release')}",
            "-DXXGK_BUILD_PYTHON=ON",
            "-DXXGK_BUILD_TESTS=OFF",
            "-DXXGK_BUILD_CLI=OFF",
            "-DXXGK_BUILD_EXAMPLES=OFF",
            "-DXXGK_INSTALL=OFF",
            "-DBUILD_SHARED_LIBS=OFF",  # the core is linked into the extension: nothing else to install
            f"-DPython3_EXECUTABLE={sys.executable}",  # the interpreter pip runs under
        ] + shlex.split(os.environ.get("XXGK_CMAKE_ARGS", ""))
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 1)
        build = ["cmake", "--build", str(build_dir), "--target", ext.target, "--parallel", jobs]
        for command in (configure, build):
            print(" ".join(shlex.quote(c) for c in command), flush=True)
            subprocess.run(command, check=True)
        built = sorted((build_dir / "bindings" / "python" / "xxgk").glob("_core*.so")) + sorted(
            (build_dir / "bindings" / "python" / "xxgk").glob("_core*.pyd")
        )
        if not built:
            raise RuntimeError(f"CMake built no _core module in {build_dir / 'bindings' / 'python' / 'xxgk'}")
        destination = Path(self.get_ext_fullpath(ext.name))
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[-1], destination)


setup(
    name="xxgk",
    version=read_version(),
    description="政府信息公开工作年度报告: typed model, canonical JSON, validation, pandas frames",
    long_description=(HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else "",
    long_description_content_type="text/markdown",
    python_requires=">=3.9",
    packages=["xxgk"],
    package_data={"xxgk": ["py.typed", "*.pyi"]},
    ext_modules=[CMakeExtension("xxgk._core", target="xxgk_python")],
    cmdclass={"build_ext": CMakeBuild},
    extras_require={"pandas": ["pandas"], "dask": ["dask[bag]"]},
    zip_safe=False,
)
