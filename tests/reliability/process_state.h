/* What a library could change in its host process, measured from inside:
 * every signal's disposition, the alternate signal stack, the signal mask,
 * the number of threads and the resident set size. */
#ifndef ANALYZE_RELIABILITY_PROCESS_STATE_H
#define ANALYZE_RELIABILITY_PROCESS_STATE_H

#define _GNU_SOURCE
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/** Highest signal number compared (SIGRTMAX on Linux is 64). */
#define STATE_SIGNALS 65

/** A snapshot of the host's signal state. */
struct signal_state {
  struct sigaction actions[STATE_SIGNALS];
  int action_ok[STATE_SIGNALS];
  stack_t altstack;
  sigset_t mask;
};

static inline void signal_state_take(struct signal_state *s) {
  int sig;
  memset(s, 0, sizeof *s);
  for (sig = 1; sig < STATE_SIGNALS; sig++) s->action_ok[sig] = sigaction(sig, NULL, &s->actions[sig]) == 0;
  sigaltstack(NULL, &s->altstack);
  sigprocmask(SIG_SETMASK, NULL, &s->mask);
}

/** Prints each difference between two snapshots; returns how many there are. */
static inline int signal_state_diff(const struct signal_state *a, const struct signal_state *b) {
  int sig, differences = 0;
  for (sig = 1; sig < STATE_SIGNALS; sig++) {
    const struct sigaction *x = &a->actions[sig], *y = &b->actions[sig];
    int mask_differs = 0, i;
    if (a->action_ok[sig] != b->action_ok[sig]) {
      fprintf(stderr, "signal %d: sigaction() result changed\n", sig);
      differences++;
      continue;
    }
    if (!a->action_ok[sig]) continue;
    for (i = 1; i < STATE_SIGNALS; i++)
      if (sigismember(&x->sa_mask, i) != sigismember(&y->sa_mask, i)) mask_differs = 1;
    if ((void *)x->sa_handler != (void *)y->sa_handler || x->sa_flags != y->sa_flags || mask_differs) {
      fprintf(stderr, "signal %d (%s): disposition changed (handler %p -> %p, flags %#x -> %#x)\n", sig,
              strsignal(sig), (void *)x->sa_handler, (void *)y->sa_handler, (unsigned)x->sa_flags,
              (unsigned)y->sa_flags);
      differences++;
    }
  }
  if (a->altstack.ss_sp != b->altstack.ss_sp || a->altstack.ss_size != b->altstack.ss_size ||
      a->altstack.ss_flags != b->altstack.ss_flags) {
    fprintf(stderr, "alternate signal stack changed (%p/%zu/%d -> %p/%zu/%d)\n", a->altstack.ss_sp,
            a->altstack.ss_size, a->altstack.ss_flags, b->altstack.ss_sp, b->altstack.ss_size, b->altstack.ss_flags);
    differences++;
  }
  for (sig = 1; sig < STATE_SIGNALS; sig++)
    if (sigismember(&a->mask, sig) != sigismember(&b->mask, sig)) {
      fprintf(stderr, "signal mask changed for signal %d\n", sig);
      differences++;
    }
  return differences;
}

/** The number of threads of this process (entries of /proc/self/task), or -1. */
static inline int thread_count(void) {
  DIR *dir = opendir("/proc/self/task");
  struct dirent *entry;
  int count = 0;
  if (dir == NULL) return -1;
  while ((entry = readdir(dir)) != NULL)
    if (entry->d_name[0] != '.') count++;
  closedir(dir);
  return count;
}

/** Resident set size in KiB (VmRSS of /proc/self/status), or -1. */
static inline long rss_kib(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kib = -1;
  if (f == NULL) return -1;
  while (fgets(line, sizeof line, f) != NULL)
    if (sscanf(line, "VmRSS: %ld kB", &kib) == 1) break;
  fclose(f);
  return kib;
}

#endif
