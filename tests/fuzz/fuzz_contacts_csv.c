/* fuzz_contacts_csv: contact records in CSV, read the way `aggregate`
 * reads them: the whole command runs on the input as a file (contacts,
 * and as survey answers too), through the streaming reader (csv_stream.c
 * over csv.c), the column map and contact_parse (contacts.c), the sums,
 * the repeat detection and the JSON document.  The options follow the
 * input's size, so one input always runs the same way and a crash is
 * reproduced by the same command line (FUZZ_SHOW_ARGS=1 prints it):
 *   --threads 1 + size % 3, --skip-bad when (size / 3) % 2,
 *   --by-channel when (size / 6) % 2, --by month when (size / 12) % 2,
 *   --surveys FILE when (size / 24) % 2;
 * with CXBENCH_SCAN_BLOCK=256 and CXBENCH_SCAN_SPLIT=1, so that small
 * inputs are cut into blocks and thread ranges as big files are. */
#include "fuzz.h"
#include "cmd/cmds.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("CXBENCH_SCAN_BLOCK", "256", 1);
	setenv("CXBENCH_SCAN_SPLIT", "1", 1);
	fuzz_setup(0);
	fuzz_file_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char threads[2] = { (char)('1' + size % 3), '\0' };
	char *argv[16];
	int argc = 0;

	fuzz_file_fill(data, size);
	argv[argc++] = "aggregate";
	argv[argc++] = fuzz_path;
	argv[argc++] = "--threads";
	argv[argc++] = threads;
	if ((size / 3) % 2)
		argv[argc++] = "--skip-bad";
	if ((size / 6) % 2)
		argv[argc++] = "--by-channel";
	if ((size / 12) % 2) {
		argv[argc++] = "--by";
		argv[argc++] = "month";
	}
	if ((size / 24) % 2) {
		argv[argc++] = "--surveys";
		argv[argc++] = fuzz_path;
	}
	argv[argc] = NULL;
	fuzz_command(command_aggregate.run, argc, argv);
	return 0;
}
