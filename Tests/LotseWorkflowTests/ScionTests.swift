import Foundation
import LotseWorkflow
import Testing

/// The SCION scxml-test-framework cases inside Lotse's SCXML subset (one active leaf, no
/// datamodel, no executable content but <log>): every case Lotse loads must reach each expected
/// configuration. Runs the done.state cases in Fixtures/scion-done always, and the framework's
/// own test/ folder when LOTSE_SCION_TESTS names it (git clone jbeard4/scxml-test-framework).
@Suite struct ScionTests {
    struct Expectation: Decodable {
        struct Step: Decodable {
            struct Event: Decodable { var name: String }
            var event: Event
            var nextConfiguration: [String]
        }
        var initialConfiguration: [String]
        var events: [Step]
    }

    static var folders: [String] {
        var folders = [Paths.fixture("scion-done")]
        if let root = ProcessInfo.processInfo.environment["LOTSE_SCION_TESTS"] {
            folders += ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted().map { root + "/" + $0 }
        }
        return folders
    }

    @Test func casesInTheSubsetPass() throws {
        var loaded = 0, passed = 0, refused: [String] = [], names: [String] = []
        var failures: [String] = []
        for folder in Self.folders {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".scxml") }
            for file in files.sorted() {
                let base = folder + "/" + String(file.dropLast(6))
                guard let json = FileManager.default.contents(atPath: base + ".json"),
                      let expectation = try? JSONDecoder().decode(Expectation.self, from: json) else { continue }
                // Lotse's case rules (a top-level <final>, every state reachable, roles) are not
                // SCXML's: only errors of the SCXML subset put a case outside it.
                // Most cases declare datamodel="ecmascript" without using it; Lotse's is xpath. A
                // case that does use script then fails on its cond or <script>, outside the subset.
                let text = String(decoding: FileManager.default.contents(atPath: base + ".scxml") ?? Data(), as: UTF8.self)
                let bytes = Array(text.replacingOccurrences(of: "datamodel=\"ecmascript\"", with: "").utf8)
                var reader = TestShapes.reader
                reader.caseRules = false
                guard let definition = reader.diagnose(bytes: bytes, name: file).definition else {
                    refused.append(URL(fileURLWithPath: base).lastPathComponent)
                    continue
                }
                loaded += 1
                let interpreter = WorkflowInterpreter(definition: definition)
                var configuration = interpreter.start()
                var ok = [configuration.state] == expectation.initialConfiguration
                for step in expectation.events where ok {
                    if let move = interpreter.fire(event: step.event.name, configuration: configuration,
                                                   context: context(forms: [])).move {
                        configuration = move.configuration
                    }
                    ok = [configuration.state] == step.nextConfiguration
                }
                names.append(URL(fileURLWithPath: folder).lastPathComponent + "/" + URL(fileURLWithPath: base).lastPathComponent)
                if ok { passed += 1 } else { failures.append("\(base): ended in \(configuration.state)") }
            }
        }
        print("SCION subset: \(loaded) cases load, \(passed) pass; \(refused.count) outside the subset: "
            + names.joined(separator: " "))
        #expect(failures.isEmpty, "\(failures)")
        #expect(loaded >= 3)
    }
}
