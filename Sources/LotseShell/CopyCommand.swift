import LotseStore

/// `lotse copy --from FILE --to URI`: copies a project's SQLite database into an empty,
/// migrated PostgreSQL database (`RegionCopy`), as the schema's owner (it sets the identity
/// sequences past the copied ids, which the application role may not). Prints the rows per
/// table and both audit heads, which are equal, or why nothing was changed. Ctrl-C stops it
/// with nothing left on the target.
public enum CopyCommand {
    /// Runs the copy and prints what it did; the exit code.
    public static func run(_ options: LaunchOptions.CopyOptions, console: any Console, language: Language) -> Shell.ExitCode {
        guard let target = ConnectionURI(options.to) else { return .usage }
        console.err(Message.copying(from: options.from, to: target.redacted).wording.text(language) + "\n")
        do {
            // The count starts again when the copy is verified on the target.
            var last = 0, verifying = false
            let summary = try RegionCopy.run(from: options.from, to: target) { rows in
                try Interrupt.check()
                if rows < last { verifying = true }
                last = rows
                if rows % 1000 == 0 {
                    console.progress((verifying ? Message.copyVerifying(rows: rows) : Message.copyProgress(rows: rows))
                        .wording.text(language))
                }
            }
            for table in summary.tables {
                console.out(Message.copiedTable(table: table.name, rows: table.rows).wording.text(language) + "\n")
            }
            console.out(Message.copied(rows: summary.tables.reduce(0) { $0 + $1.rows }, tables: summary.tables.count,
                                       to: target.redacted, verified: summary.rowsVerified).wording.text(language) + "\n")
            console.out(Message.copyHeads(source: summary.sourceHead, target: summary.targetHead).wording.text(language) + "\n")
            return .ok
        } catch {
            console.err("lotse copy: \(ErrorPresenter.message(for: error, language: language))\n")
            return ErrorPresenter.exitCode(for: error)
        }
    }
}
