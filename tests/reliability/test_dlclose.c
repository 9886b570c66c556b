/* A host that reloads plugins can dlopen()/dlclose() the library as often as it
 * likes: 1,000 cycles, each calling an entry point through freshly resolved
 * symbols, leave the resident set flat (the library is linked -z nodelete, so
 * it stays mapped and the Swift runtime's static initializers run once; before,
 * every cycle re-ran them and leaked ~3 KB). Usage: test_dlclose LIBRARY FIXTURES_DIR */
#include "api_cases.h"
#include "process_state.h"

#define CYCLES 1000
#define WARMUP 100
/* Growth allowed between cycle WARMUP and cycle CYCLES (the old leak was ~2.6 MiB here). */
#define RSS_SLACK_KIB 512

int main(int argc, char **argv) {
  char *first = NULL;
  long rss_warm = 0, rss_end;
  int cycle;
  if (argc != 3) {
    fprintf(stderr, "usage: %s LIBRARY FIXTURES_DIR\n", argv[0]);
    return 2;
  }
  if (api_fixtures_load(argv[2]) != 0) return 2;
  for (cycle = 0; cycle < CYCLES; cycle++) {
    struct analyze_api api;
    char *result;
    if (api_open(&api, argv[1]) != 0) return 1;
    result = api_case_run(&api, 3);
    if (first == NULL)
      first = result;
    else {
      CHECK(result != NULL && strcmp(result, first) == 0);
      free(result);
    }
    CHECK_INT(dlclose(api.handle), 0);
    /* -z nodelete: still mapped after the last dlclose. */
    if (cycle == 0) {
      void *again = dlopen(argv[1], RTLD_NOW | RTLD_NOLOAD);
      CHECK(again != NULL);
      if (again != NULL) dlclose(again);
    }
    if (cycle == WARMUP) rss_warm = rss_kib();
  }
  rss_end = rss_kib();
  printf("RSS after %d cycles: %ld KiB, after %d: %ld KiB\n", WARMUP, rss_warm, CYCLES, rss_end);
  CHECK(rss_warm > 0 && rss_end - rss_warm <= RSS_SLACK_KIB);
  free(first);
  api_fixtures_free();
  return CHECK_DONE();
}
