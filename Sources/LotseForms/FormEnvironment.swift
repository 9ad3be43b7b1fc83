public import LotseXPath

/// What a form instance needs from outside: the clock for `today()`/`now()` and for
/// `timestamp` preloads, the UUID maker for `uid` preloads and `uuid()`, and the external
/// instances (`instance('case')`, the case data document).
public struct FormEnvironment {
    public var clock: XPathClock
    public var makeUUID: () -> String
    /// External instances by id: their top element.
    public var externalInstances: [String: any XPathNode]

    public init(clock: XPathClock = .system, makeUUID: @escaping () -> String = { UUIDText.random() },
                externalInstances: [String: any XPathNode] = [:]) {
        self.clock = clock
        self.makeUUID = makeUUID
        self.externalInstances = externalInstances
    }
}

/// Random version-4 UUIDs as lowercase text.
public enum UUIDText {
    public static func random() -> String {
        var g = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { b in String(b, radix: 16).count == 1 ? "0" + String(b, radix: 16) : String(b, radix: 16) }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }
}
