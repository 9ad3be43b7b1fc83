import Foundation
import LotseCases

/// The simulated time of a demo region: a `WallClock` that reads whatever instant it was last
/// set to. The demo generator moves it forward action by action, so audit rows, transitions
/// and submissions carry plausible times and `today()` in forms (through an `XPathClock` that
/// reads this clock) never lies before a form's dates. Reads and writes are serialised by a lock.
final class DemoClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// A clock reading `start` until it is set.
    init(start: Date) {
        current = start
    }

    /// The instant last set.
    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Sets the time (any instant; the generator only ever moves it forward).
    func set(_ instant: Date) {
        lock.lock()
        current = instant
        lock.unlock()
    }
}
