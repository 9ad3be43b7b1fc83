/// A role that `l:roles` may name (DESIGN §1). One account has one role.
///
/// The raw values are those of the shell's `--role` and of `LotseCases.Role`, so
/// the two convert by `rawValue`.
public enum WorkflowRole: String, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Fallmanager/in, Integrationscoach.
    case caseworker
    /// Ärztlicher Dienst, Berufspsychologischer Service, project physician.
    case medical
    /// Teamleitung.
    case supervisor
    /// Begleitende Evaluation.
    case evaluator
    /// IT / project lead.
    case admin

    public var description: String { rawValue }
}
