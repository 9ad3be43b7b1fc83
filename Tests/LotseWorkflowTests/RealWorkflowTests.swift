import LotseWorkflow
import LotseXPath
import Testing

@Suite("The two real workflows")
struct RealWorkflowTests {
    @Test(arguments: ["amiga.scxml", "comparison.scxml"])
    func loadsWithoutAnyDiagnostic(file: String) throws {
        let (definition, diagnostics) = RealForms.reader.diagnose(
            bytes: Array(try String(contentsOfFile: Paths.workflow(file), encoding: .utf8).utf8), name: file)
        #expect(diagnostics.map(\.description) == [])
        #expect(definition != nil)
    }

    @Test func theShapeKnowsTheFormsFields() {
        let shape = RealForms.shape
        #expect(shape.hasPath(["case", "capacity", "erwerbsfaehig"]))
        #expect(shape.hasPath(["case", "profiling", "qualification", "school"]))
        #expect(shape.hasPath(["case", "contact", "@last"]))
        #expect(!shape.hasPath(["case", "contact", "date"]))
        #expect(shape.formIDs.isSuperset(of: ["referral", "consent", "capacity", "plan", "closure", "transfer", "follow_up"]))
    }
}
