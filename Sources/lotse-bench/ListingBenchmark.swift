import Foundation
import LotseCases
import LotseStore

/// Every listing command of the shell, timed on a region through the same `Office` calls the
/// commands make (the rows a listing prints; drawing the table is the shell's and not timed).
/// Backend-neutral: it reads through `Office` only, so any `RecordStore` the office holds is timed
/// the same way.
enum ListingBenchmark {
    /// Times each listing `runs` times and records the median.
    /// - Parameters:
    ///   - password: the region's users' password (`lotse demo` gives every user the same one).
    static func run(office: Office, password: String, runs: Int, record: (String, String, String) -> Void) throws {
        let supervisor = try office.login(name: "petra.bocholt", password: password)
        let caseworker = try office.login(name: "anna.bocholt", password: password)
        let admin = try office.login(name: "root", password: password)
        // The first listing on a store upgraded from schema 7 computes every open case's due dates once.
        var someCase: [(record: CaseRecord, due: DueDate?)] = []
        let first = try Benchmarks.seconds {
            someCase = try office.cases(by: supervisor, state: nil, site: "bocholt", mine: false, overdue: false)
        }
        record("first case list (on an upgraded store: every open case's due dates computed once)",
               String(format: "%.2f s", first), "once")
        let caseID = someCase.isEmpty ? 1 : someCase[someCase.count / 2].record.id
        let clientID = someCase.isEmpty ? 1 : someCase[someCase.count / 2].record.clientID
        var rows = 0
        func time(_ what: String, _ body: () throws -> Int) throws {
            var times: [Double] = []
            for _ in 0..<runs { times.append(try Benchmarks.seconds { rows = try body() } * 1000) }
            times.sort()
            record("\(what) (median of \(runs), \(rows) rows)", String(format: "%.2f ms", times[times.count / 2]),
                   "< 20 ms")
        }
        try time("case list --overdue (supervisor)") {
            try office.cases(by: supervisor, state: nil, site: nil, mine: false, overdue: true).count
        }
        try time("case list --mine --overdue (caseworker)") {
            try office.cases(by: caseworker, state: nil, site: nil, mine: true, overdue: true).count
        }
        try time("case list --state integration_steps (supervisor)") {
            try office.cases(by: supervisor, state: "integration_steps", site: nil, mine: false, overdue: false).count
        }
        try time("case list --mine (caseworker)") {
            try office.cases(by: caseworker, state: nil, site: nil, mine: true, overdue: false).count
        }
        try time("case list (supervisor, every case of the site)") {
            try office.cases(by: supervisor, state: nil, site: nil, mine: false, overdue: false).count
        }
        try time("case list --site bocholt (supervisor)") {
            try office.cases(by: supervisor, state: nil, site: "bocholt", mine: false, overdue: false).count
        }
        try time("client show (its cases)") {
            _ = try office.client(by: supervisor, id: clientID)
            return try office.cases(by: supervisor, state: nil, site: nil, mine: false, overdue: false, client: clientID).count
        }
        try time("client list --site bocholt (supervisor)") { try office.clients(by: supervisor, site: "bocholt").count }
        try time("client list (supervisor)") { try office.clients(by: supervisor, site: nil).count }
        try time("user list (admin)") { try office.users(by: admin).count }
        try time("site list (admin)") { try office.sites(by: admin).count }
        try time("audit --case N (supervisor)") {
            var n = 0
            try office.auditEntries(by: supervisor, filter: AuditFilter(caseID: caseID)) { _ in n += 1 }
            return n
        }
        try time("audit --action case.assign --last 50 (supervisor)") {
            var n = 0
            try office.auditEntries(by: supervisor, filter: AuditFilter(action: "case.assign", last: 50)) { _ in n += 1 }
            return n
        }
        try time("audit --actor anna.bocholt --last 50 (supervisor)") {
            var n = 0
            try office.auditEntries(by: supervisor, filter: AuditFilter(actor: "anna.bocholt", last: 50)) { _ in n += 1 }
            return n
        }
    }
}
