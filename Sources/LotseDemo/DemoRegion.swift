import Foundation
import LotseCases

/// A realistic synthetic model project for demonstrations and trials of the evaluation: the
/// three Kreis Borken sites of the Borken model (DOMAIN §1), their staff, eligible clients
/// randomised per site, and every case moved through its workflow with real form submissions,
/// through the real `Office` only, so every audit row, transition and submission is genuine and
/// `audit verify` passes.
///
/// Time is simulated: the office's clock (and `today()` in forms) follows a `DemoClock` from
/// Monday 2025-01-06 to 2026-11-20 at the latest; all steps happen in time order, in office
/// hours on workdays, one transaction per simulated day. The same seed gives the same region
/// (assignments, cases, submissions and their UUIDs, audit times); only the password salts differ.
public enum DemoRegion {
    /// The first day of the simulation (a Monday): staff accounts, then Bocholt's clients.
    static let firstDay = DemoCalendar.day(2025, 1, 6)
    /// The last day anything happens.
    static let lastDay = DemoCalendar.day(2026, 11, 20)
    /// The approval the demo's evaluation rests on where a client gave no consent for it (§ 75 SGB X).
    static let legalBasis = "§ 75 SGB X: Genehmigung des MAGS NRW vom 2024-11-28, Az. II B 2 - 3702 (Demo)"
    /// The sizes the generator is meant for.
    static let clientRange = 3...100_000

    /// Builds a demo region into a new database.
    /// - Parameters:
    ///   - path: the database file to create; refused when it exists.
    ///   - definitions: the folder holding `Forms/` and `Workflows/`.
    ///   - clients: eligible clients over the three sites (Bocholt 60 %, Isselburg and Velen 20 % each).
    ///   - seed: decides everything drawn: clients, randomisation, paths, dates, values.
    ///   - password: every user's password (at least 10 characters, not containing a user name).
    ///   - progress: told what is happening, about once per simulated month; what it throws
    ///     (Ctrl-C) stops the build, and the half-built database is removed.
    /// - Throws: `DemoError`; a half-built database is removed.
    public static func build(at path: String, definitions: String, clients: Int = 2000, seed: UInt64 = 2026,
                             password: String, progress: ((String) throws -> Void)? = nil) throws -> DemoSummary {
        let started = Date()
        guard !FileManager.default.fileExists(atPath: path) else { throw DemoError.databaseExists(path: path) }
        guard clientRange ~= clients else { throw DemoError.invalidClientCount(clients, allowed: clientRange) }
        for user in DemoStaff.users {
            do { try PasswordHasher.check(password, userName: user.name) } catch {
                throw DemoError.weakPassword(user: user.name, reason: error.description)
            }
        }
        do {
            var summary = try DemoBuilder(path: path, definitions: definitions, clients: clients, seed: seed,
                                          password: password, progress: progress).build()
            summary.elapsedSeconds = Date().timeIntervalSince(started)
            try progress?("done in \(String(format: "%.1f", summary.elapsedSeconds)) s")
            return summary
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
    }
}
