#!/usr/bin/env python3
"""Check and align the Markdown XLSForm tables in place.

Usage: python3 mdfmt.py FILE.md [...]   (--check: only report, do not rewrite)

Each sheet is a block of table lines; its first line names the sheet
(`| survey |`), the second is the header. Every later row must not have more
cells than the header (pyxform fails with an IndexError otherwise); shorter
rows are padded. Columns are aligned (up to CAP characters) so the tables stay readable
and diff well.
"""
import re
import sys

PIPE = re.compile(r"(?<!\\)\|")
CAP = 40


def cells(line):
    inner = line.strip()
    assert inner.startswith("|") and inner.endswith("|"), line
    return [c.strip() for c in PIPE.split(inner[1:-1])]


def fmt_block(block, path, start):
    rows = [cells(l) for l in block]
    sheet = rows[0][0]
    header = rows[1]
    width = len(header)
    errors = []
    for i, r in enumerate(rows[2:], start=start + 2):
        if len(r) > width:
            extra = [c for c in r[width:] if c]
            if extra:
                errors.append(f"{path}:{i + 1}: {len(r)} cells, header has {width}: {extra}")
            r[:] = r[:width]
        r.extend([""] * (width - len(r)))
    body = [header] + rows[2:]
    # Pad each column to its longest cell, but to at most CAP characters: a long note
    # or message then overflows its column instead of widening every other row.
    widths = [min(CAP, max(len(r[i]) for r in body)) for i in range(width)]
    widths[0] = max(widths[0], len(sheet))
    out = ["| " + sheet.ljust(widths[0]) + " |"]
    for r in body:
        out.append("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
    return out, errors


def main():
    args = [a for a in sys.argv[1:] if a != "--check"]
    check = "--check" in sys.argv
    status = 0
    for path in args:
        lines = open(path, encoding="utf-8").read().split("\n")
        out, block, start, errors = [], [], 0, []
        for n, line in enumerate(lines + [""]):
            if line.strip().startswith("|"):
                if not block:
                    start = n
                block.append(line)
                continue
            if block:
                b, e = fmt_block(block, path, start)
                out.extend(b)
                errors.extend(e)
                block = []
            out.append(line)
        out = out[:-1]
        for e in errors:
            print(e, file=sys.stderr)
            status = 1
        if not errors and not check:
            open(path, "w", encoding="utf-8").write("\n".join(out))
    sys.exit(status)


if __name__ == "__main__":
    main()
