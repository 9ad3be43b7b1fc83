import Foundation
@testable import LotseCases
import LotseEvaluation
import LotseStore
import LotseTestSupport
import Testing

/// What the evaluator's exports write, byte for byte, on the shared demo region (a fixed
/// pseudonym key and reference date): `export cases` (codes; month precision with English
/// labels), `export codebook` and `export syntax` for every package. The expected files are
/// in `Golden/`; any change to a variable shows here. Re-record with `LOTSE_RECORD=1` and
/// review the diff (only intended changes).
@Suite("Export golden files")
struct ExportGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path
    static let asOf = "2026-12-31"

    @Test func theExportsWriteWhatTheyWrote() throws {
        let built = try SharedDemoRegion.shared.get()
        let directory = TemporaryDirectory()
        let path = directory.file("region.db")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let source = try Store(readingOnly: built.path)
        try source.backup(into: path)
        source.close()
        try KeyFile.create(path + ".key", key: Array(0..<32))
        let store = try Store(path: path)
        let office = Office(store: store, definitions: DefinitionSet(directory: TestLotse.repository, store: store))
        let eva = try office.login(name: "eva", password: SharedDemoRegion.password)

        func out(_ name: String) -> OutputTarget { .file(directory.file(name), force: false) }
        _ = try office.exportCases(by: eva, to: out("cases.csv"), asOf: Self.asOf)
        _ = try office.exportCases(by: eva, to: out("cases-month-en.csv"), asOf: Self.asOf, precision: .month, labels: "en")
        _ = try office.exportCodebook(by: eva, to: out("codebook.csv"))
        let syntax: [(StatisticalPackage, String, Bool)] = [
            (.spss, "cases.sps", false), (.stata, "cases.do", true), (.r, "cases.R", true), (.python, "lotse_cases.py", false),
        ]
        for (package, name, english) in syntax {
            _ = try office.exportSyntax(by: eva, for: package, to: out(name), dataFile: "cases.csv", english: english)
        }
        let recording = ProcessInfo.processInfo.environment["LOTSE_RECORD"] != nil
        let names = ["cases.csv", "cases-month-en.csv", "codebook.csv"] + syntax.map(\.1)
        for name in names {
            let actual = try #require(FileManager.default.contents(atPath: directory.file(name)))
            let expectedPath = Self.golden + "/" + name
            if recording {
                try FileManager.default.createDirectory(atPath: Self.golden, withIntermediateDirectories: true)
                try actual.write(to: URL(fileURLWithPath: expectedPath))
                continue
            }
            let expected = FileManager.default.contents(atPath: expectedPath)
            #expect(actual == expected, "\(name) differs from Golden/\(name): run with LOTSE_RECORD=1 to re-record, then review")
        }
    }
}
