/* Input helpers of the analyze command-line tool. */
#include "io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <analyze.h>

char *cli_read_input(const char *path, size_t *len) {
  FILE *file = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  size_t capacity = 65536, used = 0;
  char *buffer;
  if (file == NULL) {
    fprintf(stderr, "analyze: cannot open %s: %s\n", path, strerror(errno));
    return NULL;
  }
  buffer = malloc(capacity);
  while (buffer != NULL) {
    size_t got = fread(buffer + used, 1, capacity - used - 1, file);
    used += got;
    if (got == 0) break;
    if (capacity - used - 1 == 0) {
      char *bigger = capacity > ANALYZE_INPUT_MAX_BYTES ? NULL : realloc(buffer, capacity * 2);
      if (bigger == NULL) {
        free(buffer);
        buffer = NULL;
        break;
      }
      buffer = bigger;
      capacity *= 2;
    }
  }
  if (buffer == NULL || ferror(file)) {
    fprintf(stderr, "analyze: cannot read %s: %s\n", path, buffer == NULL ? "input too large or out of memory" : strerror(errno));
    free(buffer);
    if (file != stdin) fclose(file);
    return NULL;
  }
  if (file != stdin) fclose(file);
  buffer[used] = '\0';
  *len = used;
  return buffer;
}

void cli_report_error(const char *what, int code, const struct analyze_error *err) {
  fprintf(stderr, "analyze: %s: %s", what, err->message[0] ? err->message : analyze_strerror(code));
  if (err->path[0]) fprintf(stderr, " (at %s)", err->path);
  fputc('\n', stderr);
}
