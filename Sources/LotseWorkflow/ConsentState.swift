/// What a case's consent covers on a day, as a refusal says it: none recorded, refused,
/// revoked on a day, or given on a day for some purposes only. `description` is the English;
/// the shell words it in the session's language.
public enum ConsentState: Sendable, Hashable, CustomStringConvertible {
    case notRecorded
    case refused
    case revoked(on: String)
    case covers(date: String, purposes: [String])

    public var description: String {
        switch self {
        case .notRecorded: "no consent is recorded"
        case .refused: "consent was refused"
        case let .revoked(day): "the consent was revoked on \(day)"
        case let .covers(date, purposes):
            "the consent of \(date) covers only " + (purposes.isEmpty ? "nothing" : purposes.joined(separator: ", "))
        }
    }
}
