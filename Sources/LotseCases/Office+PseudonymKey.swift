public import LotseStore

/// The project's pseudonym key, in its own file beside the database (issue 9): a copy of the
/// database alone re-identifies nobody.
extension Office {
    /// Why the pseudonym key is not available.
    public enum KeyProblem: Error, Sendable, CustomStringConvertible {
        /// The key was made once (the audit log says so) but its file is gone.
        case missing(path: String, madeAt: String, seq: Int)
        case file(KeyFile.Failure)
        /// The store is a server (PostgreSQL): there is no folder beside it for the key file, and
        /// none was named.
        case noKeyFile(store: String)

        public var description: String {
            switch self {
            case let .missing(path, madeAt, seq):
                return "the pseudonym key file \(path) is missing, but this project's key was made at \(madeAt) "
                    + "(audit row \(seq)): restore the key file from where you keep it (lotse --key-file PATH names "
                    + "another place); a new key would change every pseudonym, so none was made (nothing was exported)"
            case let .file(failure): return failure.description
            case let .noKeyFile(store):
                return "the pseudonym key has no file: the database \(store) is on a server, so name the key file "
                    + "with lotse --key-file PATH or LOTSE_KEY_FILE (on the application host, mode 0600; the key is never "
                    + "stored in the database); nothing was exported"
            }
        }
    }

    /// The project's secret pseudonym key, read from `keyFilePath`. Made once, at random, on
    /// first use (audited as `project.key`); a key an older Lotse kept inside the database is
    /// moved to the file (audited as `project.key.moved`). Never shown to anyone.
    public func pseudonymKey(by actor: Actor) throws -> [UInt8] {
        guard let path = keyFilePath else { throw KeyProblem.noKeyFile(store: store.path) }
        do {
            if KeyFile.exists(path) { return try KeyFile.read(path) }
            // A PostgreSQL transaction may be run again (a deadlock, a conflict): the key made and
            // written by a first run is reused by the next, not made twice.
            var written: [UInt8]?
            return try storeWork {
                try store.transaction {
                    if let legacy = try store.randomisation.storedSecret(named: "pseudonym-key") {
                        if try !(KeyFile.exists(path) && KeyFile.read(path) == legacy) {
                            try KeyFile.create(path, key: legacy)
                        }
                        try store.randomisation.removeSecret(named: "pseudonym-key")
                        try store.audit.record(draft(actor, "project.key.moved", detail: .object([
                            ("purpose", "pseudonyms in exports"), ("file", .string(path)),
                        ])))
                        return legacy
                    }
                    var made: AuditEntry?
                    try store.audit.query(AuditFilter(action: "project.key", last: 1)) { made = $0 }
                    if let made {
                        throw KeyProblem.missing(path: path, madeAt: made.draft.at, seq: made.seq)
                    }
                    let key: [UInt8]
                    if let written, KeyFile.exists(path), try KeyFile.read(path) == written {
                        key = written
                    } else {
                        key = makePseudonymKey()
                        try KeyFile.create(path, key: key)
                        written = key
                    }
                    try store.audit.record(draft(actor, "project.key", detail: .object([
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
