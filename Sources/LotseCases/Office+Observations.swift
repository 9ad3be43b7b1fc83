import LotseForms
public import LotseStore
import LotseWorkflow

/// Outcome observations that cannot drift (DOMAIN §9.5): one per case and time point, dated
/// within a window around case start + 6 / + 12 months, never recorded by the evaluator, and
/// loaded in bulk only as a whole, valid statistics extract.
public enum ObservationWindow {
    /// The time points and their months after case start.
    public static let points: [(at: String, months: Int)] = [("6m", 6), ("12m", 12)]
    /// Days the observation date may lie before or after its reference day.
    public static let toleranceDays = 45

    /// The reference day (case start + months, the day clamped to the month's end) and the
    /// window around it, as `YYYY-MM-DD`.
    public static func window(caseStart: String, at: String) -> (reference: String, from: String, to: String)? {
        guard let months = points.first(where: { $0.at == at })?.months,
              let reference = CalendarMath.add(WorkflowDuration(months: months), to: caseStart),
              let day = CalendarMath.days(reference) else { return nil }
        return (reference, CalendarMath.date(day - toleranceDays), CalendarMath.date(day + toleranceDays))
    }

    /// The codebook's wording of the rule.
    public static let description = "observation date within ±\(toleranceDays) days of case start + 6 / + 12 months "
        + "(the day clamped to the month's end); one observation per case and time point, corrections supersede it"
}

extension Office {
    /// The header of a statistics extract (`observe import`).
    public static let observationImportColumns = ["case", "at", "date", "benefit_status", "employment",
                                                  "employment_since", "source"]

    /// Refuses an observation that would replace another one for the same time point (other than
    /// the one it corrects), or whose date lies outside its window.
    func checkObservation(_ prepared: PreparedSubmission) throws {
        let form = prepared.form
        func value(_ name: String) -> String {
            (try? form.resolveField(name)).map { prepared.instance.value(of: $0) } ?? ""
        }
        let at = value("at"), date = value("date")
        guard !at.isEmpty else { return }
        if let other = prepared.observations.first(where: { $0.at == at && $0.id != prepared.supersedes }) {
            throw CasesError.observationRefused(caseID: prepared.caseID, reason:
                .observationExists(at: at, submission: other.id, entry: other.entry, caseID: prepared.caseID))
        }
        if let window = ObservationWindow.window(caseStart: prepared.caseStart, at: at), !date.isEmpty,
           date < window.from || date > window.to {
            throw CasesError.observationRefused(caseID: prepared.caseID, reason:
                .outsideWindow(at: at, from: window.from, to: window.to, caseStart: String(prepared.caseStart.prefix(10)),
                               months: String(at.dropLast()), reference: window.reference,
                               tolerance: ObservationWindow.toleranceDays, date: date))
        }
    }

    /// Loads a statistics extract (supervisor): one row per case and time point with the
    /// columns of `observationImportColumns`. Every row is validated through the observation
    /// form and the drift rules first; if any is bad, the whole file is refused with every bad
    /// row named, and nothing is stored. Otherwise all rows are stored in one transaction.
    /// - Returns: the number of observations stored.
    public func importObservations(by actor: Actor, file: String, text: String, language: String = "de") throws -> Int {
        try importObservations(by: actor, file: file, read: { text }, language: language)
    }

    /// `importObservations(by:file:text:)` reading the file's text only after the permission
    /// check, so that a refused user learns nothing about the file.
    public func importObservations(by actor: Actor, file: String, read: () throws -> String, language: String = "de") throws
        -> Int {
        try authorize(.importObservations, actor)
        let text = try read()
        let parsed = CSVText.parseResult(text)
        guard case let .success(rows) = parsed else {
            if case let .failure(error) = parsed {
                throw CasesError.importRefused(file: file, problems: [ImportProblem(line: error.line, .csv(error.reason))])
            }
            return 0
        }
        guard let header = rows.first else {
            throw CasesError.importRefused(file: file, problems: [ImportProblem(line: 1, .emptyFile(header: Self.observationImportColumns))])
        }
        let names = header.map { $0.trimmingSpaces() }
        guard names == Self.observationImportColumns else {
            throw CasesError.importRefused(file: file, problems: [
                ImportProblem(line: 1, .badHeader(expected: Self.observationImportColumns, found: names))])
        }
        var problems: [ImportProblem] = []
        var prepared: [PreparedSubmission] = []
        var seen: [String: Int] = [:]
        for (index, row) in rows.enumerated().dropFirst() {
            let line = index + 1
            if row.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            guard row.count == names.count else {
                problems.append(ImportProblem(line: line, .fieldCount(found: row.count, expected: names.count)))
                continue
            }
            let values = Dictionary(uniqueKeysWithValues: zip(names, row.map { $0.trimmingSpaces() }))
            guard let caseID = Int(values["case"] ?? ""), caseID > 0 else {
                problems.append(ImportProblem(line: line, .notACase(values["case"] ?? "")))
                continue
            }
            let key = "\(caseID)|\(values["at"] ?? "")"
            if let first = seen[key] {
                problems.append(ImportProblem(line: line, .repeatedRow(caseID: caseID, at: values["at"] ?? "", firstLine: first)))
                continue
            }
            seen[key] = line
            do {
                let submission = try prepareSubmission(by: actor, caseID: caseID, formID: "observation")
                let pairs = names.dropFirst().compactMap { name -> (key: String, value: String)? in
                    let value = values[name] ?? ""
                    return value.isEmpty ? nil : (name, value)
                }
                do { try submission.instance.set(pairs, language: language) } catch { throw CasesError.form(error) }
                let invalid = submission.instance.validate(language: language)
                if !invalid.isEmpty {
                    problems.append(ImportProblem(line: line, .invalidFields(caseID: caseID, invalid)))
                    continue
                }
                try checkObservation(submission)
                prepared.append(submission)
            } catch let error as CasesError {
                problems.append(ImportProblem(line: line, .refused(error)))
            }
        }
        guard problems.isEmpty else { throw CasesError.importRefused(file: file, problems: problems) }
        guard !prepared.isEmpty else {
            throw CasesError.importRefused(file: file, problems: [ImportProblem(line: nil, .noRows)])
        }
        try storeWork {
            try store.transaction {
                // Rows of one case follow each other: each finds the case one version and one entry further.
                var stored: [Int: Int] = [:]
                for var submission in prepared {
                    let earlier = stored[submission.caseID, default: 0]
                    submission.caseVersion += earlier
                    submission.entry += earlier
                    try store(submission, by: actor, language: language)
                    stored[submission.caseID] = earlier + 1
                }
                try store.audit.record(draft(actor, "observe.import", detail: .object([
                    ("file", .string(file)), ("rows", .int(prepared.count)),
                ])))
            }
        }
        return prepared.count
    }
}

/// RFC 4180 CSV: comma-separated, double quotes around fields with commas, quotes or line breaks.
enum CSVText {
    struct Failure: Error {
        var line: Int
        var reason: String
    }

    static func parseResult(_ text: String) -> Result<[[String]], Failure> {
        do { return .success(try parse(text)) } catch { return .failure(error) }
    }

    static func parse(_ text: String) throws(Failure) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var line = 1
        var iterator = Array(text.unicodeScalars.map(Character.init)).makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty && !wasQuoted else { throw Failure(line: line, reason: "a quote inside an unquoted field") }
                quoted = true
                wasQuoted = true
            case ",":
                row.append(field); field = ""; wasQuoted = false
            case "\r":
                continue
            case "\n":
                row.append(field); rows.append(row); row = []; field = ""; wasQuoted = false
                line += 1
            default:
                guard !wasQuoted else { throw Failure(line: line, reason: "text after a closing quote") }
                field.append(c)
            }
        }
        if quoted { throw Failure(line: line, reason: "a quoted field is not closed") }
        if !field.isEmpty || !row.isEmpty || wasQuoted { row.append(field); rows.append(row) }
        return rows
    }
}
