import Foundation
import Testing
@testable import LotseCases
@testable import LotseShell
import LotseStore
import LotseTestSupport

/// Listings streamed from the store (issue 13, deliverable 6): the same rows as read whole, the
/// first screen out before the last row is read, widths kept, and a listing stopped early
/// leaves the store as usable as before.
@Suite struct StreamedListingTests {
    /// A region in small: 100 cases at site a (more than a screen and more than PostgreSQL's
    /// first page), 40 at site b, each of a's assigned to carla (who opened it) or, every fourth, to sven.
    static func region(_ backend: Backend) throws -> (lotse: TestLotse, sven: Actor, carla: Actor) {
        let lotse = try TestLotse(backend: backend, language: "en")
        let result = lotse.run("""
            init --admin root
            site add a "Jobcenter A"
            site add b "Jobcenter B"
            user add carla --role caseworker --site a
            user add bert --role caseworker --site b
            user add sven --role supervisor --site a
            """)
        precondition(result.status == .ok, result.output)
        let carla = try lotse.office.login(name: "carla", password: TestLotse.password)
        let bert = try lotse.office.login(name: "bert", password: TestLotse.password)
        let sven = try lotse.office.login(name: "sven", password: TestLotse.password)
        for n in 0..<140 {
            let (actor, site) = n % 7 < 5 ? (carla, "a") : (bert, "b")
            let client = try lotse.office.addClient(by: actor, site: site, sex: n % 2 == 0 ? "w" : "m", birthYear: 1960 + n % 40,
                                                    applicantType: "SP", firstName: "Name" + String(1000 + n), lastName: nil)
            _ = try lotse.office.openCase(by: actor, clientID: client,
                                          assignTo: site == "a" && n % 4 == 0 ? sven.userID : nil)
        }
        return (lotse, sven, carla)
    }

    /// What a shell writes for `line` as `name`, standard output only.
    static func output(_ lotse: TestLotse, _ name: String, _ line: String) throws -> String {
        let console = CapturingConsole()
        let shell = Shell(office: lotse.office, console: console, interactive: false,
                          environment: ["LOTSE_PASSWORD": TestLotse.password], language: "en")
        try shell.run(line: "login \(name)")
        let before = console.stdout.count
        try shell.run(line: line)
        return String(console.stdout.dropFirst(before))
    }

    @Test(arguments: Backend.all) func aStreamedCaseListEqualsTheListingReadWhole(backend: Backend) throws {
        let (lotse, sven, carla) = try Self.region(backend)
        for (user, actor, options, mine) in [("sven", sven, "", false), ("carla", carla, " --mine", true)] {
            let whole = try lotse.office.cases(by: actor, state: nil, site: nil, mine: mine, overdue: false)
            #expect(whole.allSatisfy { $0.record.site == "a" })
            #expect(whole.map(\.record.id) == whole.map(\.record.id).sorted())
            #expect(whole.count == (mine ? 75 : 100))
            let listing = Listing(columns: Shell.caseColumns, rows: whole.map { Shell.caseRow($0.record, $0.due) })
            for format in OutputFormat.allCases {
                let streamed = try Self.output(lotse, user, "case list\(options) --format \(format.rawValue)")
                #expect(streamed == listing.render(format, language: .en), "\(user) \(format)")
            }
        }
    }

    @Test(arguments: Backend.all) func aStreamedClientListEqualsTheListingReadWhole(backend: Backend) throws {
        let (lotse, sven, _) = try Self.region(backend)
        let whole = try lotse.office.clients(by: sven, site: nil)
        #expect(whole.count == 100 && whole.allSatisfy { $0.site == "a" && $0.firstName != nil })
        let console = CapturingConsole()
        let shell = Shell(office: lotse.office, console: console, interactive: false, environment: [:], language: "en")
        let year = shell.currentYear
        let listing = Listing(columns: Shell.clientColumns(names: true),
                              rows: whole.map { shell.clientRow($0, names: true, year: year) })
        for format in OutputFormat.allCases {
            let streamed = try Self.output(lotse, "sven", "client list --format \(format.rawValue)")
            let read = listing.render(format, language: .en)
            #expect(streamed == read, "\(format): \(streamed.prefix(300)) against \(read.prefix(300))")
        }
        // Another site's clients are refused before the first row.
        #expect(throws: (any Error).self) { try Self.output(lotse, "sven", "client list --site b") }
    }

    @Test(arguments: Backend.all) func aListingStoppedEarlyLeavesTheStoreUsable(backend: Backend) throws {
        let (lotse, sven, carla) = try Self.region(backend)
        struct Enough: Error {}
        var seen = 0
        #expect(throws: Enough.self) {
            try lotse.office.listCases(by: sven, state: nil, site: nil, mine: false, overdue: false) { _, _ in
                seen += 1
                if seen == 70 { throw Enough() }
            }
        }
        #expect(seen == 70)
        // The reader quits the pager after the first screen: the listing ends quietly.
        let console = ClosingConsole()
        let shell = Shell(office: lotse.office, console: console, interactive: false,
                          environment: ["LOTSE_PASSWORD": TestLotse.password], language: "en")
        try shell.run(line: "login sven")
        console.closeAfterNextWrite = true
        let before = console.stdout.count
        try shell.run(line: "case list")
        #expect(console.stdout.dropFirst(before).split(separator: "\n").count == 2 + ListingWriter.firstScreen)
        console.closeAfterNextWrite = false
        console.closed = false
        // Writes and listings go on as before, on the same connection.
        let client = try lotse.office.addClient(by: carla, site: "a", sex: "w", birthYear: 1990, applicantType: "SP",
                                                firstName: nil, lastName: nil)
        let id = try lotse.office.openCase(by: carla, clientID: client)
        let all = try lotse.office.cases(by: sven, state: nil, site: nil, mine: false, overdue: false)
        #expect(all.count == 101 && all.last?.record.id == id)
        try shell.run(line: "case list --format csv")
        #expect(console.stdout.hasSuffix("\r\n") && console.stdout.contains("\r\n\(id),\(client),a,"))
        #expect(try lotse.store.audit.verify().isIntact)
    }

    @Test func theFirstScreenIsWrittenBeforeTheEndAndItsWidthsAreKept() throws {
        let console = CapturingConsole()
        let writer = ListingWriter(columns: ["id", "name", "note"], format: .table, width: nil, language: nil,
                                   console: console, firstScreen: 3)
        try writer.add([.int(1), .text("ab"), .text("x")])
        try writer.add([.int(2), .text("abc"), .text("y")])
        #expect(console.stdout.isEmpty)
        try writer.add([.int(3), .null, .text("z")])
        #expect(console.stdout == "id  name  note\n--  ----  ----\n1   ab    x\n2   abc   y\n3   -     z\n")
        try writer.add([.int(4), .text("a much longer name"), .text("a long last column is never cut")])
        try writer.add([.int(10), .text("abcd"), .null])
        writer.finish()
        #expect(console.stdout == """
            id  name  note
            --  ----  ----
            1   ab    x
            2   abc   y
            3   -     z
            4   a m…  a long last column is never cut
            10  abcd  -

            """)
        // An id column as wide as the largest id, known before the rows: no id is cut.
        let ids = CapturingConsole()
        let numbered = ListingWriter(columns: ["id", "x"], format: .table, width: nil, language: nil, console: ids,
                                     floors: [3, 0], firstScreen: 1)
        try numbered.add([.int(9), .text("a")])
        try numbered.add([.int(100), .text("b")])
        numbered.finish()
        #expect(ids.stdout == "id   x\n---  -\n9    a\n100  b\n")
        // At most one screen: exactly the table read whole; on a terminal it ends with its count.
        let short = CapturingConsole()
        let whole = ListingWriter(columns: ["id", "name"], format: .table, width: 40, language: .de, console: short, firstScreen: 3)
        try whole.add([.int(1), .bool(true)])
        whole.finish()
        #expect(short.stdout == Listing(columns: ["id", "name"], rows: [[.int(1), .bool(true)]]).render(.table, width: 40, language: .de))
        let long = CapturingConsole()
        let terminal = ListingWriter(columns: ["id", "name"], format: .table, width: 40, language: .de, console: long, firstScreen: 1)
        try terminal.add([.int(1), .bool(true)])
        try terminal.add([.int(2), .bool(false)])
        terminal.finish()
        #expect(long.stdout == "Nr.  Name\n---  ----\n1    ja\n2    nein\n(2 Zeilen)\n")
    }

    @Test func csvAndJSONLinesAreWrittenAsTheyCome() throws {
        let console = CapturingConsole()
        let writer = ListingWriter(columns: ["id", "note"], format: .csv, width: nil, language: .en, console: console, firstScreen: 2)
        try writer.add([.int(1), .text("a,b")])
        try writer.add([.int(2), .null])
        #expect(console.stdout == "id,note\r\n1,\"a,b\"\r\n2,\r\n")
        try writer.add([.int(3), .bool(true)])
        writer.finish()
        #expect(console.stdout == "id,note\r\n1,\"a,b\"\r\n2,\r\n3,yes\r\n")
        let json = CapturingConsole()
        let lines = ListingWriter(columns: ["id"], format: .json, width: nil, language: .en, console: json, firstScreen: 1)
        try lines.add([.int(7)])
        #expect(json.stdout == "{\"id\":7}\n")
        lines.finish()
        let empty = CapturingConsole()
        let none = ListingWriter(columns: ["id"], format: .csv, width: nil, language: .en, console: empty)
        none.finish()
        #expect(empty.stdout == "id\r\n")
    }
}

/// Standard output that is closed after a write, as when the reader quits the pager.
final class ClosingConsole: Console {
    var stdout = ""
    var closeAfterNextWrite = false
    var closed = false
    var outputClosed: Bool { closed }

    func out(_ text: String) {
        guard !closed else { return }
        stdout += text
        if closeAfterNextWrite { closed = true }
    }

    func err(_ text: String) { stdout += text }
    func progress(_ text: String) {}
}
