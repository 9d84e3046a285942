#!/usr/bin/env bash
# Benchmarks disclose against the shell and git doing the same work, on
# generated stores of 1,000, 10,000 and 100,000 cases, and prints a table of
# ratios (ratios measured in one run hold on a noisy machine; absolute times
# do not).
#
#   scripts/bench.sh                 # N = 1000 10000 100000
#   scripts/bench.sh 1000 10000      # pick the sizes
#
# Environment: BENCH_DIR (where the stores go; default /tmp/disclose-bench,
# never inside the repository), BENCH_RUNS (timed runs per command; default 5).
# Needs cargo, git and jq; installs hyperfine and GNU time with apt-get if
# they are missing.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
bench_dir=${BENCH_DIR:-/tmp/disclose-bench}
runs=${BENCH_RUNS:-5}

need_apt() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing $*" >&2
    $sudo apt-get update -qq >&2
    $sudo apt-get install -y -qq "$@" >&2
}
command -v hyperfine >/dev/null || need_apt hyperfine
[ -x /usr/bin/time ] || need_apt time
command -v jq >/dev/null || need_apt jq

case "$bench_dir" in
"$repo" | "$repo"/*)
    echo "BENCH_DIR must be outside the repository" >&2
    exit 2
    ;;
esac

echo "building the release binary and the store generator" >&2
(cd "$repo" && cargo build --release --quiet --bin disclose --example gen_store)
disclose="$repo/target/release/disclose"
gen="$repo/target/release/examples/gen_store"

export DISCLOSE_AUTHOR_NAME="Bench Maintainer" DISCLOSE_AUTHOR_EMAIL="bench@frobnicator.example"
export GIT_AUTHOR_NAME="$DISCLOSE_AUTHOR_NAME" GIT_AUTHOR_EMAIL="$DISCLOSE_AUTHOR_EMAIL"
export GIT_COMMITTER_NAME="$DISCLOSE_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$DISCLOSE_AUTHOR_EMAIL"
mkdir -p "$bench_dir"

has_check=false
if "$disclose" check --help >/dev/null 2>&1; then has_check=true; fi

# mean seconds of command number $2 in hyperfine export $1
mean() { jq -r ".results[$2].mean" "$1"; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
# peak resident memory in KB of `disclose "$@"`, the highest of three runs
peak_of() {
    local peak=0 kb
    for _ in 1 2 3; do
        kb=$(/usr/bin/time -f %M "$disclose" "$@" 2>&1 >/dev/null | tail -1)
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    echo "$peak"
}

declare -A row
for n in "${sizes[@]}"; do
    store="$bench_dir/n$n"
    if ! git -C "$store" rev-parse -q --verify refs/tags/bench-base >/dev/null 2>&1; then
        rm -rf "$store"
        echo "generating $n cases in $store" >&2
        "$gen" "$store" "$n" >&2
        # A long-lived store is packed; without this, every `git commit`
        # below would start an automatic gc of the generated loose objects.
        git -C "$store" gc -q
        git -C "$store" tag bench-base
    fi
    cd "$store"
    export DISCLOSE_DIR="$store"
    reset="git reset -q --hard bench-base && git clean -qfd cases"
    eval "$reset"
    out="$bench_dir/results-$n"
    mkdir -p "$out"

    echo "N=$n: reads" >&2
    "$disclose" status --json >/dev/null # fill the summary cache, as any earlier run would
    read_cmds=(
        "$disclose status --json > /dev/null"
        "find cases -name '*.json' -exec cat {} + > /dev/null"
        "find cases -name '*.json' -exec cat {} + | jq -s length > /dev/null"
        "$disclose --version"
    )
    if $has_check; then read_cmds+=("$disclose check --format json > /dev/null"); fi
    hyperfine --style basic --warmup 1 --runs "$runs" --ignore-failure \
        --export-json "$out/reads.json" "${read_cmds[@]}" >&2

    # The case to acknowledge: a new one if there is one, else any (forced).
    id=$("$disclose" status --json | jq -r '(map(select(.state == "new")) + .)[0].id')
    force=""
    [ "$(jq -r .state "cases/$id.json")" = new ] || force="--force"
    "$disclose" -q ack "$id" $force
    cp "cases/$id.json" "$out/acked.json"
    eval "$reset"

    echo "N=$n: writes" >&2
    hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$reset" \
        --export-json "$out/writes.json" \
        "$disclose -q ack $id $force" \
        "cp $out/acked.json cases/$id.json && git add cases/$id.json && git commit -q -m '$id: acknowledge'" \
        "$disclose -q open --title 'Bench report'" >&2
    eval "$reset"

    echo "N=$n: memory" >&2
    "$disclose" status --json >/dev/null
    peak=$(peak_of status --json)
    peak_table=$(peak_of status)

    r="$out/reads.json" w="$out/writes.json"
    status=$(mean "$r" 0) floor=$(mean "$r" 1) shell=$(mean "$r" 2) version=$(mean "$r" 3)
    ack=$(mean "$w" 0) git=$(mean "$w" 1) open=$(mean "$w" 2)
    row[$n,status]="$(ms "$status")"
    row[$n,floor]="$(ms "$floor")"
    row[$n,shell]="$(ms "$shell")"
    row[$n,status_floor]="$(ratio "$status" "$floor")"
    row[$n,shell_status]="$(ratio "$shell" "$status")"
    if $has_check; then
        check=$(mean "$r" 4)
        row[$n,check]="$(ms "$check")"
        row[$n,check_floor]="$(ratio "$check" "$floor")"
        row[$n,shell_check]="$(ratio "$shell" "$check")"
    else
        row[$n,check]="check: not available"
        row[$n,check_floor]="-"
        row[$n,shell_check]="-"
    fi
    row[$n,ack]="$(ms "$ack")"
    row[$n,git]="$(ms "$git")"
    row[$n,ack_git]="$(ratio "$ack" "$git")"
    row[$n,open]="$(ms "$open")"
    row[$n,rss]="$(awk -v k="$peak" 'BEGIN { printf "%.0f MB", k / 1024 }')"
    row[$n,rss_table]="$(awk -v k="$peak_table" 'BEGIN { printf "%.0f MB", k / 1024 }')"
    row[$n,version]="$(ms "$version")"
done

header="| measure | target |"
rule="|---|---|"
for n in "${sizes[@]}"; do
    header+=" N = $n |"
    rule+="---|"
done
echo
echo "$(nproc) cores, $(date -u +%Y-%m-%d), ${runs} runs each (mean)"
echo
echo "$header"
echo "$rule"
line() {
    local key=$1 label=$2 target=$3
    local text="| $label | $target |"
    for n in "${sizes[@]}"; do text+=" ${row[$n,$key]} |"; done
    echo "$text"
}
line status '`status --json`' ""
line check '`check --format json`' ""
line floor 'cat floor (`find -exec cat`)' ""
line shell 'shell (`cat \| jq -s length`)' ""
line status_floor 'status / cat floor' "<= 1.0x (10k, 100k)"
line check_floor 'check / cat floor' "<= 1.0x (10k, 100k)"
line shell_status 'shell / status' ">= 5x"
line shell_check 'shell / check' ">= 5x"
line ack '`ack ID`' ""
line git '`git add` + `git commit`' ""
line ack_git 'ack / git' "<= 0.5x (10k)"
line open '`open`' "< 100 ms (100k)"
line rss '`status --json` peak memory' "< 200 MB (100k), linear"
line rss_table '`status` (table) peak memory' "< 200 MB (100k), linear"
line version '`--version`' "< 5 ms"
