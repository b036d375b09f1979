#!/usr/bin/env bash
# Benchmarks the dataset reader: a release build, a generated members.csv of ROWS rows (default
# 1,000,000), then timed reads and checks, with one job (everything, hashing included, on one
# core) and with two (hashing on a second core). Prints MB/s and peak memory (VmHWM).
#
# Usage: scripts/bench-dataset.sh [ROWS] [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
dir="${2:-/tmp/charter-bench-dataset}"
swift build -c release --product charter-bench
bench=.build/release/charter-bench
if [ ! -f "$dir/members.csv" ] || [ "$(($(wc -l < "$dir/members.csv") - 1))" != "$rows" ]; then
    rm -rf "$dir"
    "$bench" generate "$dir" "$rows"
fi
ls -l "$dir"

# charter run and charter check restart themselves with glibc's huge-page tunable set (unless
# GLIBC_TUNABLES is set); set it here too, so the bench measures the reader as they run it.
GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864}" "$bench" read "$dir" 2
