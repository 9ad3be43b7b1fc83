#!/usr/bin/env python3
"""Recompute `report evaluation` from `export cases`, independently of Lotse's Swift code.

Usage:
    lotse ... export cases --out cases.csv
    lotse ... report evaluation --format csv > report.csv
    lotse ... report flow --lang en --format csv > flow.csv        (optional)
    python3 Tools/check-evaluation.py cases.csv report.csv [flow.csv]

For every indicator it counts events and known values per group in the export, recomputes the
share, the crude risk difference with Newcombe's hybrid score interval (method 10, from Wilson
intervals via SciPy), the risk ratio with the log (Katz) interval, and Fisher's exact two-sided p
(scipy.stats.fisher_exact). With more than one site it recomputes the site-stratified row too:
the Mantel-Haenszel risk ratio, the Cochran-Mantel-Haenszel test (no continuity correction) and
the Breslow-Day test (no Tarone adjustment) with statsmodels' StratifiedTable, the
Mantel-Haenszel risk difference with Sato's variance and the Greenland-Robins variance of the
log risk ratio with numpy on the published formulas. The report is data (`table,row,column,
value,status`: codes as keys, shares and differences as fractions, full precision), so each
recomputed number must agree to 1e-9; a figure withheld for small cells must have status `small`
(or `suppressed`) exactly where the recomputation finds a cell of 1 to 4. Exit code 0 when every
number agrees.
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


TOLERANCE = 1e-9
EFFECTS = ["rd", "rd_lower", "rd_upper", "rr", "rr_lower", "rr_upper", "p"]


def crude_effects(k1, n1, k2, n2):
    """Newcombe's difference, the Katz ratio, Fisher's p (fractions, as the data give them); None
    where the report withholds them (a cell of 1 to 4)."""
    if any(small(c) for c in (k1, n1 - k1, k2, n2 - k2)):
        return None
    d, lo, hi = newcombe(k1, n1, k2, n2)
    if k2 == 0:
        rr = [None, None, None]
    elif k1 == 0:
        rr = [0.0, None, None]
    else:
        r = (k1 / n1) / (k2 / n2)
        se = math.sqrt(1 / k1 - 1 / n1 + 1 / k2 - 1 / n2)
        rr = [r, r * math.exp(-Z * se), r * math.exp(Z * se)]
    p = fisher_exact([[k1, n1 - k1], [k2, n2 - k2]], alternative="two-sided").pvalue
    return [d, lo, hi] + rr + [p]


def stratified_effects(strata):
    """Sato's MH difference, the MH ratio with Greenland-Robins' variance, the CMH p; and the table."""
    used = [(a, n1, c, n0) for a, n1, c, n0 in strata if n1 > 0 and n0 > 0]
    a, n1, c, n0 = (np.array(x, dtype=float) for x in zip(*used))
    n = n1 + n0
    w = n1 * n0 / n
    rd = np.sum((a * n0 - c * n1) / n) / np.sum(w)
    p_sato = np.sum((n1 ** 2 * c - n0 ** 2 * a + n1 * n0 * (n0 - n1) / 2) / n ** 2)
    q_sato = np.sum((a * (n0 - c) + c * (n1 - a)) / (2 * n))
    se = math.sqrt(max(0.0, (rd * p_sato + q_sato) / np.sum(w) ** 2))
    values = [rd, max(-1.0, rd - Z * se), min(1.0, rd + Z * se)]
    tables = [np.array([[ai, n1i - ai], [ci, n0i - ci]]) for ai, n1i, ci, n0i in used]
    st = StratifiedTable(tables)
    r, s_ = np.sum(a * n0 / n), np.sum(c * n1 / n)
    if s_ == 0:
        values += [None, None, None]
    elif r == 0:
        values += [0.0, None, None]
    else:
        rr = st.riskratio_pooled
        assert abs(rr - r / s_) < 1e-12 * rr
        var = np.sum((n1 * n0 * (a + c) - a * c * n) / n ** 2) / (r * s_)
        se = math.sqrt(max(0.0, var))
        values += [rr, rr * math.exp(-Z * se), rr * math.exp(Z * se)]
    with np.errstate(invalid="ignore", divide="ignore"):
        p = st.test_null_odds(correction=False).pvalue
    values.append(p if np.isfinite(p) else None)
    return values, st


def breslow_day(st, strata):
    informative = [s for s in strata if s[1] > 0 and s[3] > 0 and
                   min(s[1], s[0] + s[2]) > max(0, s[0] + s[2] - s[3])]
    if len(informative) < 2:
        return None
    with np.errstate(invalid="ignore", divide="ignore"):
        p = st.test_equal_odds(adjust=False).pvalue
    return p if np.isfinite(p) else None


def agree(got, want):
    """A data cell (value, status) against a recomputed number (None: not defined)."""
    value, status = got if got else (None, None)
    if want is None:
        return status == "na"
    return status == "shown" and value is not None and abs(value - want) <= TOLERANCE * max(1.0, abs(want))


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


def check_survival(cases, data):
    """The Kaplan-Meier medians, the shares integrated at 6 and 12 months, with lifelines."""
    from lifelines import KaplanMeierFitter
    labels = {"participant": "participants", "comparison": "comparison"}
    checked = failures = 0
    for group, label in labels.items():
        cases_of = [follow_up(c) for c in cases if c["group"] == group]
        events = sum(1 for _, e in cases_of if e)
        if not cases_of or small(events) or small(len(cases_of) - events):
            continue
        if data.get(("time_to_integration", group, "integrations"), (None, None))[1] != "shown":
            continue
        kmf = KaplanMeierFitter().fit([t for t, _ in cases_of], [e for _, e in cases_of])
        median = kmf.median_survival_time_
        want = {"median": float(median) if np.isfinite(median) else None}
        for months, t in ((6, 182.625), (12, 365.25)):
            # The product-limit estimate in the report's order of multiplication (lifelines takes
            # exp of a sum of logs, a last-bit difference).
            s_t = 1.0
            for time in sorted({u for u, e in cases_of if e and u <= t}):
                at_risk = sum(1 for u, _ in cases_of if u >= time)
                s_t *= 1 - sum(1 for u, e in cases_of if e and u == time) / at_risk
            assert abs(s_t - kmf.survival_function_at_times(t).iloc[0]) < 1e-9
            want[f"integrated_{months}m"] = 1 - s_t
        got = {k: data.get(("time_to_integration", group, k)) for k in want}
        checked += 1
        if all(agree(got[k], want[k]) for k in want):
            print(f"ok  time to integration ({label}): {want}")
        else:
            failures += 1
            print(f"DIFFERENT time to integration ({label}):\n  report:     {got}\n  recomputed: {want}")
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


def read_data(path):
    """A report's data (`table,row,column,value,status`) as (table, row, column) -> (value, status)."""
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["table"], r["row"], r["column"]): (float(r["value"]) if r["value"] else None, r["status"])
                for r in csv.DictReader(f)}


def main(export_path, report_path):
    with open(export_path, newline="", encoding="utf-8") as f:
        cases = [c for c in csv.DictReader(f) if c["randomised"] == "1" and c["group"] in ("participant", "comparison")]
    data = read_data(report_path)
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
        cell = lambda column: data.get(("evaluation", variable, column))
        checks = []
        shares = []
        for group, (k, n) in (("participant", (k1, n1)), ("comparison", (k2, n2))):
            if not small(k) and not small(n - k):
                shares.append((f"{group}_events", float(k)))
                shares.append((f"{group}_observed", float(n)))
                shares.append((f"{group}_share", k / n))
        crude = crude_effects(k1, n1, k2, n2)
        if crude is None:
            withheld = [cell(f"{p}_{e}") for p in (["mh", "crude"] if stratified else ["crude"]) for e in EFFECTS]
            ok = all(c is not None and c[1] == "small" for c in withheld)
            checks.append(("<5", ok, withheld[:1], "small"))
        else:
            if stratified:
                strata = [count("participant", s) + count("comparison", s) for s in sites]
                mh, st = stratified_effects(strata)
                got = [cell(f"mh_{e}") for e in EFFECTS]
                checks.append((f"MH ({len(sites)} sites)", all(agree(g, w) for g, w in zip(got, mh)), got, mh))
                bd = breslow_day(st, strata)
                checks.append(("Breslow-Day", agree(cell("heterogeneity_p"), bd), cell("heterogeneity_p"), bd))
            got = [cell(f"crude_{e}") for e in EFFECTS]
            checks.append(("crude", all(agree(g, w) for g, w in zip(got, crude)), got, crude))
        got = [cell(c) for c, _ in shares]
        checks.append(("shares", all(agree(g, w) for g, (_, w) in zip(got, shares)), got, [w for _, w in shares]))
        for what, ok, got, want in checks:
            checked += 1
            if not ok:
                failures += 1
                print(f"DIFFERENT {label} ({what}):\n  report:     {got}\n  recomputed: {want}")
            else:
                print(f"ok  {label} ({what}): {want}")
    more, fewer = check_survival(cases, data)
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
