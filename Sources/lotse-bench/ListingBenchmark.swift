import Foundation
import LotseCases
import LotseShell
import LotseStore

/// Every listing command of the shell, timed on a region as a person at a terminal meets it:
/// the command line runs through `Shell` (the same `Office` checks, the streamed table) into a
/// sink, timed to the first screen (the header and first 50 rows written) and to the end.
/// Backend-neutral: any `RecordStore` the office holds is timed the same way.
enum ListingBenchmark {
    /// Lines of the first screen: heading, rule and 50 rows.
    static let screenLines = 52

    /// Standard output thrown away, noting when the first screen was complete.
    final class Sink: Console {
        var started = Date()
        var firstScreen: Double?
        var lines = 0
        var bytes = 0
        var errors = ""

        func reset() {
            started = Date()
            firstScreen = nil
            lines = 0
            bytes = 0
            errors = ""
        }

        func out(_ text: String) {
            bytes += text.utf8.count
            lines += text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            if firstScreen == nil, lines >= ListingBenchmark.screenLines { firstScreen = Date().timeIntervalSince(started) }
        }

        func err(_ text: String) { errors += text }
        func progress(_ text: String) {}
    }

    /// Times each listing `runs` times and records the medians.
    /// - Parameters:
    ///   - password: the region's users' password (`lotse demo` gives every user the same one).
    static func run(office: Office, password: String, runs: Int, record: (String, String, String) -> Void) throws {
        let sink = Sink()
        func shell(_ user: String) throws -> Shell {
            let shell = Shell(office: office, console: sink, interactive: false, environment: ["LOTSE_PASSWORD": password],
                              language: "de")
            try shell.run(line: "login \(user)")
            return shell
        }
        let supervisor = try shell("petra.bocholt")
        let caseworker = try shell("anna.bocholt")
        let admin = try shell("root")
        // The first listing on a store upgraded from schema 7 computes every open case's due dates once.
        let first = try Benchmarks.seconds { try supervisor.run(line: "case list --site bocholt --format csv") }
        record("first case list (on an upgraded store: every open case's due dates computed once)",
               String(format: "%.2f s", first), "once")
        let actor = try office.login(name: "petra.bocholt", password: password)
        // A case and client to show: from the first thousand rows (the bench holds no listing whole).
        struct Enough: Error {}
        var some: [CaseRecord] = []
        do {
            try office.listCases(by: actor, state: nil, site: "bocholt", mine: false, overdue: false) { record, _ in
                some.append(record)
                if some.count == 1_000 { throw Enough() }
            }
        } catch is Enough {}
        let caseID = some.isEmpty ? 1 : some[some.count / 2].id
        let clientID = some.isEmpty ? 1 : some[some.count / 2].clientID
        func time(_ shell: Shell, _ line: String, _ who: String) throws {
            var screens: [Double] = []
            var ends: [Double] = []
            for _ in 0..<runs {
                sink.reset()
                try shell.run(line: line)
                let end = Date().timeIntervalSince(sink.started)
                guard sink.errors.isEmpty else { throw BenchFailure(line: line, message: sink.errors) }
                ends.append(end * 1000)
                screens.append((sink.firstScreen ?? end) * 1000)
            }
            screens.sort()
            ends.sort()
            let rows = max(0, sink.lines - 2)
            record("\(line) (\(who), median of \(runs), \(rows) rows)",
                   String(format: "%.2f ms first screen, %.1f ms end", screens[runs / 2], ends[runs / 2]), "< 20 ms first screen")
        }
        try time(supervisor, "case list --overdue", "supervisor")
        try time(caseworker, "case list --mine --overdue", "caseworker")
        try time(supervisor, "case list --state integration_steps", "supervisor")
        try time(caseworker, "case list --mine", "caseworker")
        try time(supervisor, "case list", "supervisor, every case of the site")
        try time(supervisor, "case list --site bocholt", "supervisor")
        try time(supervisor, "case list --site bocholt --format csv", "supervisor")
        try time(supervisor, "case list --site bocholt --format json", "supervisor")
        try time(supervisor, "client show \(clientID)", "supervisor")
        try time(supervisor, "client list --site bocholt", "supervisor")
        try time(supervisor, "client list", "supervisor")
        try time(admin, "user list", "admin")
        try time(admin, "site list", "admin")
        try time(supervisor, "audit --case \(caseID)", "supervisor")
        try time(supervisor, "audit --action case.assign --last 50", "supervisor")
        try time(supervisor, "audit --user anna.bocholt --last 50", "supervisor")
        try time(supervisor, "audit --action case.assign", "supervisor")
        record("peak memory after the listings (max RSS; 36,000-row listings streamed)",
               String(format: "%.0f MB", Benchmarks.peakMemoryMB()), "flat")
    }

    struct BenchFailure: Error, CustomStringConvertible {
        var line: String
        var message: String
        var description: String { "\(line): \(message)" }
    }
}
