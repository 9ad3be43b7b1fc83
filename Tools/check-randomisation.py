#!/usr/bin/env python3
"""Reproduce a site's randomisation from its revealed seed, independently of Lotse's Swift code.

Usage (as the evaluator, after `randomise close --site S`):
    lotse ... randomise reveal --site S                          # seed, ratio, strata, blocks
    lotse ... randomise assignments --site S --format csv > a.csv
    python3 Tools/check-randomisation.py --site S --seed HEX [--commitment HEX] \
        [--ratio 1:1] [--blocks 4,6] a.csv

Algorithm `sealed-permuted-blocks/splitmix64 v2` (ARCHITECTURE.md, "Randomisation"): the
commitment is SHA-256 of the seed's 32 bytes; each stratum's SplitMix64 generator is seeded with
the first 8 bytes (big-endian) of SHA-256("lotse-randomisation-v2|SEED|SITE|STRATUM"); block
after block, a size is drawn from the block sizes (index = draw mod* count), then the block's
a/(a+b) participant slots followed by its comparison slots are shuffled by Fisher-Yates from the
last index down to 1 (j = draw mod* (i+1)); mod* rejects draws >= M - M mod bound, M = 2^64-1.
Every listed assignment (stratum, slot, block, position, group) must equal the regenerated
sequence. Exit code 0 when all agree.
"""
import argparse
import csv
import hashlib
import sys

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, bound):
        limit = MASK - MASK % bound
        while True:
            value = self.next()
            if value < limit:
                return value % bound


def sequence(seed, site, stratum, ratio, blocks, count):
    digest = hashlib.sha256(f"lotse-randomisation-v2|{seed}|{site}|{stratum}".encode()).digest()
    rng = SplitMix64(int.from_bytes(digest[:8], "big"))
    slots, number = [], 0
    a, b = ratio
    while len(slots) < count:
        number += 1
        size = blocks[rng.below(len(blocks))]
        unit = size // (a + b)
        block = ["participant"] * (unit * a) + ["comparison"] * (unit * b)
        for i in range(len(block) - 1, 0, -1):
            j = rng.below(i + 1)
            block[i], block[j] = block[j], block[i]
        slots += [(group, number, position + 1) for position, group in enumerate(block)]
    return slots[:count]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", required=True)
    parser.add_argument("--seed", required=True, help="64 hex digits, from `randomise reveal`")
    parser.add_argument("--commitment", help="the setup's seed_sha256, to check the seed against")
    parser.add_argument("--ratio", default="1:1")
    parser.add_argument("--blocks", default="4,6")
    parser.add_argument("assignments", help="CSV from `randomise assignments --format csv`")
    args = parser.parse_args()
    seed = args.seed.lower()
    if args.commitment:
        actual = hashlib.sha256(bytes.fromhex(seed)).hexdigest()
        if actual != args.commitment.lower():
            print(f"the seed does not match the commitment: sha256 {actual}")
            return 1
        print("ok  the seed matches its commitment")
    ratio = tuple(int(x) for x in args.ratio.split(":"))
    blocks = [int(x) for x in args.blocks.split(",")]
    with open(args.assignments, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_stratum = {}
    for row in rows:
        by_stratum.setdefault(row["stratum"], []).append(row)
    failures = 0
    for stratum, members in sorted(by_stratum.items()):
        slots = sequence(seed, args.site, stratum, ratio, blocks, max(int(r["slot"]) for r in members))
        for row in members:
            want = slots[int(row["slot"]) - 1]
            got = (row["group"], int(row["block"]), int(row["position"]))
            if got != want:
                failures += 1
                print(f"DIFFERENT {row['pseudonym']} {stratum} slot {row['slot']}: listed {got}, regenerated {want}")
    print(f"{len(rows) - failures} of {len(rows)} assignments reproduced, {failures} differ")
    return 1 if failures or not rows else 0


if __name__ == "__main__":
    sys.exit(main())
