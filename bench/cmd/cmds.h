/* cmds: the subcommands, one cmd_NAME.c each.  To add a command: write
 * cmd_NAME.c with `int cmd_NAME(int argc, char **argv)` (argv[0] is the
 * command's name; it handles -h itself and returns an exit code), declare
 * it here, add a row to the table in main.c, a section to cxbench.1 and
 * README.md, and a test in tests/cases/. */
#ifndef CX_CMDS_H
#define CX_CMDS_H

int cmd_compare(int argc, char **argv);
int cmd_aggregate(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_trend(int argc, char **argv);
int cmd_listen(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_metrics(int argc, char **argv);
int cmd_profiles(int argc, char **argv);
#endif
