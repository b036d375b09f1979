#!/usr/bin/env bash
# Fault injection: nothing a district has is lost, whatever happens to a run.
#
#   1. SIGKILL at seeded random moments of `charter run` over a 20,000-member district, half of
#      them with --force over an earlier complete output: --out is afterwards the earlier
#      complete folder, a new complete one, or absent (a new --out), never a partial one; the
#      next command that writes beside it removes the staging folder the kill left.
#   2. SIGINT, SIGTERM and SIGHUP: the run stops with 128 + the signal, leaving nothing behind.
#   3. A module that traps, crashes (SIGSEGV, SIGFPE, a stack overflow) or loops forever
#      (Tests/FaultModules): exit 3, one message naming module@version, point and member, no
#      backtrace unless --debug, nothing left behind.
#   4. Write errors: a file-size limit (ulimit -f), a full disk and a read-only disk (tmpfs, where
#      the machine lets us mount one), and an --out parent removed mid-run: exit 2, the file
#      named, the earlier output intact, nothing left behind.
#
# Usage: scripts/check-faults.sh [KILLS] [SEED]     (default 32 kills, seed 2026)
# Needs a built charter (swift build); builds Tests/FaultModules itself.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export LANG=C.UTF-8
kills="${1:-32}"
RANDOM="${2:-2026}"
charter="$root/.build/debug/charter"
pilot="$root/Examples/profiles/chengdu-pilot.json"
work="$(mktemp -d "${TMPDIR:-/tmp}/charter-faults.XXXXXX")"
mounted=()
cleanup() {
    for point in "${mounted[@]}"; do umount "$point" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "check-faults: FAILED: $*" >&2
    exit 1
}
step() { printf '\n--- %s\n' "$*"; }

[[ -x "$charter" ]] || fail "$charter is not built (run swift build)"

# Whether FOLDER is a complete run output: the marker, every file, and as many decision records
# as run.json counts.
complete() {
    python3 - "$1" <<'EOF'
import json, os, sys
folder = sys.argv[1]
names = ["decisions.jsonl", "communities.csv", "members.csv", "posts.csv", "findings.csv", "report.html",
         "run.json", ".charter-output", "letters/index.html", "communities/0001.html"]
for name in names:
    if not os.path.isfile(os.path.join(folder, name)):
        sys.exit(f"{folder}: {name} is missing")
marker = open(os.path.join(folder, ".charter-output"), encoding="utf-8").read().split("\n")
if marker[0] != "charter-output/1":
    sys.exit(f"{folder}: the marker is not Charter's")
listed = set(line for line in marker[2:] if line) | {".charter-output"}
present = set()
for top, folders, files in os.walk(folder):
    for name in folders + files:
        present.add(os.path.relpath(os.path.join(top, name), folder))
if present != listed:
    sys.exit(f"{folder}: holds {sorted(present)}, its marker lists {sorted(listed)}")
run = json.load(open(os.path.join(folder, "run.json"), encoding="utf-8"))
expected = sum(sum(outcomes.values()) for outcomes in run["counts"].values())
with open(os.path.join(folder, "decisions.jsonl"), "rb") as records:
    lines = records.read().split(b"\n")
if lines[-1] != b"" or len(lines) - 1 != expected:
    sys.exit(f"{folder}: decisions.jsonl has {len(lines) - 1} records, run.json counts {expected}")
for line in lines[:-1]:
    json.loads(line)
EOF
}

# No staging folder of any run in FOLDER.
no_staging() {
    local left
    left="$(find "$1" -maxdepth 1 -name '.*partial*' | head -5)"
    [[ -z "$left" ]] || fail "staging folders left in $1: $left"
}

step "a 20,000-member district and an earlier complete output"
"$charter" generate --communities 40 --members 20000 --seed 11 --out "$work/district" >/dev/null
start=$(date +%s%N)
"$charter" run --profile "$pilot" --data "$work/district" --out "$work/earlier" >/dev/null
duration_ms=$((($(date +%s%N) - start) / 1000000))
complete "$work/earlier" || fail "the first run is not complete"
echo "a whole run takes ${duration_ms} ms; kills land in the first $((duration_ms * 11 / 10)) ms"

step "SIGKILL at $kills seeded random moments"
outcomes_old=0 outcomes_new=0 outcomes_none=0 removed=0
for ((kill = 1; kill <= kills; kill++)); do
    delay_ms=$((RANDOM * 32768 + RANDOM))
    delay_ms=$((delay_ms % (duration_ms * 11 / 10 + 1)))
    parent="$work/kill-$kill"
    mkdir -p "$parent"
    if ((kill % 2 == 0)); then
        cp -a "$work/earlier" "$parent/out"
        args=(--force)
    else
        args=()
    fi
    "$charter" run --profile "$pilot" --data "$work/district" --out "$parent/out" "${args[@]}" >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [[ ! -e "$parent/out" ]]; then
        ((kill % 2 == 1)) || fail "kill $kill (${delay_ms} ms, --force): the earlier output is gone"
        outcomes_none=$((outcomes_none + 1))
    else
        complete "$parent/out" || fail "kill $kill (${delay_ms} ms): --out is not a complete output"
        if ((kill % 2 == 0)) && cmp -s "$parent/out/run.json" "$work/earlier/run.json"; then
            outcomes_old=$((outcomes_old + 1))
        else
            outcomes_new=$((outcomes_new + 1))
        fi
    fi
    # The next command that writes the same folder removes what the kill left, and says so.
    left=$(find "$parent" -maxdepth 1 -name '.*partial*' | wc -l)
    "$charter" run --profile "$pilot" --data Examples/data --out "$parent/out" --force >/dev/null 2>"$parent/next.err" ||
        fail "kill $kill: the next run failed: $(cat "$parent/next.err")"
    if ((left > 0)); then
        grep -q "left by an interrupted run" "$parent/next.err" || fail "kill $kill: the next run did not say what it removed"
        removed=$((removed + left))
    fi
    no_staging "$parent"
    rm -rf "$parent"
done
echo "after $kills kills: the earlier output $outcomes_old times, a new complete one $outcomes_new times," \
    "no output (a new --out) $outcomes_none times; $removed staging folders removed by the next run"

step "SIGINT, SIGTERM and SIGHUP remove the staging folder"
for signal in INT TERM HUP; do
    parent="$work/signal-$signal"
    mkdir -p "$parent"
    cp -a "$work/earlier" "$parent/out"
    # A module that sleeps on one member holds the run in the middle of deciding.
    cat >"$parent/profile.json" <<'EOF'
{"district": "测试区", "as_of": "2026-06-30",
 "policies": {"member_management": {"module": "Faulty", "params": {"fault": "sleep", "at": 3}}}}
EOF
    [[ -f Tests/FaultModules/.build/debug/libFaulty.so ]] || (cd Tests/FaultModules && swift build >/dev/null)
    set +e
    "$charter" run --profile "$parent/profile.json" --data "$work/district" --out "$parent/out" --force --jobs 1 \
        --module-path Tests/FaultModules/.build/debug >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 200); do
        ls -d "$parent"/.out.charter-partial-* >/dev/null 2>&1 && break
        sleep 0.05
    done
    sleep 0.5
    kill -"$signal" "$pid"
    wait "$pid"
    status=$?
    set -e
    expected=$((128 + $(kill -l "$signal")))
    [[ "$status" == "$expected" ]] || fail "SIG$signal: exit $status, expected $expected"
    no_staging "$parent"
    cmp -s "$parent/out/run.json" "$work/earlier/run.json" || fail "SIG$signal: the earlier output changed"
    echo "SIG$signal: exit $status, earlier output intact, nothing left"
done

step "modules that trap, crash and loop forever (Tests/FaultModules)"
(cd Tests/FaultModules && swift build 2>&1 | tail -1)
modules="$root/Tests/FaultModules/.build/debug"
for fault in trap index segv fpe recursion abort loop; do
    parent="$work/fault-$fault"
    mkdir -p "$parent"
    cat >"$parent/profile.json" <<EOF
{"district": "测试区", "as_of": "2026-06-30",
 "policies": {"stage": {"module": "ChengduPilot"},
              "member_management": {"module": "Faulty", "params": {"fault": "$fault", "at": 3}}}}
EOF
    set +e
    timeout 60 "$charter" run --profile "$parent/profile.json" --data "$work/district" --out "$parent/out" \
        --module-path "$modules" --decision-timeout 2 --jobs 1 >"$parent/stdout" 2>"$parent/stderr"
    status=$?
    set -e
    message="$(cat "$parent/stderr")"
    [[ "$status" == 3 ]] || fail "$fault: exit $status, expected 3: $message"
    grep -q "Policy module Faulty@0.1.0 failed on member_management for member:" "$parent/stderr" ||
        fail "$fault: the message does not name the module, point and member: $message"
    if grep -Eq "Backtracing|Thread [0-9]+ crashed|Program crashed" "$parent/stderr"; then
        fail "$fault: a backtrace was printed without --debug"
    fi
    [[ $(wc -l <"$parent/stderr") -le 2 ]] || fail "$fault: more than one message: $message"
    [[ ! -e "$parent/out" ]] || fail "$fault: --out was written"
    no_staging "$parent"
    echo "$fault: exit 3 — $(head -c 220 "$parent/stderr")…"
done
grep -q "Fatal error: Index out of range" "$work/fault-index/stderr" || fail "index: the runtime's message is not quoted"
# A module that traps as it starts, while the profile is resolved, is named the same way.
sed 's/"trap"/"inittrap"/' "$work/fault-trap/profile.json" >"$work/inittrap.json"
set +e
"$charter" run --profile "$work/inittrap.json" --data "$work/district" --out "$work/fault-trap/out" \
    --module-path "$modules" >/dev/null 2>"$work/inittrap.err"
status=$?
set -e
[[ "$status" == 3 ]] || fail "inittrap: exit $status, expected 3: $(cat "$work/inittrap.err")"
grep -q "Policy module Faulty@0.1.0 failed on member_management for its start" "$work/inittrap.err" ||
    fail "inittrap: the message does not name the module's start: $(cat "$work/inittrap.err")"
echo "inittrap: exit 3 — $(head -c 200 "$work/inittrap.err")…"
grep -q "decision-timeout 2" "$work/fault-loop/stderr" || fail "loop: the timeout is not named"

step "--debug shows the runtime's backtrace, and still leaves nothing behind"
set +e
# (bash itself reports the process's end by SIGILL: that is the backtrace's signal, as asked.)
"$charter" run --profile "$work/fault-trap/profile.json" --data "$work/district" --out "$work/fault-trap/out" \
    --module-path "$modules" --jobs 1 --debug >/dev/null 2>"$work/debug.err"
status=$?
set -e
grep -q "Policy module Faulty@0.1.0" "$work/debug.err" || fail "--debug: no message naming the module"
grep -Eq "Program crashed|Backtracing" "$work/debug.err" || fail "--debug: no backtrace"
no_staging "$work/fault-trap"
echo "--debug: exit $status, message and backtrace shown"

step "write errors: ulimit -f, a full disk, a read-only disk, a vanished --out parent"
parent="$work/limit"
mkdir -p "$parent"
cp -a "$work/earlier" "$parent/out"
set +e
(ulimit -f 1000 && exec "$charter" run --profile "$pilot" --data "$work/district" --out "$parent/out" --force) \
    >/dev/null 2>"$parent/stderr"
status=$?
set -e
[[ "$status" == 2 ]] || fail "ulimit -f: exit $status, expected 2: $(cat "$parent/stderr")"
grep -q "$parent/out/.*: could not be written (File too large)" "$parent/stderr" ||
    fail "ulimit -f: the file is not named: $(cat "$parent/stderr")"
cmp -s "$parent/out/run.json" "$work/earlier/run.json" || fail "ulimit -f: the earlier output changed"
no_staging "$parent"
echo "ulimit -f: exit 2 — $(head -1 "$parent/stderr")"

# A run into OUT fails with exit 2 and a message holding TEXT, leaving no --out and no staging.
write_refused() { # LABEL OUT TEXT
    local label=$1 out=$2 text=$3 status
    set +e
    "$charter" run --profile "$pilot" --data "$work/district" --out "$out" >/dev/null 2>"$work/${label// /-}.err"
    status=$?
    set -e
    [[ "$status" == 2 ]] || fail "$label: exit $status, expected 2: $(cat "$work/${label// /-}.err")"
    grep -q "$text" "$work/${label// /-}.err" || fail "$label: $(cat "$work/${label// /-}.err")"
    [[ ! -e "$out" ]] || fail "$label: --out was written"
    no_staging "$(dirname "$out")"
    echo "$label: exit 2 — $(head -1 "$work/${label// /-}.err")"
}

if mkdir -p "$work/full" "$work/readonly" && mount -t tmpfs -o size=2m tmpfs "$work/full" 2>/dev/null; then
    mounted+=("$work/full")
    write_refused "full disk" "$work/full/out" "No space left on device"
    mount -t tmpfs -o size=1m,ro tmpfs "$work/readonly"
    mounted+=("$work/readonly")
    write_refused "read-only disk" "$work/readonly/out" "Read-only file system"
else
    echo "(no tmpfs can be mounted here: the full and read-only disk cases are skipped)"
fi

parent="$work/vanish/inner"
mkdir -p "$parent"
sed 's/"trap"/"sleep"/' "$work/fault-trap/profile.json" >"$work/sleep.json"
set +e
# The sleeping module holds the run while it decides: its --out parent is taken away meanwhile.
"$charter" run --profile "$work/sleep.json" --data "$work/district" --out "$parent/out" --jobs 1 \
    --module-path "$modules" >/dev/null 2>"$work/vanish.err" &
pid=$!
# Once its staging folder exists, the run is deciding (the module sleeps there for 2 s).
for _ in $(seq 100); do
    ls -d "$parent"/.out.charter-partial-* >/dev/null 2>&1 && break
    sleep 0.05
done
sleep 0.3
rm -rf "$work/vanish"
wait "$pid"
status=$?
set -e
[[ "$status" == 2 ]] || fail "vanished parent: exit $status, expected 2: $(cat "$work/vanish.err")"
grep -q "$parent/out" "$work/vanish.err" || fail "vanished parent: --out is not named: $(cat "$work/vanish.err")"
[[ ! -e "$work/vanish" ]] || fail "vanished parent: something was created again"
echo "vanished parent: exit 2 — $(head -1 "$work/vanish.err")"

echo
echo "check-faults: OK ($kills kills; signals; 8 module faults; 4 write errors)"
