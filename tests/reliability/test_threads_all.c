/* Every entry point is thread-safe on shared inputs: 16 threads run every case
 * of api_cases.h (validate, build, every response kind, task parse, segments
 * export in three formats, webhook parse/verify/sign, poll, JSON, version) in
 * a different order each, many rounds, and every answer equals the
 * single-threaded one byte for byte. Usage: test_threads_all LIBRARY FIXTURES_DIR [ROUNDS] */
#include <pthread.h>

#include "api_cases.h"

#define THREADS 16

static struct analyze_api api;
static char **expected;
static int rounds = 40;

struct worker {
  int id;
  int mismatches;
};

static void *work(void *arg) {
  struct worker *w = arg;
  int round, k;
  for (round = 0; round < rounds; round++)
    for (k = 0; k < API_CASE_COUNT; k++) {
      int i = (k * 7 + w->id + round) % API_CASE_COUNT; /* 7 is prime to the count: a permutation */
      char *result = api_case_run(&api, i);
      if (result == NULL || strcmp(result, expected[i]) != 0) {
        if (w->mismatches++ == 0) fprintf(stderr, "thread %d case %d differs: %.200s\n", w->id, i, result);
      }
      free(result);
    }
  return NULL;
}

int main(int argc, char **argv) {
  pthread_t threads[THREADS];
  struct worker workers[THREADS];
  int i;
  if (argc < 3) {
    fprintf(stderr, "usage: %s LIBRARY FIXTURES_DIR [ROUNDS]\n", argv[0]);
    return 2;
  }
  if (argc > 3) rounds = atoi(argv[3]);
  if (api_fixtures_load(argv[2]) != 0 || api_open(&api, argv[1]) != 0) return 2;
  expected = api_run_all(&api);
  for (i = 0; i < THREADS; i++) {
    workers[i].id = i;
    workers[i].mismatches = 0;
    CHECK_INT(pthread_create(&threads[i], NULL, work, &workers[i]), 0);
  }
  for (i = 0; i < THREADS; i++) {
    CHECK_INT(pthread_join(threads[i], NULL), 0);
    CHECK_INT(workers[i].mismatches, 0);
  }
  api_results_free(expected);
  api_fixtures_free();
  return CHECK_DONE();
}
