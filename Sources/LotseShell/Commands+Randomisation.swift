import Foundation
import LotseCases

extension Shell {
    static func randomisationCommands() -> [Command] {
        [
            Command(path: ["randomise"], arguments: [], options: [
                        OptionSpec("site", value: "SITE", "the site whose pool is randomised (required)"),
                        OptionSpec("seed", value: "N", "the seed, recorded; the same seed and pool give the same result (required)"),
                        OptionSpec("ratio", value: "A:B", "participants : comparison (default 1:1)"),
                        OptionSpec("strata", value: "LIST", "variables to stratify by (default sex,age_class,applicant_type)"),
                        OptionSpec("block", value: "N", "block size, a multiple of A+B (default 4)")],
                    summary: "randomise a site's eligible clients to participants or comparison (Borken design)",
                    details: "Every eligible client of the site without an assignment is assigned by permuted blocks "
                        + "within each stratum (\(Randomiser.algorithm)); a case is opened in the amiga or comparison "
                        + "workflow. Seed, algorithm, parameters and counts go to the audit log. An assignment is never "
                        + "changed afterwards.",
                    group: .evaluation, permission: .randomise, needsLogin: true,
                    run: { shell, inv in try shell.randomise(inv) }),
            Command(path: ["randomise", "balance"], arguments: [], options: [
                        OptionSpec("site", value: "SITE", "only this site"), .format],
                    summary: "the strata and each variable by group, with standardised differences",
                    details: "A standardised difference above 0.1 in absolute value is commonly read as imbalance.",
                    group: .evaluation, permission: .viewBalance, needsLogin: true,
                    run: { shell, inv in try shell.showBalance(inv) }),
            Command(path: ["observe"], arguments: ["CASE", "KEY=VALUE"], options: [.lang],
                    summary: "record an outcome observation (+6 / +12 months) on a case, in any state",
                    details: "The same as form submit CASE observation KEY=VALUE ...: at (6m 12m), date, benefit_status, "
                        + "employment, source. Allowed on every case of both groups, also after closure.",
                    group: .evaluation, permission: .observe, needsLogin: true, variadic: true,
                    run: { shell, inv in
                        let record = try shell.office.submit(
                            by: try shell.currentActor, caseID: try Self.number(inv.arguments[0], "case"),
                            formID: "observation", values: try Self.keyValues(Array(inv.arguments.dropFirst())),
                            language: try shell.language(inv))
                        shell.say("recorded observation on case \(record.caseID) as submission \(record.id), entry \(record.entry)")
                    }),
        ]
    }

    func randomise(_ inv: Invocation) throws {
        guard let site = inv.option("site") else { throw ShellError.missingArgument("--site SITE", usage: inv.command.usage) }
        guard let seed = inv.option("seed") else { throw ShellError.missingArgument("--seed N", usage: inv.command.usage) }
        var ratio = (1, 1)
        if let text = inv.option("ratio") {
            let parts = text.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2 else { throw ShellError.badValue(option: "ratio", value: text, expected: "A:B like 1:1 or 2:1") }
            ratio = (parts[0], parts[1])
        }
        let strata = inv.option("strata").map {
            $0.split(separator: ",").map { String($0).trimmingCharacters() }.filter { !$0.isEmpty }
        } ?? Randomiser.variables
        var block = 4
        if let text = inv.option("block") {
            guard let n = Int(text) else { throw ShellError.badValue(option: "block", value: text, expected: "a number") }
            block = n
        }
        let randomiser = try Randomiser(seed: seed, site: site, ratio: ratio, strata: strata, block: block)
        let result = try office.randomise(by: try currentActor, site: site, randomiser: randomiser)
        say("randomised \(result.draws.count) clients of site \(site) (run \(result.runID), seed \(seed), "
            + "\(Randomiser.algorithm)): \(result.participants) participants, \(result.comparison) comparison")
    }

    func showBalance(_ inv: Invocation) throws {
        let actor = try currentActor
        let strata = try office.strata(by: actor, site: inv.option("site"))
        let balance = try office.balance(by: actor, site: inv.option("site"))
        let strataListing = Listing(columns: ["stratum", "participants", "comparison", "total"], rows: strata.map {
            [.text($0.stratum), .int($0.participants), .int($0.comparison), .int($0.participants + $0.comparison)]
        })
        let variables = Listing(columns: ["variable", "level", "participants", "share_p", "comparison", "share_c", "std_diff"],
                                rows: balance.map { row in
            [.text(row.variable), .text(row.level), .int(row.participants),
             .text(Self.percent(row.participants, row.participantsTotal)), .int(row.comparison),
             .text(Self.percent(row.comparison, row.comparisonTotal)),
             .text(row.standardisedDifference.map { String(format: "%+.3f", $0) })]
        })
        let format = try inv.format()
        if format == .table {
            console.out("Strata:\n" + strataListing.render(.table) + "\nBalance by variable:\n" + variables.render(.table))
        } else {
            console.out(strataListing.render(format) + variables.render(format))
        }
    }

    static func percent(_ part: Int, _ total: Int) -> String? {
        total == 0 ? nil : String(format: "%.1f%%", 100 * Double(part) / Double(total))
    }
}
