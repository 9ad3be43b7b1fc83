extension FormError {
    /// Why a key, a repeat instance or a submission document does not fit the form; typed, so
    /// the shell says it in the session's language. `description` is the English.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        // Fields that take no value
        case isGroup, isNote, isCalculated, isPreloaded, isReadOnly
        // Repeat instances
        case countSetByForm
        case noneCanBeAdded
        case noOuterInstance
        case notRelevantNow
        case mostInstances(Int)
        case noTemplate
        case noSuchInstance
        case instancesSetByForm(name: String, count: Int, byCount: Bool)
        case nextInstance(name: String, count: Int)
        case instanceNumberSyntax(maximum: Int)
        case notARepeat(String)
        // Submission documents
        case otherRoot(document: String, form: String)
        case otherForm(document: String, form: String)
        case noField(form: String, path: String)
        case tooManyInstances(path: String, maximum: Int)
        case twiceButNoRepeat(path: String)

        public var description: String {
            switch self {
            case .isGroup: "it is a group"
            case .isNote: "it is a note"
            case .isCalculated: "it is calculated"
            case .isPreloaded: "it is filled in automatically"
            case .isReadOnly: "it is read-only"
            case .countSetByForm: "the number of instances is set by the form (jr:count)"
            case .noneCanBeAdded: "the form allows no instances to be added"
            case .noOuterInstance: "the instance around it does not exist"
            case .notRelevantNow: "it is not relevant now"
            case let .mostInstances(n): "it has the most instances (\(n))"
            case .noTemplate: "the form has no template for it"
            case .noSuchInstance: "there is no such instance"
            case let .instancesSetByForm(name, count, byCount):
                "\(name) has \(count) instance\(count == 1 ? "" : "s") here, set by the form"
                    + (byCount ? " (jr:count)" : " (none can be added)")
            case let .nextInstance(name, count):
                "\(name) has \(count) instance\(count == 1 ? "" : "s") here; the next one is \(name)[\(count + 1)]"
            case let .instanceNumberSyntax(maximum): "an instance number is written [1], [2], … up to [\(maximum)]"
            case let .notARepeat(step): "\(step) is not a repeat, so it has no instance number"
            case let .otherRoot(document, form): "the document's root is <\(document)>, the form's is <\(form)>"
            case let .otherForm(document, form): "the document is an instance of form \(document), not \(form)"
            case let .noField(form, path): "form \(form) has no field \(path)"
            case let .tooManyInstances(path, maximum): "\(path) has more than \(maximum) instances"
            case let .twiceButNoRepeat(path): "\(path) appears twice but is no repeat"
            }
        }
    }
}
