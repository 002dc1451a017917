#!/usr/bin/env bash
# Whole-process hard negatives, side by side in one run: `hardneg negatives` (1 thread and N threads) against the
# obvious Python way (baseline.py beside this script), on the same COCO captions JSON of N captions, JSONL out, k = 1.
#
# usage: bench/negatives/compare.sh [COCO_CAPTIONS.json]
#   COCO_CAPTIONS  the COCO captions file to repeat (e.g. annotations/captions_val2017.json); or the first argument
#   CAPTIONS       how many captions the timed input holds (default 500000)
#   THREADS        the tool's parallel run (default: the processor count)
#   WORK           where the input and outputs go (default: $TMPDIR or /tmp, hardneg-negatives-bench)
#   SKIP_BUILD=1   use the built CLI as it is
# Prints wall time, CPU time (user + system), peak memory and captions/s of each run, the machine's load before and
# after, the ratios, whether the tool's outputs are byte-identical for 1 and N threads (and their md5, to compare
# builds), and the CPU time per caption.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source=${1:-${COCO_CAPTIONS:-}}
if [[ -z "$source" || ! -f "$source" ]]; then
  echo "usage: $0 COCO_CAPTIONS.json (or set COCO_CAPTIONS): the COCO captions file to repeat" >&2
  exit 2
fi
captions=${CAPTIONS:-500000}
threads=${THREADS:-$(nproc)}
work=${WORK:-${TMPDIR:-/tmp}/hardneg-negatives-bench}
mkdir -p "$work"
input="$work/coco_${captions}.json"
if [[ ! -s "$input" ]]; then
  echo "Writing $input ($captions captions repeated from $source)..."
  python3 "$here/make_input.py" "$source" "$captions" "$input"
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  dotnet build "$repo/src/HardNegRules.Cli" -c Release --nologo -v quiet >/dev/null
fi
hardneg=(dotnet "$repo/src/HardNegRules.Cli/bin/Release/net10.0/hardneg.dll")

declare -A wall cpu rss
run() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.log" || { cat "$work/$name.log" >&2; exit 1; }
  read -r w u s m <"$work/$name.time"
  wall[$name]=$w
  cpu[$name]=$(python3 -c "print(round($u + $s, 2))")
  rss[$name]=$((m / 1024))
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
run tool1 "${hardneg[@]}" negatives --input "$input" --output "$work/tool1.jsonl" --k 1 --seed 1 --threads 1
run toolN "${hardneg[@]}" negatives --input "$input" --output "$work/toolN.jsonl" --k 1 --seed 1 --threads "$threads"
run python python3 "$here/baseline.py" "$repo/rules" "$input" "$work/python.jsonl" 1
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

if cmp -s "$work/tool1.jsonl" "$work/toolN.jsonl"; then identical=yes; else identical=NO; fi
# A checksum of the tool's output, to compare builds: the same input, options and rules must give the same bytes.
checksum=$(md5sum "$work/tool1.jsonl" | cut -d' ' -f1)
python3 - "$captions" "$threads" "$load_before" "$load_after" "$identical ($checksum)" \
  "${wall[tool1]}" "${cpu[tool1]}" "${rss[tool1]}" "${wall[toolN]}" "${cpu[toolN]}" "${rss[toolN]}" \
  "${wall[python]}" "${cpu[python]}" "${rss[python]}" <<'PY'
import os, sys
n, t, lb, la, same = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
rows = [("hardneg negatives --threads 1", *map(float, sys.argv[6:9])),
        (f"hardneg negatives --threads {t}", *map(float, sys.argv[9:12])),
        ("python3 baseline.py", *map(float, sys.argv[12:15]))]
print(f"{n:,} captions, JSONL out, k = 1; {os.cpu_count()} processors; load average before {lb}, after {la}")
print(f"| run | wall s | CPU s | peak RSS MB | captions/s (wall) | captions per CPU-second |")
print(f"|---|---:|---:|---:|---:|---:|")
for name, wall, cpu, rss in rows:
    print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {n / wall:,.0f} | {n / cpu:,.0f} |")
(_, w1, c1, _), (_, wn, cn, _), (_, wp, cp, _) = rows
print(f"ratio vs Python, wall: {wp / w1:.1f}x (1 thread), {wp / wn:.1f}x ({t} threads); CPU time: {cp / c1:.1f}x (1 thread), {cp / cn:.1f}x ({t} threads)")
print(f"{t} threads vs 1: wall {w1 / wn:.2f}x faster, using {cn / c1:.2f}x the CPU time")
print(f"outputs of 1 and {t} threads byte-identical (md5 of the output): {same}")
print(f"CPU per caption, whole process: {c1 / n * 1e9:,.0f} ns (1 thread), {cn / n * 1e9:,.0f} ns ({t} threads); Python {cp / n * 1e9:,.0f} ns")
PY
