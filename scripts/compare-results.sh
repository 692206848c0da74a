#!/usr/bin/env bash
# Show that results.json is byte-identical between two commits (issue #11: "behaviour is unchanged").
#
#   scripts/compare-results.sh [BASE] [HEAD]     (default: main and HEAD)
#
# Each commit is checked out into a temporary worktree (sharing this checkout's node_modules), built,
# and run on the demo (synthetic, always) and on the UCI diabetes and Synthea FHIR examples when
# ../shared/data is beside the repository. The only field allowed to differ is stamp.generatedAt (the
# clock); it is blanked in both before comparing. Exits 1 naming the first results.json that differs.
# Env: DEMO_PATIENTS (default 4000), KEEP=1 keeps the temporary folder.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${1:-main}
HEAD=${2:-HEAD}
PATIENTS=${DEMO_PATIENTS:-4000}
SHARED="$ROOT/../shared"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/equilens-compare.XXXXXX")

cleanup() {
  for d in "$TMP"/*/repo; do [ -d "$d" ] && git -C "$ROOT" worktree remove --force "$d" >/dev/null 2>&1 || true; done
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$TMP"; else echo "kept $TMP"; fi
}
trap cleanup EXIT

# The examples' configs find the data at ../shared beside the repository: give each worktree one.
if [ -d "$SHARED/data" ]; then HAVE_SHARED=1; else HAVE_SHARED=0; fi

run_commit() {
  local name=$1 rev=$2 dir="$TMP/$1"
  mkdir -p "$dir/out"
  git -C "$ROOT" worktree add --detach "$dir/repo" "$rev" >/dev/null 2>&1
  ln -s "$ROOT/node_modules" "$dir/repo/node_modules"
  [ "$HAVE_SHARED" = 1 ] && ln -s "$(cd "$SHARED" && pwd)" "$dir/shared"
  (cd "$dir/repo" && npx tsc -p tsconfig.build.json) >&2
  local eq="node $dir/repo/bin/equilens.js"
  echo "[$name $(git -C "$ROOT" rev-parse --short "$rev")] demo ($PATIENTS patients)" >&2
  (cd "$dir/out" && $eq demo --patients "$PATIENTS" --seed 1 --out demo --quiet >/dev/null)
  if [ "$HAVE_SHARED" = 1 ]; then
    for ex in uci-diabetes synthea-fhir; do
      echo "[$name] $ex" >&2
      local cfg="$dir/repo/examples/$ex/equilens.yaml"
      $eq ingest --config "$cfg" --workspace "$dir/out/$ex-ws" --quiet --format json >/dev/null
      $eq analyze --config "$cfg" --workspace "$dir/out/$ex-ws" --out "$dir/out/$ex" --format json >/dev/null
    done
  fi
}

normalise() { # blank the clock, keep every other byte
  node -e '
    const fs = require("fs");
    const text = fs.readFileSync(process.argv[1], "utf8");
    const r = JSON.parse(text);
    if (r.stamp) r.stamp.generatedAt = "";
    const nl = text.endsWith("\n") ? "\n" : "";
    const indent = /^\{\n( +)/.exec(text)?.[1]?.length ?? 0;
    fs.writeFileSync(process.argv[2], JSON.stringify(r, null, indent) + nl);
  ' "$1" "$2"
}

run_commit base "$BASE"
run_commit head "$HEAD"

status=0
compared=0
while IFS= read -r f; do
  rel=${f#"$TMP/base/out/"}
  other="$TMP/head/out/$rel"
  if [ ! -f "$other" ]; then
    echo "MISSING in $HEAD: $rel"
    status=1
    continue
  fi
  normalise "$f" "$TMP/a.json"
  normalise "$other" "$TMP/b.json"
  if cmp -s "$TMP/a.json" "$TMP/b.json"; then
    echo "identical: $rel ($(wc -c <"$f") bytes)"
  else
    echo "DIFFERS:   $rel"
    diff <(node -e 'console.log(JSON.stringify(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")),null,1))' "$TMP/a.json") \
      <(node -e 'console.log(JSON.stringify(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")),null,1))' "$TMP/b.json") | head -20 || true
    status=1
  fi
  compared=$((compared + 1))
done < <(find "$TMP/base/out" -name 'results*.json' -not -path '*/releases/*' | sort)

[ "$HAVE_SHARED" = 1 ] || echo "(../shared/data not found: the UCI and Synthea examples were not compared)"
echo "$compared results files compared between $BASE and $HEAD"
[ "$compared" -gt 0 ] || status=1
exit $status
