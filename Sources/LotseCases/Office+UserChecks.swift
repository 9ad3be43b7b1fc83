extension Office {
    /// Everything `addUser` checks that does not need the password: the actor's permission, the
    /// name, that it is free, that the site exists. The shell calls it before asking for a
    /// password, so a typo is not found out only after the password was typed twice.
    public func checkNewUser(by actor: Actor, name: String, sites: [String]) throws {
        try authorize(.addUser, actor)
        guard Self.isValidName(name) else { throw CasesError.invalidName(name, what: "user name") }
        try storeWork {
            if try store.directory.user(named: name) != nil { throw CasesError.userExists(name) }
            for site in sites where try store.directory.site(code: site) == nil { throw CasesError.unknownSite(site) }
        }
    }
}
