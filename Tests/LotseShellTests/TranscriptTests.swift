import Foundation
import Testing
import LotseShell
import LotseTestSupport

/// Golden transcripts: each `Transcripts/NNN-topic.lotse` runs as a script, each
/// `NNN-topic.session` as an interactive session (its lines typed at the prompts, echoed as a
/// terminal shows them, after an `init --admin root`), in a fresh database with a deterministic
/// clock and the repository's Forms/ and Workflows/ (`$TMP` names the test's temporary folder, holding
/// `password.txt` with the test password and `wrong-password.txt`); output and exit code must equal
/// `NNN-topic.expected`. A script with a `# keep-going` line runs with --keep-going, one with
/// `# single-transaction` as one transaction, one with `# lang en` as `lotse --lang en`, one with
/// `# definitions: DIR` with the Forms/ and Workflows/ of Transcripts/DIR, one with `# no-terminal` without typed passwords (as a
/// real script: one-time passwords); a `# clock +N days` line moves the clock on. Set LOTSE_RECORD=1 to write the expected files anew (then review the diff).
@Suite struct TranscriptTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Transcripts")

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".lotse") || $0.hasSuffix(".session") }.sorted()
    }

    /// Transcripts that read differently on PostgreSQL for a reason, not a fault: there they are
    /// not compared (they still run on SQLite).
    static let sqliteOnly = [
        // A rolled-back row's id is not used again on PostgreSQL (its sequences never go back).
        "021-transactions.lotse",
        // A server has no database file, -wal, -shm or -journal beside it for output to overwrite.
        "090-output-files.lotse", "092-backup.lotse",
    ]

    @Test(arguments: scripts, Backend.all)
    func transcript(_ name: String, backend: Backend) throws {
        let recording = ProcessInfo.processInfo.environment["LOTSE_RECORD"] != nil
        // Transcripts are recorded on SQLite; every backend must give the same.
        if backend != .sqlite && (recording || Self.sqliteOnly.contains(name)) { return }
        // `# definitions: DIR` (below Transcripts/): a folder with its own Forms/ and Workflows/.
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let folder = text.split(separator: "\n").first { $0.hasPrefix("# definitions: ") }
            .map { Self.directory.appendingPathComponent(String($0.dropFirst(15)).trimmingCharacters(in: .whitespaces)).path }
        let language = text.contains("\n# lang en\n") || text.hasPrefix("# lang en\n") ? "en" : "de"
        let lotse = try folder.map { try TestLotse(backend: backend, definitions: $0, language: language) }
            ?? TestLotse(backend: backend, language: language)
        // Password files a transcript may name: the test password and a wrong one.
        try (TestLotse.password + "\n").write(toFile: lotse.directory.file("password.txt"), atomically: false, encoding: .utf8)
        try "wrong password 1\n".write(toFile: lotse.directory.file("wrong-password.txt"), atomically: false, encoding: .utf8)
        // `$TMP` in a transcript is the test's own folder (beside its database), shown as `$TMP`.
        let script = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
            .replacingOccurrences(of: "$TMP", with: lotse.directory.path)
        let (output, status): (String, Shell.ExitCode)
        if name.hasSuffix(".session") {
            try lotse.initialise()
            (output, status) = lotse.runInteractive(script)
        } else {
            (output, status) = lotse.run(script, name: name, keepGoing: script.contains("# keep-going"),
                                         singleTransaction: script.contains("# single-transaction"),
                                         typedPasswords: !script.contains("# no-terminal"))
        }
        var actual = output.replacingOccurrences(of: lotse.directory.path, with: "$TMP") + "[exit \(status.rawValue)]\n"
        // An audit row that records a `$TMP` path (an export's file) hashes differently in every
        // run, and so does every head after it: a script that names `$TMP` shows heads as `SEQ:…`.
        if script.contains(lotse.directory.path) {
            actual = actual.replacingOccurrences(of: #"((?:audit head |Audit-Kopf |"head":")[0-9]+:)[0-9a-f]{64}"#, with: "$1…",
                                                 options: .regularExpression)
        }
        // `# mask-exports`: exports' pseudonyms (keyed with the run's random project key) and
        // file hashes differ in every run.
        if script.contains("# mask-exports") {
            actual = actual.replacingOccurrences(of: #"sha256 [0-9a-f]{64}"#, with: "sha256 …", options: .regularExpression)
                .replacingOccurrences(of: #"\b[0-9a-f]{20}\b"#, with: "PSEUDONYM", options: .regularExpression)
        }
        let base = (name as NSString).deletingPathExtension
        let expectedURL = Self.directory.appendingPathComponent(base + ".expected")
        if recording {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name) on \(backend): run with LOTSE_RECORD=1 to re-record, then review")
        // Whatever a transcript did, the audit chain must still verify.
        #expect(try lotse.store.audit.verify().isIntact)
    }
}
