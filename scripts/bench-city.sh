#!/usr/bin/env bash
# City-scale benchmark: generates districts of 250,000, 1,000,000 and 2,000,000 members (once;
# kept under $BENCH_DATA, default .build-bench/data), runs `charter run` with the chengdu-pilot
# profile over each with a release build, and prints wall time, time per phase, rows per second
# and peak memory, then the growth from 1M to 2M and the speed-up of the default jobs over --jobs 1.
#
# Usage: scripts/bench-city.sh [SIZES...]   (sizes in members; default: 250000 1000000 2000000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(250000 1000000 2000000)
data=${BENCH_DATA:-.build-bench/data}
out=${BENCH_OUT:-.build-bench/out}
mkdir -p "$data" "$out"

swift build -c release >/dev/null
charter=.build/release/charter
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); $(swift --version 2>&1 | head -n 1)"
# What the cores give on plain arithmetic, to read the jobs speed-up against: one loop alone, then
# two at once (virtual machines often give much less than twice the work on two "cores").
spin() { awk 'BEGIN { for (i = 0; i < 20000000; i++) s += i * i }'; }
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}'; }
start=$(date +%s.%N); spin; one=$(since "$start")
start=$(date +%s.%N); spin & spin & wait; two=$(since "$start")
echo "cores: one arithmetic loop ${one} s, two at once ${two} s: $(awk -v a="$one" -v b="$two" 'BEGIN {printf "%.2f", 2 * a / b}')x the work of one core"

declare -A wall
run() { # SIZE LABEL [EXTRA...]
    local size=$1 label=$2
    shift 2
    local log="$out/run-$size-$label.log"
    # The previous run's folder is removed first, untimed: replacing it (--force) would add the
    # deletion of a gigabyte of old output to the run's time.
    rm -rf "${out:?}/$size-$label"
    # And the earlier runs' output is flushed to disk first, untimed: the kernel writes dirty pages
    # back some 30 s after they were written, which would otherwise land, on these two cores, in
    # the middle of the next run.
    sync
    /usr/bin/time -v "$charter" run --profile Examples/profiles/chengdu-pilot.json --data "$data/$size" \
        --out "$out/$size-$label" --force --timings "$@" >"$log" 2>"$log.time"
    local seconds peak
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); if (length(t) == 3) print t[1]*3600 + t[2]*60 + t[3]; else print t[1]*60 + t[2]}' "$log.time")
    peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.2f", $2 / 1048576}' "$log.time")
    wall[$size-$label]=$seconds
    echo
    local rows
    rows=$(cat "$data/$size"/*.csv | wc -l)
    echo "== $size members, $label: wall ${seconds} s, peak memory ${peak} GiB, $(awk -v n="$size" -v s="$seconds" 'BEGIN {printf "%.0f", n / s}') members/s, $(awk -v n="$rows" -v s="$seconds" 'BEGIN {printf "%.0f", n / s}') dataset rows/s"
    echo "  CPU: $(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f s user + %.2f s system", u, s}' "$log.time")"
    sed -n 's/^  time: /  phases: /p; /^timings/,$p' "$log"
}

for size in "${sizes[@]}"; do
    if [ ! -f "$data/$size/members.csv" ]; then
        communities=$(( size / 500 ))
        [ "$communities" -ge 1 ] || communities=1
        "$charter" generate --communities "$communities" --members "$size" --seed 1 --out "$data/$size" --force
    fi
    bytes=$(du -sb "$data/$size" | cut -f1)
    echo
    echo "dataset $size: $(( bytes / 1048576 )) MiB, $(( $(wc -l <"$data/$size/events.csv") - 1 )) events"
    run "$size" default
    if [ "$size" = 1000000 ]; then run "$size" jobs1 --jobs 1; fi
done

echo
if [ -n "${wall[1000000-default]:-}" ] && [ -n "${wall[1000000-jobs1]:-}" ]; then
    echo "speed-up of the default jobs over --jobs 1 at 1M: $(awk -v a="${wall[1000000-jobs1]}" -v b="${wall[1000000-default]}" 'BEGIN {printf "%.2f", a / b}')x (target at least 1.6x)"
fi
if [ -n "${wall[1000000-default]:-}" ] && [ -n "${wall[2000000-default]:-}" ]; then
    echo "growth from 1M to 2M members: $(awk -v a="${wall[2000000-default]}" -v b="${wall[1000000-default]}" 'BEGIN {printf "%.2f", a / b}')x the time (target at most 2.2x)"
fi
if [ -n "${wall[1000000-default]:-}" ]; then
    echo "1M members, all points, all outputs: ${wall[1000000-default]} s (target at most 10 s)"
    report=$(stat -c %s "$out/1000000-default/report.html")
    echo "report.html at 1M: $(( report / 1048576 )) MiB, $(( report / 2000 / 1024 )) KiB per community (a summary each, no row per member)"
fi
