/// Why a demo region could not be built. Nothing is left behind: a half-built database is removed.
public enum DemoError: Error, Sendable, CustomStringConvertible {
    /// The target file exists; the generator only ever creates a new database.
    case databaseExists(path: String)
    /// Fewer clients than sites, or more than the generator is meant for.
    case invalidClientCount(Int, allowed: ClosedRange<Int>)
    /// The password is refused for one of the demo users (too short or containing the user's name).
    case weakPassword(user: String, reason: String)
    /// The definitions folder lacks a workflow or form the demo needs.
    case missingDefinitions([String], folder: String)
    /// A real Lotse call refused a step of the simulation (a bug of the generator or of
    /// changed definitions): which case, when, by whom, what, and the error it gave.
    case stepFailed(caseID: Int?, at: String, actor: String, action: String, reason: String)

    /// The refusal in English (the shell words it in German too).
    public var description: String {
        switch self {
        case let .databaseExists(path):
            return "\(path) exists; the demo region is built only into a new database file (choose another path)"
        case let .invalidClientCount(n, allowed):
            return "\(n) clients: a demo region has \(allowed.lowerBound) to \(allowed.upperBound) clients"
        case let .weakPassword(user, reason):
            return "the password cannot be used for demo user \(user): \(reason)"
        case let .missingDefinitions(names, folder):
            return "\(folder) lacks what the demo needs: " + names.joined(separator: ", ")
        case let .stepFailed(caseID, at, actor, action, reason):
            let subject = caseID.map { "case \($0)" } ?? "setup"
            return "demo step failed (\(subject), \(at), \(actor): \(action)): \(reason)"
        }
    }
}
