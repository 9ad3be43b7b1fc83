import LotseStore

/// `lotse migrate --db URI`: brings a database's schema up to date. On PostgreSQL it runs as the
/// schema's owner (the owner's connection URI; libpq reads its password from `.pgpass` or the
/// URI) and grants the application role (`--app-role`, default `lotse_app`) reading, appending
/// and changing what the shell changes, never UPDATE or DELETE on the append-only tables. A
/// SQLite file is migrated as every `lotse` start does.
public enum MigrateCommand {
    public static func run(_ options: LaunchOptions.MigrateOptions, databasePath: String, console: any Console,
                           language: Language)
        -> Shell.ExitCode {
        do {
            if let uri = ConnectionURI(databasePath) {
                let connection = try PostgreSQLConnection(uri)
                let applied = try PostgreSQLSchema.migrate(connection, applicationRole: options.applicationRole)
                let list = applied.map(String.init).joined(separator: ", "), role = options.applicationRole
                console.out("\(uri.redacted): " + Wording(
                    de: "Schemaversion \(PostgreSQLSchema.latestVersion)"
                        + (applied.isEmpty ? " (schon aktuell)" : " (angewandt: \(list))")
                        + "; die Rolle \(role) darf das Audit-Protokoll, Erfassungen, Übergänge und Zuteilungen lesen und "
                        + "ergänzen, nie ändern",
                    en: "schema version \(PostgreSQLSchema.latestVersion)"
                        + (applied.isEmpty ? " (already up to date)" : " (applied \(list))")
                        + "; role \(role) may read and append, never change the audit log, submissions, "
                        + "transitions or assignments").text(language) + "\n")
            } else {
                let store = try Store(path: databasePath)
                defer { store.close() }
                console.out("\(databasePath): " + Wording(de: "Schemaversion", en: "schema version").text(language)
                            + " \(Schema.migrator.latestVersion)\n")
            }
            return .ok
        } catch {
            console.err("lotse migrate: \(ErrorPresenter.message(for: error, language: language))\n")
            return ErrorPresenter.exitCode(for: error)
        }
    }
}
