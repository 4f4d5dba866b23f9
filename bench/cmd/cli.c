#include "cmd/cli.h"
#include "core/context.h"
#include "net/fetch.h"
#include "base/atomic.h"
#include "base/mem.h"
#include <stdlib.h>
#include "base/msg.h"
#include <getopt.h>
#include <errno.h>
#include <stdarg.h>
#include <string.h>

static const char *const format_names[] = { "table", "json", "csv" };

int cli_format(const char *cmd, const char *arg, unsigned allowed, enum format *out)
{
	size_t i;
	for (i = 0; i < 3; i++) {
		if ((allowed & (1u << i)) && strcmp(arg, format_names[i]) == 0) {
			*out = (enum format)(1u << i);
			return 0;
		}
	}
	return cli_usage_error(cmd, "--format: '%s' is not %s", arg,
			       allowed == (FMT_TABLE | FMT_JSON) ? "table or json" :
			       "table, json or csv");
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "cxbench: %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see 'cxbench %s -h')\n", cmd);
	return CX_EUSAGE;
}

int cli_flush(void)
{
	return stdout_flush();
}

int cli_net_option(const char *cmd, int code, const char *arg)
{
	char *end = NULL;
	double v = arg ? strtod(arg, &end) : 0;
	int number = arg && *arg && !*end && v >= 1;

	if ((code == 0x1001 || code == 0x1002) && !number)
		return cli_usage_error(cmd, "--%s: '%s' is not a number of 1 or more",
				       code == 0x1001 ? "timeout" : "max-bytes", arg);
	if (code == 0x1001)
		fetch_opts.timeout = v > 86400 ? 86400 : (long)v;
	else if (code == 0x1002)
		fetch_opts.max_bytes = v > 1e15 ? (size_t)1e15 : (size_t)v;
	else if (code == 0x1003)
		fetch_opts.allow_http = 1;
	else if (code == 0x1005)
		fetch_opts.offline = 1;
	else if (code == 0x1006)
		fetch_opts.cacert = arg;
	else if (!arg || !strchr(arg, ':') || strpbrk(arg, "\r\n"))
		return cli_usage_error(cmd, "--header: expected 'Name: value' on one line");
	else {
		xgrow((void **)&fetch_opts.headers, &fetch_opts.headers_cap,
		      fetch_opts.nheaders, sizeof *fetch_opts.headers);
		fetch_opts.headers[fetch_opts.nheaders++] = arg;
	}
	return CX_OK;
}

static void set_text_option(struct cli_opts *o, int c, const char *arg)
{
	if (c == OPT_OUTPUT)
		o->output = arg;
	else if (c == OPT_LANG)
		o->lang = arg;
	else if (c == OPT_TITLE)
		o->title = arg;
	else if (c == OPT_LOGO)
		o->logo = arg;
	else if (c == OPT_PNG_DIR)
		o->png_dir = arg;
	else if (c == OPT_SINCE)
		o->since = arg;
	else if (c == OPT_UNTIL)
		o->until = arg;
	else if (c == OPT_SIGNALS)
		o->signals = arg;
}

int cli_parse(const char *cmd, const char *usage, int argc, char **argv,
	      unsigned accept, unsigned formats, struct cli_opts *o,
	      struct context *ctx)
{
	static const struct option longs[] = {
		{ "against", required_argument, NULL, OPT_AGAINST },
		{ "period", required_argument, NULL, OPT_PERIOD },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "profile", required_argument, NULL, OPT_PROFILE },
		{ "catalog", required_argument, NULL, OPT_CATALOG },
		{ "output", required_argument, NULL, OPT_OUTPUT },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "logo", required_argument, NULL, OPT_LOGO },
		{ "png-dir", required_argument, NULL, OPT_PNG_DIR },
		{ "since", required_argument, NULL, OPT_SINCE },
		{ "until", required_argument, NULL, OPT_UNTIL },
		{ "signals", required_argument, NULL, OPT_SIGNALS },
		CLI_NET_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 } };
	int c, at;

	o->format = FMT_TABLE;
	opterr = 0; /* our own messages, in our format */
	while ((c = getopt_long(argc, argv, ":ho:", longs, &at)) != -1) {
		if (c == 'o')
			c = OPT_OUTPUT, at = 5;
		if (c == 'h') {
			fputs(usage, stdout);
			return -1;
		}
		if (c == ':')
			return cli_usage_error(cmd, "option '%s' needs a value",
					       argv[optind - 1]);
		if (c == '?')
			return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
		if (c > 0x1000 && c <= 0x1006) {
			if (cli_net_option(cmd, c, optarg) != CX_OK)
				return CX_EUSAGE;
			continue;
		}
		if (!(accept & (unsigned)c))
			return cli_usage_error(cmd, "option '--%s' does not apply to %s",
					       longs[at].name, cmd);
		if (c == OPT_AGAINST)
			o->against = optarg;
		else if (c == OPT_PERIOD)
			o->period = optarg;
		else if (c == OPT_FORMAT && cli_format(cmd, optarg, formats, &o->format))
			return CX_EUSAGE;
		else if (c == OPT_PROFILE)
			context_add_profile(ctx, optarg);
		else if (c == OPT_CATALOG)
			ctx->catalog_path = optarg;
		else
			set_text_option(o, c, optarg);
	}
	return CX_OK;
}
