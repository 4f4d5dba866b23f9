/* completion: the bash and zsh completion scripts, written from the
 * command table (commands[]) and each command's option table (cli.h), so
 * that they cannot drift from the parser: every command, every option,
 * and for each value what cli_option.values says (files, directories,
 * fixed words, formats, profile and dimension ids, import profiles).
 * Ids are not written into the script: it asks the cxbench being
 * completed (`cxbench completion list KIND`) as you type, so that it
 * offers the profiles that cxbench has (bundled, pulled, or under
 * CXBENCH_DATA), not those of the day the script was made. */
#ifndef CX_COMPLETION_H
#define CX_COMPLETION_H
#include <stdio.h>

/* The kinds of ids `completion list` prints, separated by spaces. */
#define COMPLETION_LISTS "profiles dimensions imports text-imports"

/* The script, to f. */
void completion_bash(FILE *f);
void completion_zsh(FILE *f);
#endif
