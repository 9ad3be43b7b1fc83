#!/usr/bin/env python3
"""Recompute `report evaluation` from `export cases`, independently of Lotse's Swift code.

Usage:
    lotse ... export cases --out cases.csv
    lotse ... report evaluation --lang en --format csv > report.csv
    python3 Tools/check-evaluation.py cases.csv report.csv

For every indicator it counts events and known values per group in the export, recomputes the
share, the risk difference with Newcombe's hybrid score interval (method 10, from Wilson
intervals via SciPy), the risk ratio with the log (Katz) interval, and Fisher's exact two-sided p
(scipy.stats.fisher_exact), formats them as the report prints them, and compares. Exit code 0 when
every number agrees to the printed precision.
"""
import csv
import math
import sys

from scipy.stats import binomtest, fisher_exact, norm

INDICATORS = [
    ("left_benefits_6m", "left benefits (6 months)"), ("reduced_claim_6m", "reduced claim (6 months)"),
    ("transferred_6m", "left SGB II by transfer (6 months)"), ("integrated_6m", "integrated, K2 (6 months)"), ("left_benefits_12m", "left benefits (12 months)"),
    ("reduced_claim_12m", "reduced claim (12 months)"), ("transferred_12m", "left SGB II by transfer (12 months)"),
    ("integrated_12m", "integrated, K2 (12 months)"),
    ("fulltime_12m", "svB full time (12 months)"), ("parttime_12m", "svB part time (12 months)"),
    ("minijob_12m", "Minijob (12 months)"), ("bedarfsdeckend", "integration covering needs"),
    ("nachhaltig", "sustained integration"), ("rehab_therapy_started", "rehabilitation or therapy started"),
]
Z = norm.ppf(0.975)


def wilson(k, n):
    ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    return ci.low, ci.high


def newcombe(k1, n1, k2, n2):
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1)
    l2, u2 = wilson(k2, n2)
    d = p1 - p2
    return d, d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


def fmt(x, decimals):
    text = f"{x:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def small(count):
    return 0 < count < 5


def expected_row(k1, n1, k2, n2):
    def cell(k, n):
        if small(k):
            return f"<5 / {n}"
        if small(n - k):
            return f"≥{fmt(100 * (n - 5 + 1) / n, 1)}% / {n}"
        return f"{k} / {n} ({fmt(100 * k / n, 1)}%)"
    row = [cell(k1, n1), cell(k2, n2)]
    if any(small(c) for c in (k1, n1 - k1, k2, n2 - k2)):
        return row + ["<5", "<5", "<5"]
    d, lo, hi = newcombe(k1, n1, k2, n2)
    row.append(f"{fmt(100 * d, 1)} [{fmt(100 * lo, 1)}; {fmt(100 * hi, 1)}]")
    if k2 == 0:
        row.append("n/a")
    elif k1 == 0:
        row.append("0.00")
    else:
        rr = (k1 / n1) / (k2 / n2)
        se = math.sqrt(1 / k1 - 1 / n1 + 1 / k2 - 1 / n2)
        row.append(f"{fmt(rr, 2)} [{fmt(rr * math.exp(-Z * se), 2)}; {fmt(rr * math.exp(Z * se), 2)}]")
    p = fisher_exact([[k1, n1 - k1], [k2, n2 - k2]], alternative="two-sided").pvalue
    row.append("<0.001" if p < 0.001 else fmt(p, 3))
    return row


def main(export_path, report_path):
    with open(export_path, newline="", encoding="utf-8") as f:
        cases = list(csv.DictReader(f))
    with open(report_path, newline="", encoding="utf-8") as f:
        report = {row[0]: row[1:] for row in csv.reader(f) if row}
    failures = 0
    for variable, label in INDICATORS:
        counts = {}
        for group in ("participant", "comparison"):
            # Only randomised cases are compared; outcomes of a case without legal basis are empty.
            known = [c[variable] for c in cases
                     if c["randomised"] == "1" and c["group"] == group and c[variable] != ""]
            counts[group] = (sum(1 for v in known if v == "1"), len(known))
        (k1, n1), (k2, n2) = counts["participant"], counts["comparison"]
        if n1 == 0 or n2 == 0:
            continue
        want = expected_row(k1, n1, k2, n2)
        got = report.get(label)
        if got != want:
            failures += 1
            print(f"DIFFERENT {label}:\n  report:     {got}\n  recomputed: {want}")
        else:
            print(f"ok  {label}: {want}")
    print(f"{len(INDICATORS) - failures} agree, {failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
