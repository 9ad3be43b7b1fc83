public import LotseXPath

/// A node of the primary instance as the form defines it (names and default values).
public struct TemplateNode: Sendable, Hashable {
    public var name: String
    /// Attributes (on the root: `id`, `version`).
    public var attributes: [String: String]
    /// Default text of a leaf.
    public var value: String
    public var children: [TemplateNode]
    public var line: Int
    /// A repeat (`begin_repeat`): this node is the template of a new instance.
    public var isRepeat = false
    /// The form had a `jr:template` element (otherwise the first instance is the template).
    public var hasTemplate = false
    /// The repeat's instances a new filling starts with (each with its own nested repeats).
    public var initial: [TemplateNode] = []
}

/// A `<repeat>`: a group a person enters as often as needed (or `jr:count` times).
public struct RepeatDefinition: Sendable, Hashable {
    /// The repeat's path (`["data", "member"]`); each instance is one element of that name.
    public var path: [String]
    /// `jr:count`: the number of instances, from an expression (no "add another?").
    public var count: XPathExpression?
    /// `jr:noAddRemove="true()"`: the instances the form starts with, none added or removed.
    public var fixed: Bool
    public var line: Int

    /// Whether a person decides how many instances there are ("add another …?").
    public var asksToAdd: Bool { count == nil && !fixed }
}

/// One choice of a select: its code and label.
public struct Choice: Sendable, Hashable {
    /// The code stored in the instance (`GE6`).
    public var value: String
    public var label: LocalizedText
}

/// Where a select's choices come from.
public enum ChoiceSource: Sendable, Hashable {
    /// `<item>`s inside the control.
    case inline([Choice])
    /// `<itemset nodeset="instance('list')/root/item">` with value and label references.
    case itemset(instance: String, nodeset: XPathExpression, valueRef: XPathExpression, labelRef: LabelReference)
}

/// How an itemset item's label is found: `jr:itext(itextId)` or a plain child (`label`).
public enum LabelReference: Sendable, Hashable {
    case itext(XPathExpression)
    case plain(XPathExpression)
}

/// A `<bind>`: the type and the rules of one instance node.
public struct Bind: Sendable, Hashable {
    /// The node's path from the instance root (`["data", "person", "age"]`).
    public var path: [String]
    public var type: DataType
    public var required: XPathExpression?
    public var relevant: XPathExpression?
    public var constraint: XPathExpression?
    public var calculate: XPathExpression?
    public var readonly: XPathExpression?
    public var requiredMessage: LocalizedText?
    public var constraintMessage: LocalizedText?
    /// `jr:preload` (`uid`, `timestamp`) and its parameter (`start`, `end`).
    public var preload: String?
    public var preloadParams: String?
    /// `lotse:access="medical"` on this bind itself (see `Field.isMedical` for inheritance).
    public var medical: Bool
    public var line: Int
    /// The column of the `<bind` (0 when unknown).
    public var column: Int = 0
}

/// What kind of control shows a field.
public enum ControlKind: String, Sendable {
    case input, select1, select, group, trigger
    /// A bound node without a body control (`calculate`, hidden values, `meta`).
    case hidden
}

/// A field of the form: a node of the primary instance with its control, bind and texts.
public struct Field: Sendable, Hashable {
    /// The path from the root (`["data", "qualification", "school"]`).
    public var path: [String]
    public var kind: ControlKind
    public var type: DataType
    public var label: LocalizedText?
    public var hint: LocalizedText?
    public var choices: ChoiceSource?
    /// Index of its bind in `FormDefinition.binds`, if it has one.
    public var bind: Int?
    /// Marked `lotse:access="medical"`, itself or through an enclosing group.
    public var isMedical: Bool
    /// A read-only note (no value to enter).
    public var isNote: Bool
    public var line: Int

    /// The last step of the path, the name used in `key=value`.
    public var name: String { path.last ?? "" }

    /// The path below the root, `person/age`.
    public var relativePath: String { path.dropFirst().joined(separator: "/") }
}

/// A `<setvalue>` run when a new instance is made (`odk-instance-first-load`).
public struct SetValue: Sendable, Hashable {
    public var path: [String]
    public var value: XPathExpression?
    public var line: Int
    /// The control whose change runs it (`xforms-value-changed`); nil: on first load.
    public var trigger: [String]? = nil
    /// `odk-new-repeat`: run in each instance of its repeat added while filling (not on first load).
    public var onNewRepeat = false
}

/// A loaded and checked form: everything needed to fill, validate and show it.
/// Pure data; `FormInstance` holds the values of one filling.
public struct FormDefinition: Sendable {
    /// The form id (`capacity`), from the primary instance's root `id`.
    public var id: String
    public var version: String
    public var title: String
    /// The file it was read from (as given to the reader).
    public var file: String
    public var languages: [FormLanguage]
    /// The default language's code (`de`).
    public var defaultLanguage: String?
    /// Language code → text id → text.
    var texts: [String: [String: [TextSegment]]]
    /// The primary instance's shape and defaults.
    public var template: TemplateNode
    /// Inline secondary instances by id (choice lists).
    var secondaryInstances: [String: TemplateNode]
    /// The same as shared, immutable trees that expressions read.
    var secondaryRoots: [String: StaticNode] = [:]
    /// External instances by id with their `src` (`case` → `jr://file/case.xml`): the caller supplies them.
    public var externalInstances: [String: String]
    public var binds: [Bind]
    /// Every field, in body order; bound nodes without a control follow at the end.
    public var fields: [Field]
    public var setValues: [SetValue]
    /// Every repeat, outer ones before the repeats inside them.
    public var repeats: [RepeatDefinition] = []
    /// The order in which `relevant` and `calculate` are evaluated.
    var graph: BindGraph
    /// The bytes the form was read from (stored with submissions, by their hash).
    public var source: [UInt8] = []
    /// Field indices by name and by path below the root, for `resolveField`.
    var fieldsByName: [String: [Int]] = [:]
    var fieldsByRelativePath: [String: Int] = [:]
    /// The codes of selects whose itemset has no filter, by field path (computed once).
    var staticChoiceValues: [[String]: [String]] = [:]

    /// The title in `language`: the itext `form_title` of that translation when the form has one
    /// (XLSForm's `form_title` is one text, so a hand-written translation supplies it), else `<h:title>`.
    public func title(language: String) -> String {
        guard let segments = texts[language]?["form_title"] else { return title }
        let text = segments.compactMap { segment -> String? in
            if case let .literal(s) = segment { return s }
            return nil
        }.joined().trimmed()
        return text.isEmpty ? title : text
    }

    /// The field at a path.
    public func field(at path: [String]) -> Field? { fields.first { $0.path == path } }

    /// The bind of a field.
    public func bind(of field: Field) -> Bind? { field.bind.map { binds[$0] } }

    /// The fields a person fills or reads: controls other than groups (notes included).
    public var questions: [Field] { fields.filter { $0.kind != .group && $0.kind != .hidden } }

    /// Whether any field is medical-only, and whether all data fields are.
    public var access: FormAccess {
        let data = fields.filter { $0.kind != .group && !$0.isNote && $0.path.first.map { _ in true } == true
            && !$0.path.contains("meta") }
        let medical = data.filter(\.isMedical).count
        if medical == 0 { return .open }
        return medical == data.count ? .medical : .partlyMedical
    }

    /// Finds the field a `key=value` key names: its name, or its path below the root.
    /// - Throws: `FormError.unknownField` or `.ambiguousField`.
    public func resolveField(_ key: String) throws(FormError) -> Field {
        // A path below the root wins: `q1` is the top-level q1 even when a group has one too.
        if let index = fieldsByRelativePath[key] { return fields[index] }
        if key.contains("/") {
            guard let index = fieldsByRelativePath[key] else { throw .unknownField(key, form: id) }
            return fields[index]
        }
        let named = fieldsByName[key] ?? []
        if named.count == 1 { return fields[named[0]] }
        if named.isEmpty { throw .unknownField(key, form: id) }
        throw .ambiguousField(key, paths: named.map { fields[$0].relativePath })
    }

    /// Builds the lookup tables once the fields are known (the reader calls it).
    mutating func index() {
        secondaryRoots = secondaryInstances.mapValues(StaticNode.tree)
        fieldsByName = [:]
        fieldsByRelativePath = [:]
        for (i, field) in fields.enumerated() {
            fieldsByName[field.name, default: []].append(i)
            fieldsByRelativePath[field.relativePath] = i
        }
        for field in fields {
            guard case let .itemset(instance, nodeset, valueRef, _) = field.choices, !nodeset.source.contains("["),
                  let top = secondaryTree(instance),
                  let items = try? nodeset.evaluate(XPathContext(node: top, instance: { $0 == instance ? top : nil })).nodes
            else { continue }
            staticChoiceValues[field.path] = items.map { (try? valueRef.evaluateString(XPathContext(node: $0))) ?? "" }
        }
    }

    /// The text in a language (falls back to the default language, then any).
    public func text(_ text: LocalizedText?, language: String, evaluate: (XPathExpression) -> String = { _ in "" })
        -> String? {
        guard let text else { return nil }
        let segments: [TextSegment]?
        switch text {
        case let .literal(s): segments = s
        case let .itext(id):
            segments = texts[language]?[id] ?? defaultLanguage.flatMap { texts[$0]?[id] }
                ?? texts.values.lazy.compactMap { $0[id] }.first
        }
        guard let segments else { return nil }
        return segments.map { segment -> String in
            switch segment {
            case let .literal(s): return s
            case let .output(expression): return evaluate(expression)
            }
        }.joined().trimmed()
    }

    /// The choices of a select field (the label text in `language`). Itemsets are read from
    /// their secondary instance; choice filters (predicates) are not applied here.
    public func choices(of field: Field, language: String) -> [(value: String, label: String)] {
        switch field.choices {
        case nil: return []
        case let .inline(items):
            return items.map { ($0.value, text($0.label, language: language) ?? $0.value) }
        case let .itemset(instance, _, valueRef, labelRef):
            return itemsetChoices(instance: instance, valueRef: valueRef, labelRef: labelRef, language: language)
        }
    }
}

/// Who may read a form's content.
public enum FormAccess: String, Sendable {
    case open
    case medical
    case partlyMedical = "partly medical"
}
