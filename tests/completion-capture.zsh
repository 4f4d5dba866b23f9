#!/usr/bin/env zsh
# What zsh's completion offers for a command line, one match a line: an
# interactive zsh in a pseudo-terminal (zpty) runs compinit with DIR first
# in fpath, compadd is wrapped to print each match it adds, and TAB is
# sent after the line; the shell exits once the completion is done.  The
# way of github.com/Valodim/zsh-capture-completion, cut down.
# Usage: zsh tests/completion-capture.zsh DIR 'cxbench compare --against a'
# ($CAPTURE_DUMP: compinit's dump file, kept between runs to save time).
zmodload zsh/zpty || exit 2
fdir=$1
shift
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-capture.XXXXXX") || exit 2
cat > $tmp/init.zsh <<'INIT'
PROMPT=
zmodload zsh/zutil
autoload -U compinit
compinit -u -d ${CAPTURE_DUMP:-$CAPTURE_TMP/zcompdump}
bindkey '^M' undefined
bindkey '^J' undefined
bindkey '^I' complete-word
null-line() { echo -E - $'\0' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
zstyle ':completion:*' list-separator ''
compadd() {
	# compadd as the helpers call it to look, not to add: as it is
	if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
		builtin compadd "$@"
		return $?
	fi
	typeset -a __hits
	builtin compadd -A __hits "$@"
	[[ -n $__hits ]] || return
	# the prefixes the match is shown with (a file's directory)
	local -a apre hpre
	zparseopts -E P:=apre p:=hpre
	local h
	for h in $__hits; do
		echo -E - "$IPREFIX${apre[2]}${hpre[2]}$h"
	done
}
echo ok
INIT
export CAPTURE_TMP=$tmp
zpty z zsh -f -i
zpty -w z "fpath=($fdir \$fpath); source $tmp/init.zsh"
ready=0
repeat 8; do
	zpty -r z line || break
	[[ $line == ok* ]] && { ready=1; break }
done
if (( ! ready )); then
	echo 'completion-capture: zsh did not start' >&2
	zpty -d z
	rm -rf $tmp
	exit 2
fi
zpty -w z "$*"$'\t'
integer tog=0
# the matches are between the two null lines
while zpty -r z; do :; done | while IFS= read -r line; do
	if [[ $line == *$'\0\r' ]]; then
		(( tog++ )) && break || continue
	fi
	(( tog )) && print -r -- ${line%$'\r'}
done
zpty -d z 2>/dev/null
rm -rf $tmp
exit 0
