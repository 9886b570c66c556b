#!/usr/bin/env python3
"""Writes fuzz/fuzz.dict, the libFuzzer dictionary of every fuzz target: JSON
tokens, every property name and string enum value of spec/openapi-analyze.json
(as JSON strings), and the names the library reads beyond that file (revision
2026-10, webhooks, options of the C functions, schema keywords).
Run it again when the spec changes: python3 fuzz/make_dict.py"""
import json
import os

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

EXTRA_NAMES = [
    "pegasus1.6", "images", "analyze.task.ready", "analyze.task.failed", "terminal", "http_status", "retryable",
    "retry_after_ms", "initial_delay_ms", "factor", "max_delay_ms", "jitter", "elapsed_ms", "deadline_ms", "api_key",
    "base_url", "user_agent", "idempotency_key", "video_duration", "now", "request", "properties", "required",
    "minItems", "const", "anyOf", "$ref", "$defs", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "pattern", "uuid", "date-time", "date", "time", "Retry-After", "Content-Type", "x-api-key",
]
TOKENS = [
    "{", "}", "[", "]", ":", ",", '"', "\\u", "\\ud800", "\\udc00", "true", "false", "null", "1e400", "-0",
    "18446744073709551615", "9223372036854775808", "-9223372036854775808", "00:00:12.500", "01:02:03",
    "2026-11-30T10:00:00Z", "2026-11-30T10:00:00.250+05:30", "t=1700000000", "v1=", ",v1=", "\n",
]


def spec_names():
    with open(os.path.join(ROOT, "spec", "openapi-analyze.json"), encoding="utf-8") as handle:
        spec = json.load(handle)
    found = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    found.update(value)
                if key == "enum" and isinstance(value, list):
                    found.update(item for item in value if isinstance(item, str))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(spec)
    return found


def entry(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\x0a") + '"'


def main():
    lines = ["# Written by fuzz/make_dict.py (JSON tokens, the spec's field names and enum values, and the",
             "# names the library reads beyond the spec); do not edit by hand."]
    entries = []
    for text in TOKENS + ['"%s"' % name for name in sorted(spec_names() | set(EXTRA_NAMES))]:
        if entry(text) not in entries:
            entries.append(entry(text))
    with open(os.path.join(ROOT, "fuzz", "fuzz.dict"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines + entries) + "\n")


if __name__ == "__main__":
    main()
