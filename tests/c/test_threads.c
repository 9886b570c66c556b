/* Every entry point is reentrant: eight threads normalize valid and malformed
 * documents at the same time and each gets exactly its own result. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <analyze.h>

#include "check.h"

#define THREADS 8
#define ROUNDS 2000

struct job {
  int id;
  int failures;
};

static void *work(void *arg) {
  struct job *job = arg;
  char input[128], expected[128];
  int round;
  for (round = 0; round < ROUNDS; round++) {
    char *out = NULL;
    analyze_error_t err;
    snprintf(input, sizeof input, "{ \"thread\" : %d, \"round\" : [ %d ] }", job->id, round);
    snprintf(expected, sizeof expected, "{\"thread\":%d,\"round\":[%d]}", job->id, round);
    if (analyze_json_normalize(&out, input, strlen(input), &err) != ANALYZE_OK || strcmp(out, expected) != 0)
      job->failures++;
    analyze_free(out);
    /* A malformed document's error detail belongs to this call only. */
    snprintf(input, sizeof input, "[%d,", job->id);
    if (analyze_json_normalize(&out, input, strlen(input), &err) != ANALYZE_EJSON || out != NULL ||
        err.position != (long long)strlen(input))
      job->failures++;
  }
  return NULL;
}

int main(void) {
  pthread_t threads[THREADS];
  struct job jobs[THREADS];
  int i;
  for (i = 0; i < THREADS; i++) {
    jobs[i].id = i;
    jobs[i].failures = 0;
    CHECK_INT(pthread_create(&threads[i], NULL, work, &jobs[i]), 0);
  }
  for (i = 0; i < THREADS; i++) {
    CHECK_INT(pthread_join(threads[i], NULL), 0);
    CHECK_INT(jobs[i].failures, 0);
  }
  return CHECK_DONE();
}
