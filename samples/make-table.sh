#!/usr/bin/env bash
# Runs the gallery's examples with their defaults and writes their rows of samples/README.md's table (between the
# markers). With example names, only those run and only their rows are replaced; the other rows stay.
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(dotnet run --project samples/Gallery -c Release -- table "$@" | sed -n '/^| example |/,$p')
python3 - "$table" "$#" <<'PY'
import sys, re
table, partial = sys.argv[1], sys.argv[2] != "0"
path = "samples/README.md"
text = open(path).read()
match = re.search(r"<!-- table -->\n(.*?)<!-- /table -->", text, flags=re.S)
if partial:
    new_rows = {line.split("|")[1].strip(): line for line in table.splitlines()[2:]}
    lines = match.group(1).rstrip("\n").splitlines()
    kept = [new_rows.pop(line.split("|")[1].strip(), line) if line.startswith("| `") else line for line in lines]
    table = "\n".join(kept + list(new_rows.values()))
text = text[:match.start(1)] + table + "\n" + text[match.end(1):]
open(path, "w").write(text)
PY
echo "wrote the table of samples/README.md"
