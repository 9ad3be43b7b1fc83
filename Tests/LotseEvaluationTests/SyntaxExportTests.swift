import Foundation
import Testing
@_spi(Office) @testable import LotseCases
@testable import LotseEvaluation
import LotseStore
import LotseTestSupport

/// `export syntax --for r|python|spss|stata`: written through the shell like every export
/// (evaluator only, audited, never over an existing file), and the R and pandas syntax read the
/// real `export cases` file back with the values the CSV holds.
@Suite struct SyntaxExportTests {
    static func csvRows(_ text: String) -> [[String]] {
        text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func syntaxIsAnAuditedEvaluatorExport() throws {
        let lotse = try EvaluationTests.region()
        let files = lotse.directory
        let refused = lotse.run("login carla\nexport syntax --for r --out \(files.file("x.R"))", keepGoing: true)
        #expect(refused.status == .commandFailed)
        #expect(refused.output.contains("needs role evaluator") || refused.output.contains("needs one of the roles"), "\(refused.output)")
        #expect(!FileManager.default.fileExists(atPath: files.file("x.R")))
        let bad = lotse.run("login eva\nexport syntax --for sas --out \(files.file("x.sas"))", keepGoing: true)
        #expect(bad.output.contains("--for sas: expected spss, stata, r or python"), "\(bad.output)")
        let quote = lotse.run("login eva\nexport syntax --for r --data \"a\\\"b.csv\" --out \(files.file("y.R"))", keepGoing: true)
        #expect(quote.status == .commandFailed, "\(quote.output)")
        var script = "login eva\n"
        for package in StatisticalPackage.allCases {
            script += "export syntax --for \(package.rawValue) --lang en --out \(files.file("cases.\(package.rawValue)"))\n"
        }
        let (output, status) = lotse.run(script)
        #expect(status == .ok, "\(output)")
        #expect(output.contains("wrote"))
        var audited: [String] = []
        try lotse.store.audit.query(AuditFilter(action: "export.syntax")) { audited.append($0.draft.detail ?? "") }
        #expect(audited.count == StatisticalPackage.allCases.count)
        #expect(audited.first?.contains("\"package\":\"spss\"") == true || audited.contains { $0.contains("spss") })
        let again = lotse.run("login eva\nexport syntax --for r --out \(files.file("cases.r"))", keepGoing: true)
        #expect(again.status == .commandFailed)
    }

    @Test func rAndPandasReadTheExportWithItsValues() throws {
        let lotse = try EvaluationTests.region()
        let dir = lotse.directory
        let (output, status) = lotse.run("""
            login eva
            export cases --out \(dir.file("cases.csv"))
            export syntax --for r --out \(dir.file("cases.R")) --data cases.csv
            export syntax --for python --out \(dir.file("lotse_cases.py")) --data cases.csv
            """)
        #expect(status == .ok, "\(output)")
        let rows = Self.csvRows(try String(contentsOfFile: dir.file("cases.csv"), encoding: .utf8))
        let header = rows[0]
        let pseudonym = header.firstIndex(of: "pseudonym")!, group = header.firstIndex(of: "group")!
        let expected = "\(rows.count - 1) \(rows[1][pseudonym]) \(rows[1][group])"
        try """
            source("cases.R")
            cat(nrow(cases), cases$pseudonym[1], as.character(levels(cases$group)[as.integer(cases$group[1])]) , "\\n")
            """.write(toFile: dir.file("probe.R"), atomically: true, encoding: .utf8)
        if let (text, code) = try StatisticalSyntaxTests.run("Rscript", ["probe.R"], in: URL(fileURLWithPath: dir.path)) {
            #expect(code == 0, "\(text)")
            // R labels the group factor; its level order follows the codebook, so compare the code.
            #expect(text.hasPrefix("\(rows.count - 1) \(rows[1][pseudonym]) "), "\(text) vs \(expected)")
        } else {
            print("skipped: Rscript is not installed")
        }
        try """
            import importlib.util, sys
            if importlib.util.find_spec("pandas") is None:
                print("NO-PANDAS"); sys.exit(0)
            from lotse_cases import read_cases
            f = read_cases()
            print(len(f), f["pseudonym"][0], f["group"][0])
            """.write(toFile: dir.file("probe.py"), atomically: true, encoding: .utf8)
        if let (text, code) = try StatisticalSyntaxTests.run("python3", ["probe.py"], in: URL(fileURLWithPath: dir.path)),
           !text.hasPrefix("NO-PANDAS") {
            #expect(code == 0, "\(text)")
            #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == expected, "\(text)")
        }
    }

    @Test func aLabelledExportHasTheLabelsOfTheCodes() throws {
        let lotse = try EvaluationTests.region()
        let dir = lotse.directory
        let (output, status) = lotse.run("""
            login eva
            export cases --out \(dir.file("codes.csv"))
            export cases --out \(dir.file("labels.csv")) --labels en
            export cases --out \(dir.file("bad.csv")) --labels fr
            """, keepGoing: true)
        #expect(output.contains("--labels fr: expected de or en"), "\(output)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("bad.csv")))
        let codes = Self.csvRows(try String(contentsOfFile: dir.file("codes.csv"), encoding: .utf8))
        let labels = Self.csvRows(try String(contentsOfFile: dir.file("labels.csv"), encoding: .utf8))
        #expect(codes[0] == labels[0] && codes.count == labels.count)
        let variables = Dictionary(uniqueKeysWithValues: EvaluationVariables.all(lotse.office.definitions).map { ($0.name, $0) })
        for name in ["group", "sex", "randomised"] {
            let column = codes[0].firstIndex(of: name)!
            for (coded, labelled) in zip(codes.dropFirst(), labels.dropFirst()) where !coded[column].isEmpty {
                let code = try #require(variables[name]?.codes.first { $0.code == coded[column] }, "\(name) \(coded[column])")
                #expect(labelled[column] == code.en || labelled[column] == "\"\(code.en)\"", "\(name)")
            }
        }
        // The pseudonyms are the same: only the codes differ.
        let pseudonym = codes[0].firstIndex(of: "pseudonym")!
        #expect(codes.map { $0[pseudonym] } == labels.map { $0[pseudonym] })
    }
}