#!/usr/bin/env python3
"""Recompute `report evaluation` from `export cases`, independently of Lotse's Swift code.

Usage:
    lotse ... export cases --out cases.csv
    lotse ... report evaluation --lang en --format csv > report.csv
    lotse ... report flow --lang en --format csv > flow.csv        (optional)
    python3 Tools/check-evaluation.py cases.csv report.csv [flow.csv]

For every indicator it counts events and known values per group in the export, recomputes the
share, the crude risk difference with Newcombe's hybrid score interval (method 10, from Wilson
intervals via SciPy), the risk ratio with the log (Katz) interval, and Fisher's exact two-sided p
(scipy.stats.fisher_exact). With more than one site it recomputes the site-stratified row too:
the Mantel-Haenszel risk ratio, the Cochran-Mantel-Haenszel test (no continuity correction) and
the Breslow-Day test (no Tarone adjustment) with statsmodels' StratifiedTable, the
Mantel-Haenszel risk difference with Sato's variance and the Greenland-Robins variance of the
log risk ratio with numpy on the published formulas. It formats them as the report prints them
and compares. Exit code 0 when every number agrees to the printed precision.
"""
import csv
import math
import sys

import numpy as np
from scipy.stats import binomtest, fisher_exact, norm
from statsmodels.stats.contingency_tables import StratifiedTable

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


def stratified_row(strata):
    """The report's MH row after the estimate column: RD [CI], RR [CI], CMH p, Breslow-Day p."""
    used = [(a, n1, c, n0) for a, n1, c, n0 in strata if n1 > 0 and n0 > 0]
    a, n1, c, n0 = (np.array(x, dtype=float) for x in zip(*used))
    n = n1 + n0
    w = n1 * n0 / n
    rd = np.sum((a * n0 - c * n1) / n) / np.sum(w)
    p_sato = np.sum((n1 ** 2 * c - n0 ** 2 * a + n1 * n0 * (n0 - n1) / 2) / n ** 2)
    q_sato = np.sum((a * (n0 - c) + c * (n1 - a)) / (2 * n))
    se = math.sqrt(max(0.0, (rd * p_sato + q_sato) / np.sum(w) ** 2))
    lo, hi = max(-1.0, rd - Z * se), min(1.0, rd + Z * se)
    row = [f"{fmt(100 * rd, 1)} [{fmt(100 * lo, 1)}; {fmt(100 * hi, 1)}]"]
    tables = [np.array([[ai, n1i - ai], [ci, n0i - ci]]) for ai, n1i, ci, n0i in used]
    st = StratifiedTable(tables)
    r, s_ = np.sum(a * n0 / n), np.sum(c * n1 / n)
    if s_ == 0:
        row.append("n/a")
    elif r == 0:
        row.append("0.00")
    else:
        rr = st.riskratio_pooled
        assert abs(rr - r / s_) < 1e-12 * rr
        var = np.sum((n1 * n0 * (a + c) - a * c * n) / n ** 2) / (r * s_)
        se = math.sqrt(max(0.0, var))
        row.append(f"{fmt(rr, 2)} [{fmt(rr * math.exp(-Z * se), 2)}; {fmt(rr * math.exp(Z * se), 2)}]")
    with np.errstate(invalid="ignore", divide="ignore"):
        p = st.test_null_odds(correction=False).pvalue
    row.append("–" if not np.isfinite(p) else "<0.001" if p < 0.001 else fmt(p, 3))
    return row, st


def breslow_day(st, strata):
    informative = [s for s in strata if s[1] > 0 and s[3] > 0 and
                   min(s[1], s[0] + s[2]) > max(0, s[0] + s[2] - s[3])]
    if len(informative) < 2:
        return "–"
    with np.errstate(invalid="ignore", divide="ignore"):
        p = st.test_equal_odds(adjust=False).pvalue
    return "–" if not np.isfinite(p) else "<0.001" if p < 0.001 else fmt(p, 3)


def days(text):
    from datetime import date
    return date.fromisoformat(text[:10]).toordinal()


def follow_up(case):
    """Days from case start to the first integration with employment_since, else to the last observation."""
    start = days(case["case_start"])
    event, last = None, start
    for at in ("6m", "12m"):
        if case.get(f"observed_{at}"):
            last = max(last, days(case[f"observed_{at}"]))
        if case.get(f"integrated_{at}") == "1" and case.get(f"employment_since_{at}"):
            since = days(case[f"employment_since_{at}"])
            event = since if event is None else min(event, since)
    return (max(0, event - start), True) if event is not None else (last - start, False)


def check_survival(cases, tables):
    """The Kaplan-Meier medians, the shares integrated at 6 and 12 months and the log-rank p, with lifelines."""
    from lifelines import KaplanMeierFitter
    from lifelines.statistics import logrank_test
    if "group" not in tables:
        return 0, 0
    _, rows = tables["group"]
    labels = {"participant": "participants", "comparison": "comparison"}
    checked = failures = 0
    for group, label in labels.items():
        data = [follow_up(c) for c in cases if c["group"] == group]
        events = sum(1 for _, e in data if e)
        got = next((r for r in rows if r[0] == label), None)
        if not data or small(events) or small(len(data) - events):
            continue
        kmf = KaplanMeierFitter().fit([t for t, _ in data], [e for _, e in data])
        median = kmf.median_survival_time_
        want_median = "not reached" if not np.isfinite(median) else fmt(median, 0)
        shares = []
        for t in (182.625, 365.25):
            # The product-limit estimate in the report's order of multiplication (lifelines takes
            # exp of a sum of logs, a last-bit difference that matters only at a rounding tie).
            s_t = 1.0
            for time in sorted({u for u, e in data if e and u <= t}):
                at_risk = sum(1 for u, _ in data if u >= time)
                s_t *= 1 - sum(1 for u, e in data if e and u == time) / at_risk
            assert abs(s_t - kmf.survival_function_at_times(t).iloc[0]) < 1e-9
            shares.append(f"{fmt(100 * (1 - s_t), 1)}%")
        got_values = [got[3].split(" [")[0], got[4], got[5]] if got else None
        want = [want_median] + shares
        checked += 1
        if got_values != want:
            failures += 1
            print(f"DIFFERENT time to integration ({label}):\n  report:     {got_values}\n  recomputed: {want}")
        else:
            print(f"ok  time to integration ({label}): {want}")
    return checked, failures


def check_flow(cases, flow_path):
    """`report flow --format csv` (data: table,row,column,value,status): per group randomised,
    observed and analysed, every terminal box against the export's state at the reference date
    (transferred; the four closed boxes together; still in the programme), and that the boxes add
    up to the randomised count. Suppressed boxes (status small/suppressed) are not compared one by
    one, but the shown ones never exceed what is left for them."""
    with open(flow_path, newline="", encoding="utf-8") as f:
        data = [r for r in csv.DictReader(f) if r["table"] == "flow"]
    value = {(r["row"], r["column"]): (int(r["value"]) if r["status"] == "shown" else None) for r in data}
    closed_boxes = ["consentRefused", "withdrew", "movedAway", "closed"]
    failures = 0

    def report(ok, group, label, got, expected):
        nonlocal failures
        failures += 0 if ok else 1
        print(f"{'ok ' if ok else 'DIFFERENT'} flow {group} {label}: report {got}, export {expected}")

    for group in ("participant", "comparison"):
        mine = [c for c in cases if c["group"] == group]
        closed = sum(1 for c in mine if c["state"] == "closed")
        transferred = sum(1 for c in mine if c["state"] == "transferred")
        want = {"randomised": len(mine), "analysed": len(mine),
                "observed_6m": sum(1 for c in mine if c["observed_6m"] or c["benefit_6m"]),
                "observed_12m": sum(1 for c in mine if c["observed_12m"] or c["benefit_12m"]),
                "transferred": transferred, "ongoing": len(mine) - closed - transferred}
        for row, n in want.items():
            got = value.get((row, group))
            if got is not None:
                report(got == n, group, row, got, n)
        shown_closed = [value.get((box, group)) for box in closed_boxes]
        if all(v is not None for v in shown_closed):
            report(sum(shown_closed) == closed, group, "closed boxes together", sum(shown_closed), closed)
        boxes = [value.get((box, group)) for box in closed_boxes + ["transferred", "ongoing"]]
        if all(v is not None for v in boxes):
            report(sum(boxes) == len(mine), group, "sum of the terminal boxes", sum(boxes), len(mine))
        else:
            shown = sum(v for v in boxes if v is not None)
            report(shown <= len(mine), group, "shown terminal boxes at most the randomised", shown, len(mine))
    return failures


def read_report(path):
    """The report's tables: header row -> rows, each keyed by its first cell(s)."""
    tables, header = {}, None
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            if not row:
                continue
            if row[0] in ("indicator", "item", "assumption", "group", "step"):
                header = tuple(row)
                tables[header[0]] = (header, [])
                continue
            tables[header[0]][1].append(row)
    return tables


def main(export_path, report_path):
    with open(export_path, newline="", encoding="utf-8") as f:
        cases = [c for c in csv.DictReader(f) if c["randomised"] == "1" and c["group"] in ("participant", "comparison")]
    tables = read_report(report_path)
    header, rows = tables["indicator"]
    sites = sorted({c["site"] for c in cases})
    stratified = len(sites) > 1
    failures = checked = 0
    for variable, label in INDICATORS:
        def count(group, site=None):
            # Only randomised cases are compared; outcomes of a case without legal basis are empty.
            known = [c[variable] for c in cases
                     if c["group"] == group and c[variable] != "" and (site is None or c["site"] == site)]
            return sum(1 for v in known if v == "1"), len(known)
        (k1, n1), (k2, n2) = count("participant"), count("comparison")
        if n1 == 0 or n2 == 0:
            continue
        crude = expected_row(k1, n1, k2, n2)
        mine = [r for r in rows if r[0] == label]
        checks = []
        if stratified:
            estimate = f"MH ({len(sites)} sites)"
            got = next((r for r in mine if r[3] == estimate), None)
            if crude[2] == "<5":
                checks.append((estimate, got[1:6] if got else None, crude[:2] + [estimate, "<5", "<5"]))
            else:
                strata = [count("participant", s) + count("comparison", s) for s in sites]
                mh, st = stratified_row(strata)
                want = crude[:2] + [estimate] + mh
                checks.append((estimate, got[1:7] if got else None, want))
                bd = breslow_day(st, strata)
                checks.append(("Breslow-Day", got[-1:] if got else None, [bd]))
                got = next((r for r in mine if r[3] == "crude"), None)
                checks.append(("crude", got[4:7] if got else None, crude[2:]))
        else:
            got = next((r for r in mine if r[3] == "crude"), None)
            checks.append(("crude", (got[1:3] + got[4:7]) if got else None, crude))
        for what, got, want in checks:
            checked += 1
            if got != want:
                failures += 1
                print(f"DIFFERENT {label} ({what}):\n  report:     {got}\n  recomputed: {want}")
            else:
                print(f"ok  {label} ({what}): {want}")
    more, fewer = check_survival(cases, tables)
    checked, failures = checked + more, failures + fewer
    print(f"{checked - failures} agree, {failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    status = main(sys.argv[1], sys.argv[2])
    if len(sys.argv) > 3:
        with open(sys.argv[1], newline="", encoding="utf-8") as f:
            randomised = [c for c in csv.DictReader(f) if c["randomised"] == "1"]
        status = 1 if check_flow(randomised, sys.argv[3]) or status else 0
    sys.exit(status)
