public import LotseStore

/// The project's pseudonym key, in its own file beside the database (issue 9): a copy of the
/// database alone re-identifies nobody.
extension Office {
    /// Why the pseudonym key is not available.
    public enum KeyProblem: Error, Sendable, CustomStringConvertible {
        /// The key was made once (the audit log says so) but its file is gone.
        case missing(path: String, madeAt: String, seq: Int)
        case file(KeyFile.Failure)

        public var description: String {
            switch self {
            case let .missing(path, madeAt, seq):
                return "the pseudonym key file \(path) is missing, but this project's key was made at \(madeAt) "
                    + "(audit row \(seq)): restore the key file from where you keep it (lotse --key-file PATH names "
                    + "another place); a new key would change every pseudonym, so none was made (nothing was exported)"
            case let .file(failure): return failure.description
            }
        }
    }

    /// The project's secret pseudonym key, read from `keyFilePath`. Made once, at random, on
    /// first use (audited as `project.key`); a key an older Lotse kept inside the database is
    /// moved to the file (audited as `project.key.moved`). Never shown to anyone.
    public func pseudonymKey(by actor: Actor) throws -> [UInt8] {
        let path = keyFilePath
        do {
            if KeyFile.exists(path) { return try KeyFile.read(path) }
            return try storeWork {
                try store.transaction {
                    if let legacy = try store.randomisation.storedSecret(named: "pseudonym-key") {
                        try KeyFile.create(path, key: legacy)
                        try store.randomisation.removeSecret(named: "pseudonym-key")
                        try store.audit.append(draft(actor, "project.key.moved", detail: .object([
                            ("purpose", "pseudonyms in exports"), ("file", .string(path)),
                        ])))
                        return legacy
                    }
                    var made: AuditEntry?
                    try store.audit.query(AuditFilter(action: "project.key", last: 1)) { made = $0 }
                    if let made {
                        throw KeyProblem.missing(path: path, madeAt: made.draft.at, seq: made.seq)
                    }
                    let key = makePseudonymKey()
                    try KeyFile.create(path, key: key)
                    try store.audit.append(draft(actor, "project.key", detail: .object([
                        ("purpose", "pseudonyms in exports"), ("bits", .int(key.count * 8)), ("file", .string(path)),
                    ])))
                    return key
                }
            }
        } catch let failure as KeyFile.Failure {
            throw KeyProblem.file(failure)
        }
    }
}
