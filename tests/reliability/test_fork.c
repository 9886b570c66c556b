/* fork() while four threads are inside the library: each child calls every
 * entry point and must get the parent's single-threaded answers (no lock held
 * forever by a thread that does not exist in the child, no broken state).
 * A hang is a failure (ctest's timeout). Usage: test_fork LIBRARY FIXTURES_DIR */
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

#include "api_cases.h"

#define THREADS 4
#define FORKS 25

static struct analyze_api api;
static char **expected;
static volatile int stop;
static int started[THREADS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg) {
  int id = (int)(long)arg, k = 0, mismatches = 0;
  while (!stop) {
    int i = (k++ + id * 5) % API_CASE_COUNT;
    char *result = api_case_run(&api, i);
    if (result == NULL || strcmp(result, expected[i]) != 0) mismatches++;
    free(result);
    pthread_mutex_lock(&lock);
    started[id] = 1;
    pthread_mutex_unlock(&lock);
  }
  return (void *)(long)mismatches;
}

static int all_started(void) {
  int i, all = 1;
  pthread_mutex_lock(&lock);
  for (i = 0; i < THREADS; i++) all &= started[i];
  pthread_mutex_unlock(&lock);
  return all;
}

/* In the child: every case once, compared with the parent's answers. */
static int child(void) {
  int i, differences = 0;
  for (i = 0; i < API_CASE_COUNT; i++) {
    char *result = api_case_run(&api, i);
    if (result == NULL || strcmp(result, expected[i]) != 0) differences++;
    free(result);
  }
  return differences == 0 ? 0 : 3;
}

int main(int argc, char **argv) {
  pthread_t threads[THREADS];
  int i;
  if (argc != 3) {
    fprintf(stderr, "usage: %s LIBRARY FIXTURES_DIR\n", argv[0]);
    return 2;
  }
  if (api_fixtures_load(argv[2]) != 0 || api_open(&api, argv[1]) != 0) return 2;
  expected = api_run_all(&api);
  for (i = 0; i < THREADS; i++) CHECK_INT(pthread_create(&threads[i], NULL, work, (void *)(long)i), 0);
  while (!all_started()) sched_yield();
  for (i = 0; i < FORKS; i++) {
    int status = -1;
    pid_t pid = fork();
    if (pid == 0) _exit(child());
    CHECK(pid > 0);
    if (pid > 0) {
      CHECK_INT(waitpid(pid, &status, 0), pid);
      CHECK(WIFEXITED(status));
      CHECK_INT(WEXITSTATUS(status), 0);
    }
  }
  stop = 1;
  for (i = 0; i < THREADS; i++) {
    void *mismatches = NULL;
    CHECK_INT(pthread_join(threads[i], &mismatches), 0);
    CHECK_INT((long)mismatches, 0);
  }
  api_results_free(expected);
  api_fixtures_free();
  return CHECK_DONE();
}
