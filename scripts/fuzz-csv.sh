#!/usr/bin/env bash
# Builds the dataset reader's libFuzzer target and runs it.
#
# Usage: scripts/fuzz-csv.sh [SECONDS] [extra libFuzzer options...]
# The corpus grows in .build/fuzz/corpus (seeded from the dataset fixtures); a crash is written
# to .build/fuzz/crash-* and the script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
out=.build/fuzz
mkdir -p "$out/corpus"

# PolicyKit as its own module (CharterData imports it), instrumented as well.
mapfile -t policykit < <(find Sources/PolicyKit -name '*.swift' ! -name Package.swift | sort)
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -enable-upcoming-feature ExistentialAny \
    -module-name PolicyKit -emit-module -emit-module-path "$out/PolicyKit.swiftmodule" \
    -emit-library -static -o "$out/libPolicyKit.a" "${policykit[@]}"

mapfile -t reader < <(find Sources/CharterData -name '*.swift' | sort)
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -enable-upcoming-feature ExistentialAny \
    -module-name CharterDataFuzz -I "$out" -L "$out" -lPolicyKit \
    -o "$out/dataset-fuzz" "${reader[@]}" Tests/Fuzz/CSVFuzz.swift

# Seed the corpus with the fixtures, each behind a selector byte for its kind and form.
if [ -d Tests/CharterTests/Fixtures/datasets ]; then
    kinds=(communities members units posts events bodies meetings distributions)
    for file in Tests/CharterTests/Fixtures/datasets/*/*.csv Tests/CharterTests/Fixtures/datasets/*/*.json \
        Tests/CharterTests/Fixtures/datasets/*/*.jsonl; do
        [ -f "$file" ] || continue
        base=$(basename "$file"); name=${base%%.*}; ext=${base#*.}
        for i in "${!kinds[@]}"; do [ "${kinds[$i]}" = "$name" ] && index=$i; done
        case "$ext" in csv) form=0 ;; json) form=2 ;; jsonl) form=3 ;; *) continue ;; esac
        selector=$(( index + 8 * form ))
        { printf "\\x$(printf %02x "$selector")"; cat "$file"; } > "$out/corpus/seed-$(echo "$file" | md5sum | cut -c1-12)"
    done
fi

"$out/dataset-fuzz" -max_total_time="$seconds" -max_len=4096 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$out/" "$@" "$out/corpus"
