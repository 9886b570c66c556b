/* The analyze tool's HTTP transport over libcurl, loaded at run time (see http_curl.h). */
#include "http_curl.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "buffer.h"
#include "json_reader.h"

/* Largest total size of a response's header fields, in bytes (more is a transport failure). */
#define MAX_HEADER_BYTES ((size_t)1024 * 1024)

/* The libcurl functions the transport calls, resolved from libcurl.so.4. */
struct curl_api {
  CURL *(*easy_init)(void);
  void (*easy_reset)(CURL *);
  CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
  CURLcode (*easy_perform)(CURL *);
  CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
  void (*easy_cleanup)(CURL *);
  const char *(*easy_strerror)(CURLcode);
  struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
  void (*slist_free_all)(struct curl_slist *);
};

struct cli_http {
  void *library;
  struct curl_api curl;
  CURL *handle;
  long timeout_ms;
};

/* What the callbacks collect during one transfer. */
struct transfer {
  struct cli_buffer headers; /* "[[name,value],..." without the closing bracket */
  struct cli_buffer body;
  const char *overflow;      /* why the transfer was stopped, or NULL */
};

/* Resolves symbol `name` into the function pointer at `slot`; 0 when missing. */
static int resolve(void *library, const char *name, void *slot, size_t size) {
  void *symbol = dlsym(library, name);
  if (symbol == NULL) return 0;
  memcpy(slot, &symbol, size); /* POSIX guarantees a data pointer can hold a function's address */
  return 1;
}

#define RESOLVE(http, field, name) resolve((http)->library, name, &(http)->curl.field, sizeof (http)->curl.field)

struct cli_http *cli_http_open(long timeout_ms) {
  struct cli_http *http = calloc(1, sizeof *http);
  if (http == NULL) {
    fputs("analyze: out of memory\n", stderr);
    return NULL;
  }
  http->timeout_ms = timeout_ms;
  http->library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (http->library == NULL) {
    fprintf(stderr, "analyze: the API commands need libcurl (libcurl.so.4; Debian package libcurl4): %s\n", dlerror());
    free(http);
    return NULL;
  }
  if (!RESOLVE(http, easy_init, "curl_easy_init") || !RESOLVE(http, easy_reset, "curl_easy_reset") ||
      !RESOLVE(http, easy_setopt, "curl_easy_setopt") || !RESOLVE(http, easy_perform, "curl_easy_perform") ||
      !RESOLVE(http, easy_getinfo, "curl_easy_getinfo") || !RESOLVE(http, easy_cleanup, "curl_easy_cleanup") ||
      !RESOLVE(http, easy_strerror, "curl_easy_strerror") || !RESOLVE(http, slist_append, "curl_slist_append") ||
      !RESOLVE(http, slist_free_all, "curl_slist_free_all") || (http->handle = http->curl.easy_init()) == NULL) {
    fputs("analyze: libcurl.so.4 lacks a function the tool needs, or could not start\n", stderr);
    cli_http_close(http);
    return NULL;
  }
  return http;
}

void cli_http_close(struct cli_http *http) {
  if (http == NULL) return;
  if (http->handle != NULL) http->curl.easy_cleanup(http->handle);
  if (http->library != NULL) dlclose(http->library);
  free(http);
}

void cli_http_response_free(struct cli_http_response *response) {
  free(response->headers);
  free(response->body);
  memset(response, 0, sizeof *response);
}

/* libcurl's body callback: collects at most CLI_HTTP_MAX_BODY bytes. */
static size_t on_body(char *data, size_t size, size_t count, void *context) {
  struct transfer *t = context;
  if (t->body.data == NULL || count > (CLI_HTTP_MAX_BODY - t->body.len) / (size ? size : 1)) {
    t->overflow = t->body.data == NULL ? "out of memory" : "the response body is larger than 64 MiB";
    return 0;
  }
  cli_buffer_append(&t->body, data, count * size);
  return count * size;
}

/* True for the optional white space of a header field. */
static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* libcurl's header callback: one line at a time; a status line starts the list
 * again (a 100 Continue's fields are not the response's). */
static size_t on_header(char *line, size_t size, size_t count, void *context) {
  struct transfer *t = context;
  size_t n = size * count, name_len, start, end;
  const char *colon = memchr(line, ':', n);
  if (t->headers.data == NULL || t->headers.len + n > MAX_HEADER_BYTES) {
    t->overflow = t->headers.data == NULL ? "out of memory" : "the response headers are larger than 1 MiB";
    return 0;
  }
  if (n >= 5 && memcmp(line, "HTTP/", 5) == 0) {
    cli_buffer_free(&t->headers);
    cli_buffer_init(&t->headers, "[");
    return n;
  }
  if (colon == NULL || colon == line || is_space(line[0])) return n; /* the blank end line, or an obsolete fold */
  name_len = (size_t)(colon - line);
  for (start = name_len + 1; start < n && is_space(line[start]); start++) {}
  for (end = n; end > start && is_space(line[end - 1]); end--) {}
  cli_buffer_append(&t->headers, t->headers.len > 1 ? ",[" : "[", t->headers.len > 1 ? 2 : 1);
  cli_buffer_append_quoted(&t->headers, line, name_len);
  cli_buffer_append(&t->headers, ",", 1);
  cli_buffer_append_quoted(&t->headers, line + start, end - start);
  cli_buffer_append(&t->headers, "]", 1);
  return n;
}

/* Decodes the JSON string at p into a new malloc'd text (NULL when p is not a string or memory is short). */
static char *decode_string(const char *p) {
  size_t size = p != NULL && *p == '"' ? (size_t)(cli_json_skip_value(p) - p) + 1 : 0;
  char *text = size > 0 ? malloc(size) : NULL;
  if (text != NULL) cli_json_decode(p, text, size);
  return text;
}

/* Adds "Name: value" for every member of the request's headers object; 0 when out of memory. */
static int add_headers(struct cli_http *http, const char *headers, struct curl_slist **list) {
  const char *key = headers != NULL && *headers == '{' && headers[1] == '"' ? headers + 1 : NULL;
  while (key != NULL) {
    const char *value = cli_json_skip_value(key) + 1, *after = cli_json_skip_value(value);
    char *name = decode_string(key), *text = decode_string(value), *field = NULL;
    struct curl_slist *longer = NULL;
    if (name != NULL && text != NULL && (field = malloc(strlen(name) + strlen(text) + 3)) != NULL) {
      sprintf(field, "%s: %s", name, text);
      longer = http->curl.slist_append(*list, field);
    }
    free(name);
    free(text);
    free(field);
    if (longer == NULL) return 0;
    *list = longer;
    key = *after == ',' ? after + 1 : NULL;
  }
  return 1;
}

/* Sets the options of one transfer; returns the first failure. */
static CURLcode configure(struct cli_http *http, const char *method, const char *url, const char *body,
                          struct curl_slist *headers, struct transfer *t, char *error_buffer) {
  CURL *h = http->handle;
  CURLcode (*set)(CURL *, CURLoption, ...) = http->curl.easy_setopt;
  CURLcode rc = CURLE_OK;
  http->curl.easy_reset(h); /* options from the last request go; the connection stays */
  if (rc == CURLE_OK) rc = set(h, CURLOPT_ERRORBUFFER, error_buffer);
  if (rc == CURLE_OK) rc = set(h, CURLOPT_URL, url);
  if (rc == CURLE_OK) rc = set(h, CURLOPT_PROTOCOLS_STR, "http,https");
  if (rc == CURLE_OK) rc = set(h, CURLOPT_NOSIGNAL, 1L);
  if (rc == CURLE_OK) rc = set(h, CURLOPT_SSL_VERIFYPEER, 1L);
  if (rc == CURLE_OK) rc = set(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (rc == CURLE_OK) rc = set(h, CURLOPT_FOLLOWLOCATION, 0L);
  if (rc == CURLE_OK) rc = set(h, CURLOPT_TIMEOUT_MS, http->timeout_ms);
  if (rc == CURLE_OK) rc = set(h, CURLOPT_CONNECTTIMEOUT_MS, http->timeout_ms);
  if (rc == CURLE_OK) rc = set(h, CURLOPT_HTTPHEADER, headers);
  if (rc == CURLE_OK) rc = set(h, CURLOPT_WRITEFUNCTION, on_body);
  if (rc == CURLE_OK) rc = set(h, CURLOPT_WRITEDATA, t);
  if (rc == CURLE_OK) rc = set(h, CURLOPT_HEADERFUNCTION, on_header);
  if (rc == CURLE_OK) rc = set(h, CURLOPT_HEADERDATA, t);
  if (rc == CURLE_OK && strcmp(method, "POST") == 0) rc = set(h, CURLOPT_POST, 1L);
  else if (rc == CURLE_OK) rc = set(h, CURLOPT_HTTPGET, 1L);
  if (rc == CURLE_OK && strcmp(method, "GET") != 0 && strcmp(method, "POST") != 0)
    rc = set(h, CURLOPT_CUSTOMREQUEST, method);
  if (rc == CURLE_OK && (body != NULL || strcmp(method, "POST") == 0)) {
    rc = set(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(body != NULL ? strlen(body) : 0));
    if (rc == CURLE_OK) rc = set(h, CURLOPT_POSTFIELDS, body != NULL ? body : "");
  }
  return rc;
}

/* True for the libcurl failures after which the same request may well succeed. */
static int is_transient(CURLcode rc) {
  return rc == CURLE_COULDNT_CONNECT || rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_SEND_ERROR ||
         rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING || rc == CURLE_PARTIAL_FILE;
}

enum cli_http_failure cli_http_send(struct cli_http *http, const char *request, struct cli_http_response *response,
                                    char *reason, size_t reason_size) {
  const char *body_value = cli_json_member(request, "body");
  char *method = decode_string(cli_json_member(request, "method"));
  char *url = decode_string(cli_json_member(request, "url"));
  char *body = body_value != NULL && *body_value == '"' ? decode_string(body_value) : NULL;
  char error_buffer[CURL_ERROR_SIZE] = "";
  struct curl_slist *headers = NULL;
  struct transfer t;
  enum cli_http_failure failure = CLI_HTTP_FATAL;
  CURLcode rc = CURLE_OUT_OF_MEMORY;
  memset(response, 0, sizeof *response);
  cli_buffer_init(&t.headers, "[");
  cli_buffer_init(&t.body, "");
  t.overflow = NULL;
  /* "Expect:" stops the 100-continue round trip; "Content-Type:" curl's form type on an empty POST. */
  if (method != NULL && url != NULL && (body_value == NULL || *body_value == 'n' || body != NULL) &&
      add_headers(http, cli_json_member(request, "headers"), &headers) &&
      (headers = http->curl.slist_append(headers, "Expect:")) != NULL &&
      (body != NULL || (headers = http->curl.slist_append(headers, "Content-Type:")) != NULL))
    rc = configure(http, method, url, body, headers, &t, error_buffer);
  if (rc == CURLE_OK) rc = http->curl.easy_perform(http->handle);
  if (rc == CURLE_OK) rc = http->curl.easy_getinfo(http->handle, CURLINFO_RESPONSE_CODE, &response->status);
  cli_buffer_append(&t.headers, "]", 1);
  if (rc == CURLE_OK && t.headers.data != NULL && t.body.data != NULL) {
    response->headers = t.headers.data;
    response->headers_len = t.headers.len;
    response->body = t.body.data;
    response->body_len = t.body.len;
    failure = CLI_HTTP_SENT;
  } else {
    if (rc == CURLE_OK || t.overflow != NULL) snprintf(reason, reason_size, "%s", t.overflow ? t.overflow : "out of memory");
    else snprintf(reason, reason_size, "%s", error_buffer[0] ? error_buffer : http->curl.easy_strerror(rc));
    if (rc != CURLE_OK && t.overflow == NULL && is_transient(rc)) failure = CLI_HTTP_TRANSIENT;
    cli_buffer_free(&t.headers);
    cli_buffer_free(&t.body);
  }
  if (headers != NULL) http->curl.slist_free_all(headers);
  free(method);
  free(url);
  free(body);
  return failure;
}
