/// A client of the demo region as the generator knows them: the registered codes plus the
/// facts the simulation draws on later (school, baseline Minijob).
struct DemoClient {
    var site: Int
    var sex: String
    var birthYear: Int
    var applicantType: String
    var firstName: String?
    var lastName: String?
    /// Already in a Minijob at the start (a target group of the referral).
    var minijob: Bool
    /// Single parent (a target group).
    var singleParent: Bool
    var school: String
    var vocational: String
    /// Registered client id, once registered.
    var id = 0
}

/// The eligible long-term recipients of the three sites: sex, birth years, applicant types
/// (Profillagen) in plausible proportions for the AmigA target group.
enum DemoPopulation {
    /// How many clients each site gets (Bocholt the most; every site at least one).
    static func counts(total: Int) -> [Int] {
        let sites = DemoStaff.sites
        var counts = sites.map { max(1, Int(($0.share * Double(total)).rounded())) }
        counts[0] = total - counts.dropFirst().reduce(0, +)
        return counts
    }

    /// A client of site `site`, drawn with `random`.
    static func client(site: Int, _ random: DemoRandom) -> DemoClient {
        let sex = random.weighted([("m", 0.51), ("w", 0.48), ("d", 0.01)])
        // Ages at the start of 2025: mostly 25–49, a good share 50 and over, a few under 25.
        let birthYear: Int
        switch random.weighted([(0, 0.04), (1, 0.64), (2, 0.32)]) {
        case 0: birthYear = random.int(2001...2005)
        case 1: birthYear = random.int(1976...2000)
        default: birthYear = random.int(1960...1975)
        }
        let applicantType = random.weighted([("EP", 0.31), ("SP", 0.27), ("UP", 0.22), ("FP", 0.11), ("AP", 0.07),
                                             ("MP", 0.01), ("none", 0.01)])
        let named = random.chance(0.1)
        let school = random.weighted([("none", 0.16), ("haupt", 0.42), ("mittlere", 0.25), ("abitur", 0.09),
                                      ("unknown", 0.08)])
        let vocational = school == "none" ? random.weighted([("none", 0.85), ("unknown", 0.15)])
            : random.weighted([("none", 0.48), ("recognised", 0.44), ("meister", 0.02), ("bachelor", 0.02),
                               ("unknown", 0.04)])
        return DemoClient(
            site: site, sex: sex, birthYear: birthYear, applicantType: applicantType,
            firstName: named ? DemoNames.first(sex: sex, random) : nil,
            lastName: named ? random.pick(DemoNames.last) : nil,
            minijob: random.chance(DemoStaff.sites[site].minijobShare),
            singleParent: sex != "m" && birthYear >= 1975 && random.chance(0.22),
            school: school, vocational: vocational)
    }
}
