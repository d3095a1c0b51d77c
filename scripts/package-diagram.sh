#!/usr/bin/env bash
# Prints the Go packages of this module and their imports of each other
# (tests' imports left out) as a mermaid flowchart: the diagram in
# docs/design.md. With --check FILE it fails unless FILE's mermaid block is
# that diagram, so the document cannot drift from the code (make check);
# --write FILE puts the diagram in FILE's mermaid block.
set -euo pipefail
cd "$(dirname "$0")/.."
module=$(go list -m)
diagram() {
	echo '```mermaid'
	echo 'flowchart LR'
	go list -f '{{.ImportPath}}{{range .Imports}} {{.}}{{end}}' ./... |
		awk -v m="$module" '
			function name(p) { if (p == m) return "main"; sub("^" m "/", "", p); return p }
			function id(p) { gsub("/", "_", p); return p }
			{ from = name($1); nodes[from] = 1
			  for (i = 2; i <= NF; i++) if ($i == m || index($i, m "/") == 1) {
				to = name($i); nodes[to] = 1; printf "2   %s --> %s\n", id(from), id(to) } }
			END { for (n in nodes) if (n != id(n)) printf "1   %s[%s]\n", id(n), n }' |
		LC_ALL=C sort | cut -c3-
	echo '```'
}
case ${1:-} in
--check)
	file=${2:?usage: $0 [--check FILE]}
	if ! diff <(diagram) <(sed -n '/^```mermaid$/,/^```$/p' "$file") >&2; then
		echo "$file: its package diagram is not the imports as they are; run $0 --write $file" >&2
		exit 1
	fi ;;
--write)
	file=${2:?usage: $0 [--write FILE]}
	DIAGRAM=$(diagram) awk '/^```mermaid$/ { print ENVIRON["DIAGRAM"]; skip = 1; next }
		skip && /^```$/ { skip = 0; next }
		!skip' "$file" >"$file.tmp"
	mv "$file.tmp" "$file" ;;
"") diagram ;;
*) echo "usage: $0 [--check FILE | --write FILE]" >&2; exit 2 ;;
esac
