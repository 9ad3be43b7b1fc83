public import LotseForms

/// A reason the office words itself inside a refusal (why a case cannot be opened by hand, why
/// an observation or a form is refused, why a session ended, what a value should have been).
/// Typed, so the shell says it in the session's language; `description` is the English.
public indirect enum OfficeReason: Sendable, CustomStringConvertible {
    // Opening a case by hand
    case randomisedTo(group: String)
    case inPool(site: String)
    case comparisonOnlyByRandomise
    // Observations
    case observationExists(at: String, submission: Int, entry: Int, caseID: Int)
    case outsideWindow(at: String, from: String, to: String, caseStart: String, months: String, reference: String,
                       tolerance: Int, date: String)
    // Forms on a case
    case healthFormNeedsMedical
    case entriesInOtherStates(form: String, here: [String])
    case noEntry(caseID: Int, entry: Int)
    case notRepeatable
    /// What needs the consent: reading or recording a health form.
    case healthForm(String, reading: Bool)
    // Sessions
    case accountWasDisabled
    case roleOrSiteChanged
    case accountGone
    // Passwords
    case passwordTooShort(Int)
    case passwordContainsName
    // Exports
    case noRepeats(form: String)
    case medicalForm(form: String)
    // Values: what was expected
    case oneOf([String])
    case assigneeRole
    case assigneeSite(site: String, user: String, sites: [String])
    case reasonInWords
    case seedFromSetup
    case seedFromSource
    case ratioParts
    case blockSizes
    case blockMultiple(Int)
    case eachVariableOnce
    case approvalInWords
    case yearRange(Int, Int)
    case noSiteToRemove(user: String)
    // Rows of an observation import
    case csv(String)
    case emptyFile(header: [String])
    case badHeader(expected: [String], found: [String])
    case fieldCount(found: Int, expected: Int)
    case notACase(String)
    case repeatedRow(caseID: Int, at: String, firstLine: Int)
    case invalidFields(caseID: Int, [FieldProblem])
    case refused(CasesError)
    case noRows

    public var description: String {
        switch self {
        case let .randomisedTo(group): return "it was randomised to the \(group) group"
        case let .inPool(site): return "it is in the randomisation pool of site \(site)"
        case .comparisonOnlyByRandomise: return "comparison cases come only from `randomise`"
        case let .observationExists(at, submission, entry, caseID):
            return "it already has an observation at \(at) (submission \(submission), entry \(entry)); one observation "
                + "per case and time point: a correction goes through `form submit \(caseID) observation "
                + "--entry \(entry) ...` and both stay visible"
        case let .outsideWindow(at, from, to, caseStart, months, reference, tolerance, date):
            return "an observation at \(at) must be dated \(from) to \(to) (case start \(caseStart) + \(months) months = "
                + "\(reference), ±\(tolerance) days); \(date) is outside"
        case .healthFormNeedsMedical: return "it holds health data; only the medical role records it"
        case let .entriesInOtherStates(form, here):
            return "entries of \(form) are recorded in other states; here: " + (here.isEmpty ? "none" : here.joined(separator: ", "))
        case let .noEntry(caseID, entry): return "case \(caseID) has no entry \(entry)"
        case .notRepeatable: return "it is not repeatable; it has no entries"
        case let .healthForm(form, reading): return (reading ? "reading" : "recording") + " the health form \(form)"
        case .accountWasDisabled: return "the account was disabled"
        case .roleOrSiteChanged: return "the account's role or site was changed"
        case .accountGone: return "the account no longer exists"
        case let .passwordTooShort(n): return "it must have at least \(n) characters"
        case .passwordContainsName: return "it must not contain the user name"
        case let .noRepeats(form): return "form \(form) has no repeats; its values are in `export cases`"
        case let .medicalForm(form): return "form \(form) is medical: its values are never exported"
        case let .oneOf(values): return values.joined(separator: ", ")
        case .assigneeRole: return "a caseworker or supervisor"
        case let .assigneeSite(site, user, sites):
            return "a caseworker or supervisor of site \(site) (\(user) works at "
                + (sites.isEmpty ? "no site" : sites.joined(separator: ", ")) + ")"
        case .reasonInWords: return "a reason in words"
        case .seedFromSetup: return "64 hex digits drawn by `randomise setup`"
        case .seedFromSource: return "64 hex digits from the seed source"
        case .ratioParts: return "positive parts like 1:1 or 2:1"
        case .blockSizes: return "sizes like 4 or 4,6"
        case let .blockMultiple(n): return "a multiple of \(n) up to 100"
        case .eachVariableOnce: return "each variable once"
        case .approvalInWords: return "the approval in words (authority, date, reference)"
        case let .yearRange(from, to): return "\(from) to \(to)"
        case let .noSiteToRemove(user): return "none: \(user) has no site"
        case let .csv(reason): return reason
        case let .emptyFile(header): return "empty file; expected the header " + header.joined(separator: ",")
        case let .badHeader(expected, found):
            return "the header must be " + expected.joined(separator: ",") + "; found " + found.joined(separator: ",")
        case let .fieldCount(found, expected): return "\(found) fields; expected \(expected)"
        case let .notACase(text): return "case \"\(text)\" is not a case number"
        case let .repeatedRow(caseID, at, first): return "case \(caseID) at \(at) is already on line \(first)"
        case let .invalidFields(caseID, problems):
            return "case \(caseID): " + problems.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        case let .refused(error):
            let text = error.description, tail = " (nothing was stored)"
            return text.hasSuffix(tail) ? String(text.dropLast(tail.count)) : text
        case .noRows: return "no rows below the header"
        }
    }
}

/// One bad row of an import: its line (nil for the file as a whole) and why.
public struct ImportProblem: Sendable, CustomStringConvertible {
    public var line: Int?
    public var reason: OfficeReason

    public init(line: Int?, _ reason: OfficeReason) {
        self.line = line
        self.reason = reason
    }

    public var description: String { (line.map { "line \($0): " } ?? "") + reason.description }
}
