public import Foundation

/// Where Lotse reads the time. Injected so that tests and transcripts are deterministic.
public protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system's clock.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
