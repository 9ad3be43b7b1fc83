/// The demo's own random numbers: SplitMix64 (Steele, Lea, Flood 2014), so a seed gives the
/// same region on every platform and in every run. A class, so closures (the office's UUID
/// maker) can share one stream.
final class DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one purpose (a case, the UUIDs), independent of how much any other
    /// stream was used: seeded from the demo seed and a label.
    convenience init(seed: UInt64, stream: UInt64) {
        var mixer = DemoRandom(seed: seed ^ 0x5DEE_CE66_D1CE_4E5B)
        let a = mixer.next()
        mixer = DemoRandom(seed: a &+ stream &* 0x9E37_79B9_7F4A_7C15)
        self.init(seed: mixer.next())
    }

    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A uniform integer in `range` (without modulo bias).
    func int(_ range: ClosedRange<Int>) -> Int {
        let bound = UInt64(range.upperBound - range.lowerBound + 1)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = next()
            if value < limit { return range.lowerBound + Int(value % bound) }
        }
    }

    /// True with probability `p`.
    func chance(_ p: Double) -> Bool { unit() < p }

    /// One element, uniformly.
    func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// One option, with probability proportional to its weight.
    func weighted<T>(_ options: [(T, Double)]) -> T {
        let total = options.reduce(0) { $0 + $1.1 }
        var x = unit() * total
        for (value, weight) in options {
            if x < weight { return value }
            x -= weight
        }
        return options[options.count - 1].0
    }

    /// `count` distinct elements in their original order.
    func sample<T>(_ items: [T], count: Int) -> [T] {
        var indices = Array(items.indices)
        var chosen: [Int] = []
        for _ in 0..<min(count, items.count) {
            chosen.append(indices.remove(at: int(0...(indices.count - 1))))
        }
        return chosen.sorted().map { items[$0] }
    }

    /// A version-4 UUID as lowercase text, like the office's own.
    func uuid() -> String {
        var bytes = (0..<16).map { _ in UInt8(truncatingIfNeeded: next()) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }
}
