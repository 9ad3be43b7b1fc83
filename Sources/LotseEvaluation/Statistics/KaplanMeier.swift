import Foundation

/// One follow-up time of a time-to-event analysis: the time from the start (randomisation or
/// case start) to the event (integration) or to the last observation without it (censored).
public struct FollowUp: Sendable, Hashable {
    /// Time in days, at least 0.
    public let time: Double
    /// Whether the event happened at `time` (false: censored at `time`).
    public let event: Bool

    /// Creates a follow-up time.
    public init(time: Double, event: Bool) {
        self.time = time
        self.event = event
    }
}

/// The Kaplan–Meier estimate of the share still without the event ("not yet integrated") over
/// time, with Greenwood's variance, the log-scale pointwise 95 % interval and the median with
/// its interval — the defaults of R's `survival::survfit` (`conf.type = "log"`).
///
/// At each distinct event time tⱼ with dⱼ events among nⱼ at risk (censored at tⱼ still count as
/// at risk at tⱼ): S(t) = Π_{tⱼ ≤ t} (1 − dⱼ/nⱼ), Var(ln S) = Σ dⱼ / (nⱼ(nⱼ − dⱼ)), and the
/// interval exp(ln S ± z √Var) capped at 1. The median is the smallest time with S ≤ ½; where S
/// equals ½ exactly from tⱼ to the next event time, the midpoint of the two (as R). Its interval
/// runs from the first time the lower limit falls to ½ or below to the first time the upper limit
/// does (Brookmeyer & Crowley 1982); a limit that is never reached is nil ("not reached").
///
/// References: E. L. Kaplan, P. Meier, JASA 53 (1958) 457–481; M. Greenwood, Reports on Public
/// Health and Medical Subjects 33 (1926); R. Brookmeyer, J. Crowley, Biometrics 38 (1982) 29–41;
/// T. Therneau, *survival* (R package), `survfit.formula`, `quantile.survfit`.
public struct KaplanMeier: Sendable, Hashable {
    /// One step of the curve, at an event time.
    public struct Step: Sendable, Hashable {
        /// The event time.
        public let time: Double
        /// At risk just before `time`.
        public let atRisk: Int
        /// Events at `time`.
        public let events: Int
        /// Censored at `time` (after the events).
        public let censored: Int
        /// S(time).
        public let survival: Double
        /// The pointwise interval of S(time); nil where S = 0 (the log interval is undefined).
        public let interval: ConfidenceInterval?
    }

    /// The steps, at each distinct event time in ascending order.
    public let steps: [Step]
    /// Everyone followed up.
    public let count: Int
    /// Everyone with the event.
    public let eventCount: Int
    /// The median time, nil when S never falls to ½.
    public let median: Double?
    /// The median's lower limit, nil when not reached.
    public let medianLower: Double?
    /// The median's upper limit, nil when not reached.
    public let medianUpper: Double?

    /// Estimates the curve.
    /// - Parameters:
    ///   - followUps: one follow-up per person.
    ///   - z: the normal quantile of the pointwise interval.
    public init(_ followUps: [FollowUp], z: Double = ConfidenceInterval.z95) {
        count = followUps.count
        eventCount = followUps.count(where: \.event)
        let sorted = followUps.sorted { $0.time < $1.time }
        var steps: [Step] = []
        var atRisk = sorted.count
        var survival = 1.0
        var greenwood = 0.0
        var index = 0
        while index < sorted.count {
            let time = sorted[index].time
            var events = 0, censored = 0
            while index < sorted.count, sorted[index].time == time {
                if sorted[index].event { events += 1 } else { censored += 1 }
                index += 1
            }
            if events > 0 {
                survival *= 1 - Double(events) / Double(atRisk)
                if atRisk > events {
                    greenwood += Double(events) / (Double(atRisk) * Double(atRisk - events))
                }
                let interval: ConfidenceInterval? = survival > 0
                    ? ConfidenceInterval(lower: exp(log(survival) - z * greenwood.squareRoot()),
                                         upper: min(1, exp(log(survival) + z * greenwood.squareRoot())))
                    : nil
                steps.append(Step(time: time, atRisk: atRisk, events: events, censored: censored,
                                  survival: survival, interval: interval))
            }
            atRisk -= events + censored
        }
        self.steps = steps
        median = Self.firstTime(steps) { $0.survival }
        medianLower = Self.firstTime(steps) { $0.interval?.lower ?? 0 }
        medianUpper = Self.firstTime(steps) { $0.interval?.upper ?? 0 }
    }

    /// S(t): the share without the event at time t (1 before the first event).
    public func survival(at time: Double) -> Double {
        steps.last { $0.time <= time }?.survival ?? 1
    }

    /// The first time a curve `value` falls to ½ or below, with R's midpoint rule for a curve
    /// exactly at ½.
    private static func firstTime(_ steps: [Step], _ value: (Step) -> Double) -> Double? {
        let tolerance = 1e-9
        guard let first = steps.firstIndex(where: { value($0) <= 0.5 + tolerance }) else { return nil }
        if abs(value(steps[first]) - 0.5) < tolerance {
            return first + 1 < steps.count ? (steps[first].time + steps[first + 1].time) / 2 : steps[first].time
        }
        return steps[first].time
    }
}

/// The log-rank (Mantel–Cox) test of equal event-time distributions in two groups.
///
/// At each distinct event time with d events among N at risk, d₁ of them and N₁ at risk in
/// group 1: O − E = Σ (d₁ − d N₁/N), V = Σ d (N₁/N)(1 − N₁/N)(N − d)/(N − 1), and
/// X² = (O − E)²/V with 1 df — `survival::survdiff` in R, `lifelines.statistics.logrank_test`.
///
/// Reference: N. Mantel, Cancer Chemotherapy Reports 50 (1966) 163–170; R. Peto, J. Peto,
/// JRSS A 135 (1972) 185–207.
public struct LogRankTest: Sendable, Hashable {
    /// Observed events in group 1.
    public let observed: Int
    /// Expected events in group 1 under the null hypothesis.
    public let expected: Double
    /// The χ² statistic (1 df), NaN when the variance is 0.
    public let statistic: Double
    /// Its p-value, NaN when the variance is 0.
    public let pValue: Double

    /// Compares group 1 (participants) with group 2 (comparison).
    public init(_ group1: [FollowUp], _ group2: [FollowUp]) {
        let all = (group1.map { ($0, true) } + group2.map { ($0, false) }).sorted { $0.0.time < $1.0.time }
        var atRisk1 = group1.count, atRisk = all.count
        var observed = 0, expected = 0.0, variance = 0.0
        var index = 0
        while index < all.count {
            let time = all[index].0.time
            var d = 0, d1 = 0, leaving = 0, leaving1 = 0
            while index < all.count, all[index].0.time == time {
                let (followUp, first) = all[index]
                if followUp.event { d += 1; if first { d1 += 1 } }
                leaving += 1
                if first { leaving1 += 1 }
                index += 1
            }
            if d > 0 {
                let n = Double(atRisk), n1 = Double(atRisk1)
                observed += d1
                expected += Double(d) * n1 / n
                if atRisk > 1 {
                    variance += Double(d) * (n1 / n) * (1 - n1 / n) * (n - Double(d)) / (n - 1)
                }
            }
            atRisk -= leaving
            atRisk1 -= leaving1
        }
        self.observed = observed
        self.expected = expected
        if variance > 0 {
            statistic = (Double(observed) - expected) * (Double(observed) - expected) / variance
            pValue = ChiSquared.survival(statistic, degreesOfFreedom: 1)
        } else {
            statistic = .nan
            pValue = .nan
        }
    }
}
