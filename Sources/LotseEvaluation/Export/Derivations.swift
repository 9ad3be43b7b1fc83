import LotseStore
import LotseCases

/// The derived facts of the evaluation (DOMAIN §9.4–9.5), in one place.
enum Derivations {
    /// Outcome codes that are integrations in the K2 sense (§48a SGB II, § 5 SGB2§48aFKV).
    static let integrationCodes: Set<String> = Set(OutcomeCode.allCases.filter(\.isIntegration).map(\.rawValue))
    static let svbCodes: Set<String> = Set(OutcomeCode.allCases.filter(\.isSVB).map(\.rawValue))

    /// Integration in the K2 sense from the placement: an integration code, and not employment
    /// funded under § 16i SGB II (Teilhabe am Arbeitsmarkt), which the key figure excludes as
    /// publicly funded employment; § 16e and in-work subsidies (EGZ, ESG) count, as in the BA's
    /// key-figure definition.
    static func placementIntegration(_ f: CaseFacts) -> Bool? {
        guard let outcome = outcome(f) else { return nil }
        return integrationCodes.contains(outcome) && f.value("placement", "subsidy") != "16i"
    }

    /// The legal basis on which the case's data enter the evaluation as of the reference date:
    /// consent with the purpose `evaluation`, given and not revoked by then; else § 75 SGB X when
    /// the site's setup records the approval; else none.
    static func legalBasis(_ f: CaseFacts, _ context: ExportContext) -> LegalBasis {
        let consent = f.forms["consent"]?.last
        let status = ConsentStatus.from(given: consent?["given"], purposes: consent?["purposes"], date: consent?["date"],
                                        revokedOn: consent?["revoked_on"], on: context.asOf)
        if status.purposes.contains(ConsentPurpose.evaluation.rawValue) { return .consent }
        return context.approvedSites.contains(f.site) ? .sgb10_75 : .none
    }

    /// The case's outcome code: the placement's, else the closure reason when it is an outcome.
    static func outcome(_ f: CaseFacts) -> String? {
        f.value("placement", "outcome") ?? f.value("closure", "reason")
    }

    /// The observation at `at` (`6m`, `12m`), the latest entry if several.
    static func observation(_ f: CaseFacts, _ at: String) -> [String: String]? {
        f.entries("observation").last { $0["at"] == at }
    }

    static func flag(_ value: Bool?) -> String? { value.map { $0 ? "1" : "0" } }

    /// An observation's employment is an integration (K2).
    static func integrated(_ f: CaseFacts, _ at: String) -> Bool? {
        observation(f, at).map { integrationCodes.contains($0["employment"] ?? "") }
    }

    /// Bedarfsdeckend: integrated by the +6-month observation and no SGB II receipt then
    /// (DOMAIN §6: no receipt three months after the integration; the +6-month observation is
    /// the first one at least three months after an integration in the first three months).
    static func bedarfsdeckend(_ f: CaseFacts) -> Bool? {
        guard let six = observation(f, "6m") else { return nil }
        return integrationCodes.contains(six["employment"] ?? "") && six["benefit_status"] == "none"
    }

    /// Nachhaltig: integrated at +6 months and in employment subject to social insurance at +12 months.
    static func nachhaltig(_ f: CaseFacts) -> Bool? {
        guard let six = observation(f, "6m"), let twelve = observation(f, "12m") else { return nil }
        return integrationCodes.contains(six["employment"] ?? "") && svbCodes.contains(twelve["employment"] ?? "")
    }

    /// Days from case start to the placement's start.
    /// Days from case start to placement start; at month precision the days between the first
    /// days of the two months, so that the duration tells no more than the exported `YYYY-MM` dates.
    static func daysToPlacement(_ f: CaseFacts, precision: ExportContext.Precision = .day) -> Int? {
        guard let start = f.value("placement", "start"), f.openedAt.count >= 10, start.count >= 10 else { return nil }
        let from = precision == .day ? String(f.openedAt.prefix(10)) : f.openedAt.prefix(7) + "-01"
        let to = precision == .day ? String(start.prefix(10)) : start.prefix(7) + "-01"
        guard let a = days(from), let b = days(to) else { return nil }
        return b - a
    }

    /// Contacts recorded, and the share of gaps within the agreed interval (the first gap counted
    /// from entering `integration_steps`).
    static func contactShare(_ f: CaseFacts) -> Double? {
        guard let interval = f.value("plan", "contact_interval_days").flatMap(Int.init),
              let start = f.entered["integration_steps"].flatMap(days) else { return nil }
        let dates = f.entries("contact").compactMap { $0["date"].flatMap(days) }.sorted()
        guard !dates.isEmpty else { return nil }
        var previous = start
        var within = 0
        for date in dates {
            if date - previous <= interval { within += 1 }
            previous = date
        }
        return Double(within) / Double(dates.count)
    }

    /// Rehabilitation or therapy started: a step of category rehab or health that ran.
    static func rehabStarted(_ f: CaseFacts) -> Bool? {
        guard f.group == .participant else { return nil }
        return f.entries("step").contains {
            ["rehab", "health"].contains($0["category"] ?? "") && ["running", "completed"].contains($0["status"] ?? "")
        }
    }

    /// Days since 1970-01-01 of a date or timestamp.
    static func days(_ text: String) -> Int? { Timestamp.dayNumber(text) }

    /// The age class in the year the case started.
    static func ageClass(_ f: CaseFacts) -> String {
        let year = Int(f.openedAt.prefix(4)) ?? 2026
        let age = year - f.birthYear
        return age < 25 ? "lt25" : age < 50 ? "25to49" : "50plus"
    }
}
