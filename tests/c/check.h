/* Minimal assertion helpers for the C tests: count failures, print each with its line. */
#ifndef ANALYZE_TEST_CHECK_H
#define ANALYZE_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures = 0;
static int check_count = 0;

#define CHECK(cond)                                                          \
  do {                                                                       \
    check_count++;                                                           \
    if (!(cond)) {                                                           \
      check_failures++;                                                      \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                        \
  } while (0)

#define CHECK_INT(actual, expected)                                                       \
  do {                                                                                    \
    long long check_a_ = (long long)(actual), check_e_ = (long long)(expected);           \
    check_count++;                                                                        \
    if (check_a_ != check_e_) {                                                           \
      check_failures++;                                                                   \
      fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #actual,  \
              check_a_, check_e_);                                                        \
    }                                                                                     \
  } while (0)

#define CHECK_STR(actual, expected)                                                                  \
  do {                                                                                               \
    const char *check_a_ = (actual), *check_e_ = (expected);                                         \
    check_count++;                                                                                   \
    if (check_a_ == NULL || strcmp(check_a_, check_e_) != 0) {                                       \
      check_failures++;                                                                              \
      fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual,         \
              check_a_ ? check_a_ : "(null)", check_e_);                                             \
    }                                                                                                \
  } while (0)

/* Reads a whole file into a NUL-terminated malloc'd buffer (free it); NULL when
 * it cannot be opened. *len gets its length (0 on a short read). */
static inline char *check_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long size;
  *len = 0;
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc((size_t)size + 1);
  if (buf == NULL) {
    fclose(f);
    return NULL;
  }
  if (fread(buf, 1, (size_t)size, f) != (size_t)size) size = 0;
  buf[size] = 0;
  fclose(f);
  *len = (size_t)size;
  return buf;
}

/* Prints the summary line and returns the process exit code. */
#define CHECK_DONE()                                                             \
  (printf("%d checks, %d failed\n", check_count, check_failures), check_failures ? 1 : 0)

#endif
