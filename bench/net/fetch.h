/* fetch: inputs named by an http(s) URL.  Downloads go through libcurl
 * with certificate checks on, only http and https (https alone unless
 * --allow-http; redirects too), at most 5 redirects, connect and total
 * timeouts, and a size cap enforced while receiving.  Every download lands
 * in the cache ($XDG_CACHE_HOME/cxbench), revalidated with ETag and
 * Last-Modified; --offline reads the cache only.  Header values may name
 * environment variables ($TOKEN); they never appear in messages. */
#ifndef CX_FETCH_H
#define CX_FETCH_H
#include <stddef.h>

struct fetch_options {
	long timeout;        /* seconds; default 30 */
	size_t max_bytes;    /* default 200 MB */
	int allow_http, offline;
	const char *cacert;  /* extra CA bundle, or NULL */
	const char **headers;
	size_t nheaders, headers_cap;
};

/* The options every download uses (set by the command line). */
extern struct fetch_options fetch_opts;
void fetch_options_release(void);

/* 1 when the name is an http:// or https:// URL. */
int is_url(const char *name);
/* The URL as messages may show it: no user, password or query. Caller
 * frees. */
char *url_for_messages(const char *url);
/* Makes sure the URL's current content is in the cache and sets *path to
 * the cached file (caller frees).  CX_OK, or CX_EIO (or CX_EUSAGE for a
 * refused URL) after a message naming the URL. */
int fetch_to_cache(const char *url, char **path);
/* Opens a path, or a URL's cached download, for reading: *fd (or -1) and
 * *name, the name for messages (caller frees).  CX_OK or an error status
 * after a message. */
int fetch_open(const char *source, char **name, int *fd);
#endif
