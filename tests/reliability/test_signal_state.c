/* Loading the library and a first call of every entry point leave the host's
 * signal state exactly as it was: every sigaction, the alternate signal stack
 * and the signal mask; and no thread is created. ctest runs this with
 * SWIFT_BACKTRACE unset, set to enable=yes, and set so that the Swift
 * runtime's backtracer would be enabled (it then installed handlers for SEGV,
 * ILL, BUS, TRAP, ABRT, FPE and QUIT plus an alternate stack before
 * cmake/swift_runtime_wraps.c). Usage: test_signal_state LIBRARY FIXTURES_DIR */
#include "api_cases.h"
#include "process_state.h"

static void host_handler(int sig) { (void)sig; }

int main(int argc, char **argv) {
  struct analyze_api api;
  struct signal_state before, loaded, used;
  struct sigaction host;
  sigset_t blocked;
  char **results;
  int threads;
  if (argc != 3) {
    fprintf(stderr, "usage: %s LIBRARY FIXTURES_DIR\n", argv[0]);
    return 2;
  }
  if (api_fixtures_load(argv[2]) != 0) return 2;
  /* The host has its own crash handler and a blocked signal; both must survive. */
  memset(&host, 0, sizeof host);
  host.sa_handler = host_handler;
  sigemptyset(&host.sa_mask);
  host.sa_flags = SA_RESTART;
  CHECK_INT(sigaction(SIGSEGV, &host, NULL), 0);
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGUSR2);
  CHECK_INT(sigprocmask(SIG_BLOCK, &blocked, NULL), 0);

  threads = thread_count();
  CHECK_INT(threads, 1);
  signal_state_take(&before);
  if (api_open(&api, argv[1]) != 0) return 1;
  signal_state_take(&loaded);
  CHECK_INT(signal_state_diff(&before, &loaded), 0);

  results = api_run_all(&api);
  signal_state_take(&used);
  CHECK_INT(signal_state_diff(&before, &used), 0);
  CHECK_INT(thread_count(), threads);
  api_results_free(results);
  api_fixtures_free();
  return CHECK_DONE();
}
