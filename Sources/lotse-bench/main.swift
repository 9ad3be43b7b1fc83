// lotse-bench: measures Lotse against the budgets of DESIGN §9 and prints one table.
// Run by hand, in release mode: swift run -c release lotse-bench [--quick]
// Never part of the test suite; figures drift with the machine, ratios less so.
import Foundation
import LotseCases
import LotseStore

if let at = CommandLine.arguments.firstIndex(of: "--child-export") {
    let a = CommandLine.arguments
    try RegionBenchmark.childExport(path: a[at + 1], definitions: a[at + 2], out: a[at + 3], uri: a.count > at + 4 ? a[at + 4] : nil)
    exit(0)
}
let quick = CommandLine.arguments.contains("--quick")
/// `--only export --region-db PATH [--db postgresql://APP@…] [--export-runs N] [--export-out FILE]`: `export cases` of a kept region (`ExportBenchmark`);
/// `--only batch|submissions|durable|startup|region|listings|verify|postgresql` (`--db postgresql://OWNER@…`: the write paths on PostgreSQL, each in a schema of its own, dropped after) (`--verify-cases N`, default 60,000; `--verify-db PATH` keeps the store there, or verifies it if it exists) runs one measurement (for profiling);
/// `--region-clients N` sizes the region run (default 60,000; 2,000 with --quick); `--region-db PATH` keeps the
/// region there, or measures it if it exists; `--only listings` times only the listing commands on it.
let only = CommandLine.arguments.firstIndex(of: "--only").map { CommandLine.arguments[$0 + 1] }
func wanted(_ name: String) -> Bool { only == nil || only == name }
let scratch = NSTemporaryDirectory() + "lotse-bench-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }
let definitions = FileManager.default.currentDirectoryPath

nonisolated(unsafe) var rows: [(String, String, String)] = []
func record(_ what: String, _ value: String, _ budget: String) {
    rows.append((what, value, budget))
    FileHandle.standardError.write(Data("  \(what): \(value)\n".utf8))
}

if wanted("startup") {
    let startup = try Benchmarks.startUp(definitions: definitions, runs: quick ? 5 : 20)
    record("start-up: all definitions loaded and checked (median)", String(format: "%.1f ms", startup.medianMS),
           "< 100 ms")
    record("  forms / workflows / diagnostics", "\(startup.forms) / \(startup.workflows) / \(startup.diagnostics)",
           "0 diagnostics")
}
if wanted("durable") {
    let durable = try Benchmarks.durableFires(directory: scratch, definitions: definitions, count: quick ? 300 : 2_000)
    let raw = try Benchmarks.rawAuditInserts(directory: scratch, count: quick ? 300 : 2_000)
    record("durable fire through LotseCases (own transaction each)", String(format: "%.0f /s", durable), "")
    record("raw SQLite: same audit rows, same durability", String(format: "%.0f /s", raw), "")
    record("  ratio raw / Lotse", String(format: "%.2f×", raw / durable), "≤ 2×")
}
if wanted("batch") {
    let batch = try Benchmarks.batchTransitions(directory: scratch, definitions: definitions,
                                                cases: quick ? 200 : 2_000, perCase: 12)
    record("batch transitions (one transaction per case, 12 each)", String(format: "%.0f /s", batch), "≥ 20,000 /s")
}
if wanted("submissions") {
    let submissions = try Benchmarks.batchSubmissions(directory: scratch, definitions: definitions,
                                                      count: quick ? 500 : 5_000, corrections: false)
    record("form submissions validated and stored (batch)", String(format: "%.0f /s", submissions), "≥ 5,000 /s")
    let corrections = try Benchmarks.batchSubmissions(directory: scratch, definitions: definitions,
                                                      count: quick ? 500 : 5_000, corrections: true)
    record("  corrections (previous values read back first)", String(format: "%.0f /s", corrections), "")
}

if wanted("verify") {
    let cases = CommandLine.arguments.firstIndex(of: "--verify-cases").flatMap { Int(CommandLine.arguments[$0 + 1]) }
        ?? (quick ? 2_000 : 60_000)
    let keep = CommandLine.arguments.firstIndex(of: "--verify-db").map { CommandLine.arguments[$0 + 1] }
    let v = try Benchmarks.auditVerify(directory: scratch, definitions: definitions, cases: cases, keep: keep)
    record("audit verify, chain and data: \(v.rows) audit rows, \(v.dataRows) data rows",
           String(format: "%.2f s", v.verify), "< 5 s (1.2 M rows)" + (v.intact ? "" : " NOT INTACT"))
    record("  of which CPU time (user + system)", String(format: "%.2f s", Benchmarks.lastVerifyCPU), "")
    record("  store built through Office (\(cases) cases)", String(format: "%.0f s", v.build), "")
}
if let uri = CommandLine.arguments.firstIndex(of: "--db").flatMap({ ConnectionURI(CommandLine.arguments[$0 + 1]) }),
   wanted("postgresql") {
    try PostgreSQLBenchmark.run(owner: uri, directory: scratch, definitions: definitions, quick: quick, record: record)
} else if only == "postgresql" {
    FileHandle.standardError.write(Data("lotse-bench: --only postgresql needs --db postgresql://OWNER@HOST/DB\n".utf8))
    exit(2)
}
if only == "copy" {
    // `--only copy --db postgresql://OWNER@… --copy-db PATH`: lotse copy of the store at PATH.
    guard let uri = CommandLine.arguments.firstIndex(of: "--db").flatMap({ ConnectionURI(CommandLine.arguments[$0 + 1]) }),
          let source = CommandLine.arguments.firstIndex(of: "--copy-db").map({ CommandLine.arguments[$0 + 1] }) else {
        FileHandle.standardError.write(Data("lotse-bench: --only copy needs --db postgresql://OWNER@HOST/DB --copy-db PATH\n".utf8))
        exit(2)
    }
    try CopyBenchmark.run(owner: uri, source: source, record: record)
}
if only == "export" {
    guard let region = CommandLine.arguments.firstIndex(of: "--region-db").map({ CommandLine.arguments[$0 + 1] }) else {
        FileHandle.standardError.write(Data("lotse-bench: --only export needs --region-db PATH (a kept region)\n".utf8))
        exit(2)
    }
    let argument = { (name: String) in CommandLine.arguments.firstIndex(of: name).map { CommandLine.arguments[$0 + 1] } }
    try ExportBenchmark.run(region: region, uri: argument("--db"), directory: scratch, definitions: definitions,
                            runs: argument("--export-runs").flatMap(Int.init) ?? 5, keep: argument("--export-out"),
                            record: record)
}
record("peak memory (max RSS)", String(format: "%.0f MB", Benchmarks.peakMemoryMB()), "")
if only == "listings", let uri = CommandLine.arguments.firstIndex(of: "--db").flatMap({ ConnectionURI(CommandLine.arguments[$0 + 1]) }) {
    // `--only listings --db postgresql://APP@…`: the listings on a region copied to PostgreSQL
    // (`lotse copy`); logins write their audit rows there.
    let store = try PostgreSQLStore(uri: uri)
    try ListingBenchmark.run(office: Office(store: store, definitions: DefinitionSet(directory: definitions, store: store),
                                            hasher: PasswordHasher(rounds: 210_000)),
                             password: "bench password 1", runs: 7, record: record)
} else if wanted("region") || wanted("listings") {
    let clients = CommandLine.arguments.firstIndex(of: "--region-clients").flatMap { Int(CommandLine.arguments[$0 + 1]) }
        ?? (quick ? 2_000 : 60_000)
    let keep = CommandLine.arguments.firstIndex(of: "--region-db").map { CommandLine.arguments[$0 + 1] }
    try RegionBenchmark.run(directory: scratch, definitions: definitions, clients: clients, keep: keep,
                            listingsOnly: only == "listings", record: record)
}

let width = rows.map(\.0.count).max() ?? 0
let valueWidth = rows.map(\.1.count).max() ?? 0
print("lotse-bench (\(quick ? "quick" : "full") run, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
print("measure".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + "value".padding(toLength: valueWidth,
      withPad: " ", startingAt: 0) + "  budget")
for (what, value, budget) in rows {
    print(what.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
          + value.padding(toLength: valueWidth, withPad: " ", startingAt: 0) + "  " + budget)
}
