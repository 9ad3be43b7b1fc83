import Testing
@testable import LotseShell
import LotseCases
import LotseStore
import LotseTestSupport

@Suite struct ScriptTests {
    @Test(arguments: Backend.all) func scriptErrorsNameTheScriptAndLineAndStop(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend, language: "en")
        let (output, status) = lotse.run("""
            # line 1 is a comment
            init --admin root

            user list
            usr list
            user list
            """, name: "setup.lotse")
        #expect(status == .commandFailed)
        #expect(output.contains("setup.lotse:5: error: unknown command \"usr\"; did you mean \"user\"?"))
        #expect(output.components(separatedBy: "name  role").count == 2)  // line 6 never ran
    }

    @Test(arguments: Backend.all) func keepGoingRunsEveryLineAndStillFails(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend, language: "en")
        let (output, status) = lotse.run("""
            init --admin root
            user frob
            site add x "X"
            site list --format bogus
            site list --format csv
            """, keepGoing: true)
        #expect(status == .commandFailed)
        #expect(output.contains("test.lotse:2: error: unknown command \"user frob\""))
        #expect(output.contains("test.lotse:4: error: --format bogus: expected table, csv or json"))
        #expect(output.contains("code,name,created\r\nx,X,"))
    }

    @Test(arguments: Backend.all) func argumentErrorsSayWhatIsWrong(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend, language: "en")
        let (output, _) = lotse.run("""
            init --admin root
            user add
            user add carla
            user add carla --role boss
            user add carla --role caseworker --colour red
            user add carla --role caseworker extra
            site add "unterminated
            user
            """, keepGoing: true)
        #expect(output.contains(":2: error: missing NAME; usage: user add NAME [--role ROLE]"))
        #expect(output.contains(":3: error: missing --role ROLE"))
        // `user add` may have a password typed in the wrong place: its errors repeat no argument.
        #expect(output.contains(":4: error: unknown role; roles are caseworker, medical, supervisor, evaluator, admin"))
        #expect(output.contains(":5: error: an unknown option for `user add`; it takes --role, --site, --password-file"))
        #expect(output.contains(":6: error: too many arguments for `user add`; usage: user add NAME"))
        #expect(!output.contains("boss") && !output.contains("colour") && !output.contains("extra"))
        #expect(output.contains(":7: error: column 10: unterminated quote"))
        #expect(output.contains(":8: error: \"user\" needs a subcommand: user add, user list"))
    }

    @Test(arguments: Backend.all) func scriptWithoutPasswordSourceIsRefused(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend, language: "en")
        let (output, status) = lotse.run("init --admin root", environment: [:])
        #expect(status == .commandFailed)
        #expect(output.contains("no password given"))
        #expect(try !lotse.office.isInitialised())
    }

    @Test(arguments: Backend.all) func passwordFileIsReadAndNeverShown(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend, language: "en")
        let file = lotse.directory.file("pw")
        try "file secret 123\n".write(toFile: file, atomically: true, encoding: .utf8)
        let (output, status) = lotse.run("""
            init --admin root --password-file \(file)
            site add s "Site S"
            user add carla --role caseworker --site s --password-file \(file)
            login carla --password-file \(file)
            whoami
            login carla --password-file /nonexistent/pw
            """, environment: [:])
        #expect(status == .commandFailed)
        #expect(output.contains("carla (caseworker)"))
        #expect(output.contains(":6: error: cannot read the password file: No such file or directory"))
        #expect(!output.contains("file secret"))
        var audit = ""
        try lotse.store.audit.query(AuditFilter()) { audit += "\($0)" }
        #expect(!audit.contains("file secret"))
    }

    @Test func everyCommandHasHelp() throws {
        let lotse = try TestLotse(language: "en")
        let shell = Shell(office: lotse.office, console: CapturingConsole(), interactive: false, language: "en")
        for command in shell.commands {
            let text = try shell.helpText(for: command.path)
            #expect(text.hasPrefix("usage: \(command.name)"), "help \(command.name)")
            #expect(text.contains(command.summary.en))
        }
        let overview = try shell.helpText(for: [])
        for command in shell.commands { #expect(overview.contains("  " + command.synopsis.en)) }
        #expect(overview.contains("Exit codes: 0"))
        #expect(throws: ShellError.self) { try shell.helpText(for: ["user", "ad"]) }
        let (output, status) = lotse.run("help cse\nhelp user ad\n", keepGoing: true)
        #expect(status == .commandFailed)
        #expect(output.contains("test.lotse:1: error: no command \"cse\"; did you mean \"case\"?"))
        #expect(output.contains("test.lotse:2: error: no command \"user ad\"; did you mean \"user add\"?"))
    }

    @Test func auditVerifyFailsTheScriptWhenTheChainIsBroken() throws {
        let lotse = try TestLotse(language: "en")
        #expect(lotse.run("init --admin root\nsite add a A\nsite add b B\naudit verify").status == .ok)
        try lotse.sqlite.database.execute("""
            DROP TRIGGER audit_no_update; UPDATE audit SET detail = '{"site":"c"}' WHERE seq = 2
            """)
        let (output, status) = lotse.run("login root\naudit verify", name: "check.lotse")
        #expect(status == .commandFailed)
        #expect(output.contains("check.lotse:2: error: the audit log is broken at row 2: its stored hash"))
    }
}

@Suite struct FormCommandTests {
    @Test func formCheckPrintsEveryProblemAndFails() throws {
        let lotse = try TestLotse(language: "en")
        let broken = TestLotse.repository + "/Tests/LotseFormsTests/Fixtures/broken.xml"
        let good = TestLotse.repository + "/Forms/capacity.xml"
        let (output, status) = lotse.run("init --admin root\nform check \(good) \(broken)", name: "check.lotse")
        #expect(status == .commandFailed)
        #expect(output.contains("\(good): ok (form capacity, version 2026.2"))
        for line in ["16:7: error: unknown type \"integr\"", "17:75: error: constraint=", "18:43: error: relevant=\"tody() > 0\"",
                     "19:7: error: calculate/relevant expressions form a cycle", "21:66: error: required=\"/data/agee != ''\"",
                     "30:7: error: itemset over instance('colours')"] {
            #expect(output.contains("\(broken):\(line)"), "\(line)")
        }
        #expect(output.contains("check.lotse:2: error: form check: 7 errors in 2 files"))
    }

    @Test func formTryTakesAnInstanceFile() throws {
        let lotse = try TestLotse()
        let file = lotse.directory.file("instance.xml")
        try """
            <data id="transfer" version="2026.1"><receiving_agency>drv_em_rente</receiving_agency><date>2026-11-30</date></data>
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let (output, _) = lotse.run("init --admin root\nform try transfer --file \(file)")
        #expect(output.contains("das Formular transfer ist nicht gültig (1 Problem):\n  date: Das Datum darf nicht in der Zukunft liegen."))
        let wrong = lotse.directory.file("wrong.xml")
        try "<data id=\"plan\"><goal>x</goal></data>".write(toFile: wrong, atomically: true, encoding: .utf8)
        #expect(lotse.run("login root\nform try transfer --file \(wrong)").output
            .contains("das Dokument ist eine Instanz des Formulars plan, nicht transfer"))
    }
}

@Suite struct WorkflowCommandTests {
    @Test func workflowCheckPrintsEveryProblemWithItsLine() throws {
        let lotse = try TestLotse(language: "en")
        let broken = TestLotse.repository + "/Tests/LotseWorkflowTests/Fixtures/broken.scxml"
        let good = TestLotse.repository + "/Workflows/amiga.scxml"
        let (output, status) = lotse.run("init --admin root\nworkflow check \(good) \(broken)", name: "w.lotse")
        #expect(status == .commandFailed)
        #expect(output.contains("\(good): ok (workflow amiga 2026.2"))
        for (line, code) in [(6, "WF_TARGET"), (7, "WF_COND"), (8, "WF_COND"), (10, "WF_DUE"), (11, "WF_UNSUPPORTED"),
                             (12, "WF_ROLE"), (14, "WF_UNREACHABLE"), (17, "WF_DUPLICATE_ID"), (21, "WF_UNSUPPORTED"), (5, "WF_FORM")] {
            #expect(output.contains("\(broken):\(line):") && output.contains("[\(code)]"), "line \(line) \(code)")
        }
        #expect(output.contains("w.lotse:2: error: workflow check:"))
    }

    @Test(arguments: Backend.all) func singleTransactionLeavesNothingAfterAnError(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend, language: "en")
        let script = "init --admin root\nsite add bocholt Bocholt\nuser add carla --role caseworker --site bocholt\nfire 1 nonsense\n"
        let (_, failed) = lotse.run(script, singleTransaction: true)
        #expect(failed == .commandFailed)
        #expect(try lotse.store.audit.count() == 0)
        #expect(try lotse.store.directory.users().isEmpty)
        #expect(try !lotse.office.isInitialised())
        // Without the error all of it lands.
        let (_, ok) = lotse.run(String(script.dropLast("fire 1 nonsense\n".count)), singleTransaction: true)
        #expect(ok == .ok)
        #expect(try lotse.store.audit.count() == 3)
        #expect(try lotse.store.audit.verify().isIntact)
    }

    @Test(arguments: Backend.all) func userAddChecksEverythingBeforeAskingForThePassword(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend, language: "en")
        try lotse.initialise()
        try lotse.office.addSite(by: try lotse.office.login(name: "root", password: TestLotse.password), code: "bocholt",
                                 name: "Bocholt")
        let file = lotse.directory.file("root-password")
        try TestLotse.password.write(toFile: file, atomically: true, encoding: .utf8)
        // No password source for the new user: the mistakes are still named, not "no password given"
        // (without repeating the arguments: one may be a password typed in the wrong place).
        for (line, message) in [("user add dora --role caseworker --site nowhere", "no such site"),
                                ("user add root --role admin", "a user of that name already exists"),
                                ("user add \"bad name\" --role caseworker", "invalid user name: use 1 to 64")] {
            let (output, status) = lotse.run("login root --password-file \(file)\n" + line, environment: [:])
            #expect(status == .commandFailed)
            #expect(output.contains(message), "\(output)")
        }
    }
}
