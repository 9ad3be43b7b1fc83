import Crypto

/// Stratified permuted-block randomisation (the Borken design, DOMAIN §9.5), deterministic:
/// the same pool, seed and parameters always give the same assignment.
///
/// Algorithm `permuted-blocks/splitmix64 v1`: clients are grouped into strata by the chosen
/// variables and ordered by client id within each stratum. Each stratum draws from its own
/// SplitMix64 generator, seeded with the first 8 bytes (big-endian) of
/// SHA-256("lotse-randomisation-v1|SEED|SITE|STRATUM"). Block after block, a list of
/// `block × a/(a+b)` participant and `block × b/(a+b)` comparison slots is shuffled by
/// Fisher–Yates (unbiased draws by rejection) and handed out in order; the last block may be
/// partly used.
public struct Randomiser: Sendable {
    public static let algorithm = "permuted-blocks/splitmix64 v1"
    /// The variables a stratum may be made of.
    public static let variables = ["sex", "age_class", "applicant_type"]

    public var seed: String
    public var site: String
    /// Participants : comparison, e.g. 1:1 or 2:1.
    public var ratio: (participants: Int, comparison: Int)
    public var strata: [String]
    public var block: Int

    /// Checks the parameters.
    /// - Throws: `CasesError.invalidValue` naming the bad parameter.
    public init(seed: String, site: String, ratio: (Int, Int) = (1, 1), strata: [String] = Randomiser.variables,
                block: Int = 4) throws {
        guard !seed.isEmpty else { throw CasesError.invalidValue("seed", seed, expected: ["a number or word"]) }
        guard ratio.0 > 0, ratio.1 > 0 else {
            throw CasesError.invalidValue("ratio", "\(ratio.0):\(ratio.1)", expected: ["positive parts like 1:1 or 2:1"])
        }
        guard block > 0, block % (ratio.0 + ratio.1) == 0 else {
            throw CasesError.invalidValue("block", String(block), expected: ["a multiple of \(ratio.0 + ratio.1)"])
        }
        for variable in strata where !Self.variables.contains(variable) {
            throw CasesError.invalidValue("stratum variable", variable, expected: Self.variables)
        }
        self.seed = seed
        self.site = site
        self.ratio = ratio
        self.strata = strata
        self.block = block
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

    /// The assignment of one client.
    public struct Draw: Sendable, Equatable {
        public var clientID: Int
        public var group: String
        public var stratum: String
        public var block: Int
        public var position: Int
    }

    /// The stratum of a member: `sex=w|age_class=50plus|applicant_type=SP` (or `all` without strata).
    public func stratum(of member: Member) -> String {
        strata.isEmpty ? "all" : strata.map { "\($0)=\(member.values[$0] ?? "")" }.joined(separator: "|")
    }

    /// Assigns every member, stratum by stratum.
    public func assign(_ members: [Member]) -> [Draw] {
        var byStratum: [String: [Member]] = [:]
        for member in members { byStratum[stratum(of: member), default: []].append(member) }
        var draws: [Draw] = []
        for key in byStratum.keys.sorted() {
            var generator = SplitMix64(seed: Self.seedValue("lotse-randomisation-v1|\(seed)|\(site)|\(key)"))
            let sorted = byStratum[key]!.sorted { $0.clientID < $1.clientID }
            var slots: [String] = []
            for (index, member) in sorted.enumerated() {
                if index % block == 0 { slots = shuffledBlock(&generator) }
                draws.append(Draw(clientID: member.clientID, group: slots[index % block], stratum: key,
                                  block: index / block + 1, position: index % block + 1))
            }
        }
        return draws.sorted { $0.clientID < $1.clientID }
    }

    private func shuffledBlock(_ generator: inout SplitMix64) -> [String] {
        let unit = block / (ratio.participants + ratio.comparison)
        var slots = Array(repeating: "participant", count: unit * ratio.participants)
            + Array(repeating: "comparison", count: unit * ratio.comparison)
        var i = slots.count - 1
        while i > 0 {
            let j = Int(generator.next(below: UInt64(i + 1)))
            slots.swapAt(i, j)
            i -= 1
        }
        return slots
    }

    static func seedValue(_ text: String) -> UInt64 {
        let digest = Array(SHA256.hash(data: Array(text.utf8)))
        return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
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
