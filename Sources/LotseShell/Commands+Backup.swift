import LotseCases

extension Shell {
    static func backupCommands() -> [Command] {
        [
            Command(path: ["backup"], arguments: [], options: [
                        OptionSpec("out", value: "FILE", Wording(de: "die zu schreibende Datei (Pflicht)",
                                                                 en: "the file to write (required)")), .force],
                    summary: Wording(de: "eine geprüfte Kopie der ganzen Datenbank in eine Datei schreiben",
                                     en: "write a verified copy of the whole database to a file"),
                    details: Wording(de: "Ein konsistenter Stand über SQLites Online-Backup-API, während andere "
                                         + "weiterarbeiten; die Kopie besteht SQLites Integritätsprüfung und `audit "
                                         + "verify` und endet mit derselben Audit-Zeile wie die Datenbank, bevor sie "
                                         + "ihren Platz einnimmt. Die Sicherung wird mit dem SHA-256 der Datei und dem "
                                         + "Audit-Kopf protokolliert. Die Pseudonym-Schlüsseldatei ist nicht enthalten: "
                                         + "getrennt aufbewahren. Zum Wiederherstellen jede Shell beenden und die Datei "
                                         + "als Datenbank zurückkopieren.",
                                     en: "A consistent snapshot taken with SQLite's online backup API while others keep working; "
                                         + "the copy passes SQLite's integrity check and `audit verify`, and ends with the same audit row "
                                         + "as the database, before it takes its place. The backup is audited with the file's SHA-256 "
                                         + "and the audit head. The pseudonym key file is not in it: keep that apart. To restore, stop "
                                         + "every shell and copy the file back as the database."),
                    group: .audit, permission: .backup, needsLogin: true,
                    run: { shell, inv in
                        let summary = try shell.office.backup(by: try shell.currentActor, to: try shell.outFile(inv))
                        shell.say(.wroteBackup(path: summary.path, bytes: summary.bytes, sha256: summary.sha256,
                                               rows: summary.rowsVerified, head: summary.head))
                    }),
        ]
    }
}
