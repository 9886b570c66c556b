"""Benchmark: the Python binding against CPython's json module on the same body.
Prints medians and ratios; no assertions. Usage: bench_python.py FILE [RUNS]"""
import json
import statistics
import sys
import time

import libanalyze as analyze


def median_ms(fn, runs):
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    text = open(path, "rb").read()
    native = median_ms(lambda: analyze.normalize(text), runs)
    cpython = median_ms(lambda: json.dumps(json.loads(text), separators=(",", ":")), runs)
    print(f"{'python: normalize whole body':34} {len(text):9} bytes  analyze {native:8.2f} ms  json module {cpython:8.2f} ms  ratio {cpython / native:5.1f}x")
    if hasattr(analyze, "parse_task"):
        parsed = median_ms(lambda: analyze.parse_task(text), runs)
        # Segments are typed on first read: time that too.
        read = median_ms(lambda: analyze.parse_task(text).result.segments, runs)
        plain = median_ms(lambda: json.loads(json.loads(text)["result"]["data"]), runs)
        print(f"{'python: parse_task (typed, checked)':34} {len(text):9} bytes  analyze {parsed:8.2f} ms  json.loads x2 {plain:8.2f} ms  ratio {plain / parsed:5.1f}x")
        print(f"{'python: parse_task + read segments':34} {len(text):9} bytes  analyze {read:8.2f} ms  json.loads x2 {plain:8.2f} ms  ratio {plain / read:5.1f}x")


if __name__ == "__main__":
    main()
