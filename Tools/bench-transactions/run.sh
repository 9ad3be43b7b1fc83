#!/usr/bin/env bash
# The script benchmark of issue 11: CASES cases through a linear 10-state workflow (9 `fire`
# commands each), run by `lotse` as a script committing every command, and as one
# transaction (--single-transaction), against a C loop on libsqlite3 doing the same writes
# (committing every transition, every case, once). Run by hand, never by the tests:
#   Tools/bench-transactions/run.sh [CASES]        (default 10000; uses .build/release/lotse)
set -euo pipefail
cd "$(dirname "$0")/../.."
cases=${1:-10000}
lotse=${LOTSE:-.build/release/lotse}
[ -x "$lotse" ] || swift build -c release --product lotse
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/defs/Workflows"
cp -r Forms "$work/defs/Forms"
cp Tools/bench-transactions/ten.scxml "$work/defs/Workflows/"
cc -O2 -o "$work/floor" Tools/bench-transactions/floor.c $(pkg-config --cflags --libs sqlite3 libcrypto)

# Setup (one transaction): an admin, a site, a caseworker, CASES clients with a case each.
{
    echo "init --admin root"; echo "site add s Site"; echo "user add carla --role caseworker --site s"
    echo "login carla"
    for ((i = 1; i <= cases; i++)); do
        echo "client add --sex m --birth-year 1980 --applicant-type AP"; echo "case open $i --workflow ten"
    done
} > "$work/setup.lotse"
{
    echo "login carla"
    for ((i = 1; i <= cases; i++)); do for s in 1 2 3 4 5 6 7 8 9; do echo "fire $i next"; done; done
} > "$work/fire.lotse"
fires=$((cases * 9))
export LOTSE_PASSWORD="bench password 2026"
for mode in per-command single-transaction; do
    rm -f "$work/b.db"*
    "$lotse" --db "$work/b.db" --definitions "$work/defs" --single-transaction "$work/setup.lotse" > /dev/null
    flag=(); [ "$mode" = single-transaction ] && flag=(--single-transaction)
    start=$(date +%s.%N)
    "$lotse" --db "$work/b.db" --definitions "$work/defs" "${flag[@]}" "$work/fire.lotse" > /dev/null
    end=$(date +%s.%N)
    awk -v n="$fires" -v a="$start" -v b="$end" -v m="$mode" \
        'BEGIN { printf "lotse script, %s: %d fire commands in %.2f s = %.0f/s\n", m, n, b - a, n / (b - a) }'
done
for mode in every case once; do
    rm -f "$work/c.db"*
    "$work/floor" "$work/c.db" "$cases" 9 "$mode"
done
