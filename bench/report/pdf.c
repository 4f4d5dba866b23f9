#include "report/pdf.h"
#include "base/atomic.h"
#include "base/mem.h"
#include "base/msg.h"
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* One print: the browser, its private directory (profile and log), the
 * temporary PDF and where it goes. */
struct pdf_job {
	char *browser, *dir, *log, *tmp, *url;
	const char *target;
	int in_place; /* the target is a device or a FIFO: copied, not renamed */
};

/* `name` in a directory of PATH, or NULL. */
static char *in_path(const char *name)
{
	const char *path = getenv("PATH"), *p, *end;
	struct stat st;
	char *file;

	for (p = path ? path : ""; *p; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ":");
		file = end > p ? xasprintf("%.*s/%s", (int)(end - p), p, name) : xasprintf("./%s", name);
		if (stat(file, &st) == 0 && S_ISREG(st.st_mode) && access(file, X_OK) == 0)
			return file;
		free(file);
	}
	return NULL;
}

static char *find_browser(void)
{
	static const char *const names[] = { "chromium", "chromium-browser", "google-chrome" };
	const char *env = getenv("CHROMIUM");
	char *found = NULL;
	size_t i;

	if (env && *env)
		return xstrdup(env);
	for (i = 0; !found && i < sizeof names / sizeof *names; i++)
		found = in_path(names[i]);
	if (!found)
		msg_error("--pdf needs Chromium and none was found: install chromium, or "
			  "set CHROMIUM to its path (looked for chromium, chromium-browser "
			  "and google-chrome in PATH)");
	return found;
}

/* file:// and the absolute path, every byte outside the unreserved set
 * and '/' percent-encoded. */
static char *file_url(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char abs[PATH_MAX], *url, *out;
	const unsigned char *p;

	if (!realpath(path, abs)) {
		msg_at(path, 0, "cannot print: %s", strerror(errno));
		return NULL;
	}
	url = xmalloc(strlen("file://") + 3 * strlen(abs) + 1);
	out = url + sprintf(url, "file://");
	for (p = (const unsigned char *)abs; *p; p++) {
		if (strchr("-._~/", *p) || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) {
			*out++ = (char)*p;
		} else {
			*out++ = '%';
			*out++ = hex[*p >> 4];
			*out++ = hex[*p & 15];
		}
	}
	*out = '\0';
	return url;
}

/* Removes dir and everything under it, following no symbolic link. */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;
	char *path;

	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(path);
		else
			unlink(path);
		free(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

static void job_release(struct pdf_job *j)
{
	if (j->tmp)
		unlink(j->tmp);
	if (j->dir)
		remove_tree(j->dir);
	free(j->browser);
	free(j->dir);
	free(j->log);
	free(j->tmp);
	free(j->url);
}

/* The temporary PDF: beside the target, so that a rename puts it in
 * place; in the private directory when the target is not a file. */
static int make_tmp(struct pdf_job *j)
{
	struct stat st;
	int fd;

	j->in_place = stat(j->target, &st) == 0 && !S_ISREG(st.st_mode);
	j->tmp = j->in_place ? xasprintf("%s/print.pdf", j->dir) :
		xasprintf("%s.tmp-XXXXXX", j->target);
	fd = j->in_place ? open(j->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600) :
		mkstemp(j->tmp);
	if (fd < 0) {
		msg_at(j->target, 0, "cannot write: %s", strerror(errno));
		free(j->tmp);
		j->tmp = NULL;
		return -1;
	}
	close(fd);
	return 0;
}

static int job_begin(struct pdf_job *j, const char *html, const char *target)
{
	const char *tmpdir = getenv("TMPDIR");

	memset(j, 0, sizeof *j);
	j->target = target;
	if (!(j->browser = find_browser()) || !(j->url = file_url(html)))
		return -1;
	j->dir = xasprintf("%s/cxbench-pdf-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(j->dir)) {
		msg_at(j->dir, 0, "cannot create a temporary directory: %s", strerror(errno));
		free(j->dir);
		j->dir = NULL;
		return -1;
	}
	j->log = xasprintf("%s/chromium.log", j->dir);
	return make_tmp(j);
}

static int spawn_browser(struct pdf_job *j, pid_t *pid)
{
	static const char *const flags[] = { "--headless", "--disable-gpu",
		"--no-first-run", "--no-default-browser-check", "--disable-extensions",
		"--disable-sync", "--disable-background-networking",
		"--disable-component-update", "--host-resolver-rules=MAP * ~NOTFOUND",
		"--no-pdf-header-footer" };
	enum { NFLAGS = sizeof flags / sizeof *flags };
	char *profile = xasprintf("--user-data-dir=%s/profile", j->dir);
	char *print = xasprintf("--print-to-pdf=%s", j->tmp);
	char *argv[NFLAGS + 6];
	posix_spawn_file_actions_t fa;
	size_t n = 0, i;
	int rc;

	argv[n++] = j->browser;
	for (i = 0; i < NFLAGS; i++)
		argv[n++] = (char *)flags[i];
	if (geteuid() == 0) /* Chromium refuses to run as root in its sandbox */
		argv[n++] = (char *)"--no-sandbox";
	argv[n++] = profile;
	argv[n++] = print;
	argv[n++] = j->url;
	argv[n] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, j->log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	rc = posix_spawnp(pid, j->browser, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	free(profile);
	free(print);
	if (rc != 0)
		msg_error("--pdf: cannot run '%s': %s (install chromium, or set CHROMIUM "
			  "to its path)", j->browser, strerror(rc));
	return rc == 0 ? 0 : -1;
}

static double seconds_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static double time_limit(void)
{
	const char *env = getenv("CXBENCH_PDF_TIMEOUT");
	char *end;
	double v = env && *env ? strtod(env, &end) : 0;

	return env && *env && !*end && v > 0 ? v : PDF_TIMEOUT;
}

/* Waits for the browser within the time limit; 1 when it ran out (the
 * browser is then killed), 0 with its status, -1 when waiting failed. */
static int wait_browser(pid_t pid, int *status, double limit)
{
	const struct timespec tick = { 0, 50L * 1000 * 1000 };
	double end = seconds_now() + limit;
	pid_t r;

	for (;;) {
		r = waitpid(pid, status, WNOHANG);
		if (r == pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
		if (seconds_now() > end) {
			kill(pid, SIGKILL);
			while (waitpid(pid, status, 0) < 0 && errno == EINTR)
				;
			return 1;
		}
		nanosleep(&tick, NULL);
	}
}

/* The last line Chromium logged, as the reason it failed.  Caller frees. */
static char *last_log_line(const char *log)
{
	FILE *f = fopen(log, "r");
	char line[512], last[512] = "";
	size_t len;

	while (f && fgets(line, sizeof line, f)) {
		len = strcspn(line, "\r\n");
		line[len] = '\0';
		if (len)
			memcpy(last, line, len + 1);
	}
	if (f)
		(void)fclose(f);
	return xstrdup(last[0] ? last : "nothing logged");
}

static int is_pdf(const char *path)
{
	FILE *f = fopen(path, "rb");
	char head[5] = { 0 };
	int ok = f && fread(head, 1, sizeof head, f) == sizeof head &&
		memcmp(head, "%PDF-", sizeof head) == 0;

	if (f)
		(void)fclose(f);
	return ok;
}

static int run_browser(struct pdf_job *j)
{
	double limit = time_limit();
	pid_t pid;
	int status = 0, r;
	char *why;

	if (spawn_browser(j, &pid) < 0)
		return -1;
	r = wait_browser(pid, &status, limit);
	if (r < 0) {
		msg_error("--pdf: cannot wait for '%s': %s", j->browser, strerror(errno));
		return -1;
	}
	if (r > 0) {
		msg_at(j->target, 0, "'%s' did not finish printing within %g seconds and "
		       "was stopped", j->browser, limit);
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && is_pdf(j->tmp))
		return 0;
	why = last_log_line(j->log);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		msg_at(j->target, 0, "'%s' wrote no PDF: %s", j->browser, why);
	else
		msg_at(j->target, 0, "'%s' failed printing (%s %d): %s", j->browser,
		       WIFEXITED(status) ? "exit" : "signal",
		       WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status), why);
	free(why);
	return -1;
}

/* The whole PDF, flushed to disk, takes the target's name. */
static int finish(struct pdf_job *j)
{
	int fd, rc;

	if (j->in_place)
		return atomic_copy(j->tmp, j->target);
	fd = open(j->tmp, O_RDONLY | O_CLOEXEC);
	rc = fd >= 0 && fchmod(fd, 0644) == 0 && fsync(fd) == 0 ? 0 : -1;
	if (fd >= 0 && close(fd) < 0)
		rc = -1;
	if (rc == 0 && rename(j->tmp, j->target) == 0) {
		free(j->tmp);
		j->tmp = NULL;
		return CX_OK;
	}
	msg_at(j->target, 0, "cannot write: %s", strerror(errno));
	return CX_EIO;
}

int pdf_print(const char *html_path, const char *pdf_path)
{
	struct pdf_job j;
	int rc = CX_EIO;

	if (job_begin(&j, html_path, pdf_path) == 0 && run_browser(&j) == 0)
		rc = finish(&j);
	job_release(&j);
	return rc;
}
