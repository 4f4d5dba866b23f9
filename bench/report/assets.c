/* assets: the theme and the logo, checked and ready to embed. */
#include "report/assets.h"
#include "base/mem.h"
#include "base/msg.h"
#include "io/input.h"
#include "net/fetch.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LOGO_MAX ((size_t)2 << 20)

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Base64 of a buffer, for the data: URI of the logo; caller frees. */
static char *base64(const unsigned char *p, size_t n)
{
	char *out = xmalloc((n + 2) / 3 * 4 + 1), *o = out;
	size_t i;

	for (i = 0; i + 2 < n; i += 3, o += 4) {
		o[0] = b64[p[i] >> 2];
		o[1] = b64[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
		o[2] = b64[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)];
		o[3] = b64[p[i + 2] & 63];
	}
	if (i < n) {
		o[0] = b64[p[i] >> 2];
		o[1] = b64[((p[i] & 3) << 4) | (i + 1 < n ? p[i + 1] >> 4 : 0)];
		o[2] = (char)(i + 1 < n ? b64[(p[i + 1] & 15) << 2] : '=');
		o[3] = '=';
		o += 4;
	}
	*o = '\0';
	return out;
}

static int has_svg_tag(const unsigned char *p, size_t n)
{
	size_t i;
	for (i = 0; i + 4 <= n; i++)
		if (memcmp(p + i, "<svg", 4) == 0)
			return 1;
	return 0;
}

static int logo_type(const unsigned char *p, size_t n, const char **mime)
{
	if (n > 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		*mime = "image/png";
	else if (n > 3 && memcmp(p, "\xFF\xD8\xFF", 3) == 0)
		*mime = "image/jpeg";
	else if (has_svg_tag(p, n < 4096 ? n : 4096))
		*mime = "image/svg+xml";
	else
		return -1;
	return 0;
}

/* Reads at most LOGO_MAX + 1 bytes: enough to know a file is too large
 * without reading all of it.  *buf (caller frees) is set either way. */
static int read_logo(int fd, const char *name, unsigned char **buf, size_t *n)
{
	ssize_t got = 0;

	*buf = xmalloc(LOGO_MAX + 1);
	*n = 0;
	while (*n <= LOGO_MAX && (got = read(fd, *buf + *n, LOGO_MAX + 1 - *n)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			msg_at(name, 0, "cannot read: %s", strerror(errno));
			return CX_EIO;
		}
		*n += (size_t)got;
	}
	return CX_OK;
}

/* An SVG logo shown through <img> cannot run scripts, so it goes in as
 * it is. */
static int load_logo(const char *path, char **uri)
{
	unsigned char *buf = NULL;
	const char *mime = NULL;
	char *name = NULL, *enc;
	size_t n = 0;
	int fd = -1, rc = fetch_open(path, &name, &fd);

	if (rc == CX_OK) {
		rc = read_logo(fd, name, &buf, &n);
		close(fd);
	}
	if (rc == CX_OK && (n > LOGO_MAX || logo_type(buf, n, &mime) < 0)) {
		msg_at(name, 0, n > LOGO_MAX ? "logo larger than 2 MiB" :
		       "the logo is not a PNG, JPEG or SVG image");
		rc = CX_EINPUT;
	}
	if (rc == CX_OK) {
		enc = base64(buf, n);
		*uri = xasprintf("data:%s;base64,%s", mime, enc);
		free(enc);
	}
	free(buf);
	free(name);
	return rc;
}

static int load_theme(const char *datadir, char **css)
{
	char *path = xasprintf("%s/reports/theme.css", datadir);
	struct input in;
	int rc = input_read(path, &in);

	if (rc == CX_OK && (strstr(in.data, "</") || strstr(in.data, "<!--"))) {
		msg_at(path, 0, "the theme may not contain '</' or '<!--'");
		rc = CX_EINPUT;
	}
	if (rc == CX_OK)
		*css = xstrdup(in.data);
	input_release(&in);
	free(path);
	return rc;
}

int report_assets_load(struct report_assets *a, const char *datadir,
		       const char *logo_path)
{
	int rc;

	memset(a, 0, sizeof *a);
	rc = load_theme(datadir, &a->css);
	if (rc == CX_OK && logo_path)
		rc = load_logo(logo_path, &a->logo_uri);
	return rc;
}

void report_assets_release(struct report_assets *a)
{
	free(a->css);
	free(a->logo_uri);
	memset(a, 0, sizeof *a);
}
