import Foundation

/// The Lotse schema, as ordered migrations. Never edit a shipped migration; add one.
public enum Schema {
    /// All migrations of this Lotse, oldest first.
    public static let migrator = Migrator([
        Migration(version: 1, name: "users, sites and the audit log", sql: """
            CREATE TABLE sites (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                site_id INTEGER REFERENCES sites(id),
                password_hash TEXT NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL
            );
            CREATE TABLE audit (
                seq INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                role TEXT,
                action TEXT NOT NULL,
                case_id INTEGER,
                event TEXT,
                from_state TEXT,
                to_state TEXT,
                detail TEXT,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE INDEX audit_by_case ON audit(case_id) WHERE case_id IS NOT NULL;
            CREATE INDEX audit_by_actor ON audit(actor);
            CREATE INDEX audit_by_action ON audit(action);
            CREATE INDEX audit_by_at ON audit(at);
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_append_only BEFORE INSERT ON audit
                WHEN NEW.seq IS NOT COALESCE((SELECT MAX(seq) FROM audit), 0) + 1
                  OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1),
                        '\(AuditEncoding.genesisHash)')
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: a row must extend the chain'); END;
            """),
        Migration(version: 2, name: "definitions, clients, cases, transitions and submissions", sql: """
            CREATE TABLE definitions (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('workflow', 'form')),
                name TEXT NOT NULL,
                version TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                content BLOB NOT NULL,
                stored_at TEXT NOT NULL,
                UNIQUE (kind, sha256)
            );
            CREATE TABLE clients (
                id INTEGER PRIMARY KEY,
                site_id INTEGER NOT NULL REFERENCES sites(id),
                sex TEXT NOT NULL,
                birth_year INTEGER NOT NULL,
                applicant_type TEXT NOT NULL,
                first_name TEXT,
                last_name TEXT,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL
            );
            CREATE TABLE cases (
                id INTEGER PRIMARY KEY,
                client_id INTEGER NOT NULL REFERENCES clients(id),
                workflow_id INTEGER NOT NULL REFERENCES definitions(id),
                case_group TEXT NOT NULL,
                state TEXT NOT NULL,
                history TEXT NOT NULL DEFAULT '{}',
                entered_at TEXT NOT NULL,
                entered_by INTEGER REFERENCES users(id),
                assigned_to INTEGER REFERENCES users(id),
                closed INTEGER NOT NULL DEFAULT 0,
                opened_at TEXT NOT NULL,
                opened_by INTEGER NOT NULL REFERENCES users(id),
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX cases_by_client ON cases(client_id);
            CREATE INDEX cases_by_state ON cases(state);
            CREATE INDEX cases_by_assignee ON cases(assigned_to);
            CREATE TABLE transitions (
                id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL REFERENCES cases(id),
                event TEXT NOT NULL,
                from_state TEXT,
                to_state TEXT NOT NULL,
                user_id INTEGER NOT NULL REFERENCES users(id),
                at TEXT NOT NULL,
                note TEXT
            );
            CREATE INDEX transitions_by_case ON transitions(case_id, id);
            CREATE TABLE submissions (
                id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL REFERENCES cases(id),
                form TEXT NOT NULL,
                definition_id INTEGER NOT NULL REFERENCES definitions(id),
                entry INTEGER NOT NULL,
                supersedes INTEGER REFERENCES submissions(id),
                instance TEXT NOT NULL,
                user_id INTEGER NOT NULL REFERENCES users(id),
                at TEXT NOT NULL
            );
            CREATE INDEX submissions_by_case ON submissions(case_id, form, entry);
            CREATE UNIQUE INDEX submissions_superseded_once ON submissions(supersedes) WHERE supersedes IS NOT NULL;
            CREATE TRIGGER submissions_immutable BEFORE UPDATE ON submissions
                BEGIN SELECT RAISE(ABORT, 'submissions are never changed; a correction is a new submission'); END;
            CREATE TRIGGER submissions_kept BEFORE DELETE ON submissions
                BEGIN SELECT RAISE(ABORT, 'submissions are never deleted'); END;
            CREATE TRIGGER definitions_immutable BEFORE UPDATE ON definitions
                BEGIN SELECT RAISE(ABORT, 'stored definitions are never changed'); END;
            """),
        Migration(version: 3, name: "eligibility, randomisation and the project's pseudonym key", sql: """
            ALTER TABLE clients ADD COLUMN eligible INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE randomisation_runs (
                id INTEGER PRIMARY KEY,
                site_id INTEGER NOT NULL REFERENCES sites(id),
                seed TEXT NOT NULL,
                algorithm TEXT NOT NULL,
                ratio TEXT NOT NULL,
                strata TEXT NOT NULL,
                block INTEGER NOT NULL,
                participants INTEGER NOT NULL,
                comparison INTEGER NOT NULL,
                user_id INTEGER NOT NULL REFERENCES users(id),
                at TEXT NOT NULL
            );
            CREATE TABLE assignments (
                client_id INTEGER PRIMARY KEY REFERENCES clients(id),
                run_id INTEGER NOT NULL REFERENCES randomisation_runs(id),
                case_group TEXT NOT NULL,
                stratum TEXT NOT NULL,
                block INTEGER NOT NULL,
                position INTEGER NOT NULL,
                case_id INTEGER NOT NULL REFERENCES cases(id)
            );
            CREATE TRIGGER assignments_fixed BEFORE UPDATE ON assignments
                BEGIN SELECT RAISE(ABORT, 'an assignment is never changed'); END;
            CREATE TRIGGER assignments_kept BEFORE DELETE ON assignments
                BEGIN SELECT RAISE(ABORT, 'an assignment is never deleted'); END;
            CREATE TRIGGER randomisation_runs_fixed BEFORE UPDATE ON randomisation_runs
                BEGIN SELECT RAISE(ABORT, 'a randomisation run is never changed'); END;
            CREATE TABLE project_secrets (
                name TEXT PRIMARY KEY,
                value BLOB NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TRIGGER project_secrets_fixed BEFORE UPDATE ON project_secrets
                BEGIN SELECT RAISE(ABORT, 'project secrets are never changed'); END;
            """),
        Migration(version: 4, name: "sealed randomisation; the group only from the assignment", sql: """
            -- A case's group is its assignment's: no writable copy in cases.
            ALTER TABLE cases DROP COLUMN case_group;
            CREATE INDEX cases_open_by_client ON cases(client_id) WHERE closed = 0;
            CREATE UNIQUE INDEX assignments_one_per_case ON assignments(case_id);
            -- INSERT OR REPLACE would bypass the DELETE trigger: refuse any row whose key exists.
            CREATE TRIGGER assignments_no_replace BEFORE INSERT ON assignments
                WHEN EXISTS (SELECT 1 FROM assignments WHERE client_id = NEW.client_id OR case_id = NEW.case_id)
                BEGIN SELECT RAISE(ABORT, 'an assignment is never replaced'); END;
            CREATE TABLE randomisation_setups (
                id INTEGER PRIMARY KEY,
                site_id INTEGER NOT NULL UNIQUE REFERENCES sites(id),
                algorithm TEXT NOT NULL,
                ratio TEXT NOT NULL,
                strata TEXT NOT NULL,
                blocks TEXT NOT NULL,
                legal_basis TEXT,
                seed TEXT NOT NULL,
                commitment TEXT NOT NULL,
                user_id INTEGER NOT NULL REFERENCES users(id),
                at TEXT NOT NULL
            );
            CREATE TRIGGER randomisation_setups_fixed BEFORE UPDATE ON randomisation_setups
                BEGIN SELECT RAISE(ABORT, 'a randomisation setup is never changed'); END;
            CREATE TRIGGER randomisation_setups_kept BEFORE DELETE ON randomisation_setups
                BEGIN SELECT RAISE(ABORT, 'a randomisation setup is never deleted'); END;
            CREATE TRIGGER randomisation_setups_no_replace BEFORE INSERT ON randomisation_setups
                WHEN EXISTS (SELECT 1 FROM randomisation_setups WHERE site_id = NEW.site_id)
                BEGIN SELECT RAISE(ABORT, 'a randomisation setup is never replaced'); END;
            CREATE TABLE randomisation_closures (
                setup_id INTEGER PRIMARY KEY REFERENCES randomisation_setups(id),
                user_id INTEGER NOT NULL REFERENCES users(id),
                at TEXT NOT NULL,
                revealed_at TEXT
            );
            CREATE TRIGGER randomisation_closures_kept BEFORE DELETE ON randomisation_closures
                BEGIN SELECT RAISE(ABORT, 'a closed recruitment is never reopened'); END;
            CREATE TRIGGER randomisation_closures_fixed BEFORE UPDATE ON randomisation_closures
                WHEN OLD.revealed_at IS NOT NULL OR NEW.setup_id IS NOT OLD.setup_id OR NEW.user_id IS NOT OLD.user_id
                  OR NEW.at IS NOT OLD.at
                BEGIN SELECT RAISE(ABORT, 'a closure is never changed'); END;
            CREATE TRIGGER randomisation_closures_no_replace BEFORE INSERT ON randomisation_closures
                WHEN EXISTS (SELECT 1 FROM randomisation_closures WHERE setup_id = NEW.setup_id)
                BEGIN SELECT RAISE(ABORT, 'a closure is never replaced'); END;
            ALTER TABLE randomisation_runs ADD COLUMN setup_id INTEGER REFERENCES randomisation_setups(id);
            -- The slot of the stratum's sealed sequence this assignment took (1, 2, 3, ...).
            ALTER TABLE assignments ADD COLUMN setup_id INTEGER REFERENCES randomisation_setups(id);
            ALTER TABLE assignments ADD COLUMN slot INTEGER;
            CREATE UNIQUE INDEX assignments_one_per_slot ON assignments(setup_id, stratum, slot) WHERE slot IS NOT NULL;
            """),
        Migration(version: 5, name: "the workflow's <log> lines of a transition", sql: """
            ALTER TABLE transitions ADD COLUMN log TEXT;
            """),
        Migration(version: 6, name: "one-time passwords", sql: """
            ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
            """),
        Migration(version: 7, name: "users of several sites; audit rows record the data they wrote", sql: """
            ALTER TABLE audit ADD COLUMN records TEXT;
            CREATE TABLE user_sites (
                user_id INTEGER NOT NULL REFERENCES users(id),
                site_id INTEGER NOT NULL REFERENCES sites(id),
                PRIMARY KEY (user_id, site_id)
            ) WITHOUT ROWID;
            CREATE INDEX user_sites_by_site ON user_sites(site_id);
            INSERT INTO user_sites (user_id, site_id) SELECT id, site_id FROM users WHERE site_id IS NOT NULL;
            UPDATE users SET site_id = NULL;
            """, then: { database in
                // Data written before this version is vouched for by one row recording it as found.
                if try database.scalar("SELECT COUNT(*) FROM audit")?.int ?? 0 > 0 {
                    try AuditLog(database: database).recordBaseline(at: Timestamp.string(Date()))
                }
            }),
        Migration(version: 8, name: "the coded values of submissions that the evaluation reads", sql: """
            -- One short row per submission of a form anyone may read: the values the export and the
            -- reports read (SubmissionValues), written with the submission and never changed.
            CREATE TABLE submission_values (
                submission_id INTEGER PRIMARY KEY REFERENCES submissions(id),
                case_id INTEGER NOT NULL REFERENCES cases(id),
                form TEXT NOT NULL,
                entry INTEGER NOT NULL,
                at TEXT NOT NULL,
                fields TEXT NOT NULL
            );
            -- The evaluation's scan reads this index alone, in case order.
            CREATE INDEX submission_values_by_case ON submission_values(case_id, form, entry, at, fields);
            CREATE TRIGGER submission_values_immutable BEFORE UPDATE ON submission_values
                BEGIN SELECT RAISE(ABORT, 'the values of a submission are never changed'); END;
            CREATE TRIGGER submission_values_kept BEFORE DELETE ON submission_values
                BEGIN SELECT RAISE(ABORT, 'the values of a submission are never deleted'); END;
            CREATE TRIGGER submission_values_no_replace BEFORE INSERT ON submission_values
                WHEN EXISTS (SELECT 1 FROM submission_values WHERE submission_id = NEW.submission_id)
                BEGIN SELECT RAISE(ABORT, 'the values of a submission are never replaced'); END;
            """, then: { database in
                // Submissions stored before this version: their values, read from their instances, audited.
                try SubmissionValues.backfill(database)
            }),
        Migration(version: 9, name: "due dates of open cases, kept for the listings", sql: Schema.caseDue),
        Migration(version: 10, name: "indexes the evaluation's scans read alone", sql: Schema.scanIndexes),
    ])

    /// Two indexes that let the evaluation's ordered scans (`EvaluationQueries`) read indexes
    /// alone, in order, instead of one table row per result row at random places in the file
    /// (measured on the 60,000-client region: the transitions scan 0.88 → 0.17 s CPU): the
    /// transitions in case order with what the scan reads, and each correction's time beside
    /// the submission it supersedes (whether a submission was current as of a date).
    static let scanIndexes = """
        CREATE INDEX transitions_scan ON transitions(case_id, id, at, event, from_state, to_state);
        CREATE INDEX submissions_superseded_at ON submissions(supersedes, at) WHERE supersedes IS NOT NULL;
        """

    /// The due dates of open cases: derived from covered data (the case row, its submissions, its
    /// workflow version), so not covered by the chain themselves; rewritten by the office in the
    /// transaction of every change that moves them, and all computed anew when `case_due_basis`
    /// differs from what the office computes under (after this migration it is empty).
    static let caseDue = """
        CREATE TABLE case_due (
            case_id INTEGER PRIMARY KEY REFERENCES cases(id),
            state_due TEXT,
            contact_due TEXT,
            due TEXT,
            reason TEXT,
            volatile INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX case_due_by_due ON case_due(due) WHERE due IS NOT NULL;
        CREATE INDEX case_due_volatile ON case_due(case_id) WHERE volatile = 1;
        CREATE TABLE case_due_basis (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            basis TEXT NOT NULL
        );
        """
}
