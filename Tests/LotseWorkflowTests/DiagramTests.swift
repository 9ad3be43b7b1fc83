import LotseWorkflow
import Testing

@Suite("Diagram and rows")
struct DiagramTests {
    let amiga: WorkflowDefinition
    let semantics: WorkflowDefinition

    init() throws {
        amiga = try RealForms.reader.read(fileAt: Paths.workflow("amiga.scxml"))
        semantics = try TestShapes.reader.read(fileAt: Paths.fixture("interpreter.scxml"))
    }

    @Test func compoundStatesAreClustersAndFinalsDoubleCircles() {
        let dot = WorkflowDiagram.dot(amiga, lang: .de)
        #expect(dot.hasPrefix("digraph \"amiga\" {\n"))
        #expect(dot.contains("subgraph \"cluster_active\" {"))
        #expect(dot.contains("label=\"Im Modellprojekt\";"))
        #expect(dot.contains("\"closed\" [shape=doublecircle, label=\"Abgeschlossen\"];"))
        #expect(dot.contains("\"active_history\" [shape=circle, label=\"H\""))
        #expect(dot.contains("\"consent_pending\" [label=\"Einwilligung ausstehend\\n(P4W)\"];"))
        #expect(dot.contains("\"capacity_review\" -> \"integration_planning\" [label=\"decide [caseworker, supervisor]\", "
                             + "tooltip=\"/case/capacity/erwerbsfaehig = 'yes'\"]"))
        #expect(dot.contains("\"capacity_signoff\" -> \"interface_review\" [label=\"confirm [supervisor] (4-eyes)\"]"))
        // A transition of the cluster leaves from its border.
        #expect(dot.contains("\"referred\" -> \"suspended\" [label=\"suspend [caseworker, supervisor, medical]\", "
                             + "ltail=\"cluster_active\"]"))
        #expect(dot.contains("\"active_history\" -> \"referred\" [style=dashed]"))
        #expect(!dot.contains("fillcolor"))
        #expect(dot.hasSuffix("}\n"))
    }

    @Test func theHighlightedStateIsFilled() {
        let dot = WorkflowDiagram.dot(amiga, lang: .en, highlight: "capacity_review")
        #expect(dot.contains("\"capacity_review\" [label=\"work-capacity review\\n(P6W)\", style=\"rounded,filled\", "
                             + "fillcolor=\"#ffe08a\"];"))
        let cluster = WorkflowDiagram.dot(semantics, lang: .en, highlight: "nest")
        #expect(cluster.contains("subgraph \"cluster_nest\" {\n      label=\"nest\";\n      style=\"rounded,filled\";"))
        // Edges into a compound state end at its border.
        #expect(cluster.contains("\"w2\" -> \"n2\" [label=\"deeper [caseworker]\", lhead=\"cluster_nest\"]"))
    }

    @Test func rowsListStatesAndTransitionsAsPlainData() {
        let states = amiga.stateRows(lang: .en)
        #expect(states.first == WorkflowStateRow(id: "active", depth: 0, kind: .compound, label: "in the model project",
                                                 due: nil, requires: [], records: [], contactInterval: nil))
        let steps = states.first { $0.id == "integration_steps" }
        #expect(steps?.depth == 1)
        #expect(steps?.records == ["contact", "step"])
        #expect(steps?.contactInterval == "/case/plan/contact_interval_days")
        #expect(steps?.due == "P6M")
        let transitions = amiga.transitionRows(lang: .de)
        let confirm = transitions.first { $0.event == "confirm" }
        #expect(confirm == WorkflowTransitionRow(source: "capacity_signoff", event: "confirm", cond: nil,
                                                 target: "interface_review", roles: ["supervisor"], requires: [],
                                                 fourEyes: true, label: "Entscheidung bestätigen"))
        #expect(transitions.first?.event == "")  // the history's default transition comes first
        #expect(transitions.filter { $0.event == "decide" }.count == 2)
    }
}
