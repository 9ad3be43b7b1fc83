import CLibXML2

/// The Swift context libxml2 calls back into during one parse, compilation or
/// validation: it turns each `xmlError` into an ``XMLDiagnostic`` and keeps the
/// element lines counted while parsing (see `DocumentParsing`), so a diagnostic about
/// an element names the same line as ``XMLElement/line``.
///
/// Lives for one synchronous scope on one thread; passed to C as an unretained
/// pointer (the scope keeps it alive), so it is deliberately not `Sendable`.
final class DiagnosticCollector {
    /// Named when libxml2's error carries no file.
    let file: String
    /// Everything captured so far, in order.
    var diagnostics: [XMLDiagnostic] = []
    /// Start-tag lines that differ from libxml2's `node->line` (multi-line start tags,
    /// lines past 65,535), keyed by the C element node.
    var elementLines: [UnsafeMutableRawPointer: Int] = [:]

    init(file: String) {
        self.file = file
    }

    /// Whether anything at level error or fatal was captured.
    var hasErrors: Bool {
        diagnostics.contains { $0.level != .warning }
    }

    /// This object as libxml2's `userData`; valid while the caller keeps it alive.
    var userData: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    /// The line of an element node: LotseXML's count where it differs, else libxml2's.
    func line(of node: xmlNodePtr) -> Int {
        elementLines[UnsafeMutableRawPointer(node)] ?? Int(node.pointee.line)
    }

    /// Records a diagnostic raised by LotseXML itself (no libxml2 message exists).
    func add(_ message: String, level: XMLDiagnostic.Level = .fatal, line: Int = 0) {
        diagnostics.append(XMLDiagnostic(file: file, line: line, column: 0, level: level,
                                         domain: .lotse, code: 0, message: message))
    }

    /// The `xmlStructuredErrorFunc` LotseXML installs; `userData` is a collector.
    static let structuredErrorHandler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        Unmanaged<DiagnosticCollector>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
    }

    private func record(_ error: xmlError) {
        let level: XMLDiagnostic.Level
        switch error.level {
        case XML_ERR_WARNING: level = .warning
        case XML_ERR_ERROR: level = .error
        case XML_ERR_FATAL: level = .fatal
        default: return
        }
        var line = Int(error.line)
        if let raw = error.node {
            let node = raw.assumingMemoryBound(to: xmlNode.self)
            if node.pointee.type == XML_ELEMENT_NODE {
                line = elementLines[raw] ?? (line > 0 ? line : Int(node.pointee.line))
            }
        }
        var message = error.message.map { String(cString: $0) } ?? "libxml2 error \(error.code)"
        while let last = message.last, last.isWhitespace {
            message.removeLast()
        }
        diagnostics.append(XMLDiagnostic(
            file: error.file.map { String(cString: $0) } ?? file,
            line: line,
            column: Int(error.int2),
            level: level,
            domain: XMLDiagnostic.Domain(rawValue: Int(error.domain)),
            code: Int(error.code),
            message: message))
    }
}
