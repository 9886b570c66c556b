/* A growing NUL-terminated text buffer (see buffer.h). */
#include "buffer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_buffer_init(struct cli_buffer *b, const char *text) {
  b->len = strlen(text);
  b->data = malloc(b->len + 1);
  if (b->data != NULL) memcpy(b->data, text, b->len + 1);
}

void cli_buffer_append(struct cli_buffer *b, const char *text, size_t n) {
  char *bigger;
  if (b->data == NULL) return;
  bigger = realloc(b->data, b->len + n + 1);
  if (bigger == NULL) {
    cli_buffer_free(b);
    return;
  }
  memcpy(bigger + b->len, text, n);
  b->len += n;
  bigger[b->len] = '\0';
  b->data = bigger;
}

void cli_buffer_append_quoted(struct cli_buffer *b, const char *text, size_t n) {
  size_t i, start = 0;
  cli_buffer_append(b, "\"", 1);
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)text[i];
    char escaped[8];
    if (c != '"' && c != '\\' && c >= 0x20) continue;
    cli_buffer_append(b, text + start, i - start);
    if (c == '"' || c == '\\') {
      escaped[0] = '\\';
      escaped[1] = (char)c;
      cli_buffer_append(b, escaped, 2);
    } else {
      snprintf(escaped, sizeof escaped, "\\u%04x", c);
      cli_buffer_append(b, escaped, 6);
    }
    start = i + 1;
  }
  cli_buffer_append(b, text + start, n - start);
  cli_buffer_append(b, "\"", 1);
}

void cli_buffer_append_key(struct cli_buffer *b, const char *key, size_t n) {
  if (b->data != NULL && b->data[b->len - 1] != '{') cli_buffer_append(b, ",", 1);
  cli_buffer_append_quoted(b, key, n);
  cli_buffer_append(b, ":", 1);
}

const char *cli_buffer_text(const struct cli_buffer *b) { return b->data != NULL ? b->data : ""; }

void cli_buffer_free(struct cli_buffer *b) {
  free(b->data);
  b->data = NULL;
  b->len = 0;
}
