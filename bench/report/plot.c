#include "report/plot.h"
#include "base/mem.h"
#include "base/msg.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

void gp_quote(FILE *f, const char *s)
{
	fputc('\'', f);
	for (; *s; s++) {
		if (*s == '\'')
			fputs("''", f);
		else if (*s == '\n' || *s == '\r')
			fputc(' ', f);
		else
			fputc(*s, f);
	}
	fputc('\'', f);
}

/* gnuplot reads a field that starts with a double quote as a quoted
 * string and has no escape for quotes inside one, so double quotes become
 * typographic ones in charts (the tables keep the exact text). */
static void field_n(FILE *f, const char *s, size_t n)
{
	for (; n > 0 && *s; s++, n--) {
		if (*s == '\t' || *s == '\n' || *s == '\r')
			fputc(' ', f);
		else if (*s == '"')
			fputs("\xE2\x80\x9D", f);
		else if (*s == '\\')
			fputs("\\\\", f); /* gnuplot reads escapes in data labels */
		else
			fputc(*s, f);
	}
}

void gp_field(FILE *f, const char *s)
{
	field_n(f, s, (size_t)-1);
}

static size_t utf8_chars(const char *s, size_t n)
{
	size_t k = 0;
	for (; n > 0; s++, n--)
		k += ((unsigned char)*s & 0xC0) != 0x80;
	return k;
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t text_wrap(const char *s, size_t width, char ***lines)
{
	size_t n = 0, cap = 0, col = 0, len, w;
	const char *start = NULL, *end = NULL;

	*lines = NULL;
	for (;;) {
		while (blank(*s))
			s++;
		for (len = 0; s[len] && !blank(s[len]); len++)
			;
		w = utf8_chars(s, len);
		if (start && (!*s || col + 1 + w > width)) {
			/* NOLINTNEXTLINE(bugprone-sizeof-expression): pointers */
			xgrow((void **)lines, &cap, n, sizeof **lines);
			(*lines)[n++] = xstrndup(start, (size_t)(end - start));
			start = NULL;
		}
		if (!*s)
			return n;
		if (!start) {
			start = s;
			col = 0;
		} else {
			col++;
		}
		col += w;
		s += len;
		end = s;
	}
}

/* The "\n" written between lines is the one escape of ours in a field:
 * the user's backslashes are doubled by gp_field(). */
int gp_field_wrap(FILE *f, const char *s, size_t width)
{
	char **lines;
	size_t n = text_wrap(s, width, &lines), i;

	for (i = 0; i < n; i++) {
		fputs(i ? "\\n" : "", f);
		gp_field(f, lines[i]);
		free(lines[i]);
	}
	free(lines);
	return n ? (int)n : 1;
}

/* The plot in progress: when the program exits before plot_release()
 * (out of memory ends it from anywhere), remove_active() removes its
 * directory at exit. */
static struct plot *active;
static int registered;
static void remove_active(void);

int plot_begin(struct plot *p, const char *style_path, int png)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/cxbench-XXXXXX", tmp && *tmp ? tmp : "/tmp");

	memset(p, 0, sizeof *p);
	p->png = png;
	if (!mkdtemp(dir)) {
		msg_at(dir, 0, "cannot create a temporary directory: %s", strerror(errno));
		free(dir);
		return CX_EIO;
	}
	p->dir = dir;
	if (!registered)
		registered = atexit(remove_active) == 0;
	active = p;
	p->script_path = xasprintf("%s/charts.gp", dir);
	p->script = fopen(p->script_path, "w");
	if (!p->script) {
		msg_at(p->script_path, 0, "cannot write: %s", strerror(errno));
		return CX_EIO;
	}
	fputs("# written by cxbench: one script, several charts\n", p->script);
	p->style_path = xstrdup(style_path);
	return CX_OK;
}

FILE *plot_data(struct plot *p, char **path)
{
	FILE *f;

	*path = xasprintf("%s/data%d.tsv", p->dir, ++p->ndata);
	f = fopen(*path, "w");
	if (!f) {
		msg_at(*path, 0, "cannot write: %s", strerror(errno));
		free(*path);
		*path = NULL;
	}
	return f;
}

/* A full disk shows only when the buffer is flushed, or as the stream's
 * error flag: both are checked. */
int plot_data_close(FILE *f, const char *path)
{
	int bad;

	errno = 0; /* set by fclose() when it fails, maybe not for an old error */
	bad = ferror(f);
	bad |= fclose(f) != 0;
	if (!bad)
		return CX_OK;
	msg_at(path, 0, "cannot write%s%s", errno ? ": " : "",
	       errno ? strerror(errno) : "");
	return CX_EIO;
}

char *plot_file(const struct plot *p, const char *name, const char *ext)
{
	return xasprintf("%s/%s.%s", p->dir, name, ext);
}

/* A chart starts from gnuplot's defaults ("reset session": a plain
 * "reset" leaves state behind that breaks a following spider plot). */
void plot_chart(struct plot *p, const char *name, int width, int height)
{
	char *out = plot_file(p, name, "svg");

	xgrow((void **)&p->charts, &p->charts_cap, p->ncharts, sizeof *p->charts);
	memset(&p->charts[p->ncharts], 0, sizeof *p->charts);
	p->charts[p->ncharts++].name = xstrdup(name);
	fputs("\nreset session\nset datafile separator '\\t'\n"
	      "set datafile commentschars ''\nset datafile missing 'NaN'\nload ", p->script);
	gp_quote(p->script, p->style_path);
	fprintf(p->script, "\n# chart %s\nset terminal svg size %d,%d noenhanced "
		"font 'Sans,%d' background rgb 'white'\nset output ", name, width, height,
		PLOT_FONT);
	gp_quote(p->script, out);
	fprintf(p->script, "\nchart_width = %d\nchart_height = %d\n", width, height);
	free(out);
}

void plot_describe(struct plot *p, const char *desc)
{
	struct plot_chart *c = &p->charts[p->ncharts - 1];
	free(c->desc);
	c->desc = xstrdup(desc);
}

void plot_series(struct plot *p, const char *name)
{
	struct plot_chart *c = &p->charts[p->ncharts - 1];
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	xgrow((void **)&c->series, &c->cap, c->nseries, sizeof *c->series);
	c->series[c->nseries++] = xstrdup(name);
}

void plot_end_chart(struct plot *p, const char *name)
{
	char *out = plot_file(p, name, "png");

	if (p->png) {
		fputs("set terminal pngcairo size chart_width*1.5,chart_height*1.5 "
		      "noenhanced font 'Sans,14' background rgb 'white'\nset output ",
		      p->script);
		gp_quote(p->script, out);
		fputs("\nreplot\n", p->script);
	}
	fputs("unset output\n", p->script);
	free(out);
}

static int spawn_gnuplot(struct plot *p, pid_t *pid)
{
	const char *prog = getenv("CXBENCH_GNUPLOT");
	char *log = xasprintf("%s/gnuplot.log", p->dir);
	char *argv[4];
	posix_spawn_file_actions_t fa;
	int rc;

	prog = prog && *prog ? prog : "gnuplot";
	argv[0] = (char *)prog;
	argv[1] = (char *)"-d";
	argv[2] = p->script_path;
	argv[3] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	rc = posix_spawnp(pid, prog, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	free(log);
	if (rc != 0)
		msg_error("cannot run '%s': %s (install gnuplot, e.g. the Debian "
			  "package gnuplot-nox)", prog, strerror(rc));
	return rc == 0 ? 0 : -1;
}

int plot_run(struct plot *p)
{
	pid_t pid;
	int status = 0, bad;

	bad = fflush(p->script) != 0 || ferror(p->script);
	bad |= fclose(p->script) != 0;
	p->script = NULL;
	if (bad) {
		msg_at(p->script_path, 0, "cannot write the chart script");
		return CX_EIO;
	}
	if (spawn_gnuplot(p, &pid) < 0)
		return CX_EIO;
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			msg_error("cannot wait for gnuplot: %s", strerror(errno));
			return CX_EIO;
		}
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return CX_OK;
	p->failed = 1;
	if (WIFSIGNALED(status))
		msg_error("gnuplot was killed by signal %d; its script and log are "
			  "kept in %s", WTERMSIG(status), p->dir);
	else
		msg_error("gnuplot failed (exit %d); its script and log are kept in %s",
			  WEXITSTATUS(status), p->dir);
	return CX_EIO;
}

/* Allocates nothing of ours: it runs after the report is written (where
 * running out of memory must not turn success into failure) and at exit. */
static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		unlinkat(dirfd(d), e->d_name, 0);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

static void remove_active(void)
{
	if (active && active->dir && !active->failed)
		remove_dir(active->dir);
	active = NULL;
}

void plot_release(struct plot *p)
{
	if (active == p)
		active = NULL;
	if (p->script) /* a script never run; plot_run checks the ones it runs */
		(void)fclose(p->script);
	if (p->dir && !p->failed)
		remove_dir(p->dir);
	free(p->dir);
	free(p->script_path);
	free(p->style_path);
	while (p->ncharts > 0) {
		struct plot_chart *c = &p->charts[--p->ncharts];
		while (c->nseries > 0)
			free(c->series[--c->nseries]);
		free(c->series);
		free(c->desc);
		free(c->name);
	}
	free(p->charts);
	memset(p, 0, sizeof *p);
}
