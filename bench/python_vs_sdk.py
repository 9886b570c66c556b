"""The Python binding against the official twelvelabs SDK (1.3.6) and orjson on
the same task bodies, in one process (docs/benchmarks.md).

    python3 bench/python_vs_sdk.py [--json] [--quick]

The bodies and the 5-definition request come from build/bin/analyze-bench
(--body, --request), so C and Python measure the same bytes. The SDK and orjson
are installed by this script into a scratch venv (build/bench-venv), never into
the caller's environment; the binding is the source tree's (bindings/python, or $PYTHONPATH)
over build/lib/libanalyze.so (or $ANALYZE_LIBRARY). Cases are timed as medians of interleaved rounds:
read the ratios. --quick uses tiny bodies and one round, to prove the script
works; nothing here asserts a speed."""
from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "build", "bin", "analyze-bench")
VENV = os.path.join(ROOT, "build", "bench-venv")
SDK = "twelvelabs==1.3.6"


def in_scratch_venv() -> None:
    """Re-runs this script with the scratch venv's interpreter (made once)."""
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", SDK, "orjson"],
                   check=True)
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", os.path.join(ROOT, "bindings", "python"))
    env.setdefault("ANALYZE_LIBRARY", os.path.join(ROOT, "build", "lib", "libanalyze.so"))
    os.execve(python, [python, os.path.abspath(__file__), *sys.argv[1:]], env)


def generated(*args: str) -> bytes:
    return subprocess.run([BENCH, *args], check=True, stdout=subprocess.PIPE).stdout


def measure(cases: Dict[str, Callable[[], Any]], rounds: int) -> Dict[str, float]:
    """Median seconds per call of each case, every case once per round."""
    calls: Dict[str, int] = {}
    for name, fn in cases.items():
        fn()  # warm up
        count = 1
        while rounds > 1:
            start = time.perf_counter()
            for _ in range(count):
                fn()
            if time.perf_counter() - start >= 0.02:
                break
            count *= 2
        calls[name] = count
    samples: Dict[str, List[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, fn in cases.items():
            start = time.perf_counter()
            for _ in range(calls[name]):
                fn()
            samples[name].append((time.perf_counter() - start) / calls[name])
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    in_scratch_venv()
    import orjson
    import libanalyze
    from twelvelabs.types import AnalyzeTaskResponse

    quick = "--quick" in sys.argv
    segments, defs = (24, 2) if quick else (2400, 20)
    bodies = {"": generated("--body", str(segments), str(defs)),
              "_4x": generated("--body", str(segments * 4), str(defs))}
    request = generated("--request", "1" if quick else "5")

    def touch_typed(task: Any) -> int:
        """Reads every field of every typed segment, as a user would."""
        count = 0
        for items in task.result.segments.values():
            for segment in items:
                count += segment.start_time is not None and segment.end_time is not None
                for value in segment.metadata.values():
                    count += value is not None
        return count

    def touch_plain(data: Dict[str, Any]) -> int:
        """The same reads on the SDK's untyped segments (times stay strings)."""
        count = 0
        for items in data.values():
            for segment in items:
                count += segment["start_time"] is not None and segment["end_time"] is not None
                for value in segment["metadata"].values():
                    count += value is not None
        return count

    def sdk(body: bytes) -> Dict[str, Any]:
        task = AnalyzeTaskResponse.model_validate(json.loads(body))
        return json.loads(task.result.data)

    def orjson_both(body: bytes) -> Any:
        return orjson.loads(orjson.loads(body)["result"]["data"])

    # The bare C calls through ctypes, with the options the binding passes: what
    # the binding adds on top of them is the Python side of parse_task and validate_request.
    # (A binding from before them, run for a "before" column, passes none.)
    import ctypes
    from libanalyze import _native, _responses
    task_options = _responses._for_binding(None) if hasattr(_responses, "_for_binding") else None

    def c_call(function: Any, data: bytes, options: Any) -> None:
        out, detail = ctypes.c_void_p(), _native.ErrorDetail()
        function(ctypes.byref(out), data, len(data), options, len(options or b""), ctypes.byref(detail))
        _native.lib.analyze_free(out)

    cases: Dict[str, Callable[[], Any]] = {}
    for suffix, body in bodies.items():
        cases["parse_task" + suffix] = lambda body=body: libanalyze.parse_task(body)
        cases["parse_task_typed" + suffix] = lambda body=body: touch_typed(libanalyze.parse_task(body))
        cases["sdk" + suffix] = lambda body=body: sdk(body)
        cases["sdk_touched" + suffix] = lambda body=body: touch_plain(sdk(body))
        cases["orjson" + suffix] = lambda body=body: orjson_both(body)
        cases["task_parse_c" + suffix] = lambda body=body: c_call(_native.lib.analyze_task_parse, body, task_options)
    cases["validate_request"] = lambda: libanalyze.validate_request(request)
    cases["validate_request_c"] = lambda: c_call(_native.lib.analyze_request_validate, request, None)
    times = measure(cases, 1 if quick else 15)

    metrics: Dict[str, float] = {}
    for suffix in bodies:
        for name in ("parse_task", "parse_task_typed", "sdk", "sdk_touched", "orjson", "task_parse_c"):
            metrics[f"{name}{suffix}_ms"] = times[name + suffix] * 1e3
        # Targets: typed >= 1.5x faster than the SDK, untouched >= 3x.
        metrics[f"sdk_over_parse_task_typed{suffix}"] = times["sdk_touched" + suffix] / times["parse_task_typed" + suffix]
        metrics[f"sdk_over_parse_task{suffix}"] = times["sdk" + suffix] / times["parse_task" + suffix]
        metrics[f"orjson_over_parse_task_typed{suffix}"] = times["orjson" + suffix] / times["parse_task_typed" + suffix]
    metrics["validate_request_us"] = times["validate_request"] * 1e6
    metrics["validate_request_c_us"] = times["validate_request_c"] * 1e6
    machine = {"python": platform.python_version(), "machine": platform.machine(), "cores": os.cpu_count(),
               "libanalyze": libanalyze.version(), "sdk": SDK, "orjson": orjson.__version__, "quick": quick,
               "task_body_bytes": len(bodies[""]), "task_4x_body_bytes": len(bodies["_4x"]),
               "request_bytes": len(request)}
    if "--json" in sys.argv:
        print(json.dumps({"machine": machine, "metrics": {k: float(f"{v:.4g}") for k, v in metrics.items()}}))
        return
    print(f"python_vs_sdk: Python {machine['python']}, {machine['cores']} cores, libanalyze {machine['libanalyze']}, "
          f"{SDK}, orjson {machine['orjson']}{' (quick)' if quick else ''}")
    print(f"task body {machine['task_body_bytes']} bytes, 4x body {machine['task_4x_body_bytes']} bytes\n")
    for name, value in metrics.items():
        print(f"{name:36} {value:10.4g}")


if __name__ == "__main__":
    main()
