/// Steps that belong together (one case's story, or one site's registration and
/// randomisation), taken in order.
final class DemoAgent {
    /// The case the steps act on (nil for a site's setup).
    let caseID: Int?
    /// Creation order: breaks ties between agents with steps at the same moment.
    let order: Int
    private(set) var steps: [DemoStep]
    private(set) var index = 0

    init(caseID: Int?, order: Int, steps: [DemoStep]) {
        self.caseID = caseID
        self.order = order
        self.steps = steps
    }

    var next: DemoStep? { index < steps.count ? steps[index] : nil }

    /// Takes the next step; the steps are released after the last.
    func advance() {
        index += 1
        if index == steps.count { steps = []; index = 0 }
    }
}

/// All agents' steps merged into one time order (a binary heap on moment, then agent order),
/// so that the audit log reads in the order things happened.
struct DemoTimeline {
    private var heap: [(moment: Int, order: Int)] = []
    private(set) var agents: [DemoAgent] = []

    /// Adds an agent; its steps join the order.
    mutating func add(caseID: Int?, steps: [DemoStep]) {
        let agent = DemoAgent(caseID: caseID, order: agents.count, steps: steps)
        agents.append(agent)
        if let step = agent.next { push((step.moment, agent.order)) }
    }

    /// The moment of the next step.
    var nextMoment: Int? { heap.first?.moment }

    /// Removes the earliest step and returns it with its agent; the agent's following step joins the order.
    mutating func pop() -> (DemoStep, DemoAgent)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        let agent = agents[top.order]
        guard let step = agent.next else { return nil }
        agent.advance()
        if let following = agent.next { push((following.moment, agent.order)) }
        return (step, agent)
    }

    private static func less(_ a: (moment: Int, order: Int), _ b: (moment: Int, order: Int)) -> Bool {
        a.moment != b.moment ? a.moment < b.moment : a.order < b.order
    }

    private mutating func push(_ item: (moment: Int, order: Int)) {
        heap.append(item)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.less(heap[i], heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let left = 2 * i + 1, right = left + 1
            var smallest = i
            if left < heap.count && Self.less(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count && Self.less(heap[right], heap[smallest]) { smallest = right }
            if smallest == i { return }
            heap.swapAt(i, smallest)
            i = smallest
        }
    }
}
