import Foundation
import Testing
@testable import LotseCases
@testable import LotseEvaluation
import LotseStore
import LotseTestSupport

/// Randomisation, exports and reports on a small region made through the shell.
@Suite struct EvaluationTests {
    /// A year before the test clock's usual start (2025-11-20T09:00Z): cases opened then are due
    /// their +12-month observation on the forms' fixed day, 2026-11-25.
    static let yearEarlier = Date(timeIntervalSince1970: 1_763_629_200)

    /// 24 eligible clients (with names), randomised a year ago; observations follow in each test.
    static func region(clients: Int = 24, legalBasis: Bool = true, backend: Backend = .sqlite) throws -> TestLotse {
        let lotse = try TestLotse(backend: backend, clockStart: yearEarlier, language: "en")
        var script = """
            init --admin root
            site add bocholt "Jobcenter Bocholt"
            user add carla --role caseworker --site bocholt
            user add mara --role medical --site bocholt
            user add sven --role supervisor --site bocholt
            user add eva --role evaluator
            login carla

            """
        for i in 1...clients {
            script += "client add --sex \(i % 2 == 0 ? "w" : "m") --birth-year \(1961 + i % 45) --applicant-type \(["EP", "SP", "UP"][i % 3]) "
                + "--eligible --first-name Vorname\(i) --last-name Zuname\(i)\n"
        }
        script += "login eva\nrandomise setup --site bocholt --block 4"
            + (legalBasis ? " --legal-basis \"MAGS NRW 2025-10-01, Az. 1\"" : "") + "\nrandomise --site bocholt\n"
        let result = lotse.run(script)
        precondition(result.status == .ok, result.output)
        return lotse
    }

    /// Moves the clock past the next month end: reports count up to the last completed one.
    static func intoNextMonth(_ lotse: TestLotse) {
        lotse.clock.advance(days: 32)
    }

    func participantCase(_ lotse: TestLotse) throws -> Int {
        try lotse.store.randomisation.assignments(site: nil).first { $0.assignment.group == .participant }!.assignment.caseID
    }

    @Test(arguments: Backend.all) func exportsAndReportsNeverShowNamesBirthYearsOrHealthDetails(backend: Backend) throws {
        let lotse = try Self.region(backend: backend)
        let caseID = try participantCase(lotse)
        var script = """
            login carla
            form submit \(caseID) referral date=2026-11-02 referring_unit=T reason=x sgb2_since=2019-04-01 lzb=yes sex=m age_class=50plus applicant_type=EP target_groups=older
            fire \(caseID) request_consent
            form submit \(caseID) consent given=yes purposes="team_diagnostics evaluation" recipients=ÄD date=2026-11-03 form=paper
            fire \(caseID) consent_given
            form submit \(caseID) profiling date=2026-11-05 strengths=x school=haupt vocational=none german_level=native qualification_need=present physical=strong mental=present addiction=none performance_need=strong motivation_need=none care=none housing=none debts=present mobility=present driving_licence=no circumstances_need=present
            fire \(caseID) order_assessment
            login mara
            form submit \(caseID) medical_findings examiner=physician date=2026-11-12 method=examination history="Bandscheibenvorfall Kennwort-Anamnese" findings="Befund Kennwort-Befund" icd10=M51.2
            login sven

            """
        for id in try lotse.store.randomisation.assignments(site: nil).map(\.assignment.caseID) {
            script += "observe \(id) at=12m date=2026-11-20 benefit_status=\(id % 3 == 0 ? "none" : "unchanged") employment=\(id % 3 == 0 ? "SVB_TZ" : "none") source=statistics\n"
        }
        let files = lotse.directory
        script += """
            login eva
            export cases --out \(files.file("cases.csv"))
            export cases --out \(files.file("cases.json")) --format json --date-precision month
            export codebook --out \(files.file("codebook.csv"))
            report evaluation --svg \(files.file("chart.svg"))
            report sites
            report placements --by kldb --level 2
            client show 1
            form view \(caseID) medical_findings
            """
        let (output, status) = lotse.run(script, keepGoing: true)
        #expect(status == .commandFailed)   // the evaluator's client show and form view are refused
        #expect(output.contains("`client show` needs one of the roles caseworker, supervisor, medical; eva has role evaluator"))
        #expect(output.contains("`form view` needs one of the roles caseworker, supervisor, medical; eva has role evaluator"))
        let everything = try [output] + ["cases.csv", "cases.json", "codebook.csv", "chart.svg"].map {
            try String(contentsOfFile: files.file($0), encoding: .utf8)
        }
        for text in everything {
            #expect(!text.contains("Vorname") && !text.contains("Zuname"))
            #expect(!text.contains("Kennwort") && !text.contains("M51.2") && !text.contains("Bandscheibe"))
            for year in 1962...1985 { #expect(!text.contains(",\(year),") && !text.contains("\"\(year)\"")) }
        }
        // Every export is in the audit log with its hash.
        var exports: [String] = []
        try lotse.store.audit.query(AuditFilter(action: "export")) { exports.append($0.draft.detail ?? "") }
        #expect(exports.count == 3)
        let csv = try Data(contentsOf: URL(fileURLWithPath: files.file("cases.csv")))
        #expect(exports[0].contains(DefinitionSet.sha256(Array(csv))))
        #expect(try lotse.store.audit.verify().isIntact)
    }

    @Test(arguments: Backend.all) func codebookCoversEveryColumnOfTheExport(backend: Backend) throws {
        let lotse = try Self.region(backend: backend)
        let files = lotse.directory
        #expect(lotse.run("login eva\nexport cases --out \(files.file("c.csv"))\nexport codebook --out \(files.file("b.csv"))").status == .ok)
        let header = try String(contentsOfFile: files.file("c.csv"), encoding: .utf8).split(separator: "\r\n").first!
            .split(separator: ",").map(String.init)
        let codebook = try String(contentsOfFile: files.file("b.csv"), encoding: .utf8).split(separator: "\r\n").dropFirst()
            .map { String($0.split(separator: ",").first!) }
        #expect(header == codebook)
        #expect(header.count > 40)
    }

    @Test func everyExportCarriesTheAuditHeadInItsRowAndManifest() throws {
        let lotse = try Self.region()
        let files = lotse.directory
        #expect(lotse.run("login eva\nexport cases --out \(files.file("c.csv"))").status == .ok)
        var last: AuditEntry?
        try lotse.store.audit.query(AuditFilter(action: "export.cases")) { last = $0 }
        // The row names the head the data were read at: the row before it.
        #expect(last?.draft.detail?.contains("\"head\":\"\(last!.seq - 1):\(last!.prevHash)\"") == true)
        let manifest = try String(contentsOfFile: files.file("c.csv.manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"audit_head\":\"\(last!.seq):\(last!.hash)\""))
        #expect(manifest.contains("\"file\":\"c.csv\""))
        #expect(lotse.run("login eva\naudit verify --head \(last!.seq):\(last!.hash)").status == .ok)
        // A log cut back to before the export no longer holds the evaluator's head.
        try lotse.sqlite.database.execute("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq >= \(last!.seq)")
        #expect(try lotse.sqlite.audit.verify(expectedHead: (last!.seq, last!.hash)).logProblem
            == .headMissing(seq: last!.seq, last: last!.seq - 1))
    }

    @Test(arguments: Backend.all) func reportNumbersEqualThoseRecomputedFromTheExport(backend: Backend) throws {
        let lotse = try Self.region(clients: 64, backend: backend)
        var script = "login sven\n"
        for (i, item) in try lotse.store.randomisation.assignments(site: nil).map(\.assignment).enumerated() {
            let good = item.group == .participant ? i % 2 == 0 : i % 3 == 0
            script += "observe \(item.caseID) at=12m date=2026-11-20 benefit_status=\(good ? "none" : "unchanged") "
                + "employment=\(good ? "SVB_VZ" : "none") source=statistics\n"
        }
        #expect(lotse.run(script).status == .ok)
        Self.intoNextMonth(lotse)
        let (output, status) = lotse.run("login eva\nexport cases --out \(lotse.directory.file("x.csv"))\nreport evaluation --format csv --lang en\n")
        #expect(status == .ok)
        let rows = try String(contentsOfFile: lotse.directory.file("x.csv"), encoding: .utf8).split(separator: "\r\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        let group = header.firstIndex(of: "group")!, left = header.firstIndex(of: "left_benefits_12m")!
        func count(_ g: String) -> (Int, Int) {
            let mine = rows.dropFirst().filter { $0[group] == g && !$0[left].isEmpty }
            return (mine.filter { $0[left] == "1" }.count, mine.count)
        }
        let (pe, pn) = count("participant"), (ce, cn) = count("comparison")
        let data = ReportData(output)
        let row = "left_benefits_12m"
        #expect(data["evaluation", row, "participant_events"] == Double(pe) && data["evaluation", row, "participant_observed"] == Double(pn))
        #expect(data["evaluation", row, "comparison_events"] == Double(ce) && data["evaluation", row, "comparison_observed"] == Double(cn))
        #expect(data["evaluation", row, "participant_share"] == Double(pe) / Double(pn), "\(output)")
        let table = TwoByTwo(participants: try Proportion(events: pe, of: pn), comparison: try Proportion(events: ce, of: cn))
        #expect(!ReportFormat.english.smallCells.suppresses(table))
        #expect(abs((data["evaluation", row, "crude_p"] ?? -1) - table.fisher.pValue) < 1e-12)
        #expect(abs((data["evaluation", row, "crude_rd"] ?? -1) - table.riskDifference.estimate) < 1e-12)
    }

    @Test func theExportReadsEveryFormItsVariablesNameAndNoMedicalForm() throws {
        let definitions = DefinitionSet(directory: TestLotse.repository)
        for variable in EvaluationVariables.all(definitions) {
            for word in variable.source.split(whereSeparator: { !$0.isLetter && $0 != "_" }).map(String.init)
            where definitions.forms[word] != nil && variable.source.contains("form \(word)") {
                #expect(EvaluationVariables.sourceForms.contains(word), "\(variable.name) reads \(word)")
            }
        }
        for id in EvaluationVariables.sourceForms { #expect(definitions.forms[id]?.access == .open) }
    }

    @Test func instanceValuesReadWhatLibxml2Reads() throws {
        let xml = """
            <data id="t" version="1">
              <a>x &amp; y &lt;z&gt; &#228;</a>
              <g>
                <b>1</b>
                <c/>
              </g>
              <meta><instanceID>uuid:1</instanceID></meta>
            </data>
            """
        let values = InstanceValues.parse(xml)
        #expect(values.filter { !$0.key.hasPrefix("#") } == ["a": "x & y <z> ä", "g/b": "1", "g/c": "", "meta/instanceID": "uuid:1"])
        // `#PATH`: how often each element occurs (a repeat's number of instances).
        #expect(values["#g"] == "1" && values["#g/b"] == "1")
        let repeated = InstanceValues.parse("<data><m><a>1</a></m><m><a>2</a></m><m><a>3</a></m><n/></data>")
        #expect(repeated["#m"] == "3" && repeated["#m/a"] == "3" && repeated["#n"] == "1")
    }
}
