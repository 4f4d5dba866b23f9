#include "load/load.h"
#include "load/loaders.h"
#include "base/msg.h"
#include "io/xmlsafe.h"
#include <string.h>
#include <strings.h>

int looks_like_json(const struct input *in)
{
	const char *s = in->data;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	return *s == '{' || *s == '[';
}

int company_from_input(const struct catalog *cat, struct input *in,
		       struct company **out)
{
	struct company *c = company_new(cat, in->name);
	const char *ext = input_ext(in->name);
	int rc;

	*out = NULL;
	if (strcasecmp(ext, "json") == 0 || (strcasecmp(ext, "csv") != 0 &&
					     strcasecmp(ext, "xml") != 0 &&
					     looks_like_json(in)))
		rc = load_company_json(cat, in, c);
	else if (strcasecmp(ext, "xml") == 0 || (strcasecmp(ext, "csv") != 0 &&
						 looks_like_xml(in)))
		rc = load_company_xml(cat, in, c);
	else
		rc = load_company_csv(cat, in, c);
	if (rc == CX_OK)
		company_drop_empty(c);
	if (rc == CX_OK && c->nperiods == 0) {
		msg_at(c->origin, 0, "no metric values found");
		rc = CX_EINPUT;
	}
	if (rc != CX_OK) {
		company_free(c);
		return rc;
	}
	*out = c;
	return CX_OK;
}

int company_load(const struct catalog *cat, const char *path,
		 struct company **out)
{
	struct input in;
	int rc = input_read(path, &in);

	*out = NULL;
	if (rc == CX_OK)
		rc = company_from_input(cat, &in, out);
	input_release(&in);
	return rc;
}
