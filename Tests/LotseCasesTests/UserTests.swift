import Testing
@testable import LotseCases
import LotseStore
import LotseTestSupport

@Suite struct UserTests {
    let password = TestLotse.password

    func actions(_ lotse: TestLotse) throws -> [String] {
        var out: [String] = []
        try lotse.store.audit.query(AuditFilter()) { out.append($0.draft.action) }
        return out
    }

    @Test func defaultPasswordHashingIsSlowEnough() {
        #expect(PasswordHasher().rounds >= 210_000)
    }

    @Test func passwordHashesAreSaltedAndVerify() {
        let hasher = PasswordHasher(rounds: 210_000)
        let a = hasher.hash("correct horse battery")
        let b = hasher.hash("correct horse battery")
        #expect(a != b)
        #expect(a.hasPrefix("pbkdf2-sha256$210000$"))
        #expect(hasher.verify("correct horse battery", against: a))
        #expect(!hasher.verify("correct horse batterx", against: a))
        #expect(!hasher.verify("correct horse battery", against: "pbkdf2-sha256$1000$00$00"))
    }

    @Test(arguments: Backend.all) func nothingWorksBeforeTheFirstAdmin(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend)
        #expect(try !lotse.office.isInitialised())
        #expect(throws: CasesError.self) { try lotse.office.login(name: "root", password: password) }
        let root = try lotse.initialise()
        #expect(root.role == .admin)
        #expect(throws: CasesError.self) { try lotse.office.initialise(adminName: "other", password: password) }
        #expect(try actions(lotse) == ["init"])
    }

    @Test(arguments: Backend.all) func loginsAndFailedLoginsAreAuditedWithoutThePassword(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend)
        let root = try lotse.initialise()
        try lotse.office.addSite(by: root, code: "s", name: "Site S")
        try lotse.office.addUser(by: root, name: "carla", role: .caseworker, sites: ["s"], password: password)
        #expect(throws: CasesError.self) { try lotse.office.login(name: "carla", password: "wrong password!") }
        #expect(throws: CasesError.self) { try lotse.office.login(name: "nobody", password: password) }
        let carla = try lotse.office.login(name: "carla", password: password)
        #expect(carla.role == .caseworker)
        #expect(try actions(lotse) == ["init", "site.add", "user.add", "login.failed", "login.failed", "login"])
        var text = ""
        try lotse.store.audit.query(AuditFilter()) { text += "\($0)" }
        #expect(!text.contains(password))
        #expect(!text.contains("wrong password!"))
    }

    @Test(arguments: Backend.all) func refusalNamesTheRoleChangesNothingAndIsAudited(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend)
        let root = try lotse.initialise()
        try lotse.office.addSite(by: root, code: "s", name: "Site S")
        try lotse.office.addUser(by: root, name: "carla", role: .caseworker, sites: ["s"], password: password)
        let carla = try lotse.office.login(name: "carla", password: password)
        #expect {
            try lotse.office.addUser(by: carla, name: "mallory", role: .admin, sites: [], password: password)
        } throws: { error in
            "\(error)" == "`user add` needs role admin; carla has role caseworker (nothing was changed)"
        }
        #expect(try lotse.store.directory.user(named: "mallory") == nil)
        var last: AuditEntry?
        try lotse.store.audit.query(AuditFilter(last: 1)) { last = $0 }
        #expect(last?.draft.action == "denied")
        #expect(last?.draft.actor == "carla")
        #expect(last?.draft.detail == #"{"command":"user add","needed":["admin"]}"#)
    }

    @Test(arguments: Backend.all) func failedChangeWritesNoAuditRow(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend)
        let root = try lotse.initialise()
        try lotse.office.addSite(by: root, code: "s", name: "Site S")
        #expect(throws: CasesError.self) {
            try lotse.office.addUser(by: root, name: "carla", role: .caseworker, sites: ["nowhere"], password: password)
        }
        #expect(throws: CasesError.self) {
            try lotse.office.addUser(by: root, name: "carla", role: .caseworker, sites: ["s"], password: "short")
        }
        #expect(try lotse.store.directory.user(named: "carla") == nil)
        #expect(try actions(lotse) == ["init", "site.add"])
    }

    @Test(arguments: Backend.all) func disabledUserCannotLogIn(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend)
        let root = try lotse.initialise()
        try lotse.office.addSite(by: root, code: "s", name: "Site S")
        try lotse.office.addUser(by: root, name: "carla", role: .caseworker, sites: ["s"], password: password)
        try lotse.office.setDisabled(by: root, name: "carla", true)
        #expect(throws: CasesError.self) { try lotse.office.login(name: "carla", password: password) }
        #expect(throws: CasesError.self) { try lotse.office.setDisabled(by: root, name: "root", true) }
        try lotse.office.setDisabled(by: root, name: "carla", false)
        #expect(try lotse.office.login(name: "carla", password: password).name == "carla")
    }

    @Test(arguments: Backend.all) func usersChangeTheirOwnPasswordOnlyAdminsOthers(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend)
        let root = try lotse.initialise()
        try lotse.office.addSite(by: root, code: "s", name: "Site S")
        try lotse.office.addUser(by: root, name: "carla", role: .caseworker, sites: ["s"], password: password)
        try lotse.office.addUser(by: root, name: "sven", role: .supervisor, sites: ["s"], password: password)
        let carla = try lotse.office.login(name: "carla", password: password)
        try lotse.office.setPassword(by: carla, name: "carla", password: "a new long secret")
        #expect(throws: CasesError.self) { try lotse.office.setPassword(by: carla, name: "sven", password: "x long secret") }
        // The check comes before the new password is asked for (a prompt, a file, a one-time password).
        var asked = false
        #expect(throws: CasesError.self) {
            try lotse.office.setPassword(by: carla, name: "sven") { asked = true; return ("x long secret", false) }
        }
        #expect(!asked)
        var read = false
        #expect(throws: CasesError.self) {
            try lotse.office.importObservations(by: carla, file: "extract.csv", read: { read = true; return "" })
        }
        #expect(!read)
        #expect(try lotse.office.login(name: "carla", password: "a new long secret").name == "carla")
        try lotse.office.setPassword(by: root, name: "carla", password: password)
        #expect(try lotse.office.login(name: "carla", password: password).name == "carla")
    }

    @Test(arguments: Backend.all) func sitesAndUserSites(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend)
        let root = try lotse.initialise()
        try lotse.office.addSite(by: root, code: "bocholt", name: "Jobcenter Bocholt")
        #expect(throws: CasesError.self) { try lotse.office.addSite(by: root, code: "bocholt", name: "again") }
        #expect(throws: CasesError.self) { try lotse.office.addSite(by: root, code: "two words", name: "x") }
        try lotse.office.addUser(by: root, name: "carla", role: .caseworker, sites: ["bocholt"], password: password)
        #expect(try lotse.office.login(name: "carla", password: password).site == "bocholt")
        #expect(try lotse.office.sites(by: root).map(\.code) == ["bocholt"])
    }
}
