#include "net/fetch.h"
#include "base/atomic.h"
#include "base/json_out.h"
#include "base/mem.h"
#include "base/version.h"
#include "base/msg.h"
#include <cJSON.h>
#include <curl/curl.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct fetch_options fetch_opts = { 30, (size_t)200 * 1000 * 1000, 0, 0, NULL,
				    NULL, 0, 0 };

void fetch_options_release(void)
{
	free(fetch_opts.headers);
	fetch_opts.headers = NULL;
	fetch_opts.nheaders = fetch_opts.headers_cap = 0;
}

int is_url(const char *name)
{
	return strncasecmp(name, "https://", 8) == 0 || strncasecmp(name, "http://", 7) == 0;
}

char *url_for_messages(const char *url)
{
	const char *scheme_end = strstr(url, "://"), *host, *at, *slash, *q;
	size_t head;

	if (!scheme_end)
		return xstrdup(url);
	host = scheme_end + 3;
	slash = host + strcspn(host, "/?#");
	at = memchr(host, '@', (size_t)(slash - host));
	q = strpbrk(slash, "?#");
	head = (size_t)(host - url);
	if (at)
		host = at + 1;
	return xasprintf("%.*s%.*s%s", (int)head, url,
			 (int)((q ? q : slash + strlen(slash)) - host), host, q ? "?..." : "");
}

/* ---- the cache ---- */

static char *cache_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		return xasprintf("%s/cxbench", xdg);
	return xasprintf("%s/.cache/cxbench", home && *home ? home : "/tmp");
}

/* Cache files are named by a hash of the URL: NAME.body and NAME.meta. */
static char *cache_path(const char *url, const char *ext)
{
	uint64_t h = 1469598103934665603ULL;
	char *dir = cache_dir(), *path;
	const char *s;

	for (s = url; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	path = xasprintf("%s/%016llx.%s", dir, (unsigned long long)h, ext);
	free(dir);
	return path;
}

struct meta {
	char *etag, *modified;
};

static void meta_load(const char *path, struct meta *m)
{
	FILE *f = fopen(path, "r");
	char buf[4096];
	size_t n;
	cJSON *root;
	const cJSON *e, *lm;

	memset(m, 0, sizeof *m);
	if (!f)
		return;
	n = fread(buf, 1, sizeof buf - 1, f);
	(void)fclose(f); /* read only: what fread got is all that counts */
	buf[n] = '\0';
	root = cJSON_Parse(buf);
	e = cJSON_GetObjectItemCaseSensitive(root, "etag");
	lm = cJSON_GetObjectItemCaseSensitive(root, "last_modified");
	if (cJSON_IsString(e))
		m->etag = xstrdup(e->valuestring);
	if (cJSON_IsString(lm))
		m->modified = xstrdup(lm->valuestring);
	cJSON_Delete(root);
}

static void meta_release(struct meta *m)
{
	free(m->etag);
	free(m->modified);
	memset(m, 0, sizeof *m);
}

static int meta_save(const char *path, const char *url, const struct meta *m)
{
	cJSON *root = cJSON_CreateObject();
	char *shown = url_for_messages(url);

	cJSON_AddStringToObject(root, "url", shown);
	if (m->etag)
		cJSON_AddStringToObject(root, "etag", m->etag);
	if (m->modified)
		cJSON_AddStringToObject(root, "last_modified", m->modified);
	free(shown);
	return json_write(root, path);
}

/* ---- one download ---- */

struct download {
	FILE *out;
	size_t got, max;
	int too_big, progress_shown;
	struct meta fresh;
	const char *shown;
	time_t last;
};

static size_t on_body(char *p, size_t size, size_t n, void *arg)
{
	struct download *d = arg;
	size_t len = size * n;

	d->got += len;
	if (d->got > d->max) {
		d->too_big = 1;
		return 0; /* makes libcurl stop with a write error */
	}
	return fwrite(p, 1, len, d->out);
}

static char *header_value(const char *line, size_t len, const char *name)
{
	size_t k = strlen(name), end = len;
	if (len <= k || strncasecmp(line, name, k) != 0)
		return NULL;
	while (end > k && (line[end - 1] == '\r' || line[end - 1] == '\n' ||
			   line[end - 1] == ' '))
		end--;
	while (k < end && line[k] == ' ')
		k++;
	return xstrndup(line + k, end - k);
}

/* Validators of the final response only: a redirect's are dropped. */
static size_t on_header(char *p, size_t size, size_t n, void *arg)
{
	struct download *d = arg;
	size_t len = size * n;
	char *v;

	if (len > 5 && strncmp(p, "HTTP/", 5) == 0)
		meta_release(&d->fresh);
	else if ((v = header_value(p, len, "etag:")) != NULL)
		free(d->fresh.etag), d->fresh.etag = v;
	else if ((v = header_value(p, len, "last-modified:")) != NULL)
		free(d->fresh.modified), d->fresh.modified = v;
	return len;
}

static int on_progress(void *arg, curl_off_t total, curl_off_t now, curl_off_t ut,
		       curl_off_t un)
{
	struct download *d = arg;
	time_t t = time(NULL);

	(void)ut;
	(void)un;
	if (total < ((curl_off_t)4 << 20) || t == d->last)
		return 0;
	d->last = t;
	d->progress_shown = 1;
	fprintf(stderr, "\rcxbench: downloading %s: %3.0f%% of %.1f MB ", d->shown,
		100.0 * (double)now / (double)total, (double)total / 1e6);
	return 0;
}

/* "$NAME" and "${NAME}" in a header value come from the environment; a
 * missing variable is an error naming it (never the value). */
static char *expand_header(const char *h)
{
	size_t cap = strlen(h) + 64, n = 0, k;
	char *out = xmalloc(cap), name[128];
	const char *v;

	while (*h) {
		int braces = h[0] == '$' && h[1] == '{';
		const char *s = h + 1 + braces;
		for (k = 0; (isalnum((unsigned char)s[k]) || s[k] == '_') && k < sizeof name - 1; k++)
			name[k] = s[k];
		name[k] = '\0';
		if (*h != '$' || k == 0 || (braces && s[k] != '}')) {
			v = NULL;
		} else if (!(v = getenv(name))) {
			msg_error("--header: environment variable '%s' is not set", name);
			free(out);
			return NULL;
		} else if (strpbrk(v, "\r\n")) { /* would smuggle in another header */
			msg_error("--header: environment variable '%s' holds a line break", name);
			free(out);
			return NULL;
		}
		if (!v) {
			name[0] = *h;
			name[1] = '\0';
			v = name;
		} else {
			h = s + k + braces - 1;
		}
		h++;
		if (n + strlen(v) + 1 > cap) {
			cap = (n + strlen(v) + 1) * 2;
			out = xrealloc(out, cap);
		}
		memcpy(out + n, v, strlen(v));
		n += strlen(v);
	}
	out[n] = '\0';
	return out;
}

static struct curl_slist *request_headers(const struct meta *cached, int *bad)
{
	struct curl_slist *list = NULL, *next;
	char *h;
	size_t i;

	*bad = 0;
	for (i = 0; i < fetch_opts.nheaders && !*bad; i++) {
		h = expand_header(fetch_opts.headers[i]);
		*bad = !h;
		if (h && !(next = curl_slist_append(list, h)))
			*bad = 1;
		else if (h)
			list = next;
		free(h);
	}
	if (cached && cached->etag) {
		h = xasprintf("If-None-Match: %s", cached->etag);
		list = curl_slist_append(list, h);
		free(h);
	}
	if (cached && cached->modified) {
		h = xasprintf("If-Modified-Since: %s", cached->modified);
		list = curl_slist_append(list, h);
		free(h);
	}
	return list;
}

static void setup(CURL *c, const char *url, struct download *d, struct curl_slist *h)
{
	const char *protocols = fetch_opts.allow_http ? "http,https" : "https";

	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, protocols);
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, protocols);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, fetch_opts.timeout);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, fetch_opts.timeout);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)fetch_opts.max_bytes);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "cxbench/" CX_VERSION);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, d);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, d);
	if (fetch_opts.cacert)
		curl_easy_setopt(c, CURLOPT_CAINFO, fetch_opts.cacert);
	if (isatty(2)) {
		curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
		curl_easy_setopt(c, CURLOPT_XFERINFODATA, d);
		curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	}
}

static void report(const struct download *d, CURLcode rc, long status)
{
	if (d->too_big || rc == CURLE_FILESIZE_EXCEEDED)
		msg_at(d->shown, 0, "larger than the %zu-byte limit (--max-bytes)",
		       fetch_opts.max_bytes);
	else if (rc == CURLE_OPERATION_TIMEDOUT)
		msg_at(d->shown, 0, "timed out after %ld s (--timeout)", fetch_opts.timeout);
	else if (rc == CURLE_TOO_MANY_REDIRECTS)
		msg_at(d->shown, 0, "more than 5 redirects");
	else if (rc == CURLE_UNSUPPORTED_PROTOCOL)
		msg_at(d->shown, 0, "refused: a redirect to a protocol other than %s",
		       fetch_opts.allow_http ? "http or https" : "https");
	else if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE ||
		 rc == CURLE_SSL_CONNECT_ERROR)
		msg_at(d->shown, 0, "TLS certificate check failed: %s", curl_easy_strerror(rc));
	else if (rc != CURLE_OK)
		msg_at(d->shown, 0, "download failed: %s", curl_easy_strerror(rc));
	else
		msg_at(d->shown, 0, "HTTP %ld", status);
}

/* Data never comes as a web page; one usually means a login or error page
 * in front of the file. */
static int is_html(CURL *c)
{
	char *type = NULL;
	curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
	return type && strncasecmp(type, "text/html", 9) == 0;
}

static int global_init(void)
{
	static int done;
	if (done)
		return 0;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return -1;
	(void)atexit(curl_global_cleanup); /* failing, only the cleanup is lost */
	done = 1;
	return 0;
}

/* Downloads into tmp; 200 leaves the new body there, 304 means the cached
 * body is current.  *status gets the HTTP status. */
static int download(const char *url, const char *shown, FILE *tmp,
		    const struct meta *cached, struct meta *fresh, long *status)
{
	struct download d;
	struct curl_slist *headers;
	CURL *c;
	CURLcode rc;
	int bad, html;

	memset(&d, 0, sizeof d);
	d.out = tmp;
	d.max = fetch_opts.max_bytes;
	d.shown = shown;
	if (global_init() < 0 || !(c = curl_easy_init())) {
		msg_at(shown, 0, "cannot start libcurl");
		return CX_EIO;
	}
	headers = request_headers(cached, &bad);
	setup(c, url, &d, headers);
	rc = bad ? CURLE_OK : curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	html = rc == CURLE_OK && *status == 200 && is_html(c);
	if (d.progress_shown)
		fputs("\r\033[K", stderr);
	curl_slist_free_all(headers);
	curl_easy_cleanup(c);
	if (html)
		msg_at(shown, 0, "the server sent a web page (text/html), not data: "
		       "a login page?");
	else if (!bad && (rc != CURLE_OK || d.too_big || (*status != 200 && *status != 304)))
		report(&d, rc, *status);
	*fresh = d.fresh;
	if (html || bad || rc != CURLE_OK || d.too_big ||
	    (*status != 200 && *status != 304)) {
		meta_release(fresh);
		return bad ? CX_EUSAGE : CX_EIO;
	}
	return CX_OK;
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static int refuse_plain_http(const char *url, const char *shown)
{
	if (fetch_opts.allow_http || strncasecmp(url, "http://", 7) != 0)
		return 0;
	msg_at(shown, 0, "plain http refused: use https, or --allow-http");
	return -1;
}

static int keep_body(char *tmp, FILE *f, const char *body)
{
	int bad = fflush(f) != 0 || fsync(fileno(f)) != 0;
	bad |= fclose(f) != 0;
	if (bad || rename(tmp, body) < 0) {
		msg_at(body, 0, "cannot write the cache: %s", strerror(errno));
		unlink(tmp);
		return CX_EIO;
	}
	return CX_OK;
}

int fetch_to_cache(const char *url, char **path)
{
	char *shown = url_for_messages(url), *body = cache_path(url, "body");
	char *metap = cache_path(url, "meta"), *dir = cache_dir(), *tmp = NULL;
	struct meta cached, fresh = { NULL, NULL };
	int rc = CX_EIO, fd;
	long status = 0;
	FILE *f;

	*path = NULL;
	meta_load(metap, &cached);
	if (refuse_plain_http(url, shown) < 0)
		goto out;
	if (fetch_opts.offline) {
		rc = exists(body) ? CX_OK : CX_EIO;
		if (rc != CX_OK)
			msg_at(shown, 0, "not in the cache (--offline)");
		goto out;
	}
	tmp = xasprintf("%s.part-XXXXXX", body);
	if (make_dirs(dir) < 0 || (fd = mkstemp(tmp)) < 0 || !(f = fdopen(fd, "wb"))) {
		msg_at(dir, 0, "cannot write the cache: %s", strerror(errno));
		goto out;
	}
	rc = download(url, shown, f, exists(body) ? &cached : NULL, &fresh, &status);
	if (rc == CX_OK && status == 200)
		rc = keep_body(tmp, f, body);
	else
		fclose(f), unlink(tmp);
	if (rc == CX_OK && status == 200)
		rc = meta_save(metap, url, &fresh);
out:
	if (rc == CX_OK)
		*path = xstrdup(body);
	meta_release(&cached);
	meta_release(&fresh);
	free(shown);
	free(body);
	free(metap);
	free(dir);
	free(tmp);
	return rc;
}

int fetch_open(const char *source, char **name, int *fd)
{
	char *local = NULL;
	int rc;

	*fd = -1;
	*name = is_url(source) ? url_for_messages(source) : xstrdup(source);
	if (is_url(source) && (rc = fetch_to_cache(source, &local)) != CX_OK)
		return rc;
	*fd = open(local ? local : source, O_RDONLY);
	free(local);
	if (*fd < 0) {
		msg_at(*name, 0, "cannot open: %s", strerror(errno));
		return CX_EIO;
	}
	return CX_OK;
}
