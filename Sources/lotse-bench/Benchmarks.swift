import Crypto
import Foundation
@_spi(Office) import LotseCases
import LotseStore
import LotseXPath

/// The measurements of `lotse-bench`.
enum Benchmarks {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Loading and checking every form and workflow, as the shell does at its first command.
    static func startUp(definitions: String, runs: Int) throws -> (medianMS: Double, forms: Int, workflows: Int,
                                                                  diagnostics: Int) {
        var times: [Double] = []
        var set = DefinitionSet(directory: definitions)
        for _ in 0..<runs {
            times.append(try seconds { set = DefinitionSet(directory: definitions) } * 1000)
        }
        times.sort()
        return (times[times.count / 2], set.forms.forms.count, set.workflows.count, set.diagnostics.count)
    }

    /// A store with a site, a caseworker and `cases` AmigA cases in `profiling` (referral and
    /// consent submitted), for firing `suspend` / `resume` over and over.
    static func prepared(directory: String, name: String, definitions: String, cases: Int) throws
        -> (Office, Actor, [Int]) {
        try prepared(store: try Store(path: directory + "/" + name + ".db"), definitions: definitions, cases: cases)
    }

    /// The same on any store (a new, empty one: SQLite or a PostgreSQL schema).
    static func prepared(store: any RecordStore, definitions: String, cases: Int) throws -> (Office, Actor, [Int]) {
        let office = Office(store: store, definitions: DefinitionSet(directory: definitions, store: store),
                            hasher: PasswordHasher(rounds: 210_000))
        let root = try office.initialise(adminName: "root", password: "bench password")
        try office.addSite(by: root, code: "s", name: "Site")
        try office.addUser(by: root, name: "carla", role: .caseworker, sites: ["s"], password: "bench password")
        let carla = try office.login(name: "carla", password: "bench password")
        var ids: [Int] = []
        try store.transaction {
            for i in 0..<cases {
                let client = try office.addClient(by: carla, site: "s", sex: ["m", "w"][i % 2], birthYear: 1960 + i % 40,
                                                  applicantType: "SP", firstName: nil, lastName: nil)
                let id = try office.openCase(by: carla, clientID: client)
                try office.submit(by: carla, caseID: id, formID: "referral", values: referral)
                try office.fire(by: carla, caseID: id, event: "request_consent")
                try office.submit(by: carla, caseID: id, formID: "consent", values: consent)
                try office.fire(by: carla, caseID: id, event: "consent_given")
                ids.append(id)
            }
        }
        return (office, carla, ids)
    }

    static let referral: [(key: String, value: String)] = [
        ("date", "2026-11-02"), ("referring_unit", "Team 3"), ("reason", "health limits"), ("sgb2_since", "2019-04-01"),
        ("lzb", "yes"), ("sex", "w"), ("age_class", "50plus"), ("applicant_type", "SP"),
    ]
    static let consent: [(key: String, value: String)] = [
        ("given", "yes"), ("purposes", "team_diagnostics evaluation"), ("recipients", "ÄD"), ("date", "2026-11-03"),
        ("form", "paper"),
    ]

    /// `fire` commands per second, each its own durable transaction (suspend, resume, ...).
    static func durableFires(directory: String, definitions: String, count: Int) throws -> Double {
        let (office, carla, ids) = try prepared(directory: directory, name: "durable", definitions: definitions, cases: 1)
        let time = try seconds {
            for i in 0..<count {
                try office.fire(by: carla, caseID: ids[0], event: i % 2 == 0 ? "suspend" : "resume")
            }
        }
        return Double(count) / time
    }

    /// The same audit rows inserted by plain SQLite, one durable transaction each: the chain
    /// hash computed, the previous row read, the row inserted, plus the case row updated.
    static func rawAuditInserts(directory: String, count: Int) throws -> Double {
        let database = try Database(path: directory + "/raw.db")
        try database.execute("""
            CREATE TABLE audit (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT,
              action TEXT NOT NULL, case_id INTEGER, event TEXT, from_state TEXT, to_state TEXT, detail TEXT,
              prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
            CREATE TABLE cases (id INTEGER PRIMARY KEY, state TEXT, version INTEGER);
            INSERT INTO cases VALUES (1, 'profiling', 1);
            """)
        let detail = #"{"transition":"active -> suspended","cond":null,"values":{},"workflow":"amiga 2026.1","sha256":"cf9b61d41145d8e98254fe17b8cda04644d044193a73b5b99ef1feaec6bb2b78","note":null}"#
        var previous = String(repeating: "0", count: 64)
        return Double(count) / (try seconds {
            for i in 0..<count {
                try database.transaction {
                    let last = try database.query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").first
                    previous = last?[1].string ?? previous
                    let draft = AuditDraft(at: Timestamp.string(Date()), actor: "carla", role: "caseworker",
                                           action: "transition", caseID: 1, event: "suspend", fromState: "profiling",
                                           toState: "suspended", detail: detail)
                    let hash = AuditEncoding.hash(prevHash: previous, seq: i + 1, draft)!
                    try database.run("UPDATE cases SET state = ?, version = version + 1 WHERE id = 1 AND version = ?",
                                     [.text(i % 2 == 0 ? "suspended" : "profiling"), .int(i + 1)])
                    try database.run("""
                        INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, [.int(i + 1), .text(draft.at), .text("carla"), .text("caseworker"), .text("transition"),
                              .int(1), .text("suspend"), .text("profiling"), .text("suspended"), .text(detail),
                              .text(previous), .text(hash)])
                }
            }
        })
    }

    /// Transitions per second when each case's transitions are one transaction.
    static func batchTransitions(directory: String, definitions: String, cases: Int, perCase: Int) throws -> Double {
        let (office, carla, ids) = try prepared(directory: directory, name: "batch", definitions: definitions, cases: cases)
        let time = try seconds {
            for id in ids {
                try office.inOneTransaction {
                    for i in 0..<perCase {
                        try office.fire(by: carla, caseID: id, event: i % 2 == 0 ? "suspend" : "resume")
                    }
                }
            }
        }
        return Double(cases * perCase) / time
    }

    /// Submissions per second in one transaction: validated completely, then stored with their
    /// audit rows. `corrections`: each submission corrects the case's previous one (read back
    /// first); otherwise every case gets its first profiling.
    static func batchSubmissions(directory: String, definitions: String, count: Int, corrections: Bool) throws -> Double {
        let (office, carla, ids) = try prepared(directory: directory, name: corrections ? "corrections" : "submissions",
                                                definitions: definitions, cases: corrections ? max(1, count / 50) : count)
        let time = try seconds {
            try office.inOneTransaction {
                for i in 0..<count {
                    try office.submit(by: carla, caseID: ids[i % ids.count], formID: "profiling", values: [
                        ("date", "2026-11-05"), ("strengths", "reliable"), ("school", "haupt"), ("vocational", "none"),
                        ("german_level", "native"), ("qualification_need", "present"), ("physical", "strong"),
                        ("mental", "present"), ("addiction", "none"), ("performance_need", "strong"),
                        ("motivation_need", "none"), ("care", "none"), ("housing", "none"), ("debts", "present"),
                        ("mobility", "present"), ("driving_licence", "no"), ("circumstances_need", "present"),
                        ("target_occupation", "54101"),
                    ])
                }
            }
        }
        return Double(count) / time
    }

    /// `audit verify` (chain and data) on a store built through `Office` at DESIGN §9's scale:
    /// `cases` cases, each opened, with 12 transitions and 7 submissions (about 20 audit rows
    /// a case; 60,000 cases give 1.2 million rows). - Returns: rows, data rows, build and verify seconds.
    /// - Parameter keep: a database path: verified alone when it exists, else built there and kept.
    static func auditVerify(directory: String, definitions: String, cases: Int, keep: String? = nil) throws
        -> (rows: Int, dataRows: Int, build: Double, verify: Double, intact: Bool) {
        var office: Office?, carla: Actor?, ids: [Int] = []
        if let keep, FileManager.default.fileExists(atPath: keep) {
            let kept = try Store(path: keep)
            office = Office(store: kept, definitions: DefinitionSet(directory: definitions, store: kept))
        }
        let build = try seconds {
            if office != nil { return }
            let directory = keep.map { ($0 as NSString).deletingLastPathComponent } ?? directory
            let name = keep.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } ?? "verify"
            (office, carla, ids) = try prepared(directory: directory, name: name, definitions: definitions, cases: cases)
            guard let office, let carla else { return }
            // Prepared: 2 submissions and 2 transitions each; 5 more submissions and 10 more fires.
            for chunk in stride(from: 0, to: ids.count, by: 1_000) {
                try office.inOneTransaction {
                    for id in ids[chunk..<min(chunk + 1_000, ids.count)] {
                        for i in 0..<10 {
                            try office.fire(by: carla, caseID: id, event: i % 2 == 0 ? "suspend" : "resume")
                            if i % 2 == 1 && i < 10 {
                                try office.submit(by: carla, caseID: id, formID: "profiling", values: profiling)
                            }
                        }
                    }
                }
            }
        }
        guard let store = office?.store as? Store else { return (0, 0, 0, 0, false) }
        var result: AuditVerification?
        let cpuBefore = cpuSeconds()
        let verify = try seconds { result = try store.audit.verify() }
        lastVerifyCPU = cpuSeconds() - cpuBefore
        let dataRows = try ["clients", "cases", "transitions", "submissions", "users", "sites"].reduce(0) {
            $0 + (try store.database.scalar("SELECT COUNT(*) FROM \($1)")?.int ?? 0)
        }
        return (result?.rowsChecked ?? 0, dataRows, build, verify, result?.isIntact ?? false)
    }

    static let profiling: [(key: String, value: String)] = [
        ("date", "2026-11-05"), ("strengths", "reliable"), ("school", "haupt"), ("vocational", "none"),
        ("german_level", "native"), ("qualification_need", "present"), ("physical", "strong"),
        ("mental", "present"), ("addiction", "none"), ("performance_need", "strong"),
        ("motivation_need", "none"), ("care", "none"), ("housing", "none"), ("debts", "present"),
        ("mobility", "present"), ("driving_licence", "no"), ("circumstances_need", "present"),
        ("target_occupation", "54101"),
    ]

    /// CPU seconds (user and system) of the last `auditVerify`: on a shared machine the wall
    /// time includes waiting for a core.
    nonisolated(unsafe) static var lastVerifyCPU = 0.0

    /// This process's CPU time so far, user and system.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The process's peak resident memory.
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
