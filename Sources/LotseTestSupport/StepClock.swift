public import Foundation
public import LotseCases

/// A deterministic clock: starts at a fixed instant and moves only when told (`tick`, once per
/// shell line in transcripts), so timestamps (and with them audit hashes) are the same in every
/// test run, however often the code reads the time.
public final class StepClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// A clock starting at `start` (default 2026-11-25T09:00:00Z).
    public init(start: Date = Date(timeIntervalSince1970: 1_795_597_200)) {
        current = start
    }

    /// Moves the clock one second forward.
    public func tick() {
        lock.lock()
        current = current.addingTimeInterval(1)
        lock.unlock()
    }

    /// Moves the clock forward (for due dates).
    public func advance(days: Int) {
        lock.lock()
        current = current.addingTimeInterval(Double(days) * 86_400)
        lock.unlock()
    }

    /// Moves the clock forward by minutes (for lockouts).
    public func advance(minutes: Int) {
        lock.lock()
        current = current.addingTimeInterval(Double(minutes) * 60)
        lock.unlock()
    }

    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }
}
