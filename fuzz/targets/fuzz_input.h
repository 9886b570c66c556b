/* Shared by the libFuzzer targets (one per C entry point, fuzz/targets/<name>.c):
 * the input split in two at its first newline, for entry points that take two
 * texts (a request and its options, a signature header and a body...). */
#ifndef ANALYZE_FUZZ_INPUT_H
#define ANALYZE_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <analyze.h>

/** The two parts of an input: before its first newline, and after it. */
struct fuzz_parts {
  const char *first;
  size_t first_len;
  const char *rest;
  size_t rest_len;
};

static inline struct fuzz_parts fuzz_split(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  const char *newline = size ? memchr(text, '\n', size) : NULL;
  struct fuzz_parts parts = {text, size, text + size, 0};
  if (newline != NULL) {
    parts.first_len = (size_t)(newline - text);
    parts.rest = newline + 1;
    parts.rest_len = size - parts.first_len - 1;
  }
  return parts;
}

/** Options every builder needs. */
#define FUZZ_API_KEY "{\"api_key\":\"k\"}"

#endif
