/* Check a webhook before trusting it (C). No server: the body comes from a
 * file and the header from the command line, as a receiver would get them.
 *
 *   webhook_check SECRET SIGNATURE_HEADER BODY_FILE [NOW_UNIX]
 *
 * Exit 0 accepted, 1 rejected. Build: cc webhook_check.c $(pkg-config --cflags --libs analyze) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <analyze.h>

int main(int argc, char **argv) {
  char body[65536];
  size_t body_len;
  long long now;
  analyze_error_t err;
  int rc;
  FILE *file;
  if (argc < 4 || (file = fopen(argv[3], "rb")) == NULL) {
    fputs("usage: webhook_check SECRET SIGNATURE_HEADER BODY_FILE [NOW_UNIX]\n", stderr);
    return 2;
  }
  body_len = fread(body, 1, sizeof body, file); /* the raw bytes, never re-serialized JSON */
  fclose(file);
  now = argc > 4 ? atoll(argv[4]) : (long long)time(NULL); /* the host owns the clock */

  rc = analyze_webhook_verify(argv[1], strlen(argv[1]), argv[2], strlen(argv[2]), body, body_len, now,
                              ANALYZE_WEBHOOK_DEFAULT_TOLERANCE, &err);
  if (rc == ANALYZE_OK) {
    puts("accepted"); /* now parse the event and act on it */
    return 0;
  }
  if (rc == ANALYZE_EWEBHOOK_TIMESTAMP)
    fprintf(stderr, "stale or replayed: %s\n", err.message);
  else
    fprintf(stderr, "rejected (%s): %s\n", analyze_strerror(rc), err.message);
  return 1;
}
