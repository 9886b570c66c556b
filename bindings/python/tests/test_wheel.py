"""The platform wheel (scripts/build_wheel.sh): it carries the library, the C
tool and the shared libraries auditwheel grafted, has a manylinux tag, installs
into a fresh venv (no system site packages) and works there with the system's
libsimdjson and libcrypto hidden (bind-mounted over in a private mount namespace)."""
import os
import re
import subprocess
import sys
import tarfile
import zipfile

from conftest import REPO

BUILD_WHEEL = os.path.join(REPO, "scripts", "build_wheel.sh")
PACKAGE = os.path.join(REPO, "bindings", "python")
REQUEST = os.path.join(REPO, "tests", "fixtures", "requests", "valid_pegasus12.json")
with open(os.path.join(REPO, "VERSION"), encoding="ascii") as _version:
    VERSION = _version.read().strip()
HIDDEN = ["/usr/lib/x86_64-linux-gnu/libsimdjson.so.14", "/usr/lib/x86_64-linux-gnu/libcrypto.so.3"]

CHECK = """
import libanalyze, libanalyze._cli, sys
venv = sys.argv[1]
assert libanalyze.library_path().startswith(venv), libanalyze.library_path()
assert libanalyze._cli.tool_path().startswith(venv), libanalyze._cli.tool_path()
report = libanalyze.validate_request({"video_id": "v1", "prompt": "", "temperature": 3})
print(report.valid, [issue.path for issue in report.issues])
print(libanalyze.normalize('{"a": [1, 2.50]}'))
"""

HIDE_AND_RUN = """
set -e
for lib in "$@"; do mount --bind /dev/null "$(readlink -f "$lib")"; done
if env -i "$VENV/bin/python" -I -c 'import ctypes; ctypes.CDLL("libsimdjson.so.14")' 2>/dev/null; then
  echo "libsimdjson is still loadable"; exit 1
fi
env -i PATH=/usr/bin:/bin "$VENV/bin/python" -I -c "$CHECK" "$VENV"
env -i PATH=/usr/bin:/bin "$VENV/bin/analyze" validate "$REQUEST"
env -i PATH=/usr/bin:/bin "$VENV/bin/python" -I -m libanalyze version
"""


def test_the_wheel_installs_and_runs_without_the_systems_libraries(tmp_path):
    built = subprocess.run(["bash", BUILD_WHEEL, str(tmp_path / "dist")], capture_output=True, text=True,
                           env={**os.environ, "PYTHON": sys.executable})
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = built.stdout.splitlines()[-1]
    assert re.fullmatch(r".*/libanalyze-\d+\.\d+\.\d+-py3-none-manylinux_2_\d+_x86_64\.whl", wheel), wheel
    names = zipfile.ZipFile(wheel).namelist()
    assert {"libanalyze/_bin/analyze", "libanalyze/_lib/libanalyze.so.1", "libanalyze/py.typed",
            "analyze/__init__.py"} <= set(names)
    grafted = sorted(re.sub(r"-[0-9a-f]{8}\.", ".", name) for name in names if name.startswith("libanalyze.libs/") and not name.endswith("/"))
    assert grafted == ["libanalyze.libs/libcrypto.so.3", "libanalyze.libs/libsimdjson.so.14.0.0"]

    venv = str(tmp_path / "venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    with open(os.path.join(venv, "pyvenv.cfg")) as config:
        assert "include-system-site-packages = false" in config.read()
    subprocess.run([sys.executable, "-m", "pip", "--python", os.path.join(venv, "bin", "python"), "install", "-q",
                    "--disable-pip-version-check", "--no-index", "--no-deps", wheel], check=True)

    env = {"PATH": "/usr/bin:/bin", "VENV": venv, "CHECK": CHECK, "REQUEST": REQUEST}
    done = subprocess.run(["unshare", "-m", "sh", "-c", HIDE_AND_RUN, "sh", *HIDDEN], capture_output=True, text=True,
                          env=env, cwd=str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == [
        "False ['prompt', 'temperature']",
        '{"a":[1,2.5]}',
        "valid: 0 errors, 0 warnings",
        f"libanalyze {VERSION} (abi 1)",
    ]


def test_the_sdist_builds_a_wheel_on_its_own(tmp_path):
    """The sdist carries VERSION (setup.py reads ../../VERSION in the repository
    only), so a wheel builds from it alone, away from the repository (what
    `python -m build` does: sdist, then the wheel from the unpacked sdist)."""
    made = subprocess.run([sys.executable, "-c", "import setuptools.build_meta as backend, sys; "
                           "print(backend.build_sdist(sys.argv[1]))", str(tmp_path / "sdist")],
                          cwd=PACKAGE, capture_output=True, text=True)
    assert made.returncode == 0, made.stdout + made.stderr
    sdist = tmp_path / "sdist" / made.stdout.splitlines()[-1]
    assert sdist.name == f"libanalyze-{VERSION}.tar.gz"
    with tarfile.open(sdist) as archive:
        assert archive.extractfile(f"libanalyze-{VERSION}/VERSION").read() == f"{VERSION}\n".encode()
        archive.extractall(tmp_path / "unpacked")
    unpacked = tmp_path / "unpacked" / f"libanalyze-{VERSION}"
    assert not (unpacked / ".." / ".." / "VERSION").exists()
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--disable-pip-version-check", "--no-index",
                            "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "wheel"), str(unpacked)],
                           capture_output=True, text=True, env={**os.environ, "ANALYZE_BUILD_DIR": str(tmp_path / "none")})
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = tmp_path / "wheel" / f"libanalyze-{VERSION}-py3-none-any.whl"
    metadata = zipfile.ZipFile(wheel).read(f"libanalyze-{VERSION}.dist-info/METADATA").decode()
    assert f"\nVersion: {VERSION}\n" in metadata
