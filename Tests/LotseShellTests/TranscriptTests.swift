import Foundation
import Testing
import LotseTestSupport

/// Golden transcripts: each `Transcripts/NNN-topic.lotse` runs in a fresh database with a
/// deterministic clock; its output and exit code must equal `NNN-topic.expected`.
/// Set LOTSE_RECORD=1 to write the expected files anew (then review the diff).
@Suite struct TranscriptTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Transcripts")

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".lotse") }.sorted()
    }

    @Test(arguments: scripts)
    func transcript(_ name: String) throws {
        let script = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let lotse = try TestLotse()
        let (output, status) = lotse.run(script, name: name, keepGoing: script.contains("# keep-going"))
        let actual = output + "[exit \(status.rawValue)]\n"
        let expectedURL = Self.directory.appendingPathComponent(name.replacingOccurrences(of: ".lotse", with: ".expected"))
        if ProcessInfo.processInfo.environment["LOTSE_RECORD"] != nil {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name): run with LOTSE_RECORD=1 to re-record, then review")
        // Whatever a transcript did, the audit chain must still verify.
        #expect(try lotse.store.audit.verify().isIntact)
    }
}
