import Foundation
@testable import LotseEvaluation
import Testing

/// The syntax files of `export syntax` read a CSV of `export cases` back with the right types and
/// labels, in the packages that are on the machine (R, Python with pandas, GNU PSPP for SPSS);
/// each check says plainly when its package is missing and is then skipped.
@Suite("Statistical syntax")
struct StatisticalSyntaxTests {
    static let variables: [Variable] = [
        Variable("pseudonym", de: "Pseudonym", en: "pseudonym", kind: .text, source: "test", value: .site),
        Variable("group", de: "Gruppe", en: "group", kind: .code, codes: [
            .init(code: "participant", de: "Teilnahmegruppe", en: "participants"),
            .init(code: "comparison", de: "Vergleichsgruppe", en: "comparison group"),
        ], source: "test", value: .site),
        Variable("placement_kldb", de: "Beruf (KldB 2010)", en: "occupation (KldB 2010)", kind: .text, source: "test", value: .site),
        Variable("case_start", de: "Fallbeginn", en: "case start", kind: .date, source: "test", value: .site),
        Variable("contacts", de: "Anzahl Kontakte", en: "number of contacts", kind: .integer, source: "test", value: .site),
        Variable("share", de: "Anteil \"im Abstand\"", en: "share 'in time'", kind: .decimal, source: "test", value: .site),
        Variable("integrated_6m", de: "Integriert", en: "integrated", kind: .flag, source: "test", value: .site),
    ]

    static let csv = """
        pseudonym,group,placement_kldb,case_start,contacts,share,integrated_6m\r
        a1b2c3,participant,01104,2026-01-15,7,0.75,1\r
        d4e5f6,comparison,,2026-02-01,,,0\r
        0077aa,participant,43104,2026-03-31,12,1.00,\r

        """

    /// Runs a program, giving its standard output, or nil when it is not installed.
    static func run(_ program: String, _ arguments: [String], in directory: URL) throws -> (String, Int32)? {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = searchPath.split(separator: ":").map { "\($0)/\(program)" }
        guard let path = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-syntax-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try csv.write(to: url.appendingPathComponent("cases.csv"), atomically: true, encoding: .utf8)
        return url
    }

    @Test func rReadsCodesAsStringsWithLabels() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let syntax = StatisticalSyntax.render(Self.variables, for: .r, dataFile: "cases.csv", english: true)
        try syntax.write(to: dir.appendingPathComponent("cases.R"), atomically: true, encoding: .utf8)
        let probe = """
            source("cases.R")
            cat(cases$placement_kldb[1], is.na(cases$placement_kldb[2]), cases$pseudonym[3], "\\n")
            cat(as.character(cases$group), levels(cases$group), "\\n", sep = "|")
            cat(format(cases$case_start[3]), class(cases$case_start), cases$contacts[3], is.na(cases$contacts[2]), "\\n")
            cat(cases$share[1], attr(cases$share, "label"), cases$integrated_6m, names(attr(cases$integrated_6m, "labels")), "\\n")
            """
        try probe.write(to: dir.appendingPathComponent("probe.R"), atomically: true, encoding: .utf8)
        guard let (output, status) = try Self.run("Rscript", ["probe.R"], in: dir) else {
            print("skipped: Rscript is not installed (apt-get install r-base-core)")
            return
        }
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count >= 4, "\(output)")
        guard lines.count >= 4 else { return }
        #expect(lines[0] == "01104 TRUE 0077aa ")
        #expect(lines[1] == "participants|comparison group|participants|participants|comparison group|")
        #expect(lines[2] == "2026-03-31 Date 12 TRUE ")
        #expect(lines[3] == "0.75 share 'in time' 1 0 NA no yes ")
    }

    @Test func pandasReadsCodesAsStringsWithLabels() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let syntax = StatisticalSyntax.render(Self.variables, for: .python, dataFile: "cases.csv", english: false)
        try syntax.write(to: dir.appendingPathComponent("lotse_cases.py"), atomically: true, encoding: .utf8)
        let probe = """
            import importlib.util, sys
            if importlib.util.find_spec("pandas") is None:
                print("NO-PANDAS"); sys.exit(0)
            from lotse_cases import read_cases
            f = read_cases()
            print(f["placement_kldb"][0], f["placement_kldb"].isna()[1], f["pseudonym"][2])
            print(str(f["case_start"][2].date()), int(f["contacts"][2]), bool(f["contacts"].isna()[1]), f["share"][0])
            g = read_cases(labelled=True)
            print("|".join(map(str, g["group"])), "|".join(map(str, g["integrated_6m"])))
            print(f.attrs["labels"]["share"])
            """
        try probe.write(to: dir.appendingPathComponent("probe.py"), atomically: true, encoding: .utf8)
        guard let (output, status) = try Self.run("python3", ["probe.py"], in: dir) else {
            print("skipped: python3 is not installed")
            return
        }
        if output.hasPrefix("NO-PANDAS") {
            print("skipped: pandas is not installed (pip install pandas)")
            return
        }
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count >= 4, "\(output)")
        guard lines.count >= 4 else { return }
        #expect(lines[0] == "01104 True 0077aa")
        #expect(lines[1] == "2026-03-31 12 True 0.75")
        #expect(lines[2] == "Teilnahmegruppe|Vergleichsgruppe|Teilnahmegruppe ja|nein|nan")
        #expect(lines[3] == "Anteil \"im Abstand\"")
    }

    @Test func psppReadsTheSPSSSyntax() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let syntax = StatisticalSyntax.render(Self.variables, for: .spss, dataFile: "cases.csv", english: true)
        try (syntax + "LIST.\nDISPLAY DICTIONARY.\n").write(to: dir.appendingPathComponent("cases.sps"),
                                                              atomically: true, encoding: .utf8)
        guard let (output, status) = try Self.run("pspp", ["-O", "format=txt", "-o", "out.txt", "cases.sps"], in: dir) else {
            print("skipped: pspp is not installed (apt-get install pspp)")
            return
        }
        let listing = (try? String(contentsOf: dir.appendingPathComponent("out.txt"), encoding: .utf8)) ?? output
        #expect(status == 0, "\(listing)")
        #expect(!listing.contains("Error") && !listing.contains("error:"), "\(listing)")
        #expect(listing.contains("01104"))
        #expect(listing.contains("comparison group"))
        #expect(listing.contains("2026/03/31"))          // read as a date
        #expect(listing.contains("|Nominal    |Input|   32|Left     |A40"))   // group: a nominal code
    }

    @Test func stataSyntaxKeepsCodesAsStringsAndNamesWithinLimits() {
        let long = Variable(String(repeating: "x", count: 31), de: "lang", en: "long", kind: .code,
                            codes: [.init(code: "a", de: "A", en: "A")], source: "test", value: .site)
        let syntax = StatisticalSyntax.render(Self.variables + [long], for: .stata, dataFile: "cases.csv", english: true)
        #expect(syntax.contains("stringcols(_all)"))
        #expect(!syntax.contains("destring placement_kldb"))
        #expect(syntax.contains("destring contacts, replace"))
        #expect(syntax.contains("replace group_n = 2 if group == `\"comparison\"'"))
        #expect(syntax.contains("label values integrated_6m integrated_6m_l"))
        for line in syntax.split(separator: "\n") where line.hasPrefix("generate") {
            let name = line.split(separator: " ").dropFirst(line.hasPrefix("generate byte") ? 2 : 1).first ?? ""
            #expect(name.count <= 32, "\(line)")
        }
    }
}
