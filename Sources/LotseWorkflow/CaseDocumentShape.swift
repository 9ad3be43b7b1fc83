public import LotseXPath

/// The shape of the case data document (DESIGN §5) that workflow guards read,
/// as an ``XPathSchema`` for checking `cond` at load time:
///
/// ```xml
/// <case id="17" state="capacity_review" group="participant" site="hannover-mitte">
///   <client sex="w" age_class="50plus" applicant_type="SP"/>
///   <capacity><capacity>LT3</capacity><erwerbsfaehig>no</erwerbsfaehig>…</capacity>
///   <contact count="7" last="2026-11-02"/>
/// </case>
/// ```
///
/// Fixed parts: `/case/@id`, `@state`, `@group`, `@site`; `/case/client/@sex`,
/// `@age_class`, `@applicant_type`. Each ordinary form contributes one element
/// named after its id holding the children of its primary instance's root
/// (`/case/plan/contact_interval_days`, groups nested:
/// `/case/profiling/qualification/school`). Each repeatable form contributes an
/// empty element with `@count` (entries so far) and `@last` (the date of the
/// latest entry).
public struct CaseDocumentShape: XPathSchema, Sendable, Hashable {
    /// The paths of the case element's own attributes.
    public static let caseAttributes = ["id", "state", "group", "site"]
    /// The attributes of `client`.
    public static let clientAttributes = ["sex", "age_class", "applicant_type"]
    /// The attributes of a repeatable form's element.
    public static let repeatableAttributes = ["count", "last"]

    /// Element paths of each ordinary form below its root, e.g. `["qualification", "school"]`.
    public let fields: [String: Set<[String]>]
    /// The ids of repeatable forms.
    public let repeatable: Set<String>

    /// Creates a shape.
    ///
    /// - Parameters:
    ///   - fields: For each ordinary form id, the element paths below the instance
    ///     root (groups and their children both listed, `meta/instanceID` may be).
    ///   - repeatable: The ids of repeatable forms (their fields are not in the document).
    public init(fields: [String: Set<[String]>], repeatable: Set<String>) {
        self.fields = fields
        self.repeatable = repeatable
    }

    /// Every form id, ordinary and repeatable.
    public var formIDs: Set<String> {
        repeatable.union(fields.keys)
    }

    /// Whether the case document has a node at `path` (`["case", "plan", "goal"]`,
    /// `["case", "contact", "@last"]`).
    public func hasPath(_ path: [String]) -> Bool {
        guard path.first == "case" else { return false }
        switch path.count {
        case 1:
            return true
        case 2:
            let name = path[1]
            if name.hasPrefix("@") { return Self.caseAttributes.contains(String(name.dropFirst())) }
            return name == "client" || fields[name] != nil || repeatable.contains(name)
        default:
            let form = path[1]
            let rest = Array(path.dropFirst(2))
            if form == "client" {
                return rest.count == 1 && rest[0].hasPrefix("@")
                    && Self.clientAttributes.contains(String(rest[0].dropFirst()))
            }
            if repeatable.contains(form) {
                return rest.count == 1 && rest[0].hasPrefix("@")
                    && Self.repeatableAttributes.contains(String(rest[0].dropFirst()))
            }
            return fields[form]?.contains(rest) ?? false
        }
    }

    /// The case document has no secondary instances.
    public func hasInstance(_ id: String) -> Bool { false }
}
