public import LotseStore

/// What `backup` wrote.
public struct BackupSummary: Sendable {
    public var path: String
    public var bytes: Int
    public var sha256: String
    /// The audit head the copy ends with, `seq:hash`.
    public var head: String
    public var rowsVerified: Int
}

/// Why a backup was refused or did not verify. Nothing was left at the named place.
public enum BackupError: Error, Sendable, CustomStringConvertible {
    case standardOutput
    case integrity(String)
    case auditBroken(AuditVerification)
    /// The copy has no audit rows at all.
    case noAuditRows
    case headMismatch(copy: String, original: String?)

    public var description: String {
        switch self {
        case .standardOutput: return "backup needs a file: a database copy is not for standard output (nothing was written)"
        case let .integrity(result): return "the copy failed SQLite's integrity check (\(result)); nothing was kept"
        case let .auditBroken(result):
            return "the copy's audit log does not verify (" + result.problems.joined(separator: "; ") + "); nothing was kept"
        case .noAuditRows: return "the copy's audit log does not verify (the copy has no audit rows); nothing was kept"
        case let .headMismatch(copy, original):
            return "the copy ends with audit row \(copy), but the database has \(original ?? "no such row") there; nothing was kept"
        }
    }
}

/// Backups: a consistent, verified copy of the whole database (issue 9).
extension Office {
    /// Writes a snapshot of the database to `target` with SQLite's online backup API
    /// (admin, or a supervisor of every site: it holds every site's data), checks the copy (SQLite's integrity check; its audit chain
    /// recomputed; its last audit row equal to the same row here), audits the backup with the
    /// file's SHA-256 and the head, and only then puts the file in place. The pseudonym key
    /// file is not part of it: keep that apart.
    public func backup(by actor: Actor, to target: OutputTarget) throws -> BackupSummary {
        try authorize(.backup, actor)
        try authorizeRegion(actor, .backup, what: "a backup")
        if case .stream = target { throw BackupError.standardOutput }
        let file = try output(target)
        do {
            try storeWork { try store.backup(into: file.stagingPath) }
            let verified = try verifyCopy(at: file.stagingPath)
            let sha = try file.finishWrittenElsewhere()
            try storeWork {
                try store.transaction {
                    try store.audit.record(draft(actor, "backup", detail: .object([
                        ("file", .string(file.name)), ("bytes", .int(file.bytes)), ("sha256", .string(sha)),
                        ("head", .string(verified.head)), ("rows_verified", .int(verified.rows)),
                    ])))
                }
            }
            try file.publish()
            return BackupSummary(path: file.name, bytes: file.bytes, sha256: sha, head: verified.head,
                                 rowsVerified: verified.rows)
        } catch let error as OutputError {
            if case .publishFailed = error {} else { file.discard() }
            throw error
        } catch {
            file.discard()
            throw error
        }
    }

    /// Opens the copy read-only and checks it.
    private func verifyCopy(at path: String) throws -> (head: String, rows: Int) {
        let copy = try storeWork { try Store(readingOnly: path) }
        defer { copy.close() }
        let integrity = try storeWork { try copy.integrityCheck() }
        guard integrity == "ok" else { throw BackupError.integrity(integrity) }
        // The copy is verified as `audit verify` verifies: the chain and every covered data row.
        let verification = try storeWork { try copy.audit.verify() }
        guard verification.isIntact else { throw BackupError.auditBroken(verification) }
        guard let head = try storeWork({ try copy.audit.head() }) else {
            throw BackupError.noAuditRows
        }
        let original = try storeWork { try store.audit.hash(at: head.seq) }
        guard original == head.hash else {
            throw BackupError.headMismatch(copy: "\(head.seq):\(head.hash)", original: original.map { "\(head.seq):\($0)" })
        }
        return ("\(head.seq):\(head.hash)", verification.rowsChecked)
    }
}
