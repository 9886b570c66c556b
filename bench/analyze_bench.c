/* analyze-bench: libanalyze against the floors of the same work, in one process.
 *
 *   analyze-bench [--json] [--quick]    table (or {"machine":..,"metrics":..})
 *   analyze-bench --body SEGMENTS DEFS  writes the generated task body to stdout
 *   analyze-bench --request DEFS        writes the generated create request to stdout
 *   analyze-bench --only CASE LOOPS     runs one case LOOPS times, for
 *                                       valgrind --tool=callgrind (docs/benchmarks.md)
 *
 * Inputs are generated deterministically (bench_body.c). Each case is timed as
 * the median of interleaved samples (every case once per round), so a busy
 * machine slows all of them alike: read the ratios. --quick uses tiny inputs
 * and one sample, to prove the program works; nothing here asserts a speed. */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <analyze.h>
#include <jansson.h>

#include "bench_body.h"
#include "simdjson_floor.h"

/* ---- The cases ---------------------------------------------------------- */

typedef struct input {
  const char *text;
  size_t len;
  const char *options;
  size_t options_len;
  const char *header;
  size_t header_len;
} input_t;

typedef void (*case_fn)(const input_t *in);

static void fail(const char *what) {
  fprintf(stderr, "analyze-bench: %s failed\n", what);
  exit(1);
}

static void run_task_parse(const input_t *in) {
  char *out = NULL;
  if (analyze_task_parse(&out, in->text, in->len, in->options, in->options_len, NULL) != ANALYZE_OK)
    fail("analyze_task_parse");
  analyze_free(out);
}

static void run_simdjson_task(const input_t *in) {
  if (bench_simdjson_task(in->text, in->len) < 0) fail("simdjson task floor");
}

static void run_jansson_task(const input_t *in) {
  json_error_t error;
  json_t *doc = json_loadb(in->text, in->len, 0, &error);
  json_t *data = json_object_get(json_object_get(doc, "result"), "data");
  json_t *inner = json_loadb(json_string_value(data), json_string_length(data), 0, &error);
  if (doc == NULL || inner == NULL) fail("jansson");
  json_decref(inner);
  json_decref(doc);
}

static void run_normalize(const input_t *in) {
  char *out = NULL;
  if (analyze_json_normalize(&out, in->text, in->len, NULL) != ANALYZE_OK) fail("analyze_json_normalize");
  analyze_free(out);
}

static void run_simdjson_minify(const input_t *in) {
  if (bench_simdjson_minify(in->text, in->len) < 0) fail("simdjson minify");
}

static void run_validate(const input_t *in) {
  char *report = NULL;
  if (analyze_request_validate(&report, in->text, in->len, NULL, 0, NULL) != ANALYZE_OK) fail("validate");
  if (strncmp(report, "{\"valid\":true", 13) != 0) fail("validate (request must be valid)");
  analyze_free(report);
}

static void run_build(const input_t *in) {
  char *http = NULL;
  if (analyze_request_build(&http, in->text, in->len, in->options, in->options_len, NULL) != ANALYZE_OK)
    fail("analyze_request_build");
  analyze_free(http);
}

static void run_webhook_verify(const input_t *in) {
  if (analyze_webhook_verify("whsec_bench", 11, in->header, in->header_len, in->text, in->len, 1764500000,
                             ANALYZE_WEBHOOK_DEFAULT_TOLERANCE, NULL) != ANALYZE_OK)
    fail("analyze_webhook_verify");
}

/* The smallest call that crosses the ABI and returns memory. */
static void run_abi_call(const input_t *in) {
  char *out = NULL;
  (void)in;
  if (analyze_json_normalize(&out, "0", 1, NULL) != ANALYZE_OK) fail("abi call");
  analyze_free(out);
}

/* ---- Timing ------------------------------------------------------------- */

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

#define MAX_SAMPLES 15

typedef struct bench_case {
  const char *name;
  case_fn fn;
  input_t in;
  long calls; /* calls per sample, calibrated so that a sample takes >= 20 ms */
  double samples[MAX_SAMPLES];
  double seconds; /* median seconds per call */
} bench_case_t;

static void calibrate(bench_case_t *c, int quick) {
  c->calls = 1;
  c->fn(&c->in); /* warm up */
  if (quick) return;
  for (;;) {
    double start = now_s();
    for (long i = 0; i < c->calls; i++) c->fn(&c->in);
    if (now_s() - start >= 0.02 || c->calls >= (1L << 24)) return;
    c->calls *= 2;
  }
}

/* Times every case `rounds` times, interleaved, and keeps each case's median. */
static void measure(bench_case_t *cases, int count, int rounds) {
  for (int r = 0; r < rounds; r++) {
    for (int k = 0; k < count; k++) {
      double start = now_s();
      for (long i = 0; i < cases[k].calls; i++) cases[k].fn(&cases[k].in);
      cases[k].samples[r] = (now_s() - start) / (double)cases[k].calls;
    }
  }
  for (int k = 0; k < count; k++) {
    qsort(cases[k].samples, (size_t)rounds, sizeof(double), compare_doubles);
    cases[k].seconds = cases[k].samples[rounds / 2];
  }
}

/* ---- Peak memory ---------------------------------------------------------- */

/* Growth of the peak resident set while `fn` runs once, over the input size, in
 * a forked child (so the parent's heap does not hide it): the kernel's
 * high-water mark is reset (/proc/self/clear_refs 5) after the input exists.
 * With `first_call` 0 the child runs `fn` once before, unmeasured: what is
 * measured is then a call in a process that has made one already (a server's
 * every call), without the one-time growth of a first call — the code pages of
 * the library and the Swift runtime faulted in, the runtime's caches filled
 * (~4 MB here whatever the body's size, so its share of the ratio depends on
 * the size; docs/benchmarks.md). */
static double peak_rss_ratio(case_fn fn, const input_t *in, int first_call) {
  int pipefd[2];
  double ratio = -1;
  if (pipe(pipefd) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    long base_kb = -1, peak_kb = -1;
    FILE *f;
    if (!first_call) fn(in);
    malloc_trim(0);
    if ((f = fopen("/proc/self/clear_refs", "w")) != NULL) {
      fputs("5", f);
      fclose(f);
    }
    char line[256];
    if ((f = fopen("/proc/self/status", "r")) != NULL) {
      while (fgets(line, sizeof line, f)) sscanf(line, "VmHWM: %ld kB", &base_kb);
      fclose(f);
    }
    fn(in);
    if ((f = fopen("/proc/self/status", "r")) != NULL) {
      while (fgets(line, sizeof line, f)) sscanf(line, "VmHWM: %ld kB", &peak_kb);
      fclose(f);
    }
    double r = base_kb < 0 || peak_kb < 0 ? -1 : (double)(peak_kb - base_kb) * 1024.0 / (double)in->len;
    if (write(pipefd[1], &r, sizeof r) != (ssize_t)sizeof r) _exit(1);
    _exit(0);
  }
  close(pipefd[1]);
  if (pid > 0 && read(pipefd[0], &ratio, sizeof ratio) != (ssize_t)sizeof ratio) ratio = -1;
  close(pipefd[0]);
  if (pid > 0) waitpid(pid, NULL, 0);
  return ratio;
}

/* ---- Output ------------------------------------------------------------- */

static void cpu_model(char *out, size_t size) {
  FILE *f = fopen("/proc/cpuinfo", "r");
  char line[512];
  snprintf(out, size, "unknown");
  if (f == NULL) return;
  while (fgets(line, sizeof line, f)) {
    char *colon = strchr(line, ':');
    if (strncmp(line, "model name", 10) == 0 && colon) {
      snprintf(out, size, "%s", colon + 2);
      out[strcspn(out, "\n")] = '\0';
      break;
    }
  }
  fclose(f);
}

typedef struct metric {
  const char *name, *unit, *what;
  double value;
} metric_t;

static double mb_s(const bench_case_t *c) { return (double)c->in.len / 1e6 / c->seconds; }

int main(int argc, char **argv) {
  int json = 0, quick = 0;
  const char *only = NULL;
  long loops = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--json") == 0) {
      json = 1;
    } else if (strcmp(argv[i], "--quick") == 0) {
      quick = 1;
    } else if (strcmp(argv[i], "--body") == 0 && i + 2 < argc) {
      buf_t body = bench_task_body(atoi(argv[i + 1]), atoi(argv[i + 2]));
      fwrite(body.data, 1, body.len, stdout);
      free(body.data);
      return 0;
    } else if (strcmp(argv[i], "--request") == 0 && i + 1 < argc) {
      buf_t request = bench_create_request(atoi(argv[i + 1]));
      fwrite(request.data, 1, request.len, stdout);
      free(request.data);
      return 0;
    } else if (strcmp(argv[i], "--only") == 0 && i + 2 < argc) {
      only = argv[i + 1];
      loops = atol(argv[i + 2]);
      i += 2;
    } else {
      fprintf(stderr, "usage: analyze-bench [--json] [--quick] | --body SEGMENTS DEFS | --request DEFS | --only CASE LOOPS\n");
      return 2;
    }
  }

  /* The sizes: 2,400 segments over 20 definitions (~0.5 MB), 4x that
   * (~2 MB), a 5-definition create request, a 10 KB webhook. */
  int segments = quick ? 24 : 2400, defs = quick ? 2 : 20;
  buf_t task = bench_task_body(segments, defs);
  buf_t task4 = bench_task_body(segments * 4, defs);
  buf_t request = bench_create_request(quick ? 1 : 5);
  buf_t webhook = bench_webhook_body(quick ? 200 : 10240);
  const char *options = "{\"api_key\":\"tlk_bench\",\"idempotency_key\":\"bench-key\"}";
  const char *no_data = "{\"include_data\":false}";
  const char *pickled = "{\"include_data\":false,\"segments_encoding\":\"pickle\"}";
  char *header = NULL;
  if (analyze_webhook_sign(&header, "whsec_bench", 11, webhook.data, webhook.len, 1764500000, NULL) != ANALYZE_OK)
    fail("analyze_webhook_sign");

  input_t in_task = {task.data, task.len, NULL, 0, NULL, 0};
  input_t in_task4 = {task4.data, task4.len, NULL, 0, NULL, 0};
  input_t in_task_nodata = {task.data, task.len, no_data, strlen(no_data), NULL, 0};
  input_t in_task4_nodata = {task4.data, task4.len, no_data, strlen(no_data), NULL, 0};
  input_t in_task_pickle = {task.data, task.len, pickled, strlen(pickled), NULL, 0};
  input_t in_task4_pickle = {task4.data, task4.len, pickled, strlen(pickled), NULL, 0};
  input_t in_request = {request.data, request.len, options, strlen(options), NULL, 0};
  input_t in_webhook = {webhook.data, webhook.len, NULL, 0, header, strlen(header)};
  bench_case_t cases[] = {
      {"parse_task", run_task_parse, in_task, 0, {0}, 0},
      {"simdjson_task", run_simdjson_task, in_task, 0, {0}, 0},
      {"jansson_task", run_jansson_task, in_task, 0, {0}, 0},
      {"parse_task_4x", run_task_parse, in_task4, 0, {0}, 0},
      {"simdjson_task_4x", run_simdjson_task, in_task4, 0, {0}, 0},
      {"normalize_4x", run_normalize, in_task4, 0, {0}, 0},
      {"simdjson_minify_4x", run_simdjson_minify, in_task4, 0, {0}, 0},
      {"validate_request", run_validate, in_request, 0, {0}, 0},
      {"build_request", run_build, in_request, 0, {0}, 0},
      {"webhook_verify", run_webhook_verify, in_webhook, 0, {0}, 0},
      {"abi_call", run_abi_call, in_request, 0, {0}, 0},
      {"parse_task_nodata", run_task_parse, in_task_nodata, 0, {0}, 0},
      {"parse_task_nodata_4x", run_task_parse, in_task4_nodata, 0, {0}, 0},
      {"parse_task_pickle", run_task_parse, in_task_pickle, 0, {0}, 0},
      {"parse_task_pickle_4x", run_task_parse, in_task4_pickle, 0, {0}, 0},
  };
  enum { CASES = sizeof cases / sizeof cases[0] };

  if (only != NULL) {
    for (int k = 0; k < CASES; k++) {
      if (strcmp(cases[k].name, only) == 0) {
        for (long i = 0; i < loops; i++) cases[k].fn(&cases[k].in);
        return 0;
      }
    }
    fprintf(stderr, "analyze-bench: no case %s\n", only);
    return 2;
  }

  double rss_task = peak_rss_ratio(run_task_parse, &in_task4, 0);
  double rss_simdjson = peak_rss_ratio(run_simdjson_task, &in_task4, 0);
  double rss_task_nodata = peak_rss_ratio(run_task_parse, &in_task4_nodata, 0);
  double rss_task_pickle = peak_rss_ratio(run_task_parse, &in_task4_pickle, 0);
  double rss_task_first = peak_rss_ratio(run_task_parse, &in_task4, 1);
  double rss_simdjson_first = peak_rss_ratio(run_simdjson_task, &in_task4, 1);
  for (int k = 0; k < CASES; k++) calibrate(&cases[k], quick);
  measure(cases, CASES, quick ? 1 : MAX_SAMPLES);

  metric_t metrics[] = {
      {"parse_task_mb_s", "MB/s", "analyze_task_parse, 2,400 segments / 20 definitions", mb_s(&cases[0])},
      {"simdjson_floor_mb_s", "MB/s", "simdjson DOM of the same body + result.data + walk", mb_s(&cases[1])},
      {"jansson_mb_s", "MB/s", "jansson json_loadb of the body + result.data", mb_s(&cases[2])},
      {"parse_task_vs_simdjson", "x", "parse_task_mb_s / simdjson_floor_mb_s (target >= 0.5)",
       mb_s(&cases[0]) / mb_s(&cases[1])},
      {"parse_task_4x_mb_s", "MB/s", "analyze_task_parse, 9,600 segments (4x body)", mb_s(&cases[3])},
      {"simdjson_floor_4x_mb_s", "MB/s", "simdjson floor on the 4x body", mb_s(&cases[4])},
      {"parse_task_4x_vs_simdjson", "x", "the same ratio on the 4x body (target >= 0.5)",
       mb_s(&cases[3]) / mb_s(&cases[4])},
      {"normalize_mb_s", "MB/s", "analyze_json_normalize of the 4x body (~2 MB)", mb_s(&cases[5])},
      {"simdjson_minify_mb_s", "MB/s", "simdjson parse + minify of the same document", mb_s(&cases[6])},
      {"normalize_vs_simdjson", "x", "normalize_mb_s / simdjson_minify_mb_s (target >= 0.5)",
       mb_s(&cases[5]) / mb_s(&cases[6])},
      {"validate_request_us", "us", "analyze_request_validate, 5-definition request (target < 15)",
       cases[7].seconds * 1e6},
      {"build_request_us", "us", "analyze_request_build of the same request", cases[8].seconds * 1e6},
      {"webhook_verify_us", "us", "analyze_webhook_verify, 10 KB body", cases[9].seconds * 1e6},
      {"abi_call_ns", "ns", "analyze_json_normalize(\"0\") + analyze_free", cases[10].seconds * 1e9},
      {"parse_task_peak_rss_ratio", "x", "peak RSS growth / body size, 4x body, after one call (target < 4)", rss_task},
      {"simdjson_peak_rss_ratio", "x", "the same for the simdjson floor", rss_simdjson},
      {"parse_task_first_call_peak_rss_ratio", "x", "the same in the process's first call (with the library's one-time growth)",
       rss_task_first},
      {"simdjson_first_call_peak_rss_ratio", "x", "the same for the simdjson floor's first call", rss_simdjson_first},
      {"parse_task_nodata_mb_s", "MB/s", "analyze_task_parse with {\"include_data\":false}", mb_s(&cases[11])},
      {"parse_task_nodata_vs_simdjson", "x", "parse_task_nodata_mb_s / simdjson_floor_mb_s",
       mb_s(&cases[11]) / mb_s(&cases[1])},
      {"parse_task_nodata_4x_mb_s", "MB/s", "the same on the 4x body", mb_s(&cases[12])},
      {"parse_task_nodata_4x_vs_simdjson", "x", "parse_task_nodata_4x_mb_s / simdjson_floor_4x_mb_s",
       mb_s(&cases[12]) / mb_s(&cases[4])},
      {"parse_task_nodata_peak_rss_ratio", "x", "peak RSS growth / body size, 4x body, include_data false",
       rss_task_nodata},
      {"parse_task_pickle_mb_s", "MB/s", "analyze_task_parse, include_data false, segments as a pickle (the Python binding's call)",
       mb_s(&cases[13])},
      {"parse_task_pickle_vs_simdjson", "x", "parse_task_pickle_mb_s / simdjson_floor_mb_s",
       mb_s(&cases[13]) / mb_s(&cases[1])},
      {"parse_task_pickle_4x_mb_s", "MB/s", "the same on the 4x body", mb_s(&cases[14])},
      {"parse_task_pickle_4x_vs_simdjson", "x", "parse_task_pickle_4x_mb_s / simdjson_floor_4x_mb_s",
       mb_s(&cases[14]) / mb_s(&cases[4])},
      {"parse_task_pickle_peak_rss_ratio", "x", "peak RSS growth / body size, 4x body, segments as a pickle",
       rss_task_pickle},
  };
  enum { METRICS = sizeof metrics / sizeof metrics[0] };

  char cpu[256];
  struct utsname uts;
  cpu_model(cpu, sizeof cpu);
  uname(&uts);
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (json) {
    printf("{\"machine\":{\"cpu\":\"%s\",\"cores\":%ld,\"os\":\"%s %s %s\",\"libanalyze\":\"%s\","
           "\"quick\":%s,\"task_body_bytes\":%zu,\"task_4x_body_bytes\":%zu,\"request_bytes\":%zu,"
           "\"webhook_bytes\":%zu},\"metrics\":{",
           cpu, cores, uts.sysname, uts.release, uts.machine, analyze_version_string(), quick ? "true" : "false",
           task.len, task4.len, request.len, webhook.len);
    for (int m = 0; m < METRICS; m++) printf("%s\"%s\":%.4g", m ? "," : "", metrics[m].name, metrics[m].value);
    printf("}}\n");
  } else {
    printf("analyze-bench: %s, %ld cores, libanalyze %s%s\n", cpu, cores, analyze_version_string(),
           quick ? " (quick: tiny inputs, one sample)" : "");
    printf("task body %zu bytes, 4x body %zu bytes, request %zu bytes, webhook %zu bytes\n\n", task.len,
           task4.len, request.len, webhook.len);
    for (int m = 0; m < METRICS; m++)
      printf("%-33s %10.4g %-4s  %s\n", metrics[m].name, metrics[m].value, metrics[m].unit, metrics[m].what);
  }
  analyze_free(header);
  free(task.data);
  free(task4.data);
  free(request.data);
  free(webhook.data);
  return 0;
}
