import LotseCases
import LotseForms

extension Shell {
    /// Tab completion: the candidates for the word that ends `text` (the line before the
    /// cursor): command words, subcommands, options, option values, form and workflow
    /// names, the events a case can take now, the field names of `form submit`. Reads only;
    /// nothing is audited or changed.
    func completions(before text: String) -> [String] {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if !text.hasSuffix(" "), !words.isEmpty { words.removeLast() }
        let current = text.hasSuffix(" ") || text.isEmpty ? "" : String(text.split(separator: " ").last ?? "")
        if words.isEmpty { return Array(Set(commands.map { $0.path[0] })) }
        let definitions = actor.flatMap { try? office.definitions(by: $0) }
        let forms = definitions?.forms.sorted ?? []
        if words == ["help"] || (words.first == "help" && words.count == 2) {
            let prefix = Array(words.dropFirst())
            return commands.filter { $0.path.count > prefix.count && Array($0.path.prefix(prefix.count)) == prefix }
                .map { $0.path[prefix.count] }
        }
        // The command: the longest path the words start with.
        guard let command = commands.filter({ $0.path.count <= words.count && Array(words.prefix($0.path.count)) == $0.path })
            .max(by: { $0.path.count < $1.path.count }) else {
            return commands.filter { $0.path.count > 1 && $0.path[0] == words[0] && words.count == 1 }.map { $0.path[1] }
        }
        let rest = Array(words.dropFirst(command.path.count))
        if current.hasPrefix("-") {
            return command.options.map { "--" + $0.name }
        }
        // The value of an option just before.
        if let last = rest.last, last.hasPrefix("--"),
           let spec = command.options.first(where: { "--" + $0.name == last }), let placeholder = spec.value {
            return optionValues(spec.name, placeholder: placeholder, definitions: definitions)
        }
        let positional = rest.enumerated().filter { index, word in
            !word.hasPrefix("--") && !(index > 0 && rest[index - 1].hasPrefix("--")
                && command.options.first { "--" + $0.name == rest[index - 1] }?.value != nil)
        }.map(\.element)
        let index = positional.count
        let placeholder = index < command.arguments.count ? command.arguments[index]
            : (command.variadic ? command.arguments.last : nil)
        guard let placeholder else { return [] }
        switch placeholder.trimmingCharacters(in: "[]") {
        case "FORM": return forms.map(\.id)
        case "WORKFLOW": return definitions.map { Array($0.workflows.keys) } ?? []
        case "EVENT":
            guard let actor, let id = Int(positional.first ?? "") else { return [] }
            guard let overview = try? office.caseOverview(by: actor, id: id, language: language) else { return [] }
            return overview.enabledEvents.isEmpty ? overview.availableEvents : overview.enabledEvents
        case "KEY=VALUE":
            let formID = command.arguments.firstIndex(of: "FORM").flatMap { $0 < positional.count ? positional[$0] : nil }
            guard let formID, let form = definitions?.forms[formID] else { return [] }
            return form.questions.filter { !$0.isNote }.map { $0.relativePath + "=" }
        case "COMMAND": return Array(Set(commands.map { $0.path[0] }))
        default: return []
        }
    }

    /// The values an option can take, where they are known.
    private func optionValues(_ name: String, placeholder: String, definitions: DefinitionSet?) -> [String] {
        switch name {
        case "role": return Role.allCases.map(\.rawValue)
        case "workflow": return definitions.map { Array($0.workflows.keys) } ?? []
        case "state": return Array(Set(definitions.map { $0.workflows.values.flatMap { $0.states.map(\.id) } } ?? []))
        case "site":
            guard let actor, let sites = try? office.sites(by: actor) else { return [] }
            return sites.map(\.code)
        default:
            return placeholder.contains("|") ? placeholder.split(separator: "|").map(String.init) : []
        }
    }
}

extension String {
    /// The string without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
