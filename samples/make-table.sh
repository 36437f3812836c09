#!/usr/bin/env bash
# Runs every gallery example with its defaults and writes the table of samples/README.md (between the markers).
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(dotnet run --project samples/Gallery -c Release -- table | sed -n '/^| example |/,$p')
python3 - "$table" <<'PY'
import sys, re
table = sys.argv[1]
path = "samples/README.md"
text = open(path).read()
text = re.sub(r"(<!-- table -->\n).*?(<!-- /table -->)", lambda m: m.group(1) + table + "\n" + m.group(2), text, flags=re.S)
open(path, "w").write(text)
PY
echo "wrote the table of samples/README.md"
