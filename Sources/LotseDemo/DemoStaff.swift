import LotseCases

/// One model site of the Kreis Borken (DOMAIN §1) with its team.
struct DemoSite {
    var code: String
    var name: String
    /// The site's share of the clients (Bocholt, the town, is the biggest).
    var share: Double
    var caseworkers: [String]
    var supervisor: String
    var medical: String
    /// Units that refer clients (the referral form's `referring_unit`).
    var referringUnits: [String]
    /// Share of its clients already in a Minijob at the start (Velen took mainly such clients).
    var minijobShare: Double
    /// Days between the start of the project and this site's randomisation.
    var startOffset: Int
}

/// The staff and sites of the demo region.
enum DemoStaff {
    static let admin = "root"
    static let evaluator = "eva"

    static let sites: [DemoSite] = [
        DemoSite(code: "bocholt", name: "Jobcenter Kreis Borken, Bocholt", share: 0.6,
                 caseworkers: ["anna.bocholt", "jonas.bocholt"], supervisor: "petra.bocholt",
                 medical: "sabine.bocholt", referringUnits: ["Team 1 Bocholt", "Team 2 Bocholt", "Team U25 Bocholt"],
                 minijobShare: 0.08, startOffset: 0),
        DemoSite(code: "isselburg", name: "Jobcenter Kreis Borken, Isselburg", share: 0.2,
                 caseworkers: ["lena.isselburg", "tobias.isselburg"], supervisor: "andrea.isselburg",
                 medical: "thomas.isselburg", referringUnits: ["Team Isselburg", "Team Anholt"],
                 minijobShare: 0.08, startOffset: 7),
        DemoSite(code: "velen", name: "Jobcenter Kreis Borken, Velen", share: 0.2,
                 caseworkers: ["julia.velen", "michael.velen"], supervisor: "claudia.velen",
                 medical: "stefan.velen", referringUnits: ["Team Velen", "Team Ramsdorf"],
                 minijobShare: 0.6, startOffset: 14),
    ]

    /// Every user with role and site, in the order they are created.
    static var users: [(name: String, role: Role, site: String?)] {
        var result: [(String, Role, String?)] = [(admin, .admin, nil)]
        for site in sites {
            for name in site.caseworkers { result.append((name, .caseworker, site.code)) }
            result.append((site.supervisor, .supervisor, site.code))
            result.append((site.medical, .medical, site.code))
        }
        result.append((evaluator, .evaluator, nil))
        return result
    }
}
