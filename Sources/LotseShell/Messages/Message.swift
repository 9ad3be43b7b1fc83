/// The message catalogue of what commands say when they succeed, keyed by message id (the
/// case); each entry has its German and English text side by side. Errors have their entries
/// beside their types (`ShellError+Wording`, `CasesError+Wording`, `Refusal+Wording`).
enum Message {
    // Session
    case welcome
    case firstStart
    case createdFirstAdmin(String)
    case createdAdmin(String)
    case loggedIn(name: String, role: String, sites: [String])
    case oneTimePasswordLogin
    case loggedOut(String)
    case notLoggedIn
    case whoami(name: String, role: String, sites: [String])
    case interrupted
    case transactionBegun
    case committed
    case rolledBack
    case noCommitAtEndOfScript(String)
    case noCommitAtEndOfInput(String)
    case noCommitBeforeQuit(String)
    case wholeScriptRolledBack
    case transactionRolledBack(line: Int?)
    case passwordPrompt(String)
    case newPasswordPrompt(String)
    case repeatPasswordPrompt
    case currentPasswordPrompt(String)
    case namePrompt
    // Users and sites
    case addedUser(name: String, role: String, sites: [String])
    case userWorks(name: String, sites: [String])
    case disabledUser(String)
    case enabledUser(String)
    case addedSite(String)
    case changedPassword(String)
    case oneTimePassword(name: String, password: String)
    // Clients and cases
    case addedClient(id: Int, site: String, eligible: Bool)
    case eligible([String])
    case noCases
    case cases(String)
    case openedCase(id: Int, client: Int, workflow: String, version: String, state: String, label: String)
    case noEventsNow
    case assigned(caseID: Int, to: String)
    case reopened(caseID: Int, state: String)
    case moved(caseID: Int, from: String, to: String, closes: Bool)
    case wrote(String)
    // Forms
    case cancelledNothingStored
    case formFileOK(file: String, form: String, version: String, fields: Int)
    case workflowFileOK(file: String, workflow: String, states: Int, warnings: Int)
    case formFilesNotLoaded([String])
    case stored(form: String, caseID: Int, submission: Int, entry: Int?, corrects: Int?)
    case noSubmission(caseID: String, form: String)
    // Evaluation
    case wroteExport(rows: Int, what: ExportKind, path: String, bytes: Int, sha256: String, head: String, manifest: String?)
    case planDeclared(seq: Int, primary: String, alpha: String, minimumSiteSize: Int)
    case recruitmentClosed(String)
    case revealed(site: String, algorithm: String, seed: String, commitment: String, ratio: String, strata: String, blocks: String)
    case observationRecorded(caseID: Int, submission: Int, entry: Int)
    case observationsImported(count: Int, file: String)
    case randomised(count: Int, site: String, run: Int, algorithm: String, participants: Int, comparison: Int)
    case sealed(site: String, algorithm: String, ratio: String, blocks: String, commitment: String)
    // Demo
    case demoBuilding(clients: Int, path: String)
    case demoPassword(String)
    case demoExplore(String)
    // Copying a project to PostgreSQL
    case copying(from: String, to: String)
    case copyProgress(rows: Int)
    case copyVerifying(rows: Int)
    case copiedTable(table: String, rows: Int)
    case copied(rows: Int, tables: Int, to: String, verified: Int)
    case copyHeads(source: String, target: String)
    // Audit
    case auditIntact(rows: Int, head: String?, contains: Int?)
    case auditEmpty
    case wroteBackup(path: String, bytes: Int, sha256: String, rows: Int, head: String)

    /// What an export wrote.
    enum ExportKind {
        case cases, codebook, auditRows, values
        var wording: Wording {
            switch self {
            case .values: Wording(de: "Werte", en: "values")
            case .cases: Wording(de: "Fälle", en: "cases")
            case .codebook: Wording(de: "Variablen", en: "variables")
            case .auditRows: Wording(de: "Audit-Zeilen", en: "audit rows")
            }
        }
    }

    /// ` at site S` / ` at sites S, T`.
    static func atSites(_ sites: [String]) -> Wording {
        if sites.isEmpty { return .verbatim("") }
        let list = sites.joined(separator: ", ")
        return sites.count == 1 ? Wording(de: " am Standort \(list)", en: " at site \(list)")
                                : Wording(de: " an den Standorten \(list)", en: " at sites \(list)")
    }

    var wording: Wording {
        switch self {
        case .welcome:
            return Wording(de: "Lotse: AmigA-Fallarbeit. `help` zeigt die Befehle, `quit` beendet.",
                           en: "Lotse: AmigA case work. `help` lists the commands, `quit` ends.")
        case .firstStart:
            return Wording(de: "Diese Datenbank hat noch keine Benutzer. Legen Sie das erste Admin-Konto an.",
                           en: "This database has no users yet. Create the first admin account.")
        case let .createdFirstAdmin(name):
            return Wording(de: "Admin \(name) angelegt und angemeldet.", en: "Created admin \(name) and logged in.")
        case let .createdAdmin(name):
            return Wording(de: "Admin \(name) angelegt; angemeldet als \(name)", en: "created admin \(name); logged in as \(name)")
        case let .loggedIn(name, role, sites):
            return Wording(de: "angemeldet als \(name) (\(role))", en: "logged in as \(name) (\(role))") + Self.atSites(sites)
        case .oneTimePasswordLogin:
            return Wording(de: "Ihr Passwort ist ein Einmalpasswort: setzen Sie vor allem anderen mit `user passwd` ein eigenes",
                           en: "your password is a one-time password: set your own with `user passwd` before anything else")
        case let .loggedOut(name): return Wording(de: "\(name) abgemeldet", en: "logged out \(name)")
        case .notLoggedIn: return Wording(de: "nicht angemeldet", en: "not logged in")
        case let .whoami(name, role, sites): return .verbatim("\(name) (\(role))") + Self.atSites(sites)
        case .interrupted: return Wording(de: "abgebrochen", en: "interrupted")
        case .transactionBegun: return Wording(de: "Transaktion begonnen", en: "transaction begun")
        case .committed: return Wording(de: "festgeschrieben", en: "committed")
        case .rolledBack:
            return Wording(de: "zurückgerollt; nichts seit begin wurde geändert", en: "rolled back; nothing since begin was changed")
        case let .noCommitAtEndOfScript(note):
            return Wording(de: "kein commit vor dem Ende des Skripts: \(note)", en: "no commit before the end of the script: \(note)")
        case let .noCommitAtEndOfInput(note):
            return Wording(de: "kein commit vor dem Ende der Eingabe: \(note)", en: "no commit before the end of input: \(note)")
        case let .noCommitBeforeQuit(note):
            return Wording(de: "kein commit vor quit: \(note)", en: "no commit before quit: \(note)")
        case .wholeScriptRolledBack:
            return Wording(de: "das ganze Skript wurde zurückgerollt (--single-transaction); nichts wurde geändert",
                           en: "the whole script was rolled back (--single-transaction); nothing was changed")
        case let .transactionRolledBack(line):
            return Wording(de: "die Transaktion" + (line.map { " aus Zeile \($0)" } ?? "") + " wurde zurückgerollt; "
                               + "keine ihrer Änderungen wurde ausgeführt",
                           en: "the transaction" + (line.map { " begun at line \($0)" } ?? "")
                               + " was rolled back; none of its changes were made")
        case let .passwordPrompt(name): return Wording(de: "Passwort für \(name): ", en: "Password for \(name): ")
        case let .newPasswordPrompt(name): return Wording(de: "Neues Passwort für \(name): ", en: "New password for \(name): ")
        case .repeatPasswordPrompt: return Wording(de: "Passwort wiederholen: ", en: "Repeat the password: ")
        case let .currentPasswordPrompt(name):
            return Wording(de: "Aktuelles Passwort für \(name): ", en: "Current password for \(name): ")
        case .namePrompt: return .verbatim("Name: ")
        case let .addedUser(name, role, sites):
            let at = Self.atSites(sites)
            return Wording(de: "Benutzer \(name) (\(role))\(at.de) angelegt", en: "added user \(name) (\(role))\(at.en)")
        case let .userWorks(name, sites):
            return sites.isEmpty
                ? Wording(de: "Benutzer \(name) arbeitet jetzt an keinem Standort", en: "user \(name) now works")
                : Wording(de: "Benutzer \(name) arbeitet jetzt", en: "user \(name) now works") + Self.atSites(sites)
        case let .disabledUser(name): return Wording(de: "Benutzer \(name) gesperrt", en: "disabled user \(name)")
        case let .enabledUser(name): return Wording(de: "Benutzer \(name) entsperrt", en: "enabled user \(name)")
        case let .addedSite(code): return Wording(de: "Standort \(code) angelegt", en: "added site \(code)")
        case let .changedPassword(name):
            return Wording(de: "das Passwort von \(name) wurde geändert", en: "changed the password of \(name)")
        case let .oneTimePassword(name, password):
            return Wording(de: "Einmalpasswort für \(name): \(password) (wird nur jetzt gezeigt; \(name) muss es bei der "
                               + "ersten Anmeldung ändern)",
                           en: "one-time password for \(name): \(password) (shown only now; \(name) must change it at the "
                               + "first login)")
        case let .addedClient(id, site, eligible):
            return Wording(de: "Klient \(id) am Standort \(site) angelegt" + (eligible ? " (berechtigt)" : ""),
                           en: "added client \(id) at site \(site)" + (eligible ? " (eligible)" : ""))
        case let .eligible(ids):
            return Wording(de: "berechtigt: ", en: "eligible: ") + .verbatim(ids.joined(separator: ", "))
        case .noCases: return Wording(de: "keine Fälle", en: "no cases")
        case let .cases(list): return Wording(de: "Fälle: ", en: "cases: ") + .verbatim(list)
        case let .openedCase(id, client, workflow, version, state, label):
            return Wording(de: "Fall \(id) für Klient \(client) eröffnet: \(workflow) \(version), Zustand \(state) (\(label))",
                           en: "opened case \(id) for client \(client): \(workflow) \(version), state \(state) (\(label))")
        case .noEventsNow: return Wording(de: "jetzt keine", en: "none now")
        case let .assigned(id, user): return Wording(de: "Fall \(id) an \(user) zugewiesen", en: "case \(id) assigned to \(user)")
        case let .reopened(id, state):
            return Wording(de: "Fall \(id) im Zustand \(state) wieder geöffnet", en: "case \(id) reopened in state \(state)")
        case let .moved(id, from, to, closes):
            return Wording(de: "Fall \(id): \(from) → \(to)" + (closes ? " (abgeschlossen)" : ""),
                           en: "case \(id): \(from) → \(to)" + (closes ? " (closed)" : ""))
        case let .wrote(file): return Wording(de: "\(file) geschrieben", en: "wrote \(file)")
        case .cancelledNothingStored:
            return Wording(de: "abgebrochen; nichts gespeichert", en: "cancelled; nothing stored")
        case let .formFileOK(file, form, version, fields):
            return Wording(de: "\(file): ok (Formular \(form)" + (version.isEmpty ? "" : ", Version \(version)") + ", \(fields) Felder)",
                           en: "\(file): ok (form \(form)" + (version.isEmpty ? "" : ", version \(version)") + ", \(fields) fields)")
        case let .workflowFileOK(file, workflow, states, warnings):
            return Wording(de: "\(file): ok (Workflow \(workflow), \(states) Zustände"
                               + (warnings > 0 ? ", \(warnings) Warnung\(warnings == 1 ? "" : "en"))" : ")"),
                           en: "\(file): ok (workflow \(workflow), \(states) states"
                               + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s"))" : ")"))
        case let .formFilesNotLoaded(diagnostics):
            return Wording(de: "Warnung: einige Formulardateien wurden nicht geladen:\n",
                           en: "warning: some form files did not load:\n")
                + .verbatim(diagnostics.map { "  \($0)" }.joined(separator: "\n"))
        case let .stored(form, caseID, submission, entry, corrects):
            return Wording(de: "\(form) an Fall \(caseID) als Erfassung \(submission) gespeichert"
                               + (entry.map { ", Eintrag \($0)" } ?? "") + (corrects.map { " (berichtigt Erfassung \($0))" } ?? ""),
                           en: "stored \(form) on case \(caseID) as submission \(submission)"
                               + (entry.map { ", entry \($0)" } ?? "") + (corrects.map { " (corrects submission \($0))" } ?? ""))
        case let .noSubmission(caseID, form):
            return Wording(de: "Fall \(caseID) hat keine Erfassung von \(form)", en: "case \(caseID) has no \(form) submission")
        case let .wroteExport(rows, what, path, bytes, sha256, head, manifest):
            return Wording(de: "\(rows) \(what.wording.de) nach \(path) geschrieben (\(bytes) Bytes, sha256 \(sha256)); "
                               + "Audit-Kopf \(head)" + (manifest.map { " in \($0)" } ?? ""),
                           en: "wrote \(rows) \(what.wording.en) to \(path) (\(bytes) bytes, sha256 \(sha256)); audit head \(head)"
                               + (manifest.map { " in \($0)" } ?? ""))
        case let .planDeclared(seq, primary, alpha, minimum):
            return Wording(de: "Evaluationsplan festgelegt (Audit-Zeile \(seq)): primärer Endpunkt \(primary), alpha \(alpha), "
                               + "Mindestgröße eines Standorts \(minimum) je Gruppe; jeder andere Indikator ist sekundär (Holm)",
                           en: "evaluation plan declared (audit row \(seq)): primary outcome \(primary), "
                               + "alpha \(alpha), minimum site size \(minimum) per group; "
                               + "every other indicator is secondary (Holm)")
        case let .recruitmentClosed(site):
            return Wording(de: "die Rekrutierung des Standorts \(site) ist geschlossen; `randomise reveal --site \(site)` zeigt den Seed",
                           en: "closed the recruitment of site \(site); `randomise reveal --site \(site)` shows the seed")
        case let .revealed(site, algorithm, seed, commitment, ratio, strata, blocks):
            return Wording(de: "Standort \(site): \(algorithm)\nSeed: \(seed)\nFestlegung (sha256 der 32 Bytes des Seeds): \(commitment)\n"
                               + "Verhältnis \(ratio) · Strata \(strata.isEmpty ? "keine" : strata) · Blöcke \(blocks)",
                           en: "site \(site): \(algorithm)\nseed: \(seed)\ncommitment (sha256 of the seed's 32 bytes): \(commitment)\n"
                               + "ratio \(ratio) · strata \(strata.isEmpty ? "none" : strata) · blocks \(blocks)")
        case let .observationRecorded(caseID, submission, entry):
            return Wording(de: "Beobachtung an Fall \(caseID) als Erfassung \(submission), Eintrag \(entry) gespeichert",
                           en: "recorded observation on case \(caseID) as submission \(submission), entry \(entry)")
        case let .observationsImported(count, file):
            return Wording(de: "\(count) Beobachtung\(count == 1 ? "" : "en") aus \(file) eingelesen",
                           en: "imported \(count) observation\(count == 1 ? "" : "s") from \(file)")
        case let .randomised(count, site, run, algorithm, participants, comparison):
            return Wording(de: "\(count) Klienten des Standorts \(site) randomisiert (Lauf \(run), \(algorithm)): "
                               + "\(participants) Teilnahme, \(comparison) Vergleich",
                           en: "randomised \(count) clients of site \(site) (run \(run), \(algorithm)): "
                               + "\(participants) participants, \(comparison) comparison")
        case let .sealed(site, algorithm, ratio, blocks, commitment):
            return Wording(de: "die Randomisierung des Standorts \(site) ist versiegelt (\(algorithm), Verhältnis \(ratio), "
                               + "Blöcke \(blocks)); Festlegung des Seeds sha256 \(commitment)",
                           en: "sealed the randomisation of site \(site) (\(algorithm), ratio \(ratio), blocks \(blocks)); "
                               + "seed commitment sha256 \(commitment)")
        case let .auditIntact(rows, head, contains):
            return Wording(de: "Audit-Protokoll unversehrt: \(rows) Zeilen geprüft, die Daten stimmen überein"
                               + (head.map { "; Kopf \(rows):\($0)" } ?? "") + (contains.map { "; enthält den Kopf \($0)" } ?? ""),
                           en: "audit log intact: \(rows) rows verified, data matches"
                               + (head.map { "; head \(rows):\($0)" } ?? "") + (contains.map { "; contains head \($0)" } ?? ""))
        case let .demoBuilding(clients, path):
            return Wording(de: "baue eine Demo-Region mit \(clients) Klienten in \(path) …",
                           en: "building a demo region of \(clients) clients in \(path) …")
        case let .demoPassword(password):
            return Wording(de: "Das Passwort jedes Demo-Benutzers ist \(password).", en: "Every demo user's password is \(password).")
        case let .demoExplore(path):
            return Wording(de: "Erkunden mit: lotse --db \(path)   (zum Beispiel: login eva, dann report evaluation)",
                           en: "Explore it with: lotse --db \(path)   (for example: login eva, then report evaluation)")
        case let .copying(from, to):
            return Wording(de: "kopiere \(from) nach \(to) …", en: "copying \(from) to \(to) …")
        case let .copyProgress(rows):
            return Wording(de: "\(rows) Zeilen kopiert …", en: "\(rows) rows copied …")
        case let .copyVerifying(rows):
            return Wording(de: "audit verify im Ziel: \(rows) Audit-Zeilen geprüft …", en: "audit verify on the target: \(rows) audit rows checked …")
        case let .copiedTable(table, rows):
            return .verbatim("  \(table): \(rows)")
        case let .copied(rows, tables, to, verified):
            return Wording(de: "\(rows) Zeilen in \(tables) Tabellen nach \(to) kopiert; audit verify dort: intakt "
                               + "(\(verified) Audit-Zeilen und alle Daten geprüft)",
                           en: "copied \(rows) rows in \(tables) tables to \(to); audit verify there: intact "
                               + "(\(verified) audit rows and all data checked)")
        case let .copyHeads(source, target):
            return Wording(de: "Kopfzeile der Quelle: \(source)\nKopfzeile des Ziels:  \(target) (gleich)",
                           en: "source head: \(source)\ntarget head: \(target) (equal)")
        case .auditEmpty: return Wording(de: "das Audit-Protokoll ist leer", en: "the audit log is empty")
        case let .wroteBackup(path, bytes, sha256, rows, head):
            return Wording(de: "Sicherung \(path) geschrieben (\(bytes) Bytes, sha256 \(sha256)); \(rows) Audit-Zeilen geprüft, "
                               + "Kopf \(head)",
                           en: "wrote backup \(path) (\(bytes) bytes, sha256 \(sha256)); verified \(rows) audit rows, head \(head)")
        }
    }
}

extension Wording {
    /// `N error(s) in M file(s)`, the summary of `form check` and `workflow check`.
    static func checkSummary(errors: Int, files: Int) -> Wording {
        Wording(de: "\(errors) Fehler in \(files) Datei" + (files == 1 ? "" : "en"),
                en: "\(errors) error\(errors == 1 ? "" : "s") in \(files) file" + (files == 1 ? "" : "s"))
    }
}
