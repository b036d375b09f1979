#!/usr/bin/env bash
# Builds one of the libFuzzer targets in Tests/Fuzz/ and runs it.
#
# Usage: scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer options...]
#
#   dataset-csv    the dataset reader on one CSV file (Tests/Fuzz/DatasetCSVFuzz.swift)
#   dataset-json   the dataset reader on one .json or .jsonl file (Tests/Fuzz/DatasetJSONFuzz.swift)
#   profile        the profile reader and its JSON parser (Tests/Fuzz/ProfileFuzz.swift)
#   inflate        raw DEFLATE decompression and CRC-32 (Tests/Fuzz/InflateFuzz.swift)
#   workbook       the xlsx reader, with the zip reader and inflate under it, and the xlsx writer
#                  (Tests/Fuzz/WorkbookFuzz.swift)
#   import-csv     charter import's CSV reader (UTF-8 or GB18030) and its conversion of an
#                  office's values, which must import again unchanged (Tests/Fuzz/ImportCSVFuzz.swift)
#
# SECONDS defaults to 60. The targets are built with swiftc -sanitize=fuzzer,address into
# .build/fuzz (never by SwiftPM, and not in SwiftPM's own folders). Each target's corpus grows in
# .build/fuzz/TARGET/corpus, seeded from the fixtures on every run. A crash, leak, timeout or
# out-of-memory input is written to .build/fuzz/TARGET/ and the script exits non-zero, naming the
# file and the command that replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

targets="dataset-csv dataset-json profile inflate workbook import-csv"
usage() {
    echo "usage: scripts/fuzz.sh TARGET [SECONDS] [libFuzzer options...]; TARGET is one of: $targets" >&2
    exit 2
}
[ $# -ge 1 ] || usage
target=$1
shift
case " $targets " in *" $target "*) ;; *) usage ;; esac
seconds=60
if [ $# -ge 1 ] && [[ $1 =~ ^[0-9]+$ ]]; then
    seconds=$1
    shift
fi

out=.build/fuzz
lib=$out/lib
dir=$out/$target
mkdir -p "$lib" "$dir/corpus"

swift_flags=(-package-name charter -swift-version 6 -O -g -sanitize=fuzzer,address -parse-as-library
    -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility)

# Whether $1 exists and is newer than every later argument.
fresh() {
    local product=$1
    shift
    [ -e "$product" ] || return 1
    local input
    for input in "$@"; do [ "$input" -nt "$product" ] && return 1; done
    return 0
}

# The Swift files of a source folder.
sources() { find "$1" -name '*.swift' ! -name Package.swift | sort; }

# swiftc with the flags of every module and target, without the gold linker's warnings about the
# sanitizer's local symbols. The product is written under a temporary name by the callers and
# renamed once swiftc succeeds, so a failed build (a source edited meanwhile) leaves none behind.
compile() { swiftc "${swift_flags[@]}" "$@" 2> >(grep -v "warning: Cannot export local symbol" >&2); }

# Builds module $1 from the Swift files of Sources/$1 as a static library in $lib, instrumented like
# the targets; $2 names the modules it imports (built before it), the other arguments are extra
# swiftc flags. Rebuilt when a source, one of those modules or this script is newer.
module() {
    local name=$1 dependency files inputs=()
    for dependency in $2; do inputs+=("$lib/lib$dependency.a"); done
    shift 2
    mapfile -t files < <(sources "Sources/$name")
    if fresh "$lib/lib$name.a" "${files[@]}" "${inputs[@]}" "$0"; then return; fi
    echo "fuzz.sh: building $name" >&2
    rm -f "$lib/lib$name.a"
    compile "$@" -module-name "$name" -I "$lib" \
        -emit-module -emit-module-path "$lib/$name.swiftmodule" -emit-library -static -o "$lib/lib$name.a.new" "${files[@]}"
    mv "$lib/lib$name.a.new" "$lib/lib$name.a"
}

# Builds the target's executable $1 as module $2 from the sources of Sources/$3 and the given
# files of Tests/Fuzz, linked with the libraries named after them (-lNAME, dependents first).
executable() {
    local binary=$1 name=$2 folder=$3
    shift 3
    local files argument extra=() libs=() archives=()
    mapfile -t files < <(sources "Sources/$folder")
    for argument in "$@"; do
        case "$argument" in
            -l*) libs+=("$argument") archives+=("$lib/lib${argument#-l}.a") ;;
            *) extra+=("$argument") ;;
        esac
    done
    if fresh "$binary" "${files[@]}" "${extra[@]}" "${archives[@]}" "$0"; then return; fi
    echo "fuzz.sh: building $binary" >&2
    rm -f "$binary"
    compile -module-name "$name" -I "$lib" -L "$lib" "${libs[@]}" -o "$binary.new" "${files[@]}" "${extra[@]}"
    mv "$binary.new" "$binary"
}

# PolicyKit and CharterSupport as their own modules (CharterData imports both). SHA-256 runs its
# Swift rounds here: only the executables install the SHA instructions.
module PolicyKit ""
module CharterSupport "PolicyKit"

binary=$dir/fuzz-$target
max_len=4096
[ "$target" = workbook ] && max_len=16384
options=(-max_len=$max_len)
case "$target" in
    dataset-csv | dataset-json)
        # CharterData's sources and the target in one module, so the target sees the internal API.
        entry=Tests/Fuzz/DatasetCSVFuzz.swift
        [ "$target" = dataset-json ] && entry=Tests/Fuzz/DatasetJSONFuzz.swift
        executable "$binary" CharterDataFuzz CharterData Tests/Fuzz/DatasetFuzzSupport.swift "$entry" \
            -lCharterSupport -lPolicyKit
        ;;
    profile)
        # CharterEngine's sources and the target in one module, over the modules below it.
        module CharterData "PolicyKit CharterSupport"
        module CharterModules "PolicyKit CharterSupport"
        module CharterRecords "PolicyKit CharterSupport CharterData"
        executable "$binary" CharterEngineFuzz CharterEngine Tests/Fuzz/ProfileFuzz.swift \
            -lCharterRecords -lCharterModules -lCharterData -lCharterSupport -lPolicyKit
        options+=(-dict=Tests/Fuzz/profile.dict)
        ;;
    inflate | workbook)
        # CharterWorkbook's sources and the target in one module, so the target sees the internal
        # API (the workbook target reads without checking CRC-32, to reach past mutated entries).
        entry=Tests/Fuzz/InflateFuzz.swift
        [ "$target" = workbook ] && entry=Tests/Fuzz/WorkbookFuzz.swift
        executable "$binary" CharterWorkbookFuzz CharterWorkbook "$entry" -lCharterSupport -lPolicyKit
        if [ "$target" = workbook ]; then
            options+=(-dict=Tests/Fuzz/workbook.dict)
            # Foundation's own leaks, each named in the file, are not the target's.
            export LSAN_OPTIONS="suppressions=$PWD/Tests/Fuzz/workbook.lsan:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
        fi
        ;;
    import-csv)
        # CharterImport's sources and the target in one module, over CharterWorkbook.
        module CharterWorkbook "PolicyKit CharterSupport"
        executable "$binary" CharterImportFuzz CharterImport Tests/Fuzz/ImportCSVFuzz.swift \
            -lCharterWorkbook -lCharterSupport -lPolicyKit
        ;;
esac

# Copies file $1 into the corpus as a seed (at most max_len bytes), behind the selector byte $2 if
# one is given.
seed() {
    local name
    name="seed-$(echo "$1" | md5sum | cut -c1-12)"
    if [ $# -ge 2 ]; then
        { printf "\\x$(printf %02x "$2")"; head -c $((max_len - 1)) "$1"; } >"$dir/corpus/$name"
    else
        head -c "$max_len" "$1" >"$dir/corpus/$name"
    fi
}
kinds=(communities members units posts events bodies meetings distributions)
# The selector byte of dataset file $1 for this target (see Tests/Fuzz/Dataset*Fuzz.swift), or
# nothing when the target does not read its form.
selector() {
    local base name ext index=-1 i
    base=$(basename "$1")
    name=${base%%.*}
    ext=${base#*.}
    for i in "${!kinds[@]}"; do [ "${kinds[$i]}" = "$name" ] && index=$i; done
    [ "$index" -ge 0 ] || return 0
    case "$target:$ext" in
        dataset-csv:csv) echo "$index" ;;
        dataset-json:json) echo "$index" ;;
        dataset-json:jsonl) echo $((index + 8)) ;;
        import-csv:csv) echo "$index" ;;
    esac
}
shopt -s nullglob
case "$target" in
    dataset-* | import-csv)
        for file in Tests/CharterTests/Fixtures/datasets/*/*/* Examples/data/* Tests/CharterTests/Fixtures/office/* \
            Tests/Fuzz/seeds/"$target"/*; do
            value=$(selector "$file")
            [ -n "$value" ] && seed "$file" "$value"
        done
        ;;
    profile)
        for file in Examples/profiles/*.json Examples/ExternalModule/profile.json Tests/PolicyCases/*/*.json \
            Tests/Fuzz/seeds/profile/*; do
            seed "$file"
        done
        ;;
    inflate)
        for file in Tests/CharterTests/Fixtures/deflate/*.deflate; do seed "$file"; done
        ;;
    workbook)
        # Whole workbooks and archives behind the selector 0; the parts' seeds carry their own 1.
        for file in Tests/CharterTests/Fixtures/workbooks/*.xlsx Tests/CharterTests/Fixtures/zip/*.zip; do
            seed "$file" 0
        done
        for file in Tests/Fuzz/seeds/workbook/*; do seed "$file"; done
        ;;
esac
shopt -u nullglob

# Run it; any artifact written during this run is a failure.
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT
set +e
"$binary" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 "${options[@]}" \
    -artifact_prefix="$dir/" "$@" "$dir/corpus"
status=$?
set -e
mapfile -t artifacts < <(find "$dir" -maxdepth 1 -type f \
    \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) -newer "$marker" | sort)
if [ "$status" -ne 0 ] || [ ${#artifacts[@]} -gt 0 ]; then
    echo "fuzz.sh: $target failed (libFuzzer exit status $status)." >&2
    for artifact in "${artifacts[@]}"; do
        echo "fuzz.sh: artifact $artifact; replay it with: $binary $artifact" >&2
    done
    [ "$status" -ne 0 ] && exit "$status"
    exit 1
fi
echo "fuzz.sh: $target ran $seconds seconds without a crash; corpus $dir/corpus ($(find "$dir/corpus" -type f | wc -l) inputs)."
