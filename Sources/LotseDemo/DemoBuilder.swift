import Foundation
import LotseCases
import LotseStore
import LotseXPath

/// One build of a demo region: the office on the new database, the population, the timeline.
final class DemoBuilder {
    let path: String
    let definitions: String
    let clock = DemoClock(start: DemoCalendar.instant(DemoCalendar.moment(DemoRegion.firstDay, hour: 8)))
    let store: Store
    /// The forms and workflows the office was opened with.
    let definitionSet: DefinitionSet
    let office: Office
    let runner: DemoRunner
    let seed: UInt64
    let clientCount: Int
    let password: String
    let progress: ((String) throws -> Void)?
    private var timeline = DemoTimeline()
    private var participants = 0
    private var comparison = 0

    init(path: String, definitions: String, clients: Int, seed: UInt64, password: String,
         progress: ((String) throws -> Void)?) throws {
        self.path = path
        self.definitions = definitions
        self.seed = seed
        self.clientCount = clients
        self.password = password
        self.progress = progress
        store = try Store(path: path)
        let clock = self.clock
        definitionSet = DefinitionSet(directory: definitions, store: store)
        office = Office(store: store, definitions: definitionSet, clock: clock,
                        xpathClock: XPathClock(timeZone: DemoCalendar.zone, now: { clock.now() }))
        let uuids = DemoRandom(seed: seed, stream: 1)
        office.makeUUID = { uuids.uuid() }
        // A synthetic region is reproducible from its own seed, so its randomisation seeds are
        // drawn from it (and the setup's audit row says so), not from the system's CSPRNG.
        let seeds = DemoRandom(seed: seed, stream: 3)
        office.randomisationSeeds = ("lotse demo --seed \(seed) (synthetic region)", {
            (0..<4).map { _ in String(format: "%016llx", seeds.next()) }.joined()
        })
        let population = DemoRandom(seed: seed, stream: 2)
        var people: [DemoClient] = []
        for (site, count) in DemoPopulation.counts(total: clients).enumerated() {
            for _ in 0..<count { people.append(DemoPopulation.client(site: site, population)) }
        }
        runner = DemoRunner(office: office, clock: clock, password: password, clients: people, seed: seed)
    }

    func build() throws -> DemoSummary {
        try checkDefinitions()
        try setUpStaff()
        scheduleSites()
        runner.randomised = { [unowned self] site, result, moment in try self.openStories(site: site, result, at: moment) }
        try runTimeline()
        return try summary()
    }

    /// The workflows and forms the stories use must be there.
    private func checkDefinitions() throws {
        let definitions = definitionSet
        let forms = ["referral", "consent", "profiling", "health_questionnaire", "medical_findings", "medical_statement",
                     "case_conference", "capacity", "interface", "objection", "transfer", "plan", "contact", "step",
                     "placement", "follow_up", "closure", "observation"]
        let missing = ["amiga", "comparison"].filter { definitions.workflows[$0] == nil }.map { "workflow \($0)" }
            + forms.filter { definitions.forms[$0] == nil }.map { "form \($0)" }
        guard missing.isEmpty else {
            throw DemoError.missingDefinitions(missing + definitions.diagnostics.prefix(5), folder: self.definitions)
        }
    }

    /// The admin, the sites and every user, on the first morning; each user logs in when first acting.
    private func setUpStaff() throws {
        var moment = DemoCalendar.moment(DemoRegion.firstDay, hour: 8)
        func at(_ step: String, _ body: () throws -> Void) throws {
            clock.set(DemoCalendar.instant(moment))
            do { try body() } catch {
                throw DemoError.stepFailed(caseID: nil, at: DemoCalendar.iso(moment / 86_400) + " " + DemoRunner.time(moment),
                                           actor: DemoStaff.admin, action: step, reason: String(describing: error))
            }
            moment += 60
        }
        var admin: Actor?
        try at("init --admin \(DemoStaff.admin)") {
            admin = try office.initialise(adminName: DemoStaff.admin, password: password)
        }
        for site in DemoStaff.sites {
            try at("site add \(site.code)") { try office.addSite(by: admin!, code: site.code, name: site.name) }
        }
        for user in DemoStaff.users.dropFirst() {
            try at("user add \(user.name) --role \(user.role)") {
                try office.addUser(by: admin!, name: user.name, role: user.role, sites: user.site.map { [$0] } ?? [],
                                   password: password)
            }
        }
        try progress?("staff: \(DemoStaff.users.count) users at \(DemoStaff.sites.count) sites")
    }

    /// Each site's clients are registered by its caseworkers on its start day and randomised
    /// by the evaluator the next workday at 10:00.
    private func scheduleSites() {
        for (index, site) in DemoStaff.sites.enumerated() {
            let day = DemoCalendar.workday(onOrAfter: DemoRegion.firstDay + site.startOffset)
            let members = runner.clients.indices.filter { runner.clients[$0].site == index }
            var steps: [DemoStep] = []
            let spacing = max(1, 7 * 3600 / max(1, members.count))
            for (n, client) in members.enumerated() {
                steps.append(DemoStep(moment: DemoCalendar.moment(day, hour: 8, minute: 45) + n * spacing,
                                      actor: site.caseworkers[n % site.caseworkers.count], action: .addClient(client)))
            }
            let randomiseDay = DemoCalendar.workday(onOrAfter: day + 1)
            steps.append(DemoStep(moment: DemoCalendar.moment(randomiseDay, hour: 10), actor: DemoStaff.evaluator,
                                  action: .randomise(index)))
            timeline.add(caseID: nil, steps: steps)
        }
    }

    /// Writes the story of every case a randomisation opened and puts it on the timeline.
    private func openStories(site: Int, _ result: RandomisationResult, at randomisedAt: Int) throws {
        let index = Dictionary(uniqueKeysWithValues: runner.clients.indices.filter { runner.clients[$0].site == site }
            .map { (runner.clients[$0].id, $0) })
        // The stories begin half an hour after the randomisation (the supervisor assigns the cases).
        let moment = randomisedAt + 30 * 60
        let siteInfo = DemoStaff.sites[site]
        var observations: [DemoObservations.Row] = []
        for (n, draw) in result.draws.enumerated() {
            guard let clientIndex = index[draw.clientID], let caseID = result.cases[draw.clientID] else { continue }
            let participant = draw.group == .participant
            if participant { participants += 1 } else { comparison += 1 }
            let c = DemoCase(caseID: caseID, client: runner.clients[clientIndex], site: siteInfo, participant: participant,
                             openedDay: moment / 86_400, caseworker: siteInfo.caseworkers[n % siteInfo.caseworkers.count],
                             random: DemoRandom(seed: seed, stream: 1000 + UInt64(clientIndex)))
            let script = DemoScript(caseID: caseID, start: moment, lastDay: DemoRegion.lastDay, random: c.random)
            let life: DemoLife
            if participant {
                let story = DemoParticipantStory(c, script)
                story.write()
                life = story.life
            } else {
                let story = DemoComparisonStory(c, script)
                story.write()
                life = story.life
            }
            observations += DemoObservations.rows(c, life, lastDay: DemoRegion.lastDay)
            timeline.add(caseID: caseID, steps: script.steps)
        }
        for step in DemoObservations.imports(site: site, supervisor: siteInfo.supervisor, observations) {
            timeline.add(caseID: nil, steps: [step])
        }
        try progress?("randomised \(siteInfo.code): \(result.participants) participants, \(result.comparison) comparison")
    }

    /// Runs every step in time order, one transaction per simulated day.
    private func runTimeline() throws {
        var month = ""
        while let next = timeline.nextMoment {
            let day = next / 86_400
            try store.transaction {
                while let moment = timeline.nextMoment, moment / 86_400 == day, let (step, agent) = timeline.pop() {
                    try runner.run(step, caseID: agent.caseID)
                }
            }
            let thisMonth = String(DemoCalendar.iso(day).prefix(7))
            if thisMonth != month {
                if !month.isEmpty {
                    try progress?("\(month): \(runner.transitions) transitions, \(runner.submissions) submissions so far")
                }
                month = thisMonth
            }
        }
    }

    private func summary() throws -> DemoSummary {
        var states: [String: Int] = [:]
        for record in try store.cases.cases() { states[record.state, default: 0] += 1 }
        return DemoSummary(
            path: path, seed: seed, sites: DemoStaff.sites.count,
            users: DemoStaff.users.map { DemoSummary.User(name: $0.name, role: $0.role.rawValue, site: $0.site) },
            clients: clientCount, participants: participants, comparison: comparison,
            transitions: runner.transitions, submissions: runner.submissions, observations: runner.observations,
            states: states, firstDay: DemoCalendar.iso(DemoRegion.firstDay),
            lastDay: String(Timestamp.string(clock.now()).prefix(10)), elapsedSeconds: 0)
    }
}
