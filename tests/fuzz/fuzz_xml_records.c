/* fuzz_xml_records: contact records and survey answers in XML with XPath
 * mapping (cxbench aggregate --xml FILE --record XPATH --map FIELD=XPATH).
 * The input holds the XPaths, then a blank line, then the XML:
 *
 *   //contact                  the --record XPath
 *   started_at=@at             --map lines, one per line
 *   --                         then survey answers from the same file
 *   //answer                   the --survey-record XPath
 *   csat=@score                --survey-map lines
 *
 * (a header that starts with "--" has survey answers alone)
 *
 *   <export>...</export>
 *
 * and the whole command runs (with --threads 1 --by-channel, and
 * --skip-bad when the size is odd), so the XPaths meet agg_xml_check and
 * the document meets xmlsafe.c, the record reader and the sums as a file
 * named on the command line would.  FUZZ_SHOW_ARGS=1 prints the command
 * line of an input. */
#include "fuzz.h"
#include "cmd/cmds.h"

#define MAX_ARGS 64

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup(0);
	fuzz_file_setup();
	return 0;
}

/* The header's lines as options: the contacts' XPaths (--xml FILE
 * --record --map...), then, after a line "--", the survey answers'
 * (--surveys FILE --survey-record --survey-map...); either may be absent. */
static int header_args(char *head, char **argv, int argc)
{
	char *line, *next;
	int survey = 0, first = 1;

	for (line = head; line && argc + 4 <= MAX_ARGS; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (strcmp(line, "--") == 0 && !survey) {
			survey = first = 1;
			continue;
		}
		if (first) {
			argv[argc++] = survey ? "--surveys" : "--xml";
			argv[argc++] = fuzz_path;
		}
		argv[argc++] = first ? (survey ? "--survey-record" : "--record") :
			survey ? "--survey-map" : "--map";
		argv[argc++] = line;
		first = 0;
	}
	return argc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *head = NULL, *argv[MAX_ARGS + 1];
	const char *body = NULL;
	int argc = 0;
	size_t i;

	for (i = 0; i + 1 < size; i++) {
		if (data[i] == '\n' && data[i + 1] == '\n') {
			body = (const char *)data + i + 2;
			break;
		}
	}
	if (!body)
		return 0;
	head = xstrndup((const char *)data, i); /* --map's value is written to */
	fuzz_file_fill(body, size - (size_t)(body - (const char *)data));
	argv[argc++] = "aggregate";
	argv[argc++] = "--threads";
	argv[argc++] = "1";
	argv[argc++] = "--by-channel";
	if (size % 2)
		argv[argc++] = "--skip-bad";
	argc = header_args(head, argv, argc);
	argv[argc] = NULL;
	fuzz_command(command_aggregate.run, argc, argv);
	free(head);
	return 0;
}
