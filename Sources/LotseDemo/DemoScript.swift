/// Field values of one form submission, as `Office.submit` takes them.
typealias DemoValues = [(key: String, value: String)]

/// What one step of a case's story does, through the real office.
enum DemoAction {
    /// `Office.submit`: a form (a new entry, or the correction of `entry`).
    case submit(form: String, values: DemoValues, entry: Int?)
    /// `Office.fire`: a workflow event, with an optional note.
    case fire(event: String, note: String?)
    /// `Office.assignCase`: the supervisor gives the case to a caseworker.
    case assign(to: String)
    /// `Office.addClient`: registers the client with this index as eligible.
    case addClient(Int)
    /// `Office.randomise`: the site with this index (set up first, closed after), which opens its cases.
    case randomise(Int)
    /// `Office.importObservations`: a site's statistics extract, rows below the header.
    case importObservations(site: Int, rows: [String])
}

/// One step of a story: when (a moment, see `DemoCalendar`), by whom, what.
struct DemoStep {
    var moment: Int
    var actor: String
    var action: DemoAction
}

/// A case's story, written step by step in time order. Steps are grouped into visits: a visit
/// starts on a workday during office hours and its steps follow each other by a few minutes.
/// Nothing is written after the last day of the simulation; `visit` then returns false, and
/// the story ends there (the case stays where it is, as open cases do).
final class DemoScript {
    let caseID: Int
    let lastDay: Int
    let random: DemoRandom
    private(set) var steps: [DemoStep] = []
    private(set) var moment: Int
    /// Whether the story reached the end of the simulated time.
    private(set) var ended = false

    init(caseID: Int, start: Int, lastDay: Int, random: DemoRandom) {
        self.caseID = caseID
        self.moment = start
        self.lastDay = lastDay
        self.random = random
    }

    /// The day of the latest step.
    var today: Int { moment / 86_400 }

    /// Starts a visit on the first workday on or after `day` (and not before the latest step).
    /// - Returns: false when that day is after the end of the simulation.
    @discardableResult
    func visit(_ day: Int) -> Bool {
        guard !ended else { return false }
        let target = DemoCalendar.workday(onOrAfter: max(day, today))
        guard target <= lastDay else {
            ended = true
            return false
        }
        if target == today {
            moment += random.int(2...20) * 60
        } else {
            moment = DemoCalendar.moment(target, hour: 8) + random.int(0...(7 * 60 + 30)) * 60
        }
        return true
    }

    /// Records a submission at the current visit. A correction starts from the values it
    /// corrects, so the form's optional fields not given are cleared unless `keeping` them.
    func submit(_ actor: String, _ form: String, _ values: DemoValues, entry: Int? = nil, keeping: Bool = false) {
        var values = values
        if !keeping {
            for field in DemoForms.optionalFields[form] ?? [] where !values.contains(where: { $0.key == field }) {
                values.append((field, ""))
            }
        }
        add(actor, .submit(form: form, values: values, entry: entry))
    }

    /// Fires an event at the current visit.
    func fire(_ actor: String, _ event: String, note: String? = nil) {
        add(actor, .fire(event: event, note: note))
    }

    /// Assigns the case at the current visit.
    func assign(_ supervisor: String, to caseworker: String) {
        add(supervisor, .assign(to: caseworker))
    }

    private func add(_ actor: String, _ action: DemoAction) {
        guard !ended else { return }
        if let last = steps.last, last.moment >= moment { moment = last.moment + random.int(1...4) * 60 }
        steps.append(DemoStep(moment: moment, actor: actor, action: action))
    }

    /// Merges steps written separately (the evaluator's observations) into the story, in time
    /// order; steps at the same moment keep the story's order first.
    func merge(_ other: [DemoStep]) {
        guard !other.isEmpty else { return }
        var merged: [DemoStep] = []
        merged.reserveCapacity(steps.count + other.count)
        var i = 0, j = 0
        while i < steps.count || j < other.count {
            if j == other.count || (i < steps.count && steps[i].moment <= other[j].moment) {
                merged.append(steps[i]); i += 1
            } else {
                merged.append(other[j]); j += 1
            }
        }
        for k in merged.indices.dropFirst() where merged[k].moment <= merged[k - 1].moment {
            merged[k].moment = merged[k - 1].moment + 60
        }
        steps = merged
    }
}
