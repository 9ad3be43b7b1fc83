import LotseCases

/// Everything a case's story is written from: the client, the site and staff, and the facts
/// drawn for this case once (its health problem, its target occupation, when benefits began).
struct DemoCase {
    let caseID: Int
    let client: DemoClient
    let site: DemoSite
    let participant: Bool
    /// The day the case was opened (the randomisation): the evaluation's case start.
    let openedDay: Int
    let caseworker: String
    let random: DemoRandom
    let health: DemoHealthProfile
    let occupation: DemoOccupation
    /// The day SGB II receipt began (long-term: at least 21 of the last 24 months before referral).
    let sgb2Since: Int

    init(caseID: Int, client: DemoClient, site: DemoSite, participant: Bool, openedDay: Int, caseworker: String,
         random: DemoRandom) {
        self.caseID = caseID
        self.client = client
        self.site = site
        self.participant = participant
        self.openedDay = openedDay
        self.caseworker = caseworker
        self.random = random
        health = DemoHealth.profile(random)
        occupation = random.pick(DemoVocabulary.occupations)
        sgb2Since = max(DemoCalendar.day(2005, 1, 1), openedDay - random.int(700...4500))
    }

    var supervisor: String { site.supervisor }
    var medical: String { site.medical }

    /// The age class in the year `day` falls in.
    func ageClass(on day: Int) -> String {
        ClientCodes.ageClass(birthYear: client.birthYear, in: DemoCalendar.civil(day).year)
    }
}
