"""Build hook: ships the built libanalyze.so.1 inside the package (libanalyze/_lib/
in the built wheel only; the source tree is never written to, so a stale copy
can never shadow a fresh build during development).

The library is taken from $ANALYZE_BUILD_DIR/lib or, by default, the CMake
build tree of this repository (../../build/lib). Without one the package is
built without a library and finds it at run time (see libanalyze/_native.py).
"""
import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


class BuildWithLibrary(build_py):
    """build_py that copies libanalyze.so.1 next to the Python sources."""

    def run(self):
        super().run()
        build_dir = os.environ.get("ANALYZE_BUILD_DIR", os.path.join(HERE, "..", "..", "build"))
        library = os.path.join(build_dir, "lib", "libanalyze.so.1")
        if os.path.exists(library):
            target = os.path.join(self.build_lib, "libanalyze", "_lib")
            os.makedirs(target, exist_ok=True)
            shutil.copy2(os.path.realpath(library), os.path.join(target, "libanalyze.so.1"))


def release_version():
    """The release version, from the repository's one source (VERSION)."""
    with open(os.path.join(HERE, "..", "..", "VERSION"), encoding="ascii") as file:
        return file.read().strip()


setup(version=release_version(), cmdclass={"build_py": BuildWithLibrary})
