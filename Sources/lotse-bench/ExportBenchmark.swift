import Crypto
import Foundation
import LotseStore

/// `lotse-bench --only export --region-db PATH [--db postgresql://APP@…] [--export-runs N] [--export-out FILE]`:
/// `export cases --format csv` of a kept region (SQLite at PATH, or the same region copied to
/// PostgreSQL, read through the URI with PATH's key file, so both give the same pseudonyms),
/// each run in a child process of its own (its peak memory its own), written to a scratch
/// file; the median and every run's seconds, the peak memory and the file's SHA-256 (to
/// compare two versions of Lotse, or the two backends, byte for byte).
/// Each run appends one audit row (`export.cases`) to the store, as the command does.
enum ExportBenchmark {
    static func run(region: String, uri: String?, directory: String, definitions: String, runs: Int, keep: String?,
                    record: (String, String, String) -> Void) throws {
        let out = keep ?? directory + "/cases.csv"
        var times: [Double] = [], peaks: [Double] = [], cpus: [Double] = []
        for _ in 0..<runs {
            let (time, peak) = try RegionBenchmark.child(["--child-export", region, definitions, out] + (uri.map { [$0] } ?? []))
            times.append(time)
            peaks.append(peak)
            cpus.append(RegionBenchmark.lastChildCPU)
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        let sha = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let sorted = times.sorted()
        record("export cases --format csv (\(uri == nil ? "SQLite" : "PostgreSQL"), median of \(runs))",
               String(format: "%.2f s", sorted[sorted.count / 2]),
               "< 3 s; runs " + times.map { String(format: "%.2f", $0) }.joined(separator: " "))
        record("  CPU time of the exporting process (user + system), median",
               String(format: "%.2f s", cpus.sorted()[runs / 2]), "")
        record("  peak memory of the exporting process (max of the runs)", String(format: "%.0f MB", peaks.max() ?? .nan),
               "flat; file \(data.count / 1_000_000) MB")
        record("  file SHA-256", String(sha.prefix(16)), "")

        // `audit verify` of the same store, in this process (which did nothing else before).
        let store: any RecordStore = try uri.flatMap(ConnectionURI.init).map { try PostgreSQLStore(uri: $0) } ?? Store(path: region)
        var verifyTimes: [Double] = [], cpu: [Double] = []
        var verification: AuditVerification?
        for _ in 0..<runs {
            let before = Benchmarks.cpuSeconds()
            verifyTimes.append(try Benchmarks.seconds { verification = try store.audit.verify(expectedHead: nil, progress: nil) })
            cpu.append(Benchmarks.cpuSeconds() - before)
        }
        let median = verifyTimes.sorted()[runs / 2]
        record("audit verify of \(verification?.rowsChecked ?? 0) rows (median of \(runs))", String(format: "%.2f s", median),
               "< 5 s (1.2 M rows); runs " + verifyTimes.map { String(format: "%.2f", $0) }.joined(separator: " ")
                   + ((verification?.isIntact ?? false) ? "" : " NOT INTACT"))
        record("  CPU time (user + system), median", String(format: "%.2f s", cpu.sorted()[runs / 2]), "")
    }
}
