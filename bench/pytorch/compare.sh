#!/bin/sh
# Interleaves TorchSharp (hardneg bench) and PyTorch (clip_small.py) runs of the small model: A B A B ..., same
# length each, so that a shared machine's changing load hits both sides alike. Records `uptime` before every run.
# Usage: bench/pytorch/compare.sh OUT_DIR [ROUNDS] [K values...]     (run from the repository root after
#        dotnet build src/HardNegRules.Cli -c Release; needs python3 with torch, e.g. Debian's python3-torch)
set -eu
out=${1:?output directory}; rounds=${2:-3}; shift 2 2>/dev/null || shift $#
ks=${*:-0 1}
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 OMP_WAIT_POLICY=PASSIVE
hardneg="dotnet src/HardNegRules.Cli/bin/Release/net10.0/hardneg.dll"
python=${PYTHON:-/usr/bin/python3}
common="--batch 128 --warmup 10 --steps 60 --window 10 --threads 2"
mkdir -p "$out"
for round in $(seq 1 "$rounds"); do
  for k in $ks; do
    echo "== round $round k $k csharp: $(uptime)" | tee -a "$out/log.txt"
    $hardneg bench --model small $common --k "$k" --rss-every 50 --out "$out/csharp-k$k-r$round.json" >>"$out/log.txt" 2>&1 \
      || echo "== FAILED (exit $?): round $round k $k csharp" | tee -a "$out/log.txt"
    echo "== round $round k $k pytorch: $(uptime)" | tee -a "$out/log.txt"
    $python bench/pytorch/clip_small.py $common --k "$k" --expect-parameters 7255041 --out "$out/pytorch-k$k-r$round.json" >>"$out/log.txt" 2>&1 \
      || echo "== FAILED (exit $?): round $round k $k pytorch" | tee -a "$out/log.txt"
  done
done
echo "== done: $(uptime)" | tee -a "$out/log.txt"
