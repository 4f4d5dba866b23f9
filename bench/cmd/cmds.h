/* cmds: the subcommands, one cmd_NAME.c each.  To add a command:
 * 1. write cmd_NAME.c: its arguments struct, its options as a table of
 *    struct cli_option (cli.h; say what each value is, enum cli_value,
 *    and the shell completion follows), its usage text, a run function
 *    that calls cli_parse() and then only loads, computes and renders
 *    through the feature modules, and `const struct command command_NAME`
 *    (with what its operands are);
 * 2. declare command_NAME here and add it to commands[] in commands.c;
 * 3. add a section to cxbench.1 and README.md, and cases in tests/cases/
 *    (tests/unit/test_cli.c runs every option of the table by itself). */
#ifndef CX_CMDS_H
#define CX_CMDS_H
#include "cmd/cli.h"

extern const struct command command_compare;
extern const struct command command_report;
extern const struct command command_trend;
extern const struct command command_aggregate;
extern const struct command command_listen;
extern const struct command command_validate;
extern const struct command command_metrics;
extern const struct command command_profiles;
extern const struct command command_template;
extern const struct command command_completion;
#endif
