/* Benchmark: libanalyze (simdjson + Swift writer) against jansson on the same
 * large retrieve body, outer document and the JSON inside result.data, and
 * analyze_task_parse (typed, checked task) against jansson's plain parse of
 * the body and of its result.data.
 * Prints the median of RUNS runs per case and the ratio; no assertions.
 * Usage: bench_json FILE [RUNS]  (RUNS 0: only run analyze_task_parse
 * BENCH_LOOPS times, default 200, for `perf record`) */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <analyze.h>
#include <jansson.h>

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

typedef void (*bench_fn)(const char *text, size_t len);

static double median_ms(bench_fn fn, const char *text, size_t len, int runs) {
  double *times = malloc(sizeof(double) * (size_t)runs), result;
  int i;
  fn(text, len); /* warm up */
  for (i = 0; i < runs; i++) {
    double start = now_ms();
    fn(text, len);
    times[i] = now_ms() - start;
  }
  qsort(times, (size_t)runs, sizeof(double), compare);
  result = times[runs / 2];
  free(times);
  return result;
}

static void with_analyze(const char *text, size_t len) {
  char *out = NULL;
  if (analyze_json_normalize(&out, text, len, NULL) != ANALYZE_OK) exit(1);
  analyze_free(out);
}

static void with_jansson(const char *text, size_t len) {
  json_error_t err;
  json_t *value = json_loadb(text, len, 0, &err);
  char *out;
  if (value == NULL) exit(1);
  out = json_dumps(value, JSON_COMPACT | JSON_PRESERVE_ORDER);
  free(out);
  json_decref(value);
}

static void with_task_parse(const char *text, size_t len) {
  char *out = NULL;
  if (analyze_task_parse(&out, text, len, NULL, 0, NULL) != ANALYZE_OK) exit(1);
  analyze_free(out);
}

/* jansson's parse of the body plus a parse of its result.data string: what a
 * client needs at least before reading any segment. */
static void with_jansson_twice(const char *text, size_t len) {
  json_error_t err;
  json_t *value = json_loadb(text, len, 0, &err), *inner;
  const char *data;
  if (value == NULL) exit(1);
  data = json_string_value(json_object_get(json_object_get(value, "result"), "data"));
  if (data == NULL) exit(1);
  inner = json_loadb(data, json_string_length(json_object_get(json_object_get(value, "result"), "data")), 0, &err);
  if (inner == NULL) exit(1);
  json_decref(inner);
  json_decref(value);
}

static void report_task(const char *text, size_t len, int runs) {
  double a = median_ms(with_task_parse, text, len, runs);
  double j = median_ms(with_jansson_twice, text, len, runs);
  printf("%-34s %9zu bytes  libanalyze %8.2f ms  jansson %8.2f ms  jansson/libanalyze %5.1fx\n",
         "task parse vs jansson load x2", len, a, j, j / a);
}

static void report(const char *what, const char *text, size_t len, int runs) {
  double a = median_ms(with_analyze, text, len, runs);
  double j = median_ms(with_jansson, text, len, runs);
  printf("%-34s %9zu bytes  libanalyze %8.2f ms  jansson %8.2f ms  jansson/libanalyze %5.1fx\n", what, len, a, j, j / a);
}

int main(int argc, char **argv) {
  FILE *f;
  char *text;
  long size;
  int runs = argc > 2 ? atoi(argv[2]) : 15;
  json_t *doc;
  json_error_t err;
  if (argc < 2 || (f = fopen(argv[1], "rb")) == NULL) {
    fprintf(stderr, "usage: bench_json FILE [RUNS]\n");
    return 2;
  }
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  text = malloc((size_t)size + 1);
  if (fread(text, 1, (size_t)size, f) != (size_t)size) return 2;
  fclose(f);
  if (runs <= 0) {
    const char *loops = getenv("BENCH_LOOPS");
    int i, n = loops ? atoi(loops) : 200;
    for (i = 0; i < n; i++) with_task_parse(text, (size_t)size);
    free(text);
    return 0;
  }
  report("parse + write, whole body", text, (size_t)size, runs);
  report_task(text, (size_t)size, runs);
  doc = json_loadb(text, (size_t)size, 0, &err);
  if (doc) {
    const char *data = json_string_value(json_object_get(json_object_get(doc, "result"), "data"));
    if (data) report("parse + write, result.data", data, strlen(data), runs);
    json_decref(doc);
  }
  free(text);
  return 0;
}
