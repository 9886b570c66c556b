/* Deterministic inputs of analyze-bench (bench/analyze_bench.c): the same
 * sizes give the same bytes on every machine. */
#ifndef BENCH_BODY_H
#define BENCH_BODY_H

#include <stddef.h>

/** A growable NUL-terminated byte buffer (exits on out-of-memory). */
typedef struct buf {
  char *data;
  size_t len, cap;
} buf_t;

/** Makes room for `extra` more bytes and the NUL. */
void buf_reserve(buf_t *b, size_t extra);
/** Appends n bytes. */
void buf_add(buf_t *b, const char *s, size_t n);
/** Appends a NUL-terminated string. */
void buf_str(buf_t *b, const char *s);
/** Appends printf-formatted text. */
void buf_printf(buf_t *b, const char *format, ...);

/** A ready time_based_metadata task body (GET /analyze/tasks/{id}): `segments`
 * segments round-robin over `defs` definitions of six fields (enum string,
 * string, number, integer, string array, timestamp), times as hh:mm:ss.fff. */
buf_t bench_task_body(int segments, int defs);
/** A create request for the same `defs` segment definitions. */
buf_t bench_create_request(int defs);
/** A webhook event body of exactly `size` bytes (size >= 80). */
buf_t bench_webhook_body(size_t size);

#endif
