import Foundation
import LotseXML
import Testing

@Suite("RELAX NG")
struct RelaxNGTests {
    static let schemaText = """
        <grammar xmlns="http://relaxng.org/ns/structure/1.0"
                 datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"
                 ns="urn:lotse:test">
          <start>
            <element name="workflow">
              <attribute name="name"/>
              <oneOrMore>
                <element name="state">
                  <attribute name="id"><data type="NCName"/></attribute>
                  <zeroOrMore>
                    <element name="transition">
                      <attribute name="target"/>
                      <empty/>
                    </element>
                  </zeroOrMore>
                </element>
              </oneOrMore>
            </element>
          </start>
        </grammar>
        """

    static let good = """
        <workflow xmlns="urn:lotse:test" name="w">
          <state id="a">
            <transition target="b"/>
          </state>
          <state id="b"/>
        </workflow>
        """

    static let bad = """
        <workflow xmlns="urn:lotse:test" name="w">
          <state id="a">
            <transition target="b"/>
            <jump target="b"/>
          </state>
        </workflow>
        """

    @Test func acceptsAGoodDocument() throws {
        let schema = try RelaxNGSchema(string: Self.schemaText, name: "workflow.rng")
        let document = try XMLDocument.parse(string: Self.good, name: "good.xml")
        #expect(schema.validate(document) == [])
        #expect(schema.accepts(document))
        #expect(schema.name == "workflow.rng")
    }

    @Test func rejectsABadDocumentAtTheBadElement() throws {
        let schema = try RelaxNGSchema(string: Self.schemaText, name: "workflow.rng")
        let document = try XMLDocument.parse(string: Self.bad, name: "bad.xml")
        let found = schema.validate(document)
        #expect(!schema.accepts(document))
        let first = try #require(found.first)
        #expect(first.file == "bad.xml")
        #expect(first.line == 4)
        #expect(first.column == 0)
        #expect(first.domain == .relaxNGValidator)
        #expect(first.level == .error)
        #expect(first.message.contains("jump"))
        #expect(first.description.hasPrefix("bad.xml:4: error: "))
    }

    @Test func reportsTheLineOfAMultiLineStartTag() throws {
        let schema = try RelaxNGSchema(string: Self.schemaText, name: "workflow.rng")
        let text = """
            <workflow xmlns="urn:lotse:test" name="w">
              <state
                 id="not a name"
                 extra="x">
              </state>
            </workflow>
            """
        let document = try XMLDocument.parse(string: text, name: "multi.xml")
        let found = schema.validate(document)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.line == 2 })
        #expect(document.root.elements.first?.line == 2)
    }

    @Test func aSchemaThatDoesNotCompileReportsItsOwnErrors() throws {
        let broken = """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0">
              <start>
                <element name="a">
                  <frobnicate/>
                </element>
              </start>
            </grammar>
            """
        let error = #expect(throws: XMLError.self) {
            try RelaxNGSchema(string: broken, name: "broken.rng")
        }
        guard case .invalidSchema(let file, let diagnostics)? = error else {
            Issue.record("expected invalidSchema, got \(String(describing: error))")
            return
        }
        #expect(file == "broken.rng")
        let first = try #require(diagnostics.first)
        #expect(first.file == "broken.rng")
        #expect(first.domain == .relaxNGParser)
        #expect(first.message.contains("frobnicate"))
        #expect(first.line == 4)
    }

    @Test func aSchemaThatIsNotWellFormed() throws {
        let error = #expect(throws: XMLError.self) {
            try RelaxNGSchema(string: "<grammar>\n<start>\n</grammar>", name: "torn.rng")
        }
        guard case .invalidSchema(_, let diagnostics)? = error else {
            Issue.record("expected invalidSchema")
            return
        }
        #expect(diagnostics.first?.line == 3)
        #expect(diagnostics.first?.file == "torn.rng")
    }

    @Test func compilesFromAFile() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("lotse-\(UUID().uuidString).rng").path
        try Self.schemaText.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let schema = try RelaxNGSchema(fileAt: path)
        #expect(schema.accepts(try XMLDocument.parse(string: Self.good, name: "good.xml")))
        #expect(throws: XMLError.self) { try RelaxNGSchema(fileAt: path + ".missing") }
    }

    @Test func oneSchemaServesManyTasks() async throws {
        let schema = try RelaxNGSchema(string: Self.schemaText, name: "workflow.rng")
        let good = try XMLDocument.parse(string: Self.good, name: "good.xml")
        let bad = try XMLDocument.parse(string: Self.bad, name: "bad.xml")
        let lines = await withTaskGroup(of: [Int].self) { group in
            for index in 0..<32 {
                group.addTask { schema.validate(index.isMultiple(of: 2) ? good : bad).map(\.line) }
            }
            var all: [[Int]] = []
            for await lines in group {
                all.append(lines)
            }
            return all
        }
        #expect(lines.filter(\.isEmpty).count == 16)
        #expect(lines.filter { $0.first == 4 }.count == 16)
    }

    @Test func schemasCompileInParallel() async throws {
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let schema = try RelaxNGSchema(string: Self.schemaText, name: "parallel\(index).rng")
                    return schema.validate(try XMLDocument.parse(string: Self.bad, name: "bad.xml")).count
                }
            }
            var counts: [Int] = []
            for try await count in group {
                counts.append(count)
            }
            return counts
        }
        #expect(counts.count == 8)
        #expect(counts.allSatisfy { $0 > 0 })
    }

    @Test func validatingATypicalWorkflowIsFast() throws {
        var text = "<workflow xmlns=\"urn:lotse:test\" name=\"w\">\n"
        for index in 0..<100 {
            text += "  <state id=\"s\(index)\">\n    <transition target=\"s\(index + 1)\"/>\n  </state>\n"
        }
        text += "</workflow>\n"
        let schema = try RelaxNGSchema(string: Self.schemaText, name: "workflow.rng")
        let document = try XMLDocument.parse(string: text, name: "typical.xml")
        #expect(schema.validate(document) == [])
        let rounds = 50
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<rounds {
                _ = schema.validate(document)
            }
        }
        let perValidation = elapsed / rounds
        // Typically 0.1 to 0.3 ms on this machine; generous for a loaded CI box.
        #expect(perValidation < .milliseconds(5), "validation took \(perValidation)")
    }
}
