/* cli_net: the network options every command that reads inputs takes;
 * they set fetch_opts (net/fetch.h). */
#include "cmd/cli.h"
#include "base/mem.h"
#include "base/msg.h"
#include "net/fetch.h"
#include <stdlib.h>
#include <string.h>

static int take_at_least_one(const char *cmd, const struct cli_option *opt,
			     const char *arg, double *out)
{
	char *end = NULL;
	double v = strtod(arg, &end);

	if (!*arg || *end || !(v >= 1))
		return cli_usage_error(cmd, "--%s: '%s' is not a number of 1 or more",
				       opt->name, arg);
	*out = v;
	return CX_OK;
}

static int take_timeout(const char *cmd, const struct cli_option *opt,
			const char *arg, void *field)
{
	double v = 0;
	int rc = take_at_least_one(cmd, opt, arg, &v);

	(void)field;
	if (rc == CX_OK)
		fetch_opts.timeout = v > 86400 ? 86400 : (long)v;
	return rc;
}

static int take_max_bytes(const char *cmd, const struct cli_option *opt,
			  const char *arg, void *field)
{
	double v = 0;
	int rc = take_at_least_one(cmd, opt, arg, &v);

	(void)field;
	if (rc == CX_OK)
		fetch_opts.max_bytes = v > 1e15 ? (size_t)1e15 : (size_t)v;
	return rc;
}

static int take_header(const char *cmd, const struct cli_option *opt,
		       const char *arg, void *field)
{
	(void)opt;
	(void)field;
	if (!strchr(arg, ':') || strpbrk(arg, "\r\n"))
		return cli_usage_error(cmd, "--header: expected 'Name: value' on one line");
	xgrow((void **)&fetch_opts.headers, &fetch_opts.headers_cap,
	      fetch_opts.nheaders, sizeof *fetch_opts.headers);
	fetch_opts.headers[fetch_opts.nheaders++] = arg;
	return CX_OK;
}

static int take_cacert(const char *cmd, const struct cli_option *opt,
		       const char *arg, void *field)
{
	(void)cmd;
	(void)opt;
	(void)field;
	fetch_opts.cacert = arg;
	return CX_OK;
}

static int take_switch(const char *cmd, const struct cli_option *opt,
		       const char *arg, void *field)
{
	(void)cmd;
	(void)arg;
	(void)field;
	if (strcmp(opt->name, "allow-http") == 0)
		fetch_opts.allow_http = 1;
	else
		fetch_opts.offline = 1;
	return CX_OK;
}

#define NET_OPT(n, v, h, fn) { .kind = CLI_CALL, .name = (n), .value = (v), .help = (h), .take = (fn) }
#define NET_OPT_FILE(n, v, h, fn) \
	{ .kind = CLI_CALL, .name = (n), .value = (v), .help = (h), .take = (fn), \
	  .values = CLI_VALUE_FILE }

const struct cli_option cli_net_options[] = {
	NET_OPT("timeout", "S", "network timeout in seconds (default 30)", take_timeout),
	NET_OPT("max-bytes", "N", "refuse downloads larger than N bytes (default 200000000)",
		take_max_bytes),
	NET_OPT("allow-http", NULL, "allow plain http URLs (https only otherwise)",
		take_switch),
	NET_OPT("header", "'N: V'", "an HTTP request header; $VAR reads the environment",
		take_header),
	NET_OPT_FILE("cacert", "FILE", "trust the certificates in FILE too", take_cacert),
	NET_OPT("offline", NULL, "use downloads already cached, fetch nothing",
		take_switch),
	CLI_OPT_END
};
