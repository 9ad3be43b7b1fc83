import CLibXML2

/// libxml2's global and per-thread state, touched only here.
///
/// - `xmlInitParser()` and `xmlRelaxNGInitTypes()` (whose own lazy initialisation is
///   not thread-safe) run once per process, from the initialiser of a `static let`
///   (Swift runs it exactly once, thread-safely) before any other libxml2 call.
/// - libxml2 keeps its error handlers per thread. ``capturingErrors(into:_:)`` installs
///   the structured handler for one synchronous call and restores the previous one
///   before it returns, so no handler outlives its scope or leaks to another task.
///   Never call it across an `await` (nothing in LotseXML is `async`).
/// - The variadic generic error handler, which Swift cannot implement, is set to a
///   silent C function on every thread LotseXML runs on: libxml2 never prints.
enum LibXML2 {
    /// Parse options for every document LotseXML reads: no network access, no
    /// printing (errors come through the structured handler), line numbers past
    /// 65,535. No DTD loading and no entity substitution (those need options not given).
    static let parseOptions: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue)

    private static let initialized: Bool = {
        xmlInitParser()
        _ = xmlRelaxNGInitTypes()
        lotse_xml_silence_generic_errors_by_default()
        return true
    }()

    /// Runs `body` with every libxml2 error and warning raised on this thread going
    /// into `collector`, then restores the thread's previous structured handler.
    static func capturingErrors<T>(into collector: DiagnosticCollector, _ body: () throws -> T) rethrows -> T {
        precondition(initialized)
        lotse_xml_silence_generic_errors()
        let previousHandler = lotse_xml_structured_error_handler()
        let previousContext = lotse_xml_structured_error_context()
        return try withExtendedLifetime(collector) {
            xmlSetStructuredErrorFunc(collector.userData, DiagnosticCollector.structuredErrorHandler)
            defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
            return try body()
        }
    }
}

/// `String` from a libxml2 string (UTF-8, NUL-terminated).
func swiftString(_ pointer: UnsafePointer<xmlChar>) -> String {
    String(cString: pointer)
}

/// `String` from a libxml2 string the caller owns and must free with `xmlFree`.
func takeSwiftString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    defer { lotse_xml_free(pointer) }
    return String(cString: pointer)
}

/// The version of the libxml2 library Lotse runs with (`2.9.14`), for `lotse --version`.
public enum LibXML2Version {
    public static var text: String {
        guard let raw = lotse_xml_parser_version(), let number = Int(String(cString: raw)) else { return "unknown" }
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }
}
