import Crypto
public import LotseStore

/// Sealed stratified permuted-block randomisation (the Borken design, DOMAIN §9.5).
///
/// Algorithm `sealed-permuted-blocks/splitmix64 v2` (ARCHITECTURE.md, "Randomisation";
/// re-implemented independently in `Tools/check-randomisation.py`):
/// - The seed is 32 bytes from the operating system's CSPRNG, drawn at `randomise setup`, written
///   as 64 lowercase hex digits; the audit row records only its commitment, the SHA-256 of the
///   32 bytes, until `randomise reveal`.
/// - A stratum is the values of the stratification variables in their given order,
///   `sex=w|age_class=50plus|applicant_type=SP` (`all` without strata).
/// - Each stratum's sequence draws from its own SplitMix64 generator, seeded with the first 8
///   bytes (big-endian) of SHA-256("lotse-randomisation-v2|SEEDHEX|SITE|STRATUM").
/// - Block after block: the block size is `sizes[next mod* count]` (a draw even with one size),
///   then a list of `size × a/(a+b)` participant slots followed by `size × b/(a+b)` comparison
///   slots is shuffled by Fisher–Yates from the last index down to 1, `j = next mod* (i + 1)`.
///   (`mod*`: unbiased, by rejecting draws ≥ 2^64 − 2^64 mod bound.)
/// - The sequence is fixed by the setup; each `randomise` run gives a stratum's clients, in
///   client-id order, the next free slots.
public struct Randomiser: Sendable {
    public static let algorithm = "sealed-permuted-blocks/splitmix64 v2"
    /// The variables a stratum may be made of.
    public static let variables = ["sex", "age_class", "applicant_type"]

    /// The seed as 64 hex digits.
    public var seed: String
    public var site: String
    /// Participants : comparison, e.g. 1:1 or 2:1.
    public var ratio: (participants: Int, comparison: Int)
    public var strata: [String]
    /// The block sizes drawn from (each a multiple of a+b).
    public var blocks: [Int]

    /// Checks the parameters.
    /// - Throws: `CasesError.invalidValue` naming the bad parameter.
    public init(seed: String, site: String, ratio: (Int, Int) = (1, 1), strata: [String] = Randomiser.variables,
                blocks: [Int] = [4]) throws {
        guard seed.count == 64, seed.allSatisfy(\.isHexDigit) else {
            throw CasesError.invalidValue("seed", seed, expected: .seedFromSetup)
        }
        try Self.check(ratio: ratio, strata: strata, blocks: blocks)
        self.seed = seed.lowercased()
        self.site = site
        self.ratio = ratio
        self.strata = strata
        self.blocks = blocks
    }

    /// Checks ratio, strata and block sizes. - Throws: `CasesError.invalidValue`.
    public static func check(ratio: (Int, Int), strata: [String], blocks: [Int]) throws {
        guard ratio.0 > 0, ratio.1 > 0, ratio.0 <= 10, ratio.1 <= 10 else {
            throw CasesError.invalidValue("ratio", "\(ratio.0):\(ratio.1)", expected: .ratioParts)
        }
        guard !blocks.isEmpty else { throw CasesError.invalidValue("block", "", expected: .blockSizes) }
        for block in blocks where block <= 0 || block > 100 || block % (ratio.0 + ratio.1) != 0 {
            throw CasesError.invalidValue("block", String(block), expected: .blockMultiple(ratio.0 + ratio.1))
        }
        for variable in strata where !variables.contains(variable) {
            throw CasesError.invalidValue("stratum variable", variable, expected: .oneOf(variables))
        }
        guard Set(strata).count == strata.count else {
            throw CasesError.invalidValue("strata", strata.joined(separator: ","), expected: .eachVariableOnce)
        }
    }

    /// A new seed from the operating system's CSPRNG (`SystemRandomNumberGenerator`: getrandom(2)).
    public static func drawSeed() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }.hex
    }

    /// The commitment of a seed: the SHA-256 of its 32 bytes, as hex.
    public static func commitment(of seed: String) -> String {
        var bytes: [UInt8] = []
        var index = seed.startIndex
        while index < seed.endIndex {
            let next = seed.index(index, offsetBy: 2)
            bytes.append(UInt8(seed[index..<next], radix: 16) ?? 0)
            index = next
        }
        return Array(SHA256.hash(data: bytes)).hex
    }

    /// One client to assign, with the values of every stratum variable.
    public struct Member: Sendable {
        public var clientID: Int
        public var values: [String: String]
        public init(clientID: Int, values: [String: String]) {
            self.clientID = clientID
            self.values = values
        }
    }

    /// One slot of a stratum's sequence.
    public struct Slot: Sendable, Equatable {
        public var group: CaseGroup
        /// The block (1, 2, ...) and the position within it (1, 2, ...).
        public var block: Int
        public var position: Int
    }

    /// The assignment of one client.
    public struct Draw: Sendable, Equatable {
        public var clientID: Int
        public var group: CaseGroup
        public var stratum: String
        /// The slot of the stratum's sequence (1, 2, ...).
        public var slot: Int
        public var block: Int
        public var position: Int
    }

    /// The stratum of a member: `sex=w|age_class=50plus|applicant_type=SP` (or `all` without strata).
    public func stratum(of member: Member) -> String {
        strata.isEmpty ? "all" : strata.map { "\($0)=\(member.values[$0] ?? "")" }.joined(separator: "|")
    }

    /// The first `count` slots of a stratum's sequence.
    public func sequence(stratum: String, count: Int) -> [Slot] {
        var generator = SplitMix64(seed: Self.seedValue("lotse-randomisation-v2|\(seed)|\(site)|\(stratum)"))
        var slots: [Slot] = []
        var blockNumber = 0
        while slots.count < count {
            blockNumber += 1
            let size = blocks[Int(generator.next(below: UInt64(blocks.count)))]
            let unit = size / (ratio.participants + ratio.comparison)
            var block = Array(repeating: CaseGroup.participant, count: unit * ratio.participants)
                + Array(repeating: CaseGroup.comparison, count: unit * ratio.comparison)
            var i = block.count - 1
            while i > 0 {
                block.swapAt(i, Int(generator.next(below: UInt64(i + 1))))
                i -= 1
            }
            slots += block.enumerated().map { Slot(group: $0.element, block: blockNumber, position: $0.offset + 1) }
        }
        return Array(slots.prefix(count))
    }

    /// Assigns every member to the next free slots of its stratum, in client-id order.
    /// - Parameter used: the slots already taken in each stratum.
    public func assign(_ members: [Member], used: [String: Int] = [:]) -> [Draw] {
        var byStratum: [String: [Member]] = [:]
        for member in members { byStratum[stratum(of: member), default: []].append(member) }
        var draws: [Draw] = []
        for key in byStratum.keys.sorted() {
            let sorted = byStratum[key]!.sorted { $0.clientID < $1.clientID }
            let first = used[key] ?? 0
            let slots = sequence(stratum: key, count: first + sorted.count)
            for (index, member) in sorted.enumerated() {
                let slot = slots[first + index]
                draws.append(Draw(clientID: member.clientID, group: slot.group, stratum: key, slot: first + index + 1,
                                  block: slot.block, position: slot.position))
            }
        }
        return draws.sorted { $0.clientID < $1.clientID }
    }

    static func seedValue(_ text: String) -> UInt64 {
        let digest = Array(SHA256.hash(data: Array(text.utf8)))
        return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}

extension [UInt8] {
    /// Lowercase hex.
    var hex: String {
        let digits: [Character] = "0123456789abcdef".map { $0 }
        return String(flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast, fully specified, identical everywhere.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in 0..<bound, without modulo bias.
    mutating func next(below bound: UInt64) -> UInt64 {
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = next()
            if value < limit { return value % bound }
        }
    }
}
