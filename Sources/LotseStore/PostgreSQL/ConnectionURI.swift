/// A libpq connection URI (`postgresql://user@host/db?sslmode=verify-full`), as `--db` or
/// `LOTSE_DB` give it. libpq reads it itself (TLS, `.pgpass`, `PGPASSFILE`, service files); this
/// type only tells it from a file path and shows it without its password.
public struct ConnectionURI: Sendable, Hashable, CustomStringConvertible {
    /// The URI as given.
    public let text: String

    /// Recognises a PostgreSQL URI (`postgresql://` or `postgres://`), nil for anything else.
    public init?(_ text: String) {
        guard text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") else { return nil }
        self.text = text
    }

    /// The URI with any password replaced by `***`, for messages.
    public var redacted: String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var result = String(text[..<scheme.upperBound])
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                result += userInfo[..<colon] + ":***"
            } else {
                result += userInfo
            }
            result += authority[at...]
        } else {
            result += authority
        }
        var tail = String(rest[authorityEnd...])
        // A password may also come as a query parameter.
        if let range = tail.range(of: "password=") {
            let end = tail[range.upperBound...].firstIndex(of: "&") ?? tail.endIndex
            tail.replaceSubrange(range.upperBound..<end, with: "***")
        }
        return result + tail
    }

    public var description: String { redacted }
}
