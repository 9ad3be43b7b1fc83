import Foundation
import LotseXML
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libxml2 must never print: everything it says arrives as diagnostics.
@Suite("libxml2 stays quiet")
struct StandardErrorTests {
    /// Runs `body` with file descriptor 2 redirected to a file and returns what was
    /// written. Other tests running meanwhile may write there too, so callers look
    /// for text only libxml2 could have produced.
    func capturingStandardError(_ body: () throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("lotse-stderr-\(UUID().uuidString)").path
        let file = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        try #require(file >= 0)
        defer { unlink(path) }
        fflush(nil)
        let saved = dup(2)
        dup2(file, 2)
        close(file)
        var thrown: (any Error)?
        do { try body() } catch { thrown = error }
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        if let thrown { throw thrown }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func malformedDocumentsAndSchemasPrintNothing() throws {
        let captured = try capturingStandardError {
            let probe = "stderr-probe-marker\n"
            _ = probe.withCString { write(2, $0, strlen($0)) }

            #expect(throws: XMLError.self) {
                try XMLDocument.parse(string: "<quietroot>\n<quietchild>&quietentity;\n</quietroot>",
                                      name: "quiet-document.xml")
            }
            #expect(throws: XMLError.self) {
                try XMLDocument.parse(string: "<quietroot xmlns:q='not a uri'><z:quietchild/></quietroot>",
                                      name: "quiet-namespace.xml")
            }
            #expect(throws: XMLError.self) {
                try RelaxNGSchema(string: """
                    <grammar xmlns="http://relaxng.org/ns/structure/1.0">
                      <start><element name="quietroot"><quietpattern/></element></start>
                      <define name="quietunused"><ref name="quietmissing"/></define>
                    </grammar>
                    """, name: "quiet-schema.rng")
            }
            let schema = try RelaxNGSchema(string: """
                <grammar xmlns="http://relaxng.org/ns/structure/1.0">
                  <start><element name="quietroot"><empty/></element></start>
                </grammar>
                """, name: "quiet-valid.rng")
            let document = try XMLDocument.parse(string: "<quietroot><quietchild/></quietroot>",
                                                 name: "quiet-invalid.xml")
            #expect(!schema.validate(document).isEmpty)
        }
        // The probe shows the redirection worked.
        #expect(captured.contains("stderr-probe-marker"))
        for marker in ["quiet", "parser error", "Relax-NG", "RNG", "validity", "namespace error"] {
            #expect(!captured.contains(marker), "libxml2 printed: \(captured)")
        }
    }
}
