#include "base/atomic.h"
#include "base/mem.h"
#include "base/msg.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0)
			errno = EIO; /* no progress and no reason given */
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* A target that exists and is not a regular file or a directory (/dev/null,
 * /dev/stdout, /dev/full, a FIFO) is written in place: renaming a file over
 * it would replace the device node itself when run as root, and fail in a
 * directory such as /dev otherwise. */
static int write_in_place(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC), err = 0;

	if (fd < 0 || write_all(fd, data, len) < 0)
		err = errno;
	if (fd >= 0 && close(fd) < 0 && !err)
		err = errno;
	if (!err)
		return CX_OK;
	msg_at(path, 0, "cannot write: %s", strerror(err));
	return CX_EIO;
}

int atomic_write(const char *path, const void *data, size_t len)
{
	struct stat st;
	char *tmp;
	int fd, err;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
		return write_in_place(path, data, len);
	tmp = xasprintf("%s.tmp-XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		msg_at(path, 0, "cannot write: %s", strerror(errno));
		free(tmp);
		return CX_EIO;
	}
	if (write_all(fd, data, len) < 0 || fchmod(fd, 0644) < 0 || fsync(fd) < 0) {
		err = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		err = errno;
		goto fail;
	}
	free(tmp);
	return CX_OK;
fail:
	msg_at(path, 0, "cannot write: %s", strerror(err ? err : EIO));
	unlink(tmp);
	free(tmp);
	return CX_EIO;
}

int make_dirs(const char *path)
{
	char *copy = xstrdup(path), *p;
	int rc = 0;

	for (p = copy + 1; *p && rc == 0; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		rc = mkdir(copy, 0700) < 0 && errno != EEXIST ? -1 : 0;
		*p = '/';
	}
	if (rc == 0)
		rc = mkdir(copy, 0700) < 0 && errno != EEXIST ? -1 : 0;
	free(copy);
	return rc;
}

int atomic_copy(const char *from, const char *to)
{
	FILE *f = fopen(from, "rb");
	char *buf = NULL;
	size_t cap = 0, len = 0, got;
	int rc;

	if (!f) {
		msg_at(from, 0, "cannot open: %s", strerror(errno));
		return CX_EIO;
	}
	do {
		xgrow((void **)&buf, &cap, len + 65536, 1);
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	rc = ferror(f) ? CX_EIO : CX_OK;
	(void)fclose(f); /* read only: ferror said it all */
	if (rc != CX_OK)
		msg_at(from, 0, "cannot read");
	else
		rc = atomic_write(to, buf, len);
	free(buf);
	return rc;
}

int stdout_flush(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		msg_error("cannot write the output: %s", strerror(errno));
		return CX_EIO;
	}
	return CX_OK;
}

int output_write(const char *path, const void *data, size_t len)
{
	if (path)
		return atomic_write(path, data, len);
	if (len && fwrite(data, 1, len, stdout) != len) {
		msg_error("cannot write the output: %s", strerror(errno));
		return CX_EIO;
	}
	return stdout_flush();
}
