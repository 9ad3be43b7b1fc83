import Foundation
@_spi(Office) public import LotseCases
import LotseStore
import LotseXPath

/// The evaluation plan, declared once before the analysis: the primary outcome and the
/// significance level. It lives in the audit log (action `evaluation.plan`), which is append-only
/// and hash-chained, so a plan can be neither changed nor back-dated; the reports read it from
/// there. Every other indicator is a secondary outcome whose p-values are Holm-adjusted.
public struct EvaluationPlan: Sendable, Equatable {
    /// The primary outcome: an indicator variable of the export (`integrated_12m`).
    public var primary: String
    /// The two-sided significance level.
    public var alpha: Double
    /// The smallest number of cases per group a site needs for reports of its own (disclosure
    /// control); 10 unless the plan says otherwise.
    public var minimumSiteSize: Int = EvaluationPlan.defaultMinimumSiteSize
    /// Who declared it, and when (stored timestamp).
    public var declaredBy: String
    public var declaredAt: String
    /// The audit row that holds the plan.
    public var auditSeq: Int

    /// The indicators a plan may name as its primary outcome.
    public static var indicatorNames: [String] { Indicators.names.map(\.variable) }

    /// The minimum site size without a plan: 10 cases per group.
    public static let defaultMinimumSiteSize = 10
    /// The range a plan may choose from.
    public static let minimumSiteSizes = 5...1000
}

/// Errors of the evaluation plan.
public enum EvaluationPlanError: Error, Sendable, CustomStringConvertible {
    case alreadyDeclared(EvaluationPlan)
    case unknownIndicator(String, suggestion: String?)
    case badAlpha(String)
    case badMinimumSiteSize(Int)

    public var description: String {
        switch self {
        case let .alreadyDeclared(plan):
            return "the evaluation plan was declared on \(plan.declaredAt.prefix(10)) by \(plan.declaredBy) "
                + "(audit row \(plan.auditSeq)): primary outcome \(plan.primary), alpha \(plan.alpha), minimum site size \(plan.minimumSiteSize); "
                + "a plan is declared once and never changed (nothing was changed)"
        case let .unknownIndicator(name, suggestion):
            return "\(name) is not an indicator" + (suggestion.map { "; did you mean \($0)?" } ?? "")
                + " (indicators: " + EvaluationPlan.indicatorNames.joined(separator: ", ") + ")"
        case let .badAlpha(text):
            return "alpha \(text) is not a number between 0 and 0.5 (for example 0.05)"
        case let .badMinimumSiteSize(n):
            return "a minimum site size of \(n) is outside \(EvaluationPlan.minimumSiteSizes.lowerBound)–"
                + "\(EvaluationPlan.minimumSiteSizes.upperBound) cases per group"
        }
    }
}

extension Office {
    /// The minimum site size for site reports: the plan's, else 10 cases per group.
    func minimumSiteSize() throws -> Int {
        try evaluationPlan()?.minimumSiteSize ?? EvaluationPlan.defaultMinimumSiteSize
    }

    /// The declared plan, if any (every role that reads reports).
    public func evaluationPlan() throws -> EvaluationPlan? {
        var plan: EvaluationPlan?
        try store.audit.query(AuditFilter(action: "evaluation.plan")) { entry in
            guard plan == nil, let text = entry.draft.detail, let data = text.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let primary = object["primary"] as? String, let alpha = object["alpha"] as? Double else { return }
            plan = EvaluationPlan(primary: primary, alpha: alpha,
                                  minimumSiteSize: (object["min_site_size"] as? Int) ?? EvaluationPlan.defaultMinimumSiteSize,
                                  declaredBy: entry.draft.actor, declaredAt: entry.draft.at, auditSeq: entry.seq)
        }
        return plan
    }

    /// Declares the evaluation plan (evaluator, once). A second declaration is refused and names
    /// the first.
    public func declareEvaluationPlan(by actor: Actor, primary: String, alpha: Double = 0.05,
                                      minimumSiteSize: Int = EvaluationPlan.defaultMinimumSiteSize) throws -> EvaluationPlan {
        try authorize(.declarePlan, actor)
        guard EvaluationPlan.indicatorNames.contains(primary) else {
            let suggestion = EditDistance.closest(to: primary, in: EvaluationPlan.indicatorNames, limit: 3)
            throw EvaluationPlanError.unknownIndicator(primary, suggestion: suggestion)
        }
        guard alpha > 0, alpha <= 0.5 else { throw EvaluationPlanError.badAlpha(String(alpha)) }
        guard EvaluationPlan.minimumSiteSizes.contains(minimumSiteSize) else {
            throw EvaluationPlanError.badMinimumSiteSize(minimumSiteSize)
        }
        return try store.transaction {
            if let first = try evaluationPlan() { throw EvaluationPlanError.alreadyDeclared(first) }
            try store.audit.record(draft(actor, "evaluation.plan", detail: .object([
                ("primary", .string(primary)), ("alpha", .number(alpha)), ("min_site_size", .int(minimumSiteSize)),
                ("secondary", .array(EvaluationPlan.indicatorNames.filter { $0 != primary }.map { .string($0) })),
                ("adjustment", "holm"),
            ])))
            return try evaluationPlan()!
        }
    }
}
