public import LotseStore

/// Output files of commands (exports, diagrams, backups).
extension Office {
    /// A safe output file for `target`: never the database, its companion files or the
    /// pseudonym key file; see `OutputFile` for the rules.
    public func output(_ target: OutputTarget) throws(OutputError) -> OutputFile {
        try store.output(target, alsoProtecting: keyFilePath.map { [$0] } ?? [])
    }
}
