import LotseCases
import LotseStore

extension Shell {
    static func clientCommands() -> [Command] {
        [
            Command(path: ["client", "add"], arguments: [], options: [
                        OptionSpec("sex", value: "m|w|d", Wording(de: "Geschlecht wie erfasst (Pflicht)",
                                                                  en: "sex as recorded (required)")),
                        OptionSpec("birth-year", value: "YYYY", Wording(de: "Geburtsjahr (Pflicht; nur als "
                                                                            + "Altersklasse gezeigt)",
                                                                        en: "year of birth (required; shown only as age class)")),
                        OptionSpec("applicant-type", value: "TYPE", Wording(de: "Profillage: MP AP FP EP SP UP oder "
                                                                                + "none (Pflicht)",
                                                                            en: "Profillage: MP AP FP EP SP UP or none (required)")),
                        OptionSpec("site", value: "SITE", Wording(de: "der Standort des Klienten (Standard: Ihrer)",
                                                                  en: "the client's site (default: yours)")),
                        OptionSpec("first-name", value: "NAME", Wording(de: "freiwillig; nur für Fallmanagement und "
                                                                            + "Teamleitung sichtbar",
                                                                        en: "optional; seen by caseworkers and supervisors only")),
                        OptionSpec("last-name", value: "NAME", Wording(de: "freiwillig; nur für Fallmanagement und "
                                                                           + "Teamleitung sichtbar",
                                                                       en: "optional; seen by caseworkers and supervisors only")),
                        OptionSpec("eligible", Wording(de: "für das Modellprojekt berechtigt: kommt in den "
                                                           + "Randomisierungs-Pool des Standorts",
                                                       en: "eligible for the model project: joins the site's randomisation pool"))],
                    summary: Wording(de: "einen Klienten erfassen", en: "register a client"),
                    details: Wording(de: "Das Audit-Protokoll hält Nummer und Codes des Klienten fest, nie einen Namen.",
                                     en: "The audit log records the client's number and codes, never a name."),
                    group: .cases, permission: .addClient, needsLogin: true,
                    run: { shell, inv in
                        let actor = try shell.currentActor
                        func required(_ name: String) throws -> String {
                            guard let value = inv.option(name) else {
                                throw ShellError.missingArgument(Placeholder.words("--\(name)"), usage: inv.command.usage)
                            }
                            return value
                        }
                        let yearText = try required("birth-year")
                        guard let year = Int(yearText) else {
                            throw ShellError.badValue(option: "birth-year", value: yearText, expected: Wording(de: "ein Jahr wie 1971", en: "a year like 1971"))
                        }
                        guard let site = inv.option("site") ?? actor.site else {
                            throw ShellError.missingArgument(Wording(de: "--site SITE (Sie haben keinen eigenen Standort)", en: "--site SITE (you have no site of your own)"), usage: inv.command.usage)
                        }
                        let id = try shell.office.addClient(
                            by: actor, site: site, sex: try required("sex"), birthYear: year,
                            applicantType: try required("applicant-type"), firstName: inv.option("first-name"),
                            lastName: inv.option("last-name"), eligible: inv.flag("eligible"))
                        shell.say(.addedClient(id: id, site: site, eligible: inv.flag("eligible")))
                    }),
            Command(path: ["client", "eligible"], arguments: ["CLIENT"], options: [],
                    summary: Wording(de: "einen Klienten als berechtigt erfassen: Teil des Randomisierungs-Pools des "
                                         + "Standorts",
                                     en: "register a client as eligible: part of the site's randomisation pool"),
                    details: .empty, group: .cases, permission: .addClient, needsLogin: true, variadic: true,
                    run: { shell, inv in
                        for text in inv.arguments {
                            try shell.office.markEligible(by: try shell.currentActor, clientID: try Self.number(text, "client"))
                        }
                        shell.say(.eligible(inv.arguments))
                    }),
            Command(path: ["client", "list"], arguments: [], options: [
                        OptionSpec("site", value: "SITE", Wording(de: "nur Klienten dieses Standorts",
                                                                  en: "only clients of this site")), .format],
                    summary: Wording(de: "Klienten auflisten (Namen nur für Fallmanagement und Teamleitung)",
                                     en: "list clients (names only for caseworkers and supervisors)"),
                    details: .empty, group: .cases, permission: .viewClients, needsLogin: true,
                    run: { shell, inv in
                        let actor = try shell.currentActor
                        let names = shell.office.seesClientNames(actor)
                        let year = shell.currentYear
                        try shell.stream(Shell.clientColumns(names: names), inv,
                                         floors: try shell.idWidths(actor, case: nil, client: "id")) { add in
                            try shell.office.listClients(by: actor, site: inv.option("site")) { client in
                                try add(shell.clientRow(client, names: names, year: year))
                            }
                        }
                    }),
            Command(path: ["client", "show"], arguments: ["CLIENT"], options: [.format],
                    summary: Wording(de: "einen Klienten und seine Fälle zeigen", en: "show a client and their cases"), details: .empty, group: .cases, permission: .viewClients,
                    needsLogin: true,
                    run: { shell, inv in
                        let actor = try shell.currentActor
                        let id = try Self.number(inv.arguments[0], "client")
                        let client = try shell.office.client(by: actor, id: id)
                        let names = shell.office.seesClientNames(actor)
                        try shell.show(Listing(columns: Shell.clientColumns(names: names),
                                               rows: [shell.clientRow(client, names: names, year: shell.currentYear)]), inv)
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

    /// The columns of a client listing; `name` only for roles that see clients' names.
    static func clientColumns(names: Bool) -> [String] {
        ["id", "site", "sex", "age_class", "applicant_type", "eligible"] + (names ? ["name"] : [])
    }

    /// The current year, for the clients' age classes.
    var currentYear: Int { Int(office.timestamp().prefix(4)) ?? 2026 }

    /// One client's row of a client listing (age class as of `year`).
    func clientRow(_ client: ClientRecord, names: Bool, year: Int) -> [Listing.Cell] {
        var row: [Listing.Cell] = [.int(client.id), .text(client.site), .text(client.sex),
                                   .text(ClientCodes.ageClass(birthYear: client.birthYear, in: year)),
                                   .text(client.applicantType), .bool(client.eligible)]
        if names {
            let name = [client.firstName, client.lastName].compactMap { $0 }.joined(separator: " ")
            row.append(.text(name.isEmpty ? nil : name))
        }
        return row
    }

    /// A positive number argument.
    static func number(_ text: String, _ what: String) throws -> Int {
        guard let n = Int(text), n > 0 else { throw ShellError.badArgument(text, expected: what == "case" ? Wording(de: "eine Fallnummer", en: "a case number")
                                                                          : Wording(de: "eine Klientennummer", en: "a client number")) }
        return n
    }
}
