#!/bin/sh
# The shell completion (`cxbench completion bash|zsh`), generated from the
# option tables:
# - both scripts are written, and parse (bash -n, zsh -n);
# - every command of `cxbench -h` (and the hidden `completion`) has its
#   arm in each script, holding every option its `-h` lists;
# - bash: the script registers itself (`complete -p cxbench`), and calling
#   its function with COMP_WORDS/COMP_CWORD set offers what it should:
#   commands, each command's options (exactly those of its -h), profile
#   ids for --against (from `cxbench completion list`, in comma lists
#   too, and after --against=), dimensions, import profiles, fixed words,
#   formats, subcommands, files;
# - zsh: a real completion in an interactive zsh (tests/completion-capture.zsh,
#   through zpty) offers the same for the same lines.
# zsh is needed (install-deps.sh installs it).  Usage: tests/completion-test.sh
# BINARY.  Ends with "completion: N passed, N failed".
. "$(dirname "$0")/setup.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-completion.XXXXXX")
mkdir -p "$work/bin" "$work/zsh"
ln -s "$bin" "$work/bin/cxbench"
PATH=$work/bin:$PATH
CAPTURE_DUMP=$work/zcompdump
export PATH CAPTURE_DUMP
cd "$ROOT" || exit 2

check "completion bash" sh -c 'cxbench completion bash > "$1"' sh "$work/cxbench.bash"
check "completion zsh" sh -c 'cxbench completion zsh > "$1"' sh "$work/zsh/_cxbench"
check "bash -n" bash -n "$work/cxbench.bash"
for kind in profiles dimensions imports text-imports; do
	check "completion list $kind" sh -c 'cxbench completion list "$1" > "$2" && test -s "$2"' \
		sh "$kind" "$work/list"
done
if command -v zsh >/dev/null 2>&1; then
	have_zsh=1
	check "zsh -n" zsh -n "$work/zsh/_cxbench"
else
	have_zsh=0
	bad "zsh is not installed (sh install-deps.sh installs it)"
fi

commands="$(cxbench -h | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p') completion"
# a command's options as its -h lists them: --long, and -x for short ones
options() {
	cxbench "$1" -h | sed -n 's/^  -\([a-z]\), \(--[a-z-]*\).*/-\1 \2/p; s/^  \(--[a-z-]*\).*/\1/p' |
		tr ' ' '\n' | sort -u
}
# the lines of a command's arm in a script: from "	NAME)" or "	(NAME)" to ";;"
arm() {
	awk -v a="	$2)" -v b="	($2)" '$0 == a || $0 == b { on = 1 } on { print }
		on && /^		;;$/ { exit }' "$1"
}

for c in $commands; do
	options "$c" > "$work/want"
	check "$c: -h lists options" test -s "$work/want"
	for script in "$work/cxbench.bash" "$work/zsh/_cxbench"; do
		arm "$script" "$c" > "$work/arm"
		if [ ! -s "$work/arm" ]; then
			bad "$c: no arm in $(basename "$script")"
			continue
		fi
		missing=""
		while IFS= read -r o; do
			grep -q -e "[ {,'*]$o[ =|)+,}\\[']" -e "[ {,'*]$o\$" "$work/arm" || missing="$missing $o"
		done < "$work/want"
		if [ -z "$missing" ]; then ok; else bad "$c: $(basename "$script") lacks$missing"; fi
	done
done

# ---- bash: the function, called as readline would ----
cat > "$work/drive.bash" <<'DRIVE'
source "$1"
shift
complete -p cxbench
# each argument: one command line, words separated by spaces (an empty
# last word when it ends with a space); prints the offers, sorted, on one line
for line in "$@"; do
	read -r -a COMP_WORDS <<< "$line"
	[ "${line% }" != "$line" ] && COMP_WORDS+=("")
	COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMPREPLY=()
	_cxbench
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
	echo
done
DRIVE

# line | what must be offered, sorted (the zsh check uses the same)
cat > "$work/expect" <<'EXPECT'
cxbench compare --against a|all amazon apple
cxbench compare --against costco,am|costco,amazon
cxbench report --against = ap|apple
cxbench report --highlight zap|zappos
cxbench profiles show ap|apple
cxbench profiles --format json s|show sources
cxbench template --dimensions ti|time
cxbench template --dimensions time,e|time,effort time,employee
cxbench template --format |csv json
cxbench aggregate --import zen|zendesk-tickets
cxbench listen --import comp|complaint-log
cxbench report --lang |en ru uk
cxbench report --paper |a4 letter
cxbench listen --by |month quarter
cxbench trend --format |csv json table
cxbench completion |bash list zsh
cxbench completion list text|text-imports
cxbench te|template
cxbench compare examples/acme-telecom.c|examples/acme-telecom.csv
cxbench report --period |
EXPECT
cut -d'|' -f1 "$work/expect" > "$work/lines"
bash_lines() {
	set --
	while IFS= read -r l; do set -- "$@" "$l"; done < "$work/lines"
	bash "$work/drive.bash" "$work/cxbench.bash" "$@"
}
bash_lines > "$work/bash.out" 2> "$work/bash.err"
if [ "$(head -n 1 "$work/bash.out")" = "complete -F _cxbench cxbench" ]; then ok; else
	bad "bash: complete -p cxbench: $(head -n 1 "$work/bash.out") $(cat "$work/bash.err")"
fi
n=0
while IFS='|' read -r line want; do
	n=$((n + 1))
	got=$(sed -n "$((n + 1))p" "$work/bash.out")
	if [ "$got" = "$want" ]; then ok; else bad "bash: '$line': offered '$got', not '$want'"; fi
done < "$work/expect"

# every command's options, exactly; and the commands
for c in $commands; do
	set -- "cxbench $c -"
	got=$(bash "$work/drive.bash" "$work/cxbench.bash" "$@" | sed -n 2p | tr ' ' '\n' | sort -u)
	want=$( (options "$c"; echo -h; echo --help) | sort -u)
	if [ "$got" = "$want" ]; then ok; else bad "bash: cxbench $c -: $(echo $got) / $(echo $want)"; fi
done
got=$(bash "$work/drive.bash" "$work/cxbench.bash" "cxbench " | sed -n 2p)
want=$(printf '%s\n' $commands -h --help --version | grep -vx completion | sort | tr '\n' ' ' | sed 's/ $//')
if [ "$got" = "$want" ]; then ok; else bad "bash: cxbench: '$got', not '$want'"; fi

# ---- zsh: a real completion ----
capture() {
	timeout 30 zsh "$ROOT/tests/completion-capture.zsh" "$work/zsh" "$1" | sort -u |
		tr '\n' ' ' | sed 's/ $//'
}
if [ "$have_zsh" = 1 ]; then
	while IFS='|' read -r line want; do
		case $line in *" = "*) line=$(echo "$line" | sed 's/ = /=/'); want=$(echo "$want" |
			sed 's/[^ ]*/--against=&/g') ;; esac
		[ -n "$want" ] || continue # nothing to offer: zsh shows a message
		got=$(capture "$line")
		if [ "$got" = "$want" ]; then ok; else bad "zsh: '$line': offered '$got', not '$want'"; fi
	done < "$work/expect"
	for c in $commands; do
		got=$(capture "cxbench $c -" | tr ' ' '\n' | sort -u)
		want=$( (options "$c"; echo -h; echo --help) | sort -u)
		if [ "$got" = "$want" ]; then ok; else bad "zsh: cxbench $c -: $(echo $got) / $(echo $want)"; fi
	done
fi

echo "completion: $pass passed, $fail failed"
if [ "$fail" -eq 0 ]; then rm -rf "$work"; else echo "kept: $work"; fi
[ "$fail" -eq 0 ]
