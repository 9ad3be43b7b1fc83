import Foundation
import LotseCases
import LotseDemo
import LotseEvaluation
import LotseStore

/// The region run: a demo region of `clients` clients, then the evaluation's heavy commands on it.
enum RegionBenchmark {
    /// - Parameter keep: a database path: the region is built there and kept, or, when it exists,
    ///   measured as it is (built once by an earlier run, perhaps of an older Lotse).
    /// - Parameter listingsOnly: time only the listing commands (`--only listings`).
    static func run(directory: String, definitions: String, clients: Int, keep: String? = nil, listingsOnly: Bool = false,
                    record: (String, String, String) -> Void) throws {
        let path = keep ?? directory + "/region.db"
        if keep == nil || !FileManager.default.fileExists(atPath: path) {
            var summary: DemoSummary?
            let build = try Benchmarks.seconds {
                summary = try DemoRegion.build(at: path, definitions: definitions, clients: clients, seed: 2026,
                                               password: "bench password 1") { FileHandle.standardError.write(Data("\r\($0)   ".utf8)) }
            }
            FileHandle.standardError.write(Data("\n".utf8))
            guard let summary else { return }
            record("region: \(clients) clients built (demo)", String(format: "%.0f s", build),
                   "\(summary.transitions) transitions, \(summary.submissions) submissions")
        }
        // Opening migrates a kept region of an older Lotse (in the same step as the store opens).
        let opened = Date()
        let store = try Store(path: path)
        record("region opened (migrations included)", String(format: "%.2f s", Date().timeIntervalSince(opened)), "")
        let auditRows = try store.audit.count()
        let submissionRows = try store.database.scalar("SELECT COUNT(*) FROM submissions")?.int ?? 0
        record("  region size", "\(try store.database.scalar("SELECT COUNT(*) FROM cases")?.int ?? 0) cases",
               "\(submissionRows) submissions, \(auditRows) audit rows")
        try ListingBenchmark.run(office: Office(store: store, definitions: DefinitionSet(directory: definitions, store: store),
                                                hasher: PasswordHasher(rounds: 210_000)),
                                 password: "bench password 1", runs: 5, record: record)
        if listingsOnly { return }

        // Export in a child process, so its peak memory is its own.
        let exportFile = directory + "/cases.csv"
        let (exportTime, exportRSS) = try child(["--child-export", path, definitions, exportFile])
        let exportSize = (try? FileManager.default.attributesOfItem(atPath: exportFile)[.size] as? Int) ?? 0
        record("export cases of the region (streamed)", String(format: "%.2f s", exportTime), "< 3 s")
        record("  peak memory of the exporting process", String(format: "%.0f MB", exportRSS),
               "flat (file \(exportSize / 1_000_000) MB)")

        let office = Office(store: store, definitions: DefinitionSet(directory: definitions, store: store),
                            hasher: PasswordHasher(rounds: 210_000))
        let eva = try office.login(name: "eva", password: "bench password 1")
        let report = try Benchmarks.seconds { _ = try EvaluationReport.build(office, by: eva, site: nil, asOf: nil).tables(language: "de") }
        record("report evaluation", String(format: "%.2f s", report), "")
        let sites = try Benchmarks.seconds { _ = try SiteReport.build(office, by: eva, asOf: nil).tables(language: "de") }
        record("report sites", String(format: "%.2f s", sites), "")
        let flow = try Benchmarks.seconds { _ = try FlowReport.build(office, by: eva, site: nil, asOf: nil).table(language: "de") }
        record("report flow", String(format: "%.2f s", flow), "")
        let placements = try Benchmarks.seconds {
            _ = try PlacementReport.build(office, by: eva, byWZ: false, level: 2, site: nil, asOf: nil).table(language: "de")
        }
        record("report placements --by kldb --level 2", String(format: "%.2f s", placements), "")
        var verification: AuditVerification?
        let verify = try Benchmarks.seconds { verification = try store.audit.verify() }
        record("audit verify of \(verification?.rowsChecked ?? 0) rows", String(format: "%.2f s", verify), "< 5 s (1.2 M rows)")

        // One shell command on the region: `case show` of random cases, as a supervisor would.
        // A supervisor, on cases of their own sites.
        let supervisorName = try store.database.scalar("SELECT name FROM users WHERE role = 'supervisor' ORDER BY id LIMIT 1")?
            .string ?? ""
        let supervisor = try office.login(name: supervisorName, password: "bench password 1")
        let caseIDs = try store.database.query("""
            SELECT k.id FROM cases k JOIN clients c ON c.id = k.client_id
            JOIN user_sites us ON us.site_id = c.site_id JOIN users u ON u.id = us.user_id WHERE u.name = ?
            """, [.text(supervisorName)]).compactMap { $0[0].int }
        var times: [Double] = []
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let id = caseIDs.randomElement(using: &generator) ?? 1
            times.append(try Benchmarks.seconds { _ = try office.caseOverview(by: supervisor, id: id, language: "de") } * 1000)
        }
        times.sort()
        record("case show on the region (median of 200)", String(format: "%.2f ms", times[times.count / 2]), "< 20 ms")
    }

    /// Runs this executable again with `arguments`; returns the seconds and the peak memory (MB) it
    /// reported (and, in `lastChildCPU`, the CPU seconds it reported, if it did). The child reads its own peak from /proc (VmHWM of its image after exec):
    /// getrusage would count the parent's memory copied by fork before exec.
    static func child(_ arguments: [String]) throws -> (Double, Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
            process.executableURL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0])
        }
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let words = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        lastChildCPU = words.count > 2 ? words[2] : .nan
        return (words.first ?? .nan, words.count > 1 ? words[1] / 1024 : .nan)
    }

    /// The CPU seconds (user + system) the last `child` reported for its measured work.
    nonisolated(unsafe) static var lastChildCPU = Double.nan

    /// The child's side: export the region's cases and print the seconds it took.
    /// - Parameter uri: the same region on PostgreSQL, read with the key file of the SQLite one at `path`.
    static func childExport(path: String, definitions: String, out: String, uri: String? = nil) throws {
        let store: any RecordStore
        if let uri {
            guard let parsed = ConnectionURI(uri) else { throw StoreError.cannotOpen(path: uri, reason: "not a connection URI") }
            store = try PostgreSQLStore(uri: parsed)
        } else {
            store = try Store(path: path)
        }
        let office = Office(store: store, definitions: DefinitionSet(directory: definitions, store: store),
                            hasher: PasswordHasher(rounds: 210_000), keyFile: path + ".key")
        let eva = try office.login(name: "eva", password: "bench password 1")
        let cpu = Benchmarks.cpuSeconds()
        let time = try Benchmarks.seconds { _ = try office.exportCases(by: eva, to: .file(out, force: true)) }
        print(time, peakResidentKB(), Benchmarks.cpuSeconds() - cpu)
    }

    /// VmHWM of this process image, in kB.
    static func peakResidentKB() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Double(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "") ?? .nan
    }
}
