#!/usr/bin/env bash
# Runs the gallery's examples with their defaults and writes samples/README.md's table (between the markers).
# With example names, only those run: the other rows keep their measured cells (metric, files, seconds) from the
# README, and every row's descriptive cells (notebook, API, what Pixyz prints and shows) come from the code.
set -euo pipefail
cd "$(dirname "$0")/.."
gallery=(dotnet run --project samples/Gallery -c Release --)
described=$("${gallery[@]}" table --describe | sed -n '/^| example |/,$p')
if [ "${1:-}" = "--describe" ]; then
  measured="| example |"   # descriptions only: every row keeps its measured cells
else
  measured=$("${gallery[@]}" table "$@" | sed -n '/^| example |/,$p')
fi
python3 - "$described" "$measured" <<'PY'
import re, sys
described, measured = sys.argv[1], sys.argv[2]
measured_columns = ("metric after the default run", "our files", "seconds on 2 cores")
path = "samples/README.md"

def cells(line):
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]

def rows(table):
    lines = [l for l in table.splitlines() if l.startswith("|")]
    if len(lines) < 2:
        return [], {}
    header = cells(lines[0])
    return header, {r[0]: dict(zip(header, r)) for r in map(cells, lines[2:])}

text = open(path).read()
match = re.search(r"<!-- table -->\n(.*?)<!-- /table -->", text, flags=re.S)
_, old = rows(match.group(1)) if match.group(1).strip() else ([], {})
header, new = rows(described)
_, fresh = rows(measured)
out = [described.splitlines()[0], described.splitlines()[1]]
for name, row in new.items():
    source = fresh.get(name) or old.get(name, {})
    for column in measured_columns:
        row[column] = source.get(column, "")
    out.append("| " + " | ".join(row[c] for c in header) + " |")
text = text[:match.start(1)] + "\n".join(out) + "\n" + text[match.end(1):]
open(path, "w").write(text)
PY
echo "wrote the table of samples/README.md"
