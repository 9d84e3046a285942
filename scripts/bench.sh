#!/usr/bin/env bash
# Benchmarks disclose against the shell and git doing the same work, on
# generated stores of 1,000, 10,000 and 100,000 cases, and prints a table of
# ratios (ratios measured in one run hold on a noisy machine; absolute times
# do not).
#
#   scripts/bench.sh                 # N = 1000 10000 100000
#   scripts/bench.sh 1000 10000      # pick the sizes
#
# Rows: reads with the summary cache warm (status, check, stats) and cold on
# a fresh `git clone` (check, status), each against `find -exec cat`; writes
# (ack against `git add` + `git commit`, open, publish); `sync` merging 100
# and 1,000 changed cases on each side against `git pull --no-rebase` +
# `git push` of the same commits; `clone` against `git clone`; peak memory.
#
# Environment: BENCH_DIR (where the stores go; default /tmp/disclose-bench,
# never inside the repository), BENCH_RUNS (timed runs per command; default 5),
# BENCH_SYNC (changed cases per side; default "100 1000").
# Needs cargo, git and jq; installs hyperfine and GNU time with apt-get if
# they are missing.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
bench_dir=${BENCH_DIR:-/tmp/disclose-bench}
runs=${BENCH_RUNS:-5}
read -r -a sync_sizes <<<"${BENCH_SYNC:-100 1000}"

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
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }
# peak resident memory in KB of `disclose "$@"`, the highest of three runs,
# each after the shell command $prep (if set)
prep=""
peak_of() {
    local peak=0 kb
    for _ in 1 2 3; do
        [ -z "$prep" ] || eval "$prep"
        # (check exits 1 when it finds a broken promise: that is its job)
        kb=$({ /usr/bin/time -f %M "$disclose" "$@" 2>&1 >/dev/null || true; } | tail -1)
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    echo "$peak"
}

declare -A row
for n in "${sizes[@]}"; do
    store="$bench_dir/n$n"
    if ! git -C "$store" rev-parse -q --verify refs/tags/bench-base >/dev/null 2>&1; then
        rm -rf "$store" "$bench_dir/n$n-"*
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
        "$disclose stats > /dev/null"
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
        check=$(mean "$r" 5)
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
    row[$n,rss]="$(mb "$peak")"
    row[$n,rss_table]="$(mb "$peak_table")"
    row[$n,version]="$(ms "$version")"
    stats=$(mean "$r" 4)
    row[$n,stats]="$(ms "$stats")"
    row[$n,stats_floor]="$(ratio "$stats" "$floor")"

    # CI's case: a fresh `git clone` of the store, so no summary cache.
    echo "N=$n: cold reads on a fresh clone" >&2
    remote="$bench_dir/n$n-remote.git"
    if [ ! -d "$remote" ]; then
        git clone -q --bare "$store" "$remote"
    fi
    fresh="$bench_dir/n$n-fresh"
    rm -rf "$fresh"
    git clone -q "$remote" "$fresh"
    cd "$fresh"
    export DISCLOSE_DIR="$fresh"
    cold="rm -rf .git/disclose"
    hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$cold" --ignore-failure \
        --export-json "$out/cold.json" \
        "$disclose check --format json > /dev/null" \
        "$disclose status --json > /dev/null" \
        "find cases -name '*.json' -exec cat {} + > /dev/null" >&2
    prep=$cold
    peak_check=$(peak_of check --format json)
    peak_cold=$(peak_of status --json)
    prep=""
    c="$out/cold.json"
    cold_check=$(mean "$c" 0) cold_status=$(mean "$c" 1) cold_floor=$(mean "$c" 2)
    row[$n,cold_check]="$(ms "$cold_check")"
    row[$n,cold_status]="$(ms "$cold_status")"
    row[$n,cold_floor]="$(ms "$cold_floor")"
    row[$n,cold_check_floor]="$(ratio "$cold_check" "$cold_floor")"
    row[$n,cold_status_floor]="$(ratio "$cold_status" "$cold_floor")"
    row[$n,rss_cold_check]="$(mb "$peak_check")"
    row[$n,rss_cold_status]="$(mb "$peak_cold")"
    cd "$store"
    export DISCLOSE_DIR="$store"
    rm -rf "$fresh"

    echo "N=$n: publish" >&2
    eval "$reset"
    if ! git rev-parse -q --verify refs/tags/bench-publish >/dev/null; then
        # A fixed case made ready: public text, the reporter's consent and
        # what a CVE record needs.
        pid=$("$disclose" status --json | jq -r 'map(select(.state == "fixed"))[0].id')
        "$disclose" -q policy set vendor Frobnicator
        "$disclose" -q policy set cna_org_id 6f1c4b9e-2d3a-4c5b-8e7f-9a0b1c2d3e4f
        "$disclose" -q describe "$pid" --summary "Stored XSS in the session cookie parser" \
            --details - <<<"The parser trusted a field of the request." \
            --impact "Read or change data of other users."
        reporter=$(jq -r '.credits[0].name' "cases/$pid.json")
        "$disclose" -q credit "$pid" --name "$reporter" --consent granted
        git tag -m "$pid" bench-publish
    fi
    pid=$(git tag -l --format='%(contents:subject)' bench-publish)
    hyperfine --style basic --warmup 1 --runs "$runs" \
        --prepare "git reset -q --hard bench-publish && git clean -qfd cases advisories" \
        --export-json "$out/publish.json" "$disclose -q publish $pid" >&2
    eval "$reset"
    row[$n,publish]="$(ms "$(mean "$out/publish.json" 0)")"

    # Two members each note k cases (different ones); the first has synced.
    # Timed: the second member's sync (fetch, merge k remote changes with k
    # local, push) against git merging and pushing the same commits. Each run
    # starts from copies of the second member's .git and of the remote, so
    # no run finds the objects an earlier one fetched.
    for k in "${sync_sizes[@]}"; do
        [ $((2 * k)) -le "$n" ] || continue
        echo "N=$n: sync with $k changes on each side" >&2
        s="$bench_dir/n$n-sync$k"
        if [ ! -f "$s/ready" ]; then
            rm -rf "$s"
            mkdir -p "$s"
            git clone -q --bare "$remote" "$s/remote.git"
            "$disclose" -q --dir "$s/a" clone "$s/remote.git"
            "$disclose" -q --dir "$s/b" clone "$s/remote.git"
            "$disclose" --dir "$s/a" status --json | jq -r ".[:$((2 * k))][].id" >"$s/ids"
            head -n "$k" "$s/ids" | while read -r cid; do
                "$disclose" -q --dir "$s/a" note "$cid" "Checked the 1.4 branch too."
            done
            tail -n "$k" "$s/ids" | while read -r cid; do
                "$disclose" -q --dir "$s/b" note "$cid" "Reproduced on 2.0."
            done
            "$disclose" -q --dir "$s/a" sync
            rm -rf "$s/a"
            cp -a "$s/remote.git" "$s/remote.saved"
            cp -a "$s/b/.git" "$s/b.git.saved"
            touch "$s/ready"
        fi
        restore="rm -rf $s/remote.git $s/b/.git && cp -a $s/remote.saved $s/remote.git && cp -a $s/b.git.saved $s/b/.git && git -C $s/b reset -q --hard"
        hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$restore" \
            --export-json "$out/sync$k.json" \
            "$disclose -q --dir $s/b sync" \
            "git -C $s/b pull -q --no-rebase --no-edit origin main && git -C $s/b push -q origin main" >&2
        prep=$restore
        peak_sync=$(peak_of --dir "$s/b" sync)
        prep=""
        eval "$restore"
        ds=$(mean "$out/sync$k.json" 0) gs=$(mean "$out/sync$k.json" 1)
        row[$n,sync$k]="$(ms "$ds")"
        row[$n,git_sync$k]="$(ms "$gs")"
        row[$n,sync_git$k]="$(ratio "$ds" "$gs")"
        row[$n,rss_sync$k]="$(mb "$peak_sync")"
    done

    echo "N=$n: clone" >&2
    dst="$bench_dir/n$n-clone"
    hyperfine --style basic --warmup 1 --runs "$runs" --prepare "rm -rf $dst" \
        --export-json "$out/clone.json" \
        "$disclose -q --dir $dst clone $remote" \
        "git clone -q $remote $dst" >&2
    prep="rm -rf $dst"
    peak_clone=$(peak_of -q --dir "$dst" clone "$remote")
    prep=""
    rm -rf "$dst"
    dc=$(mean "$out/clone.json" 0) gc=$(mean "$out/clone.json" 1)
    row[$n,clone]="$(ms "$dc")"
    row[$n,git_clone]="$(ms "$gc")"
    row[$n,clone_git]="$(ratio "$dc" "$gc")"
    row[$n,rss_clone]="$(mb "$peak_clone")"
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
    for n in "${sizes[@]}"; do text+=" ${row[$n,$key]:--} |"; done
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
line stats '`stats`' ""
line stats_floor 'stats / cat floor' "<= 1.0x (100k)"
line publish '`publish`' "< 200 ms (100k)"
line cold_check '`check --format json`, fresh clone' ""
line cold_status '`status --json`, fresh clone' ""
line cold_floor 'cat floor, fresh clone' ""
line cold_check_floor 'cold check / cat floor' "<= 1.0x (10k, 100k)"
line cold_status_floor 'cold status / cat floor' "<= 1.0x (10k, 100k)"
line rss_cold_check 'cold `check` peak memory' "< 200 MB (100k)"
line rss_cold_status 'cold `status --json` peak memory' "< 200 MB (100k)"
for k in "${sync_sizes[@]}"; do
    line "sync$k" "\`sync\`, $k changes each side" ""
    line "git_sync$k" "git pull + push, $k each side" ""
    line "sync_git$k" "sync / git ($k)" "<= 1.0x"
    line "rss_sync$k" "\`sync\` peak memory ($k)" "grows with changes; < 100 MB (100k, 1000)"
done
line clone '`clone`' ""
line git_clone '`git clone`' ""
line clone_git 'clone / git clone' "<= 1.2x (100k)"
line rss_clone '`clone` peak memory' ""
