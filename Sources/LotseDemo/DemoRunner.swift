import Foundation
import LotseCases

/// Carries out steps through the real office, as the named users, at the step's moment on
/// the demo clock. Users log in (a real, audited login) the first time they act.
final class DemoRunner {
    let office: Office
    let clock: DemoClock
    private let password: String
    private var actors: [String: Actor] = [:]
    /// The population; registered ids are filled in as clients are added.
    var clients: [DemoClient]
    /// Called when a site was randomised, with the site's index, the result and the moment.
    var randomised: (Int, RandomisationResult, Int) throws -> Void = { _, _, _ in }

    /// The randomisation seed (recorded with each run, the same for every site: the
    /// randomiser mixes the site's code into each stratum's stream).
    let seed: UInt64
    private(set) var transitions = 0
    private(set) var submissions = 0
    private(set) var observations = 0
    private(set) var steps = 0

    init(office: Office, clock: DemoClock, password: String, clients: [DemoClient], seed: UInt64) {
        self.office = office
        self.seed = seed
        self.clock = clock
        self.password = password
        self.clients = clients
    }

    /// The user as a logged-in actor (logging them in on first use).
    func actor(_ name: String) throws -> Actor {
        if let actor = actors[name] { return actor }
        let actor = try office.login(name: name, password: password)
        actors[name] = actor
        return actor
    }

    /// Sets the clock to the step's moment and carries the step out.
    /// - Throws: `DemoError.stepFailed` naming the case, moment, user and action.
    func run(_ step: DemoStep, caseID: Int?) throws {
        clock.set(DemoCalendar.instant(step.moment))
        do {
            let actor = try self.actor(step.actor)
            switch step.action {
            case let .submit(form, values, entry):
                try office.submit(by: actor, caseID: caseID ?? 0, formID: form, values: values, entry: entry)
                submissions += 1
                if form == "observation" { observations += 1 }
            case let .fire(event, note):
                try office.fire(by: actor, caseID: caseID ?? 0, event: event, note: note)
                transitions += 1
            case let .assign(caseworker):
                try office.assignCase(by: actor, id: caseID ?? 0, to: caseworker)
            case let .addClient(index):
                let client = clients[index]
                clients[index].id = try office.addClient(
                    by: actor, site: DemoStaff.sites[client.site].code, sex: client.sex, birthYear: client.birthYear,
                    applicantType: client.applicantType, firstName: client.firstName, lastName: client.lastName,
                    eligible: true)
            case let .randomise(site):
                // The evaluator seals the site's sequence, randomises its pool and closes its recruitment.
                let code = DemoStaff.sites[site].code
                _ = try office.setUpRandomisation(by: actor, site: code, parameters: RandomisationParameters(
                    legalBasis: DemoRegion.legalBasis))
                let result = try office.randomise(by: actor, site: code)
                try office.closeRecruitment(by: actor, site: code)
                try randomised(site, result, step.moment)
            case let .importObservations(site, rows):
                let file = "statistik-\(DemoStaff.sites[site].code)-\(DemoCalendar.iso(step.moment / 86_400)).csv"
                let text = ([Office.observationImportColumns.joined(separator: ",")] + rows).joined(separator: "\n") + "\n"
                observations += try office.importObservations(by: actor, file: file, text: text)
            }
            steps += 1
        } catch let error as DemoError {
            throw error
        } catch {
            throw DemoError.stepFailed(caseID: caseID, at: DemoCalendar.iso(step.moment / 86_400) + " "
                                        + Self.time(step.moment), actor: step.actor, action: Self.describe(step.action),
                                       reason: String(describing: error))
        }
    }


    static func time(_ moment: Int) -> String {
        let minutes = (moment % 86_400) / 60
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    static func describe(_ action: DemoAction) -> String {
        switch action {
        case let .submit(form, values, entry):
            return "form submit \(form)" + (entry.map { " --entry \($0)" } ?? "") + " "
                + values.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: " ")
        case let .fire(event, _): return "fire \(event)"
        case let .assign(to): return "case assign --to \(to)"
        case let .addClient(index): return "client add (client \(index + 1) of the population)"
        case let .randomise(site): return "randomise --site \(DemoStaff.sites[site].code)"
        case let .importObservations(site, rows):
            return "observe import (\(DemoStaff.sites[site].code), \(rows.count) rows)"
        }
    }
}
