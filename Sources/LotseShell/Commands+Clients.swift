import LotseCases
import LotseStore

extension Shell {
    static func clientCommands() -> [Command] {
        [
            Command(path: ["client", "add"], arguments: [], options: [
                        OptionSpec("sex", value: "m|w|d", "sex as recorded (required)"),
                        OptionSpec("birth-year", value: "YYYY", "year of birth (required; shown only as age class)"),
                        OptionSpec("applicant-type", value: "TYPE", "Profillage: MP AP FP EP SP UP or none (required)"),
                        OptionSpec("site", value: "SITE", "the client's site (default: yours)"),
                        OptionSpec("first-name", value: "NAME", "optional; seen by caseworkers and supervisors only"),
                        OptionSpec("last-name", value: "NAME", "optional; seen by caseworkers and supervisors only"),
                        OptionSpec("eligible", "eligible for the model project: joins the site's randomisation pool")],
                    summary: "register a client",
                    details: "The audit log records the client's number and codes, never a name.",
                    group: .cases, permission: .addClient, needsLogin: true,
                    run: { shell, inv in
                        let actor = try shell.currentActor
                        func required(_ name: String) throws -> String {
                            guard let value = inv.option(name) else {
                                throw ShellError.missingArgument("--\(name)", usage: inv.command.usage)
                            }
                            return value
                        }
                        let yearText = try required("birth-year")
                        guard let year = Int(yearText) else {
                            throw ShellError.badValue(option: "birth-year", value: yearText, expected: Wording(de: "ein Jahr wie 1971", en: "a year like 1971"))
                        }
                        guard let site = inv.option("site") ?? actor.site else {
                            throw ShellError.missingArgument("--site SITE (you have no site of your own)", usage: inv.command.usage)
                        }
                        let id = try shell.office.addClient(
                            by: actor, site: site, sex: try required("sex"), birthYear: year,
                            applicantType: try required("applicant-type"), firstName: inv.option("first-name"),
                            lastName: inv.option("last-name"), eligible: inv.flag("eligible"))
                        shell.say(.addedClient(id: id, site: site, eligible: inv.flag("eligible")))
                    }),
            Command(path: ["client", "eligible"], arguments: ["CLIENT"], options: [],
                    summary: "register a client as eligible: part of the site's randomisation pool",
                    details: "", group: .cases, permission: .addClient, needsLogin: true, variadic: true,
                    run: { shell, inv in
                        for text in inv.arguments {
                            try shell.office.markEligible(by: try shell.currentActor, clientID: try Self.number(text, "client"))
                        }
                        shell.say(.eligible(inv.arguments))
                    }),
            Command(path: ["client", "list"], arguments: [], options: [
                        OptionSpec("site", value: "SITE", "only clients of this site"), .format],
                    summary: "list clients (names only for caseworkers and supervisors)",
                    details: "", group: .cases, permission: .viewClients, needsLogin: true,
                    run: { shell, inv in
                        let actor = try shell.currentActor
                        let clients = try shell.office.clients(by: actor, site: inv.option("site"))
                        try shell.show(shell.clientListing(clients), inv)
                    }),
            Command(path: ["client", "show"], arguments: ["CLIENT"], options: [.format],
                    summary: "show a client and their cases", details: "", group: .cases, permission: .viewClients,
                    needsLogin: true,
                    run: { shell, inv in
                        let actor = try shell.currentActor
                        let id = try Self.number(inv.arguments[0], "client")
                        let client = try shell.office.client(by: actor, id: id)
                        try shell.show(shell.clientListing([client]), inv)
                        let cases = try shell.office.cases(by: actor, state: nil, site: nil, mine: false, overdue: false,
                                                           client: id)
                        if inv.option("format") == nil {
                            shell.say(cases.isEmpty ? .noCases : .cases(cases.map {
                                "\($0.record.id) (\($0.record.workflow), \($0.record.state))"
                            }.joined(separator: ", ")))
                        }
                    }),
        ]
    }

    func clientListing(_ clients: [ClientRecord]) -> Listing {
        let year = Int(office.timestamp().prefix(4)) ?? 2026
        let names = clients.contains { $0.firstName != nil || $0.lastName != nil }
        var columns = ["id", "site", "sex", "age_class", "applicant_type", "eligible"]
        if names { columns.append("name") }
        return Listing(columns: columns, rows: clients.map { client in
            var row: [Listing.Cell] = [.int(client.id), .text(client.site), .text(client.sex),
                                       .text(ClientCodes.ageClass(birthYear: client.birthYear, in: year)),
                                       .text(client.applicantType), .bool(client.eligible)]
            if names {
                let name = [client.firstName, client.lastName].compactMap { $0 }.joined(separator: " ")
                row.append(.text(name.isEmpty ? nil : name))
            }
            return row
        })
    }

    /// A positive number argument.
    static func number(_ text: String, _ what: String) throws -> Int {
        guard let n = Int(text), n > 0 else { throw ShellError.badArgument(text, expected: what == "case" ? Wording(de: "eine Fallnummer", en: "a case number")
                                                                          : Wording(de: "eine Klientennummer", en: "a client number")) }
        return n
    }
}
