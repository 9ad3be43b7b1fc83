public import LotseStore
public import LotseWorkflow

/// What a case's current consent covers on a day (DOMAIN §8: § 67b SGB X, purpose-specific,
/// revocable with effect for the future).
public struct ConsentStatus: Sendable, Equatable {
    /// The purposes covered on the day: empty when no consent was given or it was revoked by then.
    public var purposes: Set<String>
    /// For refusals: not recorded, refused, revoked on a day, or given for some purposes only.
    public var state: ConsentState

    /// The status from the consent form's values (`given`, `purposes`, `date`, `revoked_on`) on `day`.
    public static func from(given: String?, purposes: String?, date: String?, revokedOn: String?, on day: String)
        -> ConsentStatus {
        guard let given, !given.isEmpty else { return ConsentStatus(purposes: [], state: .notRecorded) }
        guard given == "yes" else { return ConsentStatus(purposes: [], state: .refused) }
        if let revokedOn, !revokedOn.isEmpty, revokedOn <= day {
            return ConsentStatus(purposes: [], state: .revoked(on: revokedOn))
        }
        let list = (purposes ?? "").split(separator: " ").map(String.init)
        return ConsentStatus(purposes: Set(list), state: .covers(date: date ?? "?", purposes: list))
    }
}

extension Office {
    /// The consent status of a case today, from its current consent submission.
    func consentStatus(_ snapshot: Snapshot) -> ConsentStatus {
        let today = String(timestamp().prefix(10))
        let record = snapshot.submissions.first { $0.form == "consent" }
        // A submission never changes: the same one on the same day has the same status.
        if let last = lastConsent, last.submission == record?.id, last.day == today { return last.status }
        let status: ConsentStatus
        if let record, let root = parsed(record) {
            func value(_ name: String) -> String? { Self.value(at: [root.name, name], in: root) }
            status = ConsentStatus.from(given: value("given"), purposes: value("purposes"), date: value("date"),
                                        revokedOn: value("revoked_on"), on: today)
        } else {
            status = ConsentStatus.from(given: nil, purposes: nil, date: nil, revokedOn: nil, on: today)
        }
        lastConsent = (record?.id, today, status)
        return status
    }

    /// Refuses recording or reading a health form on a case whose consent does not cover the
    /// team's diagnostics.
    func requireHealthConsent(_ snapshot: Snapshot, form: String, reading: Bool) throws {
        let status = consentStatus(snapshot)
        let purpose = ConsentPurpose.team_diagnostics.rawValue
        guard !status.purposes.contains(purpose) else { return }
        throw CasesError.consentMissing(caseID: snapshot.record.id,
                                        what: .healthForm(form, reading: reading),
                                        purposes: [purpose], reason: status.state)
    }
}
