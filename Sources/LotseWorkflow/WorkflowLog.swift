/// A `<log>` element of `onentry`, `onexit` or a transition (SCXML §4.6), kept as
/// text: Lotse does not evaluate `expr`, it hands label and expression to the audit.
public struct WorkflowLog: Sendable, Hashable {
    /// The `label` attribute, or nil.
    public var label: String?
    /// The `expr` attribute as written, or nil.
    public var expr: String?
    /// The line of the `<log>` element.
    public var line: Int

    /// Creates a log entry.
    public init(label: String?, expr: String?, line: Int) {
        self.label = label
        self.expr = expr
        self.line = line
    }
}
