#!/usr/bin/env bash
# The dataset reader's CSV fuzz target; kept for the name the README used. See scripts/fuzz.sh.
#
# Usage: scripts/fuzz-csv.sh [SECONDS] [extra libFuzzer options...]
exec "$(dirname "$0")/fuzz.sh" dataset-csv "$@"
