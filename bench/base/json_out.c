#include "base/json_out.h"
#include "base/atomic.h"
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

int json_save(const cJSON *tree, const char *path)
{
	char *text = cJSON_Print(tree);
	size_t len = strlen(text);
	int rc;

	text = xrealloc(text, len + 2);
	memcpy(text + len, "\n", 2);
	rc = output_write(path, text, len + 1);
	free(text);
	return rc;
}

int json_write(cJSON *tree, const char *path)
{
	int rc = json_save(tree, path);
	cJSON_Delete(tree);
	return rc;
}
