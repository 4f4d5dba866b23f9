/* completion: writing the completion scripts from the tables.  Each
 * script is a fixed head (the helpers: values of each kind, the
 * subcommand before the word) and, per command, what its table says. */
#include "cmd/completion.h"
#include "cmd/cli.h"
#include <string.h>

/* What the scripts call a kind of value ("" for free text). */
static const char *kind_word(enum cli_value v)
{
	switch (v) {
	case CLI_VALUE_FILE: return "file";
	case CLI_VALUE_DIR: return "dir";
	case CLI_VALUE_WORDS:
	case CLI_VALUE_FORMAT: return "words";
	case CLI_VALUE_PROFILES: return "profiles";
	case CLI_VALUE_DIMENSIONS: return "dimensions";
	case CLI_VALUE_IMPORT: return "imports";
	case CLI_VALUE_TEXT_IMPORT: return "text-imports";
	case CLI_VALUE_TEXT: break;
	}
	return "";
}

/* The fixed words of an option's value, separated by spaces. */
static const char *option_words(const struct cli_option *o, char *buf, size_t size)
{
	if (o->values == CLI_VALUE_FORMAT)
		return cli_format_words((unsigned)o->limit, buf, size);
	return o->words ? o->words : "";
}

/* ---- bash ---- */

static const char bash_head[] =
	"# bash completion for cxbench, written by `cxbench completion bash` from\n"
	"# the commands' option tables.  Profile, dimension and import profile ids\n"
	"# come from the cxbench being completed (`cxbench completion list KIND`).\n"
	"\n"
	"# COMPREPLY: the values of kind $1 (with the words $2) that start with\n"
	"# $cur; $bin is the cxbench being completed.\n"
	"_cxbench_value()\n"
	"{\n"
	"\tlocal head\n"
	"\tCOMPREPLY=()\n"
	"\tcase $1 in\n"
	"\tfile)\n"
	"\t\tcompopt -o filenames 2>/dev/null\n"
	"\t\tmapfile -t COMPREPLY < <(compgen -f -- \"$cur\") ;;\n"
	"\tdir)\n"
	"\t\tcompopt -o filenames 2>/dev/null\n"
	"\t\tmapfile -t COMPREPLY < <(compgen -d -- \"$cur\") ;;\n"
	"\twords)\n"
	"\t\tmapfile -t COMPREPLY < <(compgen -W \"$2\" -- \"$cur\") ;;\n"
	"\tprofiles | dimensions)\n"
	"\t\t# a comma-separated list: its last id\n"
	"\t\thead=${cur%\"${cur##*,}\"}\n"
	"\t\tmapfile -t COMPREPLY < <(compgen -P \"$head\" \\\n"
	"\t\t\t-W \"$2 $(\"$bin\" completion list \"$1\" 2>/dev/null)\" -- \"${cur##*,}\") ;;\n"
	"\timports | text-imports)\n"
	"\t\tcompopt -o filenames 2>/dev/null\n"
	"\t\tmapfile -t COMPREPLY < <(compgen -W \"$(\"$bin\" completion list \"$1\" \\\n"
	"\t\t\t2>/dev/null)\" -- \"$cur\"; compgen -f -- \"$cur\") ;;\n"
	"\tesac\n"
	"}\n"
	"\n"
	"# The first operand before the word being completed: not an option, nor\n"
	"# the value of one of the options in $1.\n"
	"_cxbench_first_operand()\n"
	"{\n"
	"\tlocal i=2 w\n"
	"\twhile [ \"$i\" -lt \"$COMP_CWORD\" ]; do\n"
	"\t\tw=${COMP_WORDS[i]}\n"
	"\t\tcase $w in\n"
	"\t\t--)\n"
	"\t\t\t[ $((i + 1)) -lt \"$COMP_CWORD\" ] && printf '%s\\n' \"${COMP_WORDS[i + 1]}\"\n"
	"\t\t\treturn ;;\n"
	"\t\t-*)\n"
	"\t\t\tcase \" $1 \" in\n"
	"\t\t\t*\" $w \"*)\n"
	"\t\t\t\t[ \"${COMP_WORDS[i + 1]}\" = = ] && i=$((i + 1))\n"
	"\t\t\t\ti=$((i + 1)) ;;\n"
	"\t\t\tesac ;;\n"
	"\t\t*)\n"
	"\t\t\tprintf '%s\\n' \"$w\"\n"
	"\t\t\treturn ;;\n"
	"\t\tesac\n"
	"\t\ti=$((i + 1))\n"
	"\tdone\n"
	"}\n"
	"\n"
	"_cxbench()\n"
	"{\n"
	"\tlocal cur=${COMP_WORDS[COMP_CWORD]} bin=${COMP_WORDS[0]} cmd opt sub\n"
	"\tCOMPREPLY=()\n"
	"\tcase $bin in \"~/\"*) bin=$HOME/${bin#\"~/\"} ;; esac\n"
	"\t# the option this word is the value of: \"--opt VALUE\", or \"--opt=VALUE\"\n"
	"\t# (which readline splits at the '=')\n"
	"\topt=${COMP_WORDS[COMP_CWORD - 1]}\n"
	"\tif [ \"$cur\" = = ]; then\n"
	"\t\tcur=\n"
	"\telif [ \"$opt\" = = ] && [ \"$COMP_CWORD\" -ge 3 ]; then\n"
	"\t\topt=${COMP_WORDS[COMP_CWORD - 2]}\n"
	"\tfi\n";

static void bash_name(const struct cli_option *o, void *arg)
{
	FILE *f = arg;
	fprintf(f, " --%s", o->name);
	if (o->short_name)
		fprintf(f, " -%c", o->short_name);
}

static void bash_value_name(const struct cli_option *o, void *arg)
{
	if (o->value)
		bash_name(o, arg);
}

/* The case arm of an option that takes a value. */
static void bash_value_arm(const struct cli_option *o, void *arg)
{
	FILE *f = arg;
	char buf[64];

	if (!o->value)
		return;
	fputs("\t\t", f);
	if (o->short_name)
		fprintf(f, "-%c | ", o->short_name);
	fprintf(f, "--%s)", o->name);
	if (o->values == CLI_VALUE_TEXT)
		fputs(" return 0 ;;\n", f);
	else
		fprintf(f, " _cxbench_value %s '%s'; return 0 ;;\n", kind_word(o->values),
			option_words(o, buf, sizeof buf));
}

static void bash_operands(FILE *f, const struct command *cmd)
{
	const struct cli_subcommand *s;

	if (!cmd->subcommands) {
		if (cmd->operands != CLI_VALUE_TEXT)
			fprintf(f, "\t\t_cxbench_value %s ''\n", kind_word(cmd->operands));
		return;
	}
	fputs("\t\tsub=$(_cxbench_first_operand \"", f);
	cli_each_option(cmd->options, bash_value_name, f);
	fputs(" \")\n\t\tcase $sub in\n\t\t'') _cxbench_value words '", f);
	for (s = cmd->subcommands; s->name; s++)
		fprintf(f, "%s%s", s == cmd->subcommands ? "" : " ", s->name);
	fputs("' ;;\n", f);
	for (s = cmd->subcommands; s->name; s++)
		if (s->operands != CLI_VALUE_TEXT)
			fprintf(f, "\t\t%s) _cxbench_value %s '%s' ;;\n", s->name,
				kind_word(s->operands), s->words ? s->words : "");
	fputs("\t\tesac\n", f);
}

void completion_bash(FILE *f)
{
	size_t i;

	fputs(bash_head, f);
	fputs("\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n\t\t_cxbench_value words '", f);
	for (i = 0; commands[i]; i++)
		if (!commands[i]->hidden)
			fprintf(f, "%s ", commands[i]->name);
	fputs("-h --help --version'\n\t\treturn 0\n\tfi\n\tcmd=${COMP_WORDS[1]}\n"
	      "\tcase $cmd in\n", f);
	for (i = 0; commands[i]; i++) {
		fprintf(f, "\t%s)\n\t\tcase $opt in\n", commands[i]->name);
		cli_each_option(commands[i]->options, bash_value_arm, f);
		fputs("\t\tesac\n\t\tcase $cur in\n\t\t-*)\n\t\t\t_cxbench_value words '", f);
		cli_each_option(commands[i]->options, bash_name, f);
		fputs(" -h --help'\n\t\t\treturn 0 ;;\n\t\tesac\n", f);
		bash_operands(f, commands[i]);
		fputs("\t\t;;\n", f);
	}
	fputs("\tesac\n\treturn 0\n}\n\ncomplete -F _cxbench cxbench\n", f);
}

/* ---- zsh ---- */

static const char zsh_head[] =
	"#compdef cxbench\n"
	"# zsh completion for cxbench, written by `cxbench completion zsh` from the\n"
	"# commands' option tables.  Profile, dimension and import profile ids come\n"
	"# from the cxbench being completed (`cxbench completion list KIND`).\n"
	"\n"
	"# A comma-separated list of ids of kind $1, and the words after it.\n"
	"_cxbench_list() {\n"
	"\tlocal kind=$1\n"
	"\tshift\n"
	"\tlocal -a ids\n"
	"\tids=(\"$@\" ${(f)\"$(_call_program $kind $_cxbench_bin completion list $kind 2>/dev/null)\"})\n"
	"\t(( $#ids )) || return 1\n"
	"\t_values -s , $kind $ids\n"
	"}\n"
	"\n"
	"# A built-in import profile of kind $1, or a file.\n"
	"_cxbench_import() {\n"
	"\tlocal -a ids\n"
	"\tids=(${(f)\"$(_call_program $1 $_cxbench_bin completion list $1 2>/dev/null)\"})\n"
	"\t_alternative \"$1:import profile:compadd -a ids\" 'files:file:_files'\n"
	"}\n"
	"\n"
	"_cxbench() {\n"
	"\tlocal _cxbench_bin=$words[1] cmd curcontext=$curcontext state state_descr line\n"
	"\tlocal -a commands\n"
	"\ttypeset -A opt_args\n";

/* s up to its first line break (and before a parenthesis the line leaves
 * open), for inside '...' in a spec: a quote is written '\'', and what
 * _arguments reads specially ([ ] : \) escaped. */
static void zsh_text(FILE *f, const char *s)
{
	const char *end = strchr(s, '\n'), *open;

	if (!end)
		end = s + strlen(s);
	open = memchr(s, '(', (size_t)(end - s));
	if (open && open > s && !memchr(open, ')', (size_t)(end - open)))
		end = open[-1] == ' ' ? open - 1 : open;
	for (; s < end; s++) {
		if (*s == '\'')
			fputs("'\\''", f);
		else if (strchr("[]:\\", *s))
			fprintf(f, "\\%c", *s);
		else
			fputc(*s, f);
	}
}

/* What _arguments does for a value (our own helpers after a space, so
 * that it calls them with their arguments unchanged). */
static void zsh_action(FILE *f, enum cli_value v, const char *words)
{
	switch (v) {
	case CLI_VALUE_FILE: fputs("_files", f); break;
	case CLI_VALUE_DIR: fputs("_files -/", f); break;
	case CLI_VALUE_WORDS:
	case CLI_VALUE_FORMAT: fprintf(f, "(%s)", words); break;
	case CLI_VALUE_PROFILES:
	case CLI_VALUE_DIMENSIONS:
		fprintf(f, " _cxbench_list %s%s%s", kind_word(v), *words ? " " : "", words);
		break;
	case CLI_VALUE_IMPORT:
	case CLI_VALUE_TEXT_IMPORT: fprintf(f, " _cxbench_import %s", kind_word(v)); break;
	case CLI_VALUE_TEXT: fputc(' ', f); break;
	}
}

/* One _arguments spec: '(-o --output)'{-o+,--output=}'[help]:FILE:_files' */
static void zsh_spec(const struct cli_option *o, void *arg)
{
	FILE *f = arg;
	char buf[64];

	fputs("\t\t\t", f);
	if (o->short_name)
		fprintf(f, "'(-%c --%s)'{-%c%s,--%s%s}'", o->short_name, o->name,
			o->short_name, o->value ? "+" : "", o->name, o->value ? "=" : "");
	else
		fprintf(f, "'%s--%s%s", o->kind == CLI_LIST ? "*" : "", o->name,
			o->value ? "=" : "");
	fputc('[', f);
	zsh_text(f, o->help);
	fputc(']', f);
	if (o->value) {
		fputc(':', f);
		zsh_text(f, o->value);
		fputc(':', f);
		zsh_action(f, o->values, option_words(o, buf, sizeof buf));
	}
	fputs("' \\\n", f);
}

/* After the options' specs: the operands' (each line ends the one before). */
static void zsh_operands(FILE *f, const struct command *cmd)
{
	const struct cli_subcommand *s;

	if (!cmd->subcommands) {
		if (cmd->operands != CLI_VALUE_TEXT) {
			fputs(" \\\n\t\t\t'*:operand:", f);
			zsh_action(f, cmd->operands, "");
			fputc('\'', f);
		}
		fputc('\n', f);
		return;
	}
	fputs(" \\\n\t\t\t'1:subcommand:(", f);
	for (s = cmd->subcommands; s->name; s++)
		fprintf(f, "%s%s", s == cmd->subcommands ? "" : " ", s->name);
	fputs(")' \\\n\t\t\t'*::operand:->operand'\n", f);
	fputs("\t\t[[ $state = operand ]] || return\n\t\tcase $words[1] in\n", f);
	for (s = cmd->subcommands; s->name; s++) {
		if (s->operands == CLI_VALUE_TEXT)
			continue;
		fprintf(f, "\t\t(%s) ", s->name);
		if (s->operands == CLI_VALUE_WORDS) /* a command here, not an action */
			fprintf(f, "compadd -- %s", s->words);
		else
			zsh_action(f, s->operands, s->words ? s->words : "");
		fputs(" ;;\n", f);
	}
	fputs("\t\tesac\n", f);
}

void completion_zsh(FILE *f)
{
	size_t i;

	fputs(zsh_head, f);
	fputs("\tcommands=(\n", f);
	for (i = 0; commands[i]; i++) {
		if (commands[i]->hidden)
			continue;
		fprintf(f, "\t\t'%s:", commands[i]->name);
		zsh_text(f, commands[i]->summary);
		fputs("'\n", f);
	}
	fputs("\t)\n"
	      "\tif (( CURRENT == 2 )); then\n"
	      "\t\t_describe -t commands 'cxbench command' commands\n"
	      "\t\treturn\n"
	      "\tfi\n"
	      "\tcmd=$words[2]\n"
	      "\tshift words\n"
	      "\t(( CURRENT-- ))\n"
	      "\tcurcontext=\"${curcontext%:*:*}:cxbench-$cmd:\"\n"
	      "\tcase $cmd in\n", f);
	for (i = 0; commands[i]; i++) {
		fprintf(f, "\t(%s)\n\t\t_arguments -S \\\n", commands[i]->name);
		cli_each_option(commands[i]->options, zsh_spec, f);
		fputs("\t\t\t'(- *)'{-h,--help}'[this help]'", f);
		zsh_operands(f, commands[i]);
		fputs("\t\t;;\n", f);
	}
	fputs("\tesac\n"
	      "}\n"
	      "\n"
	      "# autoloaded from fpath, or sourced\n"
	      "if [[ $funcstack[1] = _cxbench ]]; then\n"
	      "\t_cxbench \"$@\"\n"
	      "else\n"
	      "\tcompdef _cxbench cxbench\n"
	      "fi\n", f);
}
