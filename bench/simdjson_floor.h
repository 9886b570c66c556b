/* simdjson floors for analyze-bench (bench/simdjson_floor.cpp), callable from C. */
#ifndef BENCH_SIMDJSON_FLOOR_H
#define BENCH_SIMDJSON_FLOOR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** simdjson DOM parse of a task body and of its result.data string, and a walk
 * touching every value of both (fresh parsers each call, as a library call
 * would have). Returns a checksum, or -1 when either is not JSON. */
long long bench_simdjson_task(const char *body, size_t len);
/** simdjson DOM parse of a document and its minified text (simdjson::minify).
 * Returns the output length, or -1 on a parse error. */
long long bench_simdjson_minify(const char *json, size_t len);

#ifdef __cplusplus
}
#endif

#endif
