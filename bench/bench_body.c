/* Deterministic benchmark inputs: a ready time_based_metadata task body with
 * N segments spread over D segment definitions, a create request with D
 * definitions, and a webhook body of a given size (see bench_body.h). */
#include "bench_body.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_reserve(buf_t *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap : 4096;
  while (cap < b->len + extra + 1) cap *= 2;
  b->data = realloc(b->data, cap);
  if (b->data == NULL) {
    fprintf(stderr, "analyze-bench: out of memory\n");
    exit(2);
  }
  b->cap = cap;
}

void buf_add(buf_t *b, const char *s, size_t n) {
  buf_reserve(b, n);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void buf_str(buf_t *b, const char *s) { buf_add(b, s, strlen(s)); }

void buf_printf(buf_t *b, const char *format, ...) {
  va_list args;
  va_start(args, format);
  int n = vsnprintf(NULL, 0, format, args);
  va_end(args);
  buf_reserve(b, (size_t)n);
  va_start(args, format);
  vsnprintf(b->data + b->len, (size_t)n + 1, format, args);
  va_end(args);
  b->len += (size_t)n;
}

/* Appends `s` as the contents of a JSON string (quotes and backslashes escaped). */
static void buf_add_escaped(buf_t *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '"' || s[i] == '\\') buf_add(b, "\\", 1);
    buf_add(b, s + i, 1);
  }
}

static void clock_text(buf_t *b, double seconds, int millis) {
  long whole = (long)seconds;
  int ms = (int)((seconds - (double)whole) * 1000.0 + 0.5);
  if (millis)
    buf_printf(b, "\"%02ld:%02ld:%02ld.%03d\"", whole / 3600, whole / 60 % 60, whole % 60, ms);
  else
    buf_printf(b, "\"%02ld:%02ld:%02ld\"", whole / 3600, whole / 60 % 60, whole % 60);
}

/* The fields of every definition: one of each kind the normalizer handles. */
static void definitions(buf_t *b, int defs) {
  buf_add(b, "[", 1);
  for (int d = 0; d < defs; d++) {
    buf_printf(b,
               "%s{\"id\":\"def_%02d\",\"description\":\"Events of kind %d in the match\",\"fields\":["
               "{\"name\":\"label\",\"type\":\"string\",\"description\":\"The label\",\"enum\":[\"alpha\",\"beta\",\"gamma\"]},"
               "{\"name\":\"note\",\"type\":\"string\",\"description\":\"A free text note\"},"
               "{\"name\":\"score\",\"type\":\"number\",\"description\":\"Confidence 0 to 1\"},"
               "{\"name\":\"count\",\"type\":\"integer\",\"description\":\"A counter\"},"
               "{\"name\":\"tags\",\"type\":\"array\",\"description\":\"Tags\",\"items\":{\"type\":\"string\"}},"
               "{\"name\":\"replay_at\",\"type\":\"timestamp\",\"description\":\"Replay start\",\"format\":\"hh:mm:ss\"}]}",
               d ? "," : "", d, d);
  }
  buf_add(b, "]", 1);
}

buf_t bench_task_body(int segments, int defs) {
  buf_t data = {0}, body = {0};
  buf_add(&data, "{", 1);
  for (int d = 0; d < defs; d++) {
    buf_printf(&data, "%s\"def_%02d\":[", d ? "," : "", d);
    int first = 1;
    for (int i = d; i < segments; i += defs) {
      double start = i * 2.5;
      buf_add(&data, first ? "{\"start_time\":" : ",{\"start_time\":", first ? 14 : 15);
      first = 0;
      clock_text(&data, start, 1);
      buf_add(&data, ",\"end_time\":", 12);
      clock_text(&data, start + 2.125, 1);
      buf_printf(&data,
                 ",\"metadata\":{\"label\":\"%s\",\"note\":\"Segment %d of kind %d, called \\\"play %d\\\"\","
                 "\"score\":%.2f,\"count\":%d,\"tags\":[\"t%d\",\"replay\"],\"replay_at\":",
                 (const char *[]){"alpha", "beta", "gamma"}[i % 3], i, d, i % 97, (double)(i % 100) / 100.0,
                 i, i % 7);
      clock_text(&data, start + 1.0, 0);
      buf_add(&data, "}}", 2);
    }
    buf_add(&data, "]", 1);
  }
  buf_add(&data, "}", 1);

  buf_str(&body, "{\"task_id\":\"6745a1b2c3d4e5f678901234\",\"custom_id\":\"bench\",\"status\":\"ready\","
                 "\"created_at\":\"2026-11-30T10:00:00Z\",\"completed_at\":\"2026-11-30T10:12:00.5Z\","
                 "\"video_source\":{\"type\":\"url\",\"url\":\"https://example.com/match.mp4\","
                 "\"system_metadata\":{\"duration\":40000.0}},"
                 "\"request_params\":{\"analysis_mode\":\"time_based_metadata\",\"response_format\":{"
                 "\"type\":\"segment_definitions\",\"segment_time_format\":\"hh:mm:ss.fff\",\"segment_definitions\":");
  definitions(&body, defs);
  buf_str(&body, "}},\"result\":{\"generation_id\":\"gen-bench\",\"data\":\"");
  buf_add_escaped(&body, data.data, data.len);
  buf_str(&body, "\",\"finish_reason\":\"stop\",\"usage\":{\"output_tokens\":500000,\"input_tokens\":90000}}}");
  free(data.data);
  return body;
}

buf_t bench_create_request(int defs) {
  buf_t b = {0};
  buf_str(&b, "{\"model_name\":\"pegasus1.5\",\"video\":{\"type\":\"url\",\"url\":\"https://example.com/match.mp4\"},"
              "\"analysis_mode\":\"time_based_metadata\",\"response_format\":{\"type\":\"segment_definitions\","
              "\"segment_time_format\":\"hh:mm:ss.fff\",\"segment_definitions\":");
  definitions(&b, defs);
  buf_add(&b, "}}", 2);
  return b;
}

buf_t bench_webhook_body(size_t size) {
  buf_t b = {0};
  buf_str(&b, "{\"id\":\"evt_bench\",\"type\":\"analyze.task.ready\",\"data\":{\"note\":\"");
  while (b.len + 4 < size) buf_add(&b, "abcdefghij", b.len + 14 < size ? 10 : size - b.len - 4);
  buf_add(&b, "\"}}", 3);
  return b;
}
