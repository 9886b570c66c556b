/* A growing NUL-terminated text buffer, used to write the JSON objects the
 * tool hands the library (options, response headers). */
#ifndef ANALYZE_CLI_BUFFER_H
#define ANALYZE_CLI_BUFFER_H

#include <stddef.h>

/* The text so far. After an allocation failure `data` is NULL and every later
 * append does nothing, so callers check once, at the end. */
struct cli_buffer {
  char *data;
  size_t len;
};

/* Starts the buffer with `text`; data is NULL when memory is short. */
void cli_buffer_init(struct cli_buffer *b, const char *text);

/* Appends n bytes of text. */
void cli_buffer_append(struct cli_buffer *b, const char *text, size_t n);

/* Appends n bytes of text as a JSON string (quotes, backslashes and control
 * characters escaped; other bytes copied, the library checks UTF-8). */
void cli_buffer_append_quoted(struct cli_buffer *b, const char *text, size_t n);

/* Appends `"key":` to an object being written, after a comma unless the
 * object is still empty (the buffer ends in '{'). */
void cli_buffer_append_key(struct cli_buffer *b, const char *key, size_t n);

/* The text, or "" after an allocation failure (for messages). */
const char *cli_buffer_text(const struct cli_buffer *b);

/* Releases the text. */
void cli_buffer_free(struct cli_buffer *b);

#endif
