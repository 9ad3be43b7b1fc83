import Crypto
import Foundation
public import LotseStore
import LotseWorkflow
import LotseXPath

/// The due dates of open cases, kept in the store (`case_due`) so that listings are queries
/// (DESIGN §9): computed from a case's snapshot by the same code as `case show`, rewritten in the
/// transaction of every change that can move them (open, transition, reopen, submission,
/// randomisation's assignment), and all computed anew when what they depend on beyond the case's
/// own rows changed (`dueBasis`).
extension Office {
    /// The due dates of a case: its state's `l:due` after entering it (the nearest up the state
    /// path), and the agreed contact interval after the last contact.
    func dueDates(_ snapshot: Snapshot) -> CaseDue {
        let definition = snapshot.interpreter.definition
        var stateDue: String?
        for state in definition.path(to: snapshot.record.state).reversed() {
            if let duration = definition.due(for: state),
               let date = CalendarMath.add(duration, to: snapshot.record.enteredAt) {
                stateDue = date
                break
            }
        }
        var contactDue: String?
        var volatile = false
        if let (_, expression) = snapshot.interpreter.contactInterval(in: snapshot.configuration) {
            // The clock, or the client's age class (which moves with the year), make the date
            // one that changes without any change to the case.
            volatile = expression.readsClock || expression.reads(name: "age_class")
            if let days = try? expression.evaluateNumber(XPathContext(node: snapshot.document, clock: xpathClock)),
               days.isFinite, days > 0 {
                let contact = snapshot.document.children.first { $0.name == "contact" }?.attributes
                    .first { $0.name == "last" }?.text ?? ""
                let since = max(contact, String(snapshot.record.enteredAt.prefix(10)))
                if let base = CalendarMath.days(since) { contactDue = CalendarMath.date(base + Int(days)) }
            }
        }
        return CaseDue(stateDue: stateDue, contactDue: contactDue, volatile: volatile)
    }

    /// The due date shown for stored or computed due dates, overdue when before `today`.
    func dueDate(_ dates: CaseDue, today: String) -> DueDate? {
        dates.earliest.map { DueDate(date: $0.date, reason: $0.reason, overdue: $0.date < today) }
    }

    /// Today as `YYYY-MM-DD` by the office's clock.
    func today() -> String { String(timestamp().prefix(10)) }

    /// Rewrites the stored due dates of a case from its current rows (removes them once it is
    /// closed). Runs inside the transaction of the change.
    func refreshDue(_ caseID: Int) throws {
        try refreshDue(snapshot: try snapshot(caseID))
    }

    /// Stores the due dates of the case as `snapshot` has it (in the caller's transaction).
    func refreshDue(snapshot: Snapshot) throws {
        let caseID = snapshot.record.id
        try storeWork { try store.cases.setDue(caseID: caseID, snapshot.record.closed ? nil : dueDates(snapshot)) }
    }

    /// What the stored due dates depend on beyond each case's own rows: the shape of the case
    /// document (the forms' non-medical fields, the repeatable forms) and the version of this
    /// computation. A case's workflow is its stored version, which never changes; a contact
    /// interval that reads the clock or the age class is computed at each listing instead.
    func dueBasis() -> String {
        if let computedDueBasis { return computedDueBasis }
        let document = definitions.caseDocument
        var text = "due dates 1\nrepeatable " + document.repeatable.sorted().joined(separator: " ")
        for (form, paths) in document.openPaths.sorted(by: { $0.key < $1.key }) {
            text += "\n" + form + ": " + paths.map { $0.joined(separator: "/") }.sorted().joined(separator: " ")
        }
        let basis = Array(SHA256.hash(data: Array(text.utf8))).hex
        computedDueBasis = basis
        return basis
    }

    /// Computes every open case's due dates anew when the stored ones were computed under another
    /// basis (or never: after the upgrade to schema 9), in one transaction with its audit row.
    /// Called first in every transaction that writes due dates, and by the listings.
    func ensureDueDates(_ actor: Actor) throws {
        let basis = dueBasis()
        guard try storeWork({ try store.cases.dueBasis() }) != basis else { return }
        try storeWork {
            try store.transaction {
                guard try store.cases.dueBasis() != basis else { return }
                try store.cases.clearDue()
                let ids = try store.cases.openCaseIDs()
                for id in ids { try refreshDue(id) }
                try store.cases.setDueBasis(basis)
                // A new store has nothing to compute; an upgraded one, or one whose forms or year
                // changed, says so in the log.
                if !ids.isEmpty {
                    try store.audit.record(draft(actor, "case.due", detail: .object([
                        ("cases", .int(ids.count)), ("basis", .string(basis)),
                    ])))
                }
            }
        }
    }
}
