#!/usr/bin/env python3
"""Summarises a directory written by compare.sh: per side and k, the fastest window over all runs, the median window,
and the TorchSharp/PyTorch ratio of each round's best windows (runs of a round ran back to back)."""

import glob
import json
import os
import re
import statistics
import sys


def main(directory):
    runs = {}
    for path in glob.glob(os.path.join(directory, "*-k*-r*.json")):
        side, k, round_ = re.match(r"(\w+)-k(\d+)-r(\d+)\.json", os.path.basename(path)).groups()
        with open(path, encoding="utf-8") as f:
            runs[(side, int(k), int(round_))] = json.load(f)
    for k in sorted({k for _, k, _ in runs}):
        print(f"k = {k}")
        for side in ("csharp", "pytorch"):
            reports = [r for (s, kk, _), r in sorted(runs.items()) if s == side and kk == k]
            if not reports:
                continue
            windows = [w for r in reports for w in r["window_ms_per_step"]]
            loads = [r["machine"]["load_average"][0] for r in reports]
            cpu = [w for r in reports for w in r.get("window_cpu_ms_per_step", [])]
            print(f"  {side:8} runs {len(reports)}  best {min(windows):7.1f} ms/step  median {statistics.median(windows):7.1f}"
                  f" ms/step  ({1000 / min(windows):.2f} / {1000 / statistics.median(windows):.2f} steps/s)"
                  + (f"  CPU median {statistics.median(cpu):7.1f} ms/step" if cpu else "")
                  + f"  load {min(loads):.1f}-{max(loads):.1f}")
        ratios = [runs[("csharp", k, r)]["ms_per_step_best"] / runs[("pytorch", k, r)]["ms_per_step_best"]
                  for (s, kk, r) in sorted(runs) if s == "csharp" and kk == k and ("pytorch", k, r) in runs]
        cpu_ratios = [runs[("csharp", k, r)]["cpu_ms_per_step_median"] / runs[("pytorch", k, r)]["cpu_ms_per_step_median"]
                      for (s, kk, r) in sorted(runs) if s == "csharp" and kk == k and ("pytorch", k, r) in runs
                      and "cpu_ms_per_step_median" in runs[("csharp", k, r)]]
        if cpu_ratios:
            print(f"  TorchSharp/PyTorch CPU time per step, median window of each round: "
                  f"{' '.join(f'{x:.2f}' for x in cpu_ratios)} (median {statistics.median(cpu_ratios):.2f})")
        if ratios:
            print(f"  TorchSharp/PyTorch time per step, best window of each round: "
                  f"{' '.join(f'{x:.2f}' for x in ratios)} (median {statistics.median(ratios):.2f})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
