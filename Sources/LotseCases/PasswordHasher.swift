import Crypto
import _CryptoExtras
import LotseStore

/// Salted, slow password hashing: PBKDF2-HMAC-SHA256.
///
/// Stored form: `pbkdf2-sha256$ROUNDS$SALT_HEX$HASH_HEX` (16-byte random salt, 32-byte key),
/// so the round count can be raised later without invalidating old hashes.
public struct PasswordHasher: Sendable {
    /// Rounds for new hashes. The default follows OWASP's 600,000 for PBKDF2-HMAC-SHA256;
    /// fewer than 210,000 is refused.
    public let rounds: Int

    /// A fixed salt instead of a random one: only for reproducible tests.
    let fixedSalt: [UInt8]?

    /// The hasher with `rounds` for new hashes (at least 210,000) and random 16-byte salts.
    public init(rounds: Int = 600_000) {
        precondition(rounds >= 210_000, "PBKDF2 needs at least 210,000 rounds")
        self.rounds = rounds
        self.fixedSalt = nil
    }

    /// A hasher with one salt for every hash (tests: the audit log, which records the users'
    /// stored hashes, is then the same on every run). Never for real accounts.
    public init(rounds: Int, testingSalt: [UInt8]) {
        precondition(rounds >= 210_000, "PBKDF2 needs at least 210,000 rounds")
        self.rounds = rounds
        self.fixedSalt = testingSalt
    }

    /// The shortest password accepted.
    public static let minimumLength = 10

    /// Checks a new password against the rules.
    /// - Throws: `CasesError.weakPassword` with the reason.
    public static func check(_ password: String, userName: String) throws(CasesError) {
        if password.count < minimumLength {
            throw .weakPassword(.passwordTooShort(minimumLength))
        }
        if password.lowercased().contains(userName.lowercased()) {
            throw .weakPassword(.passwordContainsName)
        }
    }

    /// A new salted hash of `password` in the stored form.
    public func hash(_ password: String) -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255, using: &generator) }
        if let fixedSalt { salt = fixedSalt }
        return "pbkdf2-sha256$\(rounds)$\(Hex.encode(salt))$\(Hex.encode(Self.derive(password, salt: salt, rounds: rounds)))"
    }

    /// A well-formed hash with this hasher's rounds and a random salt whose key is all zero
    /// bytes (no password derives it): verifying against it costs as much as a real one.
    public func unmatchableHash() -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "pbkdf2-sha256$\(rounds)$\(Hex.encode(salt))$\(Hex.encode([UInt8](repeating: 0, count: 32)))"
    }

    /// Whether `password` matches a stored hash (constant-time comparison).
    public func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$")
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]), rounds >= 210_000,
              let salt = Hex.decode(String(parts[2])), let expected = Hex.decode(String(parts[3])) else { return false }
        let actual = Self.derive(password, salt: salt, rounds: rounds)
        guard actual.count == expected.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(actual, expected) { difference |= a ^ b }
        return difference == 0
    }

    private static func derive(_ password: String, salt: [UInt8], rounds: Int) -> [UInt8] {
        // Only fails for rounds below the minimum, which `init` and `verify` exclude.
        let key = try! KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256,
                                                     outputByteCount: 32, rounds: rounds)
        return key.withUnsafeBytes { Array($0) }
    }
}

/// Generated one-time passwords: 16 letters and digits without look-alikes (0/O, 1/l/I),
/// in four groups, about 82 bits.
public enum OneTimePassword {
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// A new random one-time password, `xxxx-xxxx-xxxx-xxxx`.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: 16, by: 4).map { String(letters[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
