/*
 * ngx_http_analyze_module — receives signed analysis webhooks and serves each
 * stored task's segments as an HLS WebVTT metadata rendition, through
 * libanalyze (docs/nginx.md).
 *
 *   analyze_webhook: POST only; the raw body (memory or nginx's temporary
 *   file) is checked with analyze_webhook_verify() against one or two
 *   secrets and nginx's clock (ngx_time()), parsed with
 *   analyze_webhook_parse(), and for the task events it knows the
 *   normalized task (and, when it has segments, the segments as JSON and
 *   WebVTT) is written to the store atomically (temporary file + rename),
 *   named by task id and by custom_id when that is usable as a file name.
 *   The file writes run on an nginx thread pool (analyze_webhook_thread_pool)
 *   so that a slow disk never stalls the event loop.
 *   204 stored or acknowledged; 400 malformed; 401 bad, missing or stale
 *   signature; 405 other methods; 413 too large; 500 storage failure.
 *
 *   analyze_hls: GET/HEAD <location>/<id>/analysis.m3u8, segment<N>.vtt and
 *   (with analyze_hls_video) master.m3u8, cut by analyze_segments_hls().
 *
 * The module installs no signal handlers, threads or timers of its own (the
 * thread pool is nginx's); all work is bounded by the body size.
 */
#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#if (NGX_THREADS)
#include <ngx_thread_pool.h>
#endif

#include <analyze.h>

/* Largest stored task file the HLS location reads. */
#define NGX_HTTP_ANALYZE_MAX_TASK_FILE (64 * 1024 * 1024)
/* Longest task id or custom_id used as a file name. */
#define NGX_HTTP_ANALYZE_MAX_ID 128
/* Longest analyze_store path (room is left for "/<id>.segments.json"). */
#define NGX_HTTP_ANALYZE_MAX_STORE 3072
#define NGX_HTTP_ANALYZE_MAX_PATH (NGX_HTTP_ANALYZE_MAX_STORE + NGX_HTTP_ANALYZE_MAX_ID + 64)

typedef struct {
    ngx_str_t    store;           /* analyze_store */
    ngx_array_t *secrets;         /* analyze_webhook_secret_file: ngx_str_t, one or two */
    time_t       tolerance;       /* analyze_webhook_tolerance */
    size_t       max_body;        /* analyze_webhook_max_body_size */
    ngx_uint_t   target_duration; /* analyze_hls_target_duration */
    ngx_int_t    timestamp_offset;/* analyze_hls_timestamp_offset */
    ngx_str_t    video_uri;       /* analyze_hls_video URI */
    ngx_uint_t   video_bandwidth; /* analyze_hls_video ... BANDWIDTH */
    ngx_str_t    thread_pool_name;/* analyze_webhook_thread_pool */
    ngx_flag_t   webhook;         /* analyze_webhook is set here */
    ngx_flag_t   hls;             /* analyze_hls is set here */
#if (NGX_THREADS)
    ngx_thread_pool_t *thread_pool;
#endif
} ngx_http_analyze_loc_conf_t;

/* One verified webhook, handled by ngx_http_analyze_run_job() without the
 * request's pool or log, so that it can run on a thread: parsing, export and
 * the file writes. The result is a status and a message to log. */
typedef struct {
    ngx_str_t   store;
    const char *body;               /* the verified raw body */
    size_t      len;
    const char *names[2];           /* the task id, and the custom_id or NULL */
    size_t      name_lens[2];
    ngx_int_t   status;             /* the response status */
    ngx_uint_t  level;              /* the message's log level, 0 for none */
    ngx_err_t   error;              /* errno for the message, or 0 */
    u_char      message[ANALYZE_ERROR_MESSAGE_LENGTH + ANALYZE_ERROR_PATH_LENGTH + NGX_HTTP_ANALYZE_MAX_PATH];
} ngx_http_analyze_job_t;

static char *ngx_http_analyze_webhook(ngx_conf_t *cf, ngx_command_t *cmd, void *conf);
static char *ngx_http_analyze_hls(ngx_conf_t *cf, ngx_command_t *cmd, void *conf);
static char *ngx_http_analyze_secret_file(ngx_conf_t *cf, ngx_command_t *cmd, void *conf);
static char *ngx_http_analyze_video(ngx_conf_t *cf, ngx_command_t *cmd, void *conf);
static void *ngx_http_analyze_create_loc_conf(ngx_conf_t *cf);
static char *ngx_http_analyze_merge_loc_conf(ngx_conf_t *cf, void *parent, void *child);
static ngx_int_t ngx_http_analyze_postconfiguration(ngx_conf_t *cf);

static ngx_command_t ngx_http_analyze_commands[] = {
    { ngx_string("analyze_webhook"), NGX_HTTP_LOC_CONF | NGX_CONF_NOARGS,
      ngx_http_analyze_webhook, NGX_HTTP_LOC_CONF_OFFSET, 0, NULL },
    { ngx_string("analyze_webhook_secret_file"), NGX_HTTP_MAIN_CONF | NGX_HTTP_SRV_CONF | NGX_HTTP_LOC_CONF | NGX_CONF_TAKE12,
      ngx_http_analyze_secret_file, NGX_HTTP_LOC_CONF_OFFSET, 0, NULL },
    { ngx_string("analyze_webhook_tolerance"), NGX_HTTP_MAIN_CONF | NGX_HTTP_SRV_CONF | NGX_HTTP_LOC_CONF | NGX_CONF_TAKE1,
      ngx_conf_set_sec_slot, NGX_HTTP_LOC_CONF_OFFSET, offsetof(ngx_http_analyze_loc_conf_t, tolerance), NULL },
    { ngx_string("analyze_webhook_max_body_size"), NGX_HTTP_MAIN_CONF | NGX_HTTP_SRV_CONF | NGX_HTTP_LOC_CONF | NGX_CONF_TAKE1,
      ngx_conf_set_size_slot, NGX_HTTP_LOC_CONF_OFFSET, offsetof(ngx_http_analyze_loc_conf_t, max_body), NULL },
    { ngx_string("analyze_webhook_thread_pool"), NGX_HTTP_MAIN_CONF | NGX_HTTP_SRV_CONF | NGX_HTTP_LOC_CONF | NGX_CONF_TAKE1,
      ngx_conf_set_str_slot, NGX_HTTP_LOC_CONF_OFFSET, offsetof(ngx_http_analyze_loc_conf_t, thread_pool_name), NULL },
    { ngx_string("analyze_store"), NGX_HTTP_MAIN_CONF | NGX_HTTP_SRV_CONF | NGX_HTTP_LOC_CONF | NGX_CONF_TAKE1,
      ngx_conf_set_str_slot, NGX_HTTP_LOC_CONF_OFFSET, offsetof(ngx_http_analyze_loc_conf_t, store), NULL },
    { ngx_string("analyze_hls"), NGX_HTTP_LOC_CONF | NGX_CONF_NOARGS,
      ngx_http_analyze_hls, NGX_HTTP_LOC_CONF_OFFSET, 0, NULL },
    { ngx_string("analyze_hls_target_duration"), NGX_HTTP_MAIN_CONF | NGX_HTTP_SRV_CONF | NGX_HTTP_LOC_CONF | NGX_CONF_TAKE1,
      ngx_conf_set_num_slot, NGX_HTTP_LOC_CONF_OFFSET, offsetof(ngx_http_analyze_loc_conf_t, target_duration), NULL },
    { ngx_string("analyze_hls_timestamp_offset"), NGX_HTTP_MAIN_CONF | NGX_HTTP_SRV_CONF | NGX_HTTP_LOC_CONF | NGX_CONF_TAKE1,
      ngx_conf_set_num_slot, NGX_HTTP_LOC_CONF_OFFSET, offsetof(ngx_http_analyze_loc_conf_t, timestamp_offset), NULL },
    { ngx_string("analyze_hls_video"), NGX_HTTP_MAIN_CONF | NGX_HTTP_SRV_CONF | NGX_HTTP_LOC_CONF | NGX_CONF_TAKE2,
      ngx_http_analyze_video, NGX_HTTP_LOC_CONF_OFFSET, 0, NULL },
    ngx_null_command
};

static ngx_http_module_t ngx_http_analyze_module_ctx = {
    NULL, ngx_http_analyze_postconfiguration, NULL, NULL, NULL, NULL,
    ngx_http_analyze_create_loc_conf, ngx_http_analyze_merge_loc_conf
};

ngx_module_t ngx_http_analyze_module = {
    NGX_MODULE_V1, &ngx_http_analyze_module_ctx, ngx_http_analyze_commands, NGX_HTTP_MODULE,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NGX_MODULE_V1_PADDING
};

/* ---- Configuration ------------------------------------------------------ */

static void *ngx_http_analyze_create_loc_conf(ngx_conf_t *cf) {
    ngx_http_analyze_loc_conf_t *conf = ngx_pcalloc(cf->pool, sizeof(ngx_http_analyze_loc_conf_t));
    if (conf == NULL) return NULL;
    conf->secrets = NGX_CONF_UNSET_PTR;
    conf->tolerance = NGX_CONF_UNSET;
    conf->max_body = NGX_CONF_UNSET_SIZE;
    conf->target_duration = NGX_CONF_UNSET_UINT;
    conf->timestamp_offset = NGX_CONF_UNSET;
    conf->video_bandwidth = NGX_CONF_UNSET_UINT;
    return conf;
}

static char *ngx_http_analyze_merge_loc_conf(ngx_conf_t *cf, void *parent, void *child) {
    ngx_http_analyze_loc_conf_t *prev = parent, *conf = child;
    ngx_conf_merge_str_value(conf->store, prev->store, "");
    ngx_conf_merge_ptr_value(conf->secrets, prev->secrets, NULL);
    ngx_conf_merge_sec_value(conf->tolerance, prev->tolerance, ANALYZE_WEBHOOK_DEFAULT_TOLERANCE);
    ngx_conf_merge_size_value(conf->max_body, prev->max_body, 1024 * 1024);
    ngx_conf_merge_uint_value(conf->target_duration, prev->target_duration, 6);
    ngx_conf_merge_value(conf->timestamp_offset, prev->timestamp_offset, 0);
    ngx_conf_merge_str_value(conf->video_uri, prev->video_uri, "");
    ngx_conf_merge_uint_value(conf->video_bandwidth, prev->video_bandwidth, 0);
    ngx_conf_merge_str_value(conf->thread_pool_name, prev->thread_pool_name, "default");
    if (conf->store.len > NGX_HTTP_ANALYZE_MAX_STORE) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "analyze_store path is longer than %d bytes", NGX_HTTP_ANALYZE_MAX_STORE);
        return NGX_CONF_ERROR;
    }
    if ((conf->webhook || conf->hls) && conf->store.len == 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "%s needs analyze_store", conf->webhook ? "analyze_webhook" : "analyze_hls");
        return NGX_CONF_ERROR;
    }
    if (conf->webhook && conf->secrets == NULL) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "analyze_webhook needs analyze_webhook_secret_file");
        return NGX_CONF_ERROR;
    }
    if (conf->webhook && !(conf->thread_pool_name.len == 3 && ngx_strncmp(conf->thread_pool_name.data, "off", 3) == 0)) {
#if (NGX_THREADS)
        conf->thread_pool = ngx_thread_pool_add(cf, &conf->thread_pool_name);
        if (conf->thread_pool == NULL) return NGX_CONF_ERROR;
#else
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "nginx is built without threads: set analyze_webhook_thread_pool off");
        return NGX_CONF_ERROR;
#endif
    }
    if (conf->target_duration < 1 || conf->target_duration > 86400) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "analyze_hls_target_duration must be 1 to 86400 seconds");
        return NGX_CONF_ERROR;
    }
    if (conf->timestamp_offset < 0 || conf->timestamp_offset > 8589934591LL) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "analyze_hls_timestamp_offset must be 0 to 8589934591 (33 bits of 90 kHz)");
        return NGX_CONF_ERROR;
    }
    if (conf->max_body > ANALYZE_INPUT_MAX_BYTES) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "analyze_webhook_max_body_size must not exceed 512m");
        return NGX_CONF_ERROR;
    }
    return NGX_CONF_OK;
}

/* Refuses to start when the loaded libanalyze has another ABI than the header
 * this module was built with. */
static ngx_int_t ngx_http_analyze_postconfiguration(ngx_conf_t *cf) {
    int loaded = analyze_abi_version();
    if (loaded != ANALYZE_ABI_VERSION) {
        ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                      "analyze: libanalyze ABI version %d is loaded but this module was built for ABI %d "
                      "(library %s); rebuild the module against the installed library",
                      loaded, ANALYZE_ABI_VERSION, analyze_version_string());
        return NGX_ERROR;
    }
    return NGX_OK;
}

static ngx_int_t ngx_http_analyze_webhook_handler(ngx_http_request_t *r);
static ngx_int_t ngx_http_analyze_hls_handler(ngx_http_request_t *r);

/* Sets the location's content handler (merge checks that a store is set). */
static char *ngx_http_analyze_set_handler(ngx_conf_t *cf, ngx_http_handler_pt handler) {
    ngx_http_core_loc_conf_t *clcf = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);
    if (clcf->handler != NULL) return "is duplicate or conflicts with another content handler";
    clcf->handler = handler;
    return NGX_CONF_OK;
}

static char *ngx_http_analyze_webhook(ngx_conf_t *cf, ngx_command_t *cmd, void *conf) {
    (void)cmd;
    ((ngx_http_analyze_loc_conf_t *)conf)->webhook = 1;
    return ngx_http_analyze_set_handler(cf, ngx_http_analyze_webhook_handler);
}

static char *ngx_http_analyze_hls(ngx_conf_t *cf, ngx_command_t *cmd, void *conf) {
    (void)cmd;
    ((ngx_http_analyze_loc_conf_t *)conf)->hls = 1;
    return ngx_http_analyze_set_handler(cf, ngx_http_analyze_hls_handler);
}

/* analyze_webhook_secret_file FILE [FILE]: each file holds one secret (a
 * trailing line end is dropped); read once at configuration time, so the
 * files may be readable by root only. */
static char *ngx_http_analyze_secret_file(ngx_conf_t *cf, ngx_command_t *cmd, void *conf) {
    ngx_http_analyze_loc_conf_t *alcf = conf;
    ngx_str_t *value = cf->args->elts, *secret;
    ngx_uint_t i;
    (void)cmd;
    if (alcf->secrets != NGX_CONF_UNSET_PTR) return "is duplicate";
    alcf->secrets = ngx_array_create(cf->pool, 2, sizeof(ngx_str_t));
    if (alcf->secrets == NULL) return NGX_CONF_ERROR;
    for (i = 1; i < cf->args->nelts; i++) {
        ngx_file_t file;
        ngx_file_info_t info;
        ssize_t n;
        u_char *data;
        size_t size;
        if (ngx_conf_full_name(cf->cycle, &value[i], 1) != NGX_OK) return NGX_CONF_ERROR;
        ngx_memzero(&file, sizeof(ngx_file_t));
        file.name = value[i];
        file.log = cf->log;
        file.fd = ngx_open_file(value[i].data, NGX_FILE_RDONLY, NGX_FILE_OPEN, 0);
        if (file.fd == NGX_INVALID_FILE) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, ngx_errno, "cannot open webhook secret file \"%V\"", &value[i]);
            return NGX_CONF_ERROR;
        }
        if (ngx_fd_info(file.fd, &info) == NGX_FILE_ERROR || ngx_file_size(&info) > 4096) {
            ngx_close_file(file.fd);
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "webhook secret file \"%V\" is unreadable or above 4096 bytes", &value[i]);
            return NGX_CONF_ERROR;
        }
        size = (size_t)ngx_file_size(&info);
        data = ngx_pnalloc(cf->pool, size + 1);
        n = data ? ngx_read_file(&file, data, size, 0) : NGX_ERROR;
        ngx_close_file(file.fd);
        if (n != (ssize_t)size) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "cannot read webhook secret file \"%V\"", &value[i]);
            return NGX_CONF_ERROR;
        }
        while (size > 0 && (data[size - 1] == '\n' || data[size - 1] == '\r')) size--;
        if (size == 0) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "webhook secret file \"%V\" is empty", &value[i]);
            return NGX_CONF_ERROR;
        }
        secret = ngx_array_push(alcf->secrets);
        if (secret == NULL) return NGX_CONF_ERROR;
        secret->data = data;
        secret->len = size;
    }
    return NGX_CONF_OK;
}

/* analyze_hls_video URI BANDWIDTH: the video variant master.m3u8 names. */
static char *ngx_http_analyze_video(ngx_conf_t *cf, ngx_command_t *cmd, void *conf) {
    ngx_http_analyze_loc_conf_t *alcf = conf;
    ngx_str_t *value = cf->args->elts;
    ngx_int_t bandwidth;
    size_t i;
    (void)cmd;
    if (alcf->video_uri.data != NULL) return "is duplicate";
    for (i = 0; i < value[1].len; i++) {
        if (value[1].data[i] <= ' ' || value[1].data[i] >= 0x7f || value[1].data[i] == '"') return "URI must be printable ASCII without spaces or quotes";
    }
    bandwidth = ngx_atoi(value[2].data, value[2].len);
    if (value[1].len == 0 || bandwidth <= 0) return "needs a URI and a BANDWIDTH in bits per second";
    alcf->video_uri = value[1];
    alcf->video_bandwidth = (ngx_uint_t)bandwidth;
    return NGX_CONF_OK;
}

/* ---- Shared helpers ----------------------------------------------------- */

/* True for a task id or custom_id usable as a file name: 1-128 of [A-Za-z0-9._-], not starting with '.'. */
static ngx_int_t ngx_http_analyze_safe_id(const u_char *id, size_t len) {
    size_t i;
    if (len == 0 || len > NGX_HTTP_ANALYZE_MAX_ID || id[0] == '.') return 0;
    for (i = 0; i < len; i++) {
        u_char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return 0;
    }
    return 1;
}

/* "<store>/<id><suffix>" NUL-terminated in the request pool. */
static u_char *ngx_http_analyze_path(ngx_http_request_t *r, ngx_str_t *store, const u_char *id, size_t id_len, const char *suffix) {
    size_t len = store->len + 1 + id_len + ngx_strlen(suffix) + 1;
    u_char *path = ngx_pnalloc(r->pool, len);
    if (path == NULL) return NULL;
    ngx_sprintf(path, "%V/%*s%s%Z", store, id_len, id, suffix);
    return path;
}

/* Releases a string the library returned when the request pool goes away. */
static void ngx_http_analyze_free_cleanup(void *data) { analyze_free(data); }

static ngx_int_t ngx_http_analyze_own(ngx_http_request_t *r, char *text) {
    ngx_pool_cleanup_t *cln = ngx_pool_cleanup_add(r->pool, 0);
    if (cln == NULL) {
        analyze_free(text);
        return NGX_ERROR;
    }
    cln->handler = ngx_http_analyze_free_cleanup;
    cln->data = text;
    return NGX_OK;
}

/* ---- Webhook location --------------------------------------------------- */

/* Sets the job's status and its log message. */
static void ngx_http_analyze_job_note(ngx_http_analyze_job_t *job, ngx_int_t status, ngx_uint_t level, ngx_err_t error,
                                      const char *fmt, ...) {
    va_list args;
    u_char *last;
    job->status = status;
    job->level = level;
    job->error = error;
    va_start(args, fmt);
    last = ngx_vslprintf(job->message, job->message + sizeof(job->message) - 1, fmt, args);
    va_end(args);
    *last = '\0';
}

/* Writes `len` bytes to "<store>/<name><suffix>" through a temporary file in
 * the same directory and rename(2), so a reader sees the old file or the
 * whole new one, never part of it (also when nginx is killed mid-write). */
static ngx_int_t ngx_http_analyze_store_file(ngx_http_analyze_job_t *job, ngx_uint_t name, const char *suffix,
                                             const char *data, size_t len) {
    static ngx_atomic_t counter;
    u_char target[NGX_HTTP_ANALYZE_MAX_PATH], temp[NGX_HTTP_ANALYZE_MAX_PATH];
    ngx_fd_t fd;
    size_t done = 0;
    ngx_sprintf(target, "%V/%*s%s%Z", &job->store, job->name_lens[name], job->names[name], suffix);
    ngx_sprintf(temp, "%V/.analyze-%P-%uA.tmp%Z", &job->store, ngx_pid, (ngx_atomic_uint_t)ngx_atomic_fetch_add(&counter, 1));
    fd = ngx_open_file(temp, NGX_FILE_WRONLY, NGX_FILE_CREATE_OR_OPEN | O_EXCL, NGX_FILE_DEFAULT_ACCESS);
    if (fd == NGX_INVALID_FILE) goto failed;
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && ngx_errno == NGX_EINTR) continue;
        if (n <= 0) {
            if (n == 0) ngx_set_errno(NGX_ENOSPC);
            ngx_close_file(fd);
            goto remove;
        }
        done += (size_t)n;
    }
    if (ngx_close_file(fd) == NGX_FILE_ERROR || ngx_rename_file(temp, target) == NGX_FILE_ERROR) goto remove;
    return NGX_OK;
remove:
    ngx_http_analyze_job_note(job, NGX_HTTP_INTERNAL_SERVER_ERROR, NGX_LOG_ERR, ngx_errno, "cannot store \"%s\"", target);
    ngx_delete_file(temp);
    return NGX_ERROR;
failed:
    ngx_http_analyze_job_note(job, NGX_HTTP_INTERNAL_SERVER_ERROR, NGX_LOG_ERR, ngx_errno, "cannot create \"%s\"", temp);
    return NGX_ERROR;
}

/* The raw request body in one buffer, read from memory and/or nginx's
 * temporary file; NULL on failure. *status is 413 when it exceeds the limit. */
static u_char *ngx_http_analyze_body(ngx_http_request_t *r, size_t limit, size_t *len, ngx_int_t *status) {
    ngx_chain_t *cl;
    u_char *body, *p;
    size_t total = 0;
    *status = NGX_HTTP_INTERNAL_SERVER_ERROR;
    *len = 0;
    if (r->request_body != NULL) {
        for (cl = r->request_body->bufs; cl != NULL; cl = cl->next) total += (size_t)ngx_buf_size(cl->buf);
    }
    if (total > limit) {
        *status = NGX_HTTP_REQUEST_ENTITY_TOO_LARGE;
        return NULL;
    }
    body = ngx_pnalloc(r->pool, total + 1);
    if (body == NULL) return NULL;
    p = body;
    if (r->request_body != NULL) {
        for (cl = r->request_body->bufs; cl != NULL; cl = cl->next) {
            ngx_buf_t *b = cl->buf;
            if (ngx_buf_in_memory(b)) {
                p = ngx_cpymem(p, b->pos, b->last - b->pos);
            } else if (b->in_file) {
                size_t size = (size_t)(b->file_last - b->file_pos);
                if (ngx_read_file(b->file, p, size, b->file_pos) != (ssize_t)size) return NULL;
                p += size;
            }
        }
    }
    *len = (size_t)(p - body);
    return body;
}

/* The TL-Signature request header; *count is how many there are. */
static ngx_table_elt_t *ngx_http_analyze_signature(ngx_http_request_t *r, ngx_uint_t *count) {
    ngx_list_part_t *part = &r->headers_in.headers.part;
    ngx_table_elt_t *h = part->elts, *found = NULL;
    ngx_uint_t i;
    *count = 0;
    for (i = 0;; i++) {
        if (i >= part->nelts) {
            if (part->next == NULL) break;
            part = part->next;
            h = part->elts;
            i = 0;
        }
        if (h[i].key.len == sizeof("TL-Signature") - 1 && ngx_strncasecmp(h[i].key.data, (u_char *)"TL-Signature", h[i].key.len) == 0) {
            if (found == NULL) found = &h[i];
            (*count)++;
        }
    }
    return found;
}

/* Reads the JSON string member `"key":"` at *at (the library writes the
 * normalized task's first members in a documented order); a string holding
 * anything outside the file-name set is reported as unsafe (*id NULL). */
static const char *ngx_http_analyze_member(const char *at, const char *end, const char *key, const char **id, size_t *len) {
    size_t key_len = ngx_strlen(key);
    const char *start;
    *id = NULL;
    *len = 0;
    if ((size_t)(end - at) < key_len || ngx_strncmp(at, key, key_len) != 0) return NULL;
    at += key_len;
    if (end - at >= 4 && ngx_strncmp(at, "null", 4) == 0) return at + 4;
    if (at >= end || *at != '"') return NULL;
    start = ++at;
    while (at < end && *at != '"') {
        if (*at == '\\') at++; /* an escape: never part of a usable name */
        at++;
    }
    if (at >= end) return NULL;
    if (ngx_http_analyze_safe_id((const u_char *)start, (size_t)(at - start))) {
        *id = start;
        *len = (size_t)(at - start);
    }
    return at + 1;
}

/* Parses the verified event and, for the task events the library knows
 * ("known":true: ready, failed, canceled), stores the
 * normalized task (and its segments as JSON and WebVTT) under each name:
 * segments first, the task last, so a task file always has its segments
 * beside it. Other event types are acknowledged (204) and not stored. */
static void ngx_http_analyze_run_job(ngx_http_analyze_job_t *job) {
    static const char marker[] = ",\"known\":true,\"task\":";
    analyze_error_t err;
    char *event = NULL, *segments = NULL, *vtt = NULL;
    const char *task, *end, *at, *custom;
    size_t task_len, custom_len;
    ngx_uint_t name;
    int rc = analyze_webhook_parse(&event, job->body, job->len, NULL, 0, &err);

    job->status = NGX_HTTP_NO_CONTENT;
    if (rc != ANALYZE_OK) {
        ngx_http_analyze_job_note(job, rc == ANALYZE_ENOMEM ? NGX_HTTP_INTERNAL_SERVER_ERROR : NGX_HTTP_BAD_REQUEST, NGX_LOG_WARN, 0,
                                  "malformed webhook event (%s) at \"%s\": %s", analyze_strerror(rc), err.path, err.message);
        return;
    }
    /* A known event is {"id",...,"known":true,"task":{...}} with "task" last
     * (analyze.h). The marker cannot occur earlier: quotes inside the
     * earlier strings are escaped. */
    task = ngx_strstr(event, marker);
    if (task == NULL) goto done;
    task += sizeof(marker) - 1;
    end = event + ngx_strlen(event) - 1; /* the event's closing brace */
    task_len = (size_t)(end - task);
    at = ngx_http_analyze_member(task, end, "{\"task_id\":", &job->names[0], &job->name_lens[0]);
    at = at ? ngx_http_analyze_member(at, end, ",\"custom_id\":", &custom, &custom_len) : NULL; /* the first two members */
    if (at == NULL || job->names[0] == NULL) {
        ngx_http_analyze_job_note(job, NGX_HTTP_BAD_REQUEST, NGX_LOG_WARN, 0,
                                  "webhook task id is not usable as a file name ([A-Za-z0-9._-], at most %d)", NGX_HTTP_ANALYZE_MAX_ID);
        goto done;
    }
    if (custom != NULL && (custom_len != job->name_lens[0] || ngx_strncmp(custom, job->names[0], custom_len) != 0)) {
        job->names[1] = custom;
        job->name_lens[1] = custom_len;
    }
    /* Segments exist only for a ready time_based_metadata task; the library
     * says why when there are none (no result, another mode, truncated). */
    rc = analyze_segments_export(&segments, task, task_len, "json", NULL, 0, &err);
    if (rc == ANALYZE_OK) rc = analyze_segments_export(&vtt, task, task_len, "vtt", NULL, 0, &err);
    if (rc == ANALYZE_ENOMEM) {
        ngx_http_analyze_job_note(job, NGX_HTTP_INTERNAL_SERVER_ERROR, NGX_LOG_ERR, 0, "%s", err.message);
        goto done;
    }
    if (rc != ANALYZE_OK) {
        ngx_http_analyze_job_note(job, NGX_HTTP_NO_CONTENT, NGX_LOG_INFO, 0, "task %*s stored without segments: %s",
                                  job->name_lens[0], job->names[0], err.message);
        analyze_free(segments);
        segments = NULL;
    }
    for (name = 0; name < 2 && job->names[name] != NULL; name++) {
        if (segments != NULL &&
            (ngx_http_analyze_store_file(job, name, ".segments.json", segments, ngx_strlen(segments)) != NGX_OK ||
             ngx_http_analyze_store_file(job, name, ".vtt", vtt, ngx_strlen(vtt)) != NGX_OK)) break;
        if (ngx_http_analyze_store_file(job, name, ".task.json", task, task_len) != NGX_OK) break;
    }
done:
    analyze_free(vtt);
    analyze_free(segments);
    analyze_free(event);
}

/* The response status once a job has run, its message logged. */
static ngx_int_t ngx_http_analyze_job_status(ngx_http_request_t *r, ngx_http_analyze_job_t *job) {
    if (job->level != 0) ngx_log_error(job->level, r->connection->log, job->error, "analyze: %s", job->message);
    return job->status;
}

/* Sends the webhook's answer: 204 without a body, or nginx's page for an error. */
static void ngx_http_analyze_webhook_answer(ngx_http_request_t *r, ngx_int_t status) {
    if (status != NGX_HTTP_NO_CONTENT) {
        ngx_http_finalize_request(r, status);
        return;
    }
    r->headers_out.status = NGX_HTTP_NO_CONTENT;
    r->headers_out.content_length_n = 0;
    r->header_only = 1;
    ngx_http_finalize_request(r, ngx_http_send_header(r));
}

#if (NGX_THREADS)
static void ngx_http_analyze_job_thread(void *data, ngx_log_t *log) {
    (void)log;
    ngx_http_analyze_run_job(data);
}

/* Back in the event loop after the thread pool ran the job. */
static void ngx_http_analyze_job_done(ngx_event_t *ev) {
    ngx_http_request_t *r = ev->data;
    ngx_connection_t *c = r->connection;
    ngx_http_analyze_job_t *job = ngx_http_get_module_ctx(r, ngx_http_analyze_module);
    ngx_http_set_log_request(c->log, r);
    r->main->blocked--;
    r->aio = 0;
    ngx_http_analyze_webhook_answer(r, ngx_http_analyze_job_status(r, job));
    ngx_http_run_posted_requests(c);
}
#endif

/* Runs the job on the location's thread pool (returns NGX_DONE; the request
 * stays blocked until ngx_http_analyze_job_done answers it), or right here
 * when analyze_webhook_thread_pool is off (returns the status). */
static ngx_int_t ngx_http_analyze_start_job(ngx_http_request_t *r, ngx_http_analyze_loc_conf_t *conf, ngx_http_analyze_job_t *job) {
#if (NGX_THREADS)
    if (conf->thread_pool != NULL) {
        ngx_thread_task_t *task = ngx_thread_task_alloc(r->pool, 0);
        if (task == NULL) return NGX_HTTP_INTERNAL_SERVER_ERROR;
        task->ctx = job;
        task->handler = ngx_http_analyze_job_thread;
        task->event.data = r;
        task->event.handler = ngx_http_analyze_job_done;
        ngx_http_set_ctx(r, job, ngx_http_analyze_module);
        if (ngx_thread_task_post(conf->thread_pool, task) != NGX_OK) return NGX_HTTP_SERVICE_UNAVAILABLE;
        r->main->blocked++;
        r->aio = 1;
        return NGX_DONE;
    }
#else
    (void)conf;
#endif
    ngx_http_analyze_run_job(job);
    return ngx_http_analyze_job_status(r, job);
}

/* Verifies the webhook in the event loop (the body, the signature against
 * each secret, nginx's clock) and starts its job; returns the response
 * status, or NGX_DONE while the job runs on the thread pool. */
static ngx_int_t ngx_http_analyze_webhook_process(ngx_http_request_t *r) {
    ngx_http_analyze_loc_conf_t *conf = ngx_http_get_module_loc_conf(r, ngx_http_analyze_module);
    ngx_log_t *log = r->connection->log;
    analyze_error_t err;
    ngx_table_elt_t *header;
    ngx_uint_t headers, i;
    ngx_str_t *secrets;
    ngx_int_t status;
    ngx_http_analyze_job_t *job;
    size_t len;
    u_char *body;
    int rc = ANALYZE_EWEBHOOK_SECRET;

    body = ngx_http_analyze_body(r, conf->max_body, &len, &status);
    if (body == NULL) return status;
    header = ngx_http_analyze_signature(r, &headers);
    if (headers > 1) {
        ngx_log_error(NGX_LOG_WARN, log, 0, "analyze: webhook rejected: %ui TL-Signature headers", headers);
        return NGX_HTTP_UNAUTHORIZED;
    }
    secrets = conf->secrets->elts;
    for (i = 0; i < conf->secrets->nelts; i++) {
        rc = analyze_webhook_verify((const char *)secrets[i].data, secrets[i].len,
                                    header ? (const char *)header->value.data : NULL, header ? header->value.len : 0,
                                    (const char *)body, len, (long long)ngx_time(), (long long)conf->tolerance, &err);
        if (rc != ANALYZE_EWEBHOOK_SIGNATURE) break; /* another secret can only help a signature mismatch */
    }
    if (rc == ANALYZE_EWEBHOOK_HEADER || rc == ANALYZE_EWEBHOOK_SIGNATURE || rc == ANALYZE_EWEBHOOK_TIMESTAMP) {
        ngx_log_error(NGX_LOG_WARN, log, 0, "analyze: webhook rejected (%s): %s", analyze_strerror(rc), err.message);
        return NGX_HTTP_UNAUTHORIZED;
    }
    if (rc != ANALYZE_OK) {
        ngx_log_error(NGX_LOG_ERR, log, 0, "analyze: cannot verify the webhook: %s", err.message);
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }
    job = ngx_pcalloc(r->pool, sizeof(ngx_http_analyze_job_t));
    if (job == NULL) return NGX_HTTP_INTERNAL_SERVER_ERROR;
    job->store = conf->store;
    job->body = (const char *)body;
    job->len = len;
    return ngx_http_analyze_start_job(r, conf, job);
}

static void ngx_http_analyze_webhook_body(ngx_http_request_t *r) {
    ngx_int_t status = ngx_http_analyze_webhook_process(r);
    if (status != NGX_DONE) ngx_http_analyze_webhook_answer(r, status); /* NGX_DONE: the thread pool answers */
}

/* Answers 405 with "Allow: <methods>" after discarding any body. */
static ngx_int_t ngx_http_analyze_not_allowed(ngx_http_request_t *r, const char *methods) {
    ngx_table_elt_t *allow;
    if (ngx_http_discard_request_body(r) != NGX_OK) return NGX_HTTP_INTERNAL_SERVER_ERROR;
    allow = ngx_list_push(&r->headers_out.headers);
    if (allow == NULL) return NGX_HTTP_INTERNAL_SERVER_ERROR;
    allow->hash = 1;
    ngx_str_set(&allow->key, "Allow");
    allow->value.data = (u_char *)methods;
    allow->value.len = ngx_strlen(methods);
    return NGX_HTTP_NOT_ALLOWED;
}

static ngx_int_t ngx_http_analyze_webhook_handler(ngx_http_request_t *r) {
    ngx_http_analyze_loc_conf_t *conf = ngx_http_get_module_loc_conf(r, ngx_http_analyze_module);
    ngx_int_t rc;
    if (!(r->method & NGX_HTTP_POST)) return ngx_http_analyze_not_allowed(r, "POST");
    if (r->headers_in.content_length_n > (off_t)conf->max_body) {
        ngx_log_error(NGX_LOG_WARN, r->connection->log, 0, "analyze: webhook body of %O bytes is above analyze_webhook_max_body_size %uz",
                      r->headers_in.content_length_n, conf->max_body);
        if (ngx_http_discard_request_body(r) != NGX_OK) return NGX_HTTP_INTERNAL_SERVER_ERROR;
        return NGX_HTTP_REQUEST_ENTITY_TOO_LARGE;
    }
    rc = ngx_http_read_client_request_body(r, ngx_http_analyze_webhook_body);
    if (rc >= NGX_HTTP_SPECIAL_RESPONSE) return rc;
    return NGX_DONE;
}

/* ---- HLS location ------------------------------------------------------- */

/* Reads "<store>/<id>.task.json" into the pool; NGX_DECLINED when absent. */
static ngx_int_t ngx_http_analyze_read_task(ngx_http_request_t *r, ngx_str_t *store, ngx_str_t *id, ngx_str_t *task) {
    u_char *path = ngx_http_analyze_path(r, store, id->data, id->len, ".task.json");
    ngx_file_t file;
    ngx_file_info_t info;
    ssize_t n;
    if (path == NULL) return NGX_ERROR;
    ngx_memzero(&file, sizeof(ngx_file_t));
    file.name.data = path;
    file.name.len = ngx_strlen(path);
    file.log = r->connection->log;
    file.fd = ngx_open_file(path, NGX_FILE_RDONLY, NGX_FILE_OPEN, 0);
    if (file.fd == NGX_INVALID_FILE) return ngx_errno == NGX_ENOENT ? NGX_DECLINED : NGX_ERROR;
    if (ngx_fd_info(file.fd, &info) == NGX_FILE_ERROR || ngx_file_size(&info) > NGX_HTTP_ANALYZE_MAX_TASK_FILE) {
        ngx_close_file(file.fd);
        return NGX_ERROR;
    }
    task->len = (size_t)ngx_file_size(&info);
    task->data = ngx_pnalloc(r->pool, task->len + 1);
    n = task->data ? ngx_read_file(&file, task->data, task->len, 0) : NGX_ERROR;
    ngx_close_file(file.fd);
    return n == (ssize_t)task->len ? NGX_OK : NGX_ERROR;
}

/* Sends `len` bytes of `text` with `type`. */
static ngx_int_t ngx_http_analyze_send(ngx_http_request_t *r, const char *type, u_char *text, size_t len) {
    ngx_buf_t *b;
    ngx_chain_t out;
    ngx_int_t rc;
    r->headers_out.status = NGX_HTTP_OK;
    r->headers_out.content_length_n = (off_t)len;
    r->headers_out.content_type.data = (u_char *)type;
    r->headers_out.content_type.len = ngx_strlen(type);
    r->headers_out.content_type_len = r->headers_out.content_type.len;
    rc = ngx_http_send_header(r);
    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) return rc;
    b = ngx_calloc_buf(r->pool);
    if (b == NULL) return NGX_HTTP_INTERNAL_SERVER_ERROR;
    b->pos = text;
    b->last = text + len;
    b->memory = len > 0;
    b->last_buf = 1;
    b->last_in_chain = 1;
    out.buf = b;
    out.next = NULL;
    return ngx_http_output_filter(r, &out);
}

static ngx_int_t ngx_http_analyze_hls_handler(ngx_http_request_t *r) {
    ngx_http_analyze_loc_conf_t *conf = ngx_http_get_module_loc_conf(r, ngx_http_analyze_module);
    u_char *slash, *file_name, *end = r->uri.data + r->uri.len, *p;
    ngx_str_t id, task, name;
    ngx_int_t rc, segment = -1;
    char options[192], *out = NULL;
    const char *type = "application/vnd.apple.mpegurl", *part;
    analyze_error_t err;
    int master = 0;

    if (!(r->method & (NGX_HTTP_GET | NGX_HTTP_HEAD))) return ngx_http_analyze_not_allowed(r, "GET, HEAD");
    if (ngx_http_discard_request_body(r) != NGX_OK) return NGX_HTTP_INTERNAL_SERVER_ERROR;
    /* .../<id>/<file> */
    for (slash = end; slash > r->uri.data && slash[-1] != '/'; slash--) { /* find the last '/' */ }
    if (slash == r->uri.data) return NGX_HTTP_NOT_FOUND;
    file_name = slash;
    name.data = file_name;
    name.len = (size_t)(end - file_name);
    for (p = slash - 1; p > r->uri.data && p[-1] != '/'; p--) { /* find the previous '/' */ }
    id.data = p;
    id.len = (size_t)(slash - 1 - p);
    if (!ngx_http_analyze_safe_id(id.data, id.len)) return NGX_HTTP_NOT_FOUND;

    if (name.len == sizeof("analysis.m3u8") - 1 && ngx_strncmp(name.data, "analysis.m3u8", name.len) == 0) {
        part = "playlist";
    } else if (name.len == sizeof("master.m3u8") - 1 && ngx_strncmp(name.data, "master.m3u8", name.len) == 0) {
        if (conf->video_uri.len == 0) return NGX_HTTP_NOT_FOUND;
        part = "media";
        master = 1;
    } else if (name.len > sizeof("segment.vtt") - 1 && name.len <= sizeof("segment99999.vtt") - 1 &&
               ngx_strncmp(name.data, "segment", 7) == 0 && ngx_strncmp(end - 4, ".vtt", 4) == 0 &&
               (name.data[7] != '0' || name.len == sizeof("segment0.vtt") - 1)) {
        segment = ngx_atoi(name.data + 7, name.len - 11);
        if (segment < 0) return NGX_HTTP_NOT_FOUND;
        part = "segment";
        type = "text/vtt; charset=utf-8";
    } else {
        return NGX_HTTP_NOT_FOUND;
    }

    rc = ngx_http_analyze_read_task(r, &conf->store, &id, &task);
    if (rc == NGX_DECLINED) return NGX_HTTP_NOT_FOUND;
    if (rc != NGX_OK) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, ngx_errno, "analyze: cannot read the stored task \"%V\"", &id);
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }
    if (segment >= 0) {
        ngx_snprintf((u_char *)options, sizeof options, "{\"target_duration\":%ui,\"timestamp_offset\":%i,\"part\":\"segment\",\"segment\":%i}%Z",
                     conf->target_duration, conf->timestamp_offset, segment);
    } else {
        ngx_snprintf((u_char *)options, sizeof options, "{\"target_duration\":%ui,\"timestamp_offset\":%i,\"part\":\"%s\"}%Z",
                     conf->target_duration, conf->timestamp_offset, part);
    }
    rc = analyze_segments_hls(&out, (const char *)task.data, task.len, options, ngx_strlen(options), &err);
    if (rc == ANALYZE_EINVAL && ngx_strcmp(err.path, "segment") == 0) return NGX_HTTP_NOT_FOUND;
    if (rc == ANALYZE_ERESPONSE) return NGX_HTTP_NOT_FOUND; /* a failed task, or one without segments */
    if (rc != ANALYZE_OK) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0, "analyze: cannot cut the rendition of \"%V\": %s", &id, err.message);
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }
    if (ngx_http_analyze_own(r, out) != NGX_OK) return NGX_HTTP_INTERNAL_SERVER_ERROR;
    if (master) {
        size_t len = sizeof("#EXTM3U\n#EXT-X-VERSION:3\n") + ngx_strlen(out) + conf->video_uri.len + 96;
        u_char *text = ngx_pnalloc(r->pool, len), *last;
        if (text == NULL) return NGX_HTTP_INTERNAL_SERVER_ERROR;
        last = ngx_snprintf(text, len, "#EXTM3U\n#EXT-X-VERSION:3\n%s#EXT-X-STREAM-INF:BANDWIDTH=%ui,SUBTITLES=\"analysis\"\n%V\n",
                            out, conf->video_bandwidth, &conf->video_uri);
        return ngx_http_analyze_send(r, type, text, (size_t)(last - text));
    }
    return ngx_http_analyze_send(r, type, (u_char *)out, ngx_strlen(out));
}
