import Foundation
import LotseCases
import LotseStore

/// The columns of `export cases`, compiled once per export: each variable's rule turned into a
/// function of the case, and what several columns of a row read (the legal basis, the outcome,
/// the observation at each time point, the codes chosen in a multiple choice, the entries per
/// code) derived once per case instead of once per column. Gives, column by column, what
/// `Variable.value(_:_:)` gives (the golden export files hold both to it).
struct ExportColumns {
    /// What the columns of one case share, derived once per case.
    struct Row {
        var basis: LegalBasis
        var outcome: String?
        /// The observation at each of `timePoints`.
        var observations: [[String: String]?]
        /// The codes chosen in each of `choiceFields` (its form's current submission); nil without one.
        var chosen: [[Substring]?]
        /// For each of `countedFields`: how many entries hold each value (participants only, else empty).
        var counted: [[String: Int]]
    }

    typealias Column = (CaseFacts, Row) -> String?

    private let context: ExportContext
    private var timePoints: [String] = []
    private var choiceFields: [(form: String, field: String)] = []
    private var countedFields: [(form: String, field: String)] = []
    private var columns: [Column] = []

    init(_ variables: [Variable], _ context: ExportContext) {
        self.context = context
        for variable in variables {
            let rule = compile(variable.rule, variable.member)
            // An outcome of a case without a legal basis is left empty.
            columns.append(variable.isOutcome ? { f, row in row.basis == .none ? nil : rule(f, row) } : rule)
        }
    }

    /// The row of a case, one value per variable ("" when unknown or not applicable).
    func values(_ f: CaseFacts) -> [String] {
        let basis = Derivations.legalBasis(f, context)
        let row = Row(
            basis: basis, outcome: Derivations.outcome(f),
            observations: timePoints.map { Derivations.observation(f, $0) },
            chosen: choiceFields.map { form, field in
                f.forms[form]?.last.map { ($0[field] ?? "").split(separator: " ") }
            },
            counted: countedFields.map { form, field in
                guard f.group == .participant else { return [:] }
                var counts: [String: Int] = [:]
                for entry in f.entries(form) {
                    if let value = entry[field] { counts[value, default: 0] += 1 }
                }
                return counts
            })
        var values: [String] = []
        values.reserveCapacity(columns.count)
        for column in columns { values.append(column(f, row) ?? "") }
        return values
    }

    /// The position of a time point among those the row derives (added when first asked).
    private mutating func timePoint(_ at: String) -> Int {
        if let index = timePoints.firstIndex(of: at) { return index }
        timePoints.append(at)
        return timePoints.count - 1
    }

    private mutating func slot(_ form: String, _ field: String,
                               in list: WritableKeyPath<ExportColumns, [(form: String, field: String)]>) -> Int {
        if let index = self[keyPath: list].firstIndex(where: { $0.form == form && $0.field == field }) { return index }
        self[keyPath: list].append((form, field))
        return self[keyPath: list].count - 1
    }

    /// A variable's rule (`Variable.Value.value`) as a function of the case and its row.
    private mutating func compile(_ rule: Variable.Value, _ m: Variable.Member) -> Column {
        let c = context
        let key = m.key
        switch rule {
        case let .chosen(form, field):
            let i = slot(form, field, in: \.choiceFields)
            return { _, row in row.chosen[i].map { codes in Derivations.flag(codes.contains { $0 == key })! } }
        case let .entriesWith(form, field):
            let i = slot(form, field, in: \.countedFields)
            return { f, row in f.group == .participant ? String(row.counted[i][key] ?? 0) : nil }
        case .outcome:
            return { _, row in row.outcome }
        case .integrationK2:
            return { f, row in
                row.outcome.map {
                    Derivations.flag(Derivations.integrationCodes.contains($0) && f.value("placement", "subsidy") != "16i")!
                } ?? (f.group == .participant ? "0" : nil)
            }
        case .minijobOutcome:
            return { f, row in
                row.outcome.map { Derivations.flag($0 == OutcomeCode.MINIJOB.rawValue)! } ?? (f.group == .participant ? "0" : nil)
            }
        case let .observedDate(field):
            let i = timePoint(key)
            return { _, row in c.date(row.observations[i]?[field]) }
        case let .observed(field):
            let i = timePoint(key)
            return { _, row in row.observations[i]?[field] }
        case let .indicator(indicator):
            let i = timePoint(key)
            return { _, row in row.observations[i].map { Derivations.flag(indicator.holds(in: $0))! } }
        case .legalBasis:
            return { _, row in row.basis.rawValue }
        case .pseudonym, .site, .group, .randomised, .ageClass, .sex, .applicantType, .field, .caseStart, .entered, .state,
             .entries, .contactShare, .daysToPlacement, .bedarfsdeckend, .nachhaltig, .rehabStarted, .repeatCount:
            return { f, _ in rule.value(f, c, m) }
        }
    }
}
