/* 1,000,000 calls keep the resident set flat: after a warm-up, cheap calls of
 * the request, JSON, webhook and polling entry points cycle until a million,
 * each compared with its first answer; RSS may not grow by more than 1 MiB
 * between call 100,000 and call 1,000,000 (a leak of one small allocation per
 * call would be tens of MiB). Usage: test_calls_rss LIBRARY FIXTURES_DIR */
#include "api_cases.h"
#include "process_state.h"

#define CALLS 1000000L
#define WARMUP 100000L
#define RSS_SLACK_KIB 1024

/* Cheap cases (see api_cases.h): normalize, malformed JSON, retrieve, delete,
 * verify, a failed verify, sign, poll. */
static const int cheap[] = {1, 2, 8, 9, 22, 23, 24, 25};
#define CHEAP (int)(sizeof cheap / sizeof cheap[0])

int main(int argc, char **argv) {
  struct analyze_api api;
  char *expected[CHEAP];
  long call, rss_warm = 0, rss_end;
  int i, mismatches = 0;
  if (argc != 3) {
    fprintf(stderr, "usage: %s LIBRARY FIXTURES_DIR\n", argv[0]);
    return 2;
  }
  if (api_fixtures_load(argv[2]) != 0 || api_open(&api, argv[1]) != 0) return 2;
  api_results_free(api_run_all(&api));
  for (i = 0; i < CHEAP; i++) expected[i] = api_case_run(&api, cheap[i]);
  for (call = 0; call < CALLS; call++) {
    int which = (int)(call % CHEAP);
    char *result = api_case_run(&api, cheap[which]);
    if (result == NULL || strcmp(result, expected[which]) != 0) mismatches++;
    free(result);
    if (call == WARMUP) rss_warm = rss_kib();
  }
  rss_end = rss_kib();
  printf("RSS after %ld calls: %ld KiB, after %ld: %ld KiB\n", WARMUP, rss_warm, CALLS, rss_end);
  CHECK_INT(mismatches, 0);
  CHECK(rss_warm > 0 && rss_end - rss_warm <= RSS_SLACK_KIB);
  for (i = 0; i < CHEAP; i++) free(expected[i]);
  api_fixtures_free();
  return CHECK_DONE();
}
