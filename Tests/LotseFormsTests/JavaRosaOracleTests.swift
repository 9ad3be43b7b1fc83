import Foundation
import Testing
import LotseXPath
@testable import LotseForms

/// The JavaRosa oracle: every form of the corpus is filled with the same answers in Lotse (the
/// code path of `form try`: `FormInstance.set`, `validate`, `element`) and in JavaRosa, ODK
/// Collect's form engine (Tools/javarosa-oracle/Oracle.java, run on pyxform 4.5.0's
/// ODK_Validate.jar), and the verdicts, problem fields and every stored value must be equal.
///
/// Corpus: the shipped Forms/, the pyxform tests/example_xls forms Lotse loads
/// (Fixtures/oracle/pyxform, made by Tools/pyxform-corpus.py), the probe form with every supported
/// function (Fixtures/oracle/probe.xml, made by Tools/javarosa-oracle/make-probe.py), the repeat
/// fixture (Fixtures/household.xml; pyxform's repeat forms are among its example forms), plus any
/// folder of XForms named in `LOTSE_ORACLE_EXTRA` (colon-separated). Each form is filled with no
/// answers, three generated answer sets, and the hand-written cases of Fixtures/oracle/cases.tsv.
@Suite struct JavaRosaOracleTests {
    static let kit = OracleKit.locate()

    @Test(.enabled(if: kit.problem == nil, "\(kit.problem ?? "")"))
    func corpusEqualsCollect() throws {
        let corpus = OracleCorpus.build()
        let collect = try Self.kit.run(corpus.cases.map(\.line))
        #expect(collect.count == corpus.cases.count, "the oracle answered \(collect.count) of \(corpus.cases.count) cases")
        var differences: [String] = []
        var values = 0
        for (item, theirs) in zip(corpus.cases, collect) {
            let ours = item.lotse
            if let error = theirs.loadError {
                differences.append("\(item.title): Lotse loads the form, JavaRosa does not: \(error)")
                continue
            }
            if let error = theirs.evalError ?? ours.evalError {
                if theirs.evalError != nil && ours.evalError != nil { continue }   // both refuse the answers
                differences.append("\(item.title): evaluation differs: Lotse \(ours.evalError ?? "ok"), "
                    + "JavaRosa \(theirs.evalError ?? "ok") (\(error))")
                continue
            }
            for path in Set(ours.values.keys).union(theirs.values.keys).sorted()
                where !item.ignored.contains(path.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "", options: .regularExpression)) {
                values += 1
                let a = ours.values[path] ?? "∅", b = theirs.values[path] ?? "∅"
                if a != b { differences.append("\(item.title): \(path) Lotse \"\(a)\", JavaRosa \"\(b)\"") }
            }
            let ourProblems = ours.problems.subtracting(item.ignored), theirProblems = theirs.problems.subtracting(item.ignored)
            if ourProblems != theirProblems {
                differences.append("\(item.title): problems Lotse \(ourProblems.sorted()), JavaRosa \(theirProblems.sorted())")
            }
        }
        print("javarosa oracle: \(corpus.forms) forms, \(corpus.cases.count) fills, \(values) values compared, "
            + "\(differences.count) differences; \(corpus.refused.count) corpus forms Lotse refuses: "
            + corpus.refused.joined(separator: ", "))
        for difference in differences.prefix(200) { print("  differs: " + difference) }
        #expect(differences.isEmpty, "\(differences.count) differences from JavaRosa (listed above)")
        #expect(corpus.forms >= 40 && values >= 2000, "the corpus is too small to mean anything")
    }
}

/// What one engine stored for one fill.
struct OracleResult {
    var values: [String: String] = [:]
    var problems: Set<String> = []
    var loadError: String?
    var evalError: String?
}

/// One fill of one form: the oracle's input line and Lotse's result.
struct OracleCase {
    var title: String
    var line: String
    var lotse: OracleResult
    /// Paths not compared: preloads (instanceID, start, end), random and now-dependent values.
    var ignored: Set<String>
}

struct OracleCorpus {
    var cases: [OracleCase] = []
    var forms = 0
    var refused: [String] = []

    static let utc = TimeZone(identifier: "UTC")!

    static var files: [String] {
        let fm = FileManager.default
        var folders = [Paths.forms, Paths.fixtures + "/oracle/pyxform", Paths.fixtures + "/oracle"]
        if let extra = ProcessInfo.processInfo.environment["LOTSE_ORACLE_EXTRA"] {
            folders += extra.split(separator: ":").map(String.init)
        }
        return folders.flatMap { folder in
            ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
                .map { folder + "/" + $0 }
        } + [Paths.fixtures + "/household.xml"]
    }

    /// The hand-written cases: FILE (relative to the package root) TAB path=value …
    static var written: [(file: String, pairs: [(String, String)])] {
        guard let text = try? String(contentsOfFile: Paths.fixtures + "/oracle/cases.tsv", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (Paths.root.path + "/" + cells[0], cells.dropFirst().map { cell in
                let eq = cell.firstIndex(of: "=")!
                return (String(cell[..<eq]), String(cell[cell.index(after: eq)...]))
            })
        }
    }

    static func build() -> OracleCorpus {
        var corpus = OracleCorpus()
        let written = Self.written
        for file in files {
            let result = FormReader.read(fileAt: file)
            guard result.isClean, let form = result.definition else {
                corpus.refused.append(URL(fileURLWithPath: file).lastPathComponent)
                continue
            }
            corpus.forms += 1
            var fills: [[(String, String)]] = [[]]
            for variant in 0..<3 { fills.append(generatedAnswers(form, variant: variant)) }
            fills += written.filter { $0.file == file }.map(\.pairs)
            for (n, pairs) in fills.enumerated() {
                let name = URL(fileURLWithPath: file).lastPathComponent
                let line = ([file] + pairs.map { "\($0.0)=\($0.1)" }).joined(separator: "\t")
                corpus.cases.append(OracleCase(title: "\(name) fill \(n)", line: line, lotse: lotse(form, pairs),
                                               ignored: ignored(form)))
            }
        }
        return corpus
    }

    /// Answers for every enterable field, by type; `variant` picks other values and choices.
    static func generatedAnswers(_ form: FormDefinition, variant: Int) -> [(String, String)] {
        let probe = FormInstance(definition: form, environment: environment)
        var pairs: [(String, String)] = []
        for field in form.fields where field.kind != .group && !field.isNote && probe.isEnterable(field) {
            let value: String?
            switch field.type {
            case .string: value = ["abc", "Hello world", "12"][variant]
            case .int: value = ["3", "17", "-2"][variant]
            case .decimal: value = ["2.5", "3", "0.0001"][variant]
            case .date: value = ["2026-03-01", "1990-12-31", "2030-01-15"][variant]
            case .time: value = ["10:15", "23:59:30", "00:00"][variant]
            case .dateTime: value = ["2026-03-01T10:15", "1999-12-31T23:59:59", "2026-06-01T08:00:00Z"][variant]
            case .boolean: value = nil   // not an XLSForm type
            case .select1, .select:
                let choices = probe.choiceValues(of: field)
                if choices.isEmpty { value = nil } else if field.type == .select1 {
                    value = [choices[0], choices[1 % choices.count], choices[choices.count - 1]][variant]
                } else {
                    value = [choices[0], choices.prefix(2).joined(separator: " "), choices.suffix(2).joined(separator: " ")][variant]
                }
            }
            if let value { pairs.append((field.relativePath, value)) }
        }
        return pairs
    }

    static var environment: FormEnvironment {
        FormEnvironment(clock: XPathClock(timeZone: utc, now: { Date() }))
    }

    static func lotse(_ form: FormDefinition, _ pairs: [(String, String)]) -> OracleResult {
        var result = OracleResult()
        let instance = FormInstance(definition: form, environment: environment)
        do {
            try instance.set(pairs.map { (key: $0.0, value: $0.1) })
        } catch {
            result.evalError = error.description
            return result
        }
        for problem in instance.validate(language: "en") { result.problems.insert("\(problem.field) \(problem.kind.rawValue)") }
        func walk(_ node: InstanceNode, _ prefix: String) {
            var seen: [String: Int] = [:]
            for child in node.children {
                seen[child.name, default: 0] += 1
                let step = child.isRepeatInstance ? "\(child.name)[\(seen[child.name]!)]" : child.name
                let path = prefix.isEmpty ? step : prefix + "/" + step
                if child.children.isEmpty {
                    result.values[path] = child.isRelevant ? child.value : ""
                } else {
                    walk(child, path)
                }
            }
        }
        _ = instance.element()
        walk(instance.root, "")
        return result
    }

    /// Preloaded nodes (uuid, start, end, today) and nodes whose calculation reads the clock or
    /// chance, so they cannot equal another engine's run.
    static func ignored(_ form: FormDefinition) -> Set<String> {
        var paths: Set<String> = ["meta/instanceID"]
        let chance = ["now()", "random()", "uuid(", "randomize("]
        for bind in form.binds {
            let path = bind.path.dropFirst().joined(separator: "/")
            let source = bind.calculate?.source ?? ""
            if bind.preload != nil || chance.contains(where: source.contains) { paths.insert(path) }
        }
        for action in form.setValues where chance.contains(where: (action.value?.source ?? "").contains) {
            paths.insert(action.path.dropFirst().joined(separator: "/"))
        }
        // What reads a value of chance is chance too (one round is enough for the corpus).
        for bind in form.binds {
            let reads = [bind.calculate, bind.relevant].compactMap { $0 }.flatMap { $0.references(contextPath: bind.path) }
            if reads.contains(where: { paths.contains($0.dropFirst().joined(separator: "/")) }) {
                paths.insert(bind.path.dropFirst().joined(separator: "/"))
            }
        }
        for action in form.setValues {
            let reads = action.value?.references(contextPath: action.path) ?? []
            if reads.contains(where: { paths.contains($0.dropFirst().joined(separator: "/")) }) {
                paths.insert(action.path.dropFirst().joined(separator: "/"))
            }
        }
        return paths
    }
}

/// java, javac and pyxform's ODK_Validate.jar, found on this machine, and the oracle run.
struct OracleKit: Sendable {
    var java = "", javac = "", jar = ""
    /// Why the oracle cannot run here (nil when it can).
    var problem: String?

    static func locate() -> OracleKit {
        var kit = OracleKit()
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        func find(_ name: String) -> String? {
            path.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        guard let java = find("java"), let javac = find("javac") else {
            kit.problem = "JavaRosa oracle skipped: no java/javac on the PATH (apt-get install openjdk-17-jdk-headless)"
            return kit
        }
        kit.java = java
        kit.javac = javac
        var jar = ProcessInfo.processInfo.environment["LOTSE_ODK_VALIDATE_JAR"]
        if jar == nil, let python = find("python3") {
            let folder = try? run(python, ["-c", "import os, pyxform; print(os.path.dirname(pyxform.__file__))"])
            jar = folder.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) + "/validators/odk_validate/bin/ODK_Validate.jar" }
        }
        guard let jar, FileManager.default.fileExists(atPath: jar) else {
            kit.problem = "JavaRosa oracle skipped: pyxform's ODK_Validate.jar not found (pip install pyxform==4.5.0, "
                + "or set LOTSE_ODK_VALIDATE_JAR)"
            return kit
        }
        kit.jar = jar
        return kit
    }

    /// Compiles the driver and runs every input line through it.
    func run(_ lines: [String]) throws -> [OracleResult] {
        let classes = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-oracle-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: classes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: classes) }
        _ = try Self.run(javac, ["-nowarn", "-cp", jar, "-d", classes, Paths.root.path + "/Tools/javarosa-oracle/Oracle.java"])
        let output = try Self.run(java, ["-cp", jar + ":" + classes, "Oracle"], input: lines.joined(separator: "\n") + "\n")
        var results: [OracleResult] = []
        var current = OracleResult()
        for line in output.split(separator: "\n").map(String.init) {
            if line.hasPrefix("case ") { current = OracleResult() } else if line == "end" { results.append(current) }
            else if line.hasPrefix("value ") {
                let body = line.dropFirst(6)
                let eq = body.firstIndex(of: "=")!
                current.values[String(body[..<eq])] = String(body[body.index(after: eq)...])
            } else if line.hasPrefix("problem ") { current.problems.insert(String(line.dropFirst(8))) }
            else if line.hasPrefix("load-error ") { current.loadError = String(line.dropFirst(11)) }
            else if line.hasPrefix("eval-error ") { current.evalError = String(line.dropFirst(11)) }
        }
        return results
    }

    static func run(_ executable: String, _ arguments: [String], input: String = "") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleFailure(message: "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct OracleFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
