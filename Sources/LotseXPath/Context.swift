public import Foundation

/// Where `today()` and `now()` get the time, injectable so tests are deterministic.
public struct XPathClock: Sendable {
    /// Returns the current instant.
    public var now: @Sendable () -> Date
    /// The zone of `today()`, of dateTimes written without an offset, and of a date's midnight.
    public var timeZone: TimeZone

    /// Creates a clock.
    /// - Parameters:
    ///   - timeZone: the local time zone.
    ///   - now: returns the current instant.
    public init(timeZone: TimeZone, now: @escaping @Sendable () -> Date) {
        self.now = now
        self.timeZone = timeZone
    }

    /// The system clock in the process's current time zone.
    public static var system: XPathClock { XPathClock(timeZone: .current, now: { Date() }) }

    /// A clock that always reads `instant`.
    /// - Parameters:
    ///   - instant: the instant `now()` returns.
    ///   - timeZone: the local time zone.
    public static func fixed(_ instant: Date, timeZone: TimeZone) -> XPathClock {
        XPathClock(timeZone: timeZone, now: { instant })
    }
}

/// A function the caller adds to the built-in ones (or a fallback for names it knows).
///
/// Return `nil` when the name is not yours; the evaluator then reports an unknown function.
public typealias XPathFunctionHook = (_ name: String, _ arguments: [XPathValue], _ context: XPathContext)
    throws(XPathError) -> XPathValue?

/// Everything an evaluation needs besides the expression.
public struct XPathContext {
    /// The context node: what `.` and relative paths start from.
    public var node: any XPathNode
    /// The node `current()` returns (the bind's node); defaults to ``node``.
    public var current: any XPathNode
    /// The context position (`position()`), 1-based.
    public var position: Int = 1
    /// The context size (`last()`).
    public var size: Int = 1
    /// Resolves `instance('id')` to the top element of that secondary instance (`root` in
    /// `<instance id="id"><root>…`); `nil` when there is no such instance.
    public var instance: (String) -> (any XPathNode)?
    /// The clock for `today()` and `now()` and the local time zone.
    public var clock: XPathClock
    /// Makes the value of `uuid()`.
    public var makeUUID: () -> String
    /// Resolves `jr:choice-name(value, 'path')`: the label of choice `value` of the select
    /// at `path` (the second argument's text, e.g. `/data/fruit`); `nil` if unknown.
    public var choiceName: ((_ value: String, _ selectPath: String) -> String?)?
    /// Functions the caller provides (called for names that are not built in).
    public var functions: XPathFunctionHook?

    /// Creates a context.
    /// - Parameters:
    ///   - node: the context node.
    ///   - current: the node of `current()`; `nil` means `node`.
    ///   - instance: resolves secondary instance ids to their top element.
    ///   - clock: the clock; the system clock in the current time zone by default.
    ///   - makeUUID: makes `uuid()` values; random lowercase UUIDs by default.
    ///   - choiceName: resolves `jr:choice-name`.
    ///   - functions: extra functions.
    public init(node: any XPathNode,
                current: (any XPathNode)? = nil,
                instance: @escaping (String) -> (any XPathNode)? = { _ in nil },
                clock: XPathClock = .system,
                makeUUID: @escaping () -> String = { UUID().uuidString.lowercased() },
                choiceName: ((_ value: String, _ selectPath: String) -> String?)? = nil,
                functions: XPathFunctionHook? = nil) {
        self.node = node
        self.current = current ?? node
        self.instance = instance
        self.clock = clock
        self.makeUUID = makeUUID
        self.choiceName = choiceName
        self.functions = functions
    }
}
