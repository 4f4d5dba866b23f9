/* commands: the command table, in the order `cxbench -h` lists them
 * (hidden ones left out). */
#include "cmd/cmds.h"
#include <stddef.h>

const struct command *const commands[] = {
	&command_template,
	&command_compare,
	&command_report,
	&command_trend,
	&command_aggregate,
	&command_listen,
	&command_validate,
	&command_metrics,
	&command_profiles,
	&command_completion, /* hidden */
	NULL
};
