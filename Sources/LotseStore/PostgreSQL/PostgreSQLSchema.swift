/// The Lotse schema on PostgreSQL: its own ordered migrations (version 1 is the SQLite schema as
/// of its migration 7: the same tables and columns, `audit.records` and `user_sites`
/// included), kept in `schema_version` as SQLite keeps `PRAGMA user_version`. Integers stay
/// integers (`BIGINT`, flags 0/1) and text stays text, so a row reads the same on both backends
/// and the audit chain's encoding is backend-independent.
///
/// Append-only twice over: triggers refuse UPDATE, DELETE and TRUNCATE of the append-only
/// tables for everyone, the owner included; and the application role is granted only SELECT
/// and INSERT on them, so PostgreSQL itself refuses a change before any trigger runs.
public enum PostgreSQLSchema {
    /// One version of the schema.
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let sql: String
    }

    /// The tables the application role may only read and append to.
    public static let appendOnlyTables = [
        "audit", "submissions", "transitions", "assignments", "definitions", "randomisation_runs",
        "randomisation_setups", "submission_values",
    ]
    /// The tables the application role may also change (each change audited by Lotse).
    public static let changeableTables = [
        "sites", "users", "user_sites", "clients", "cases", "randomisation_closures", "project_secrets",
        "case_due", "case_due_basis",
    ]

    /// The migrations, numbered 1, 2, 3, ... in order (checked).
    public static let migrations: [Migration] = {
        let list = [Migration(version: 1, name: "the Lotse schema of SQLite version 7", sql: version1),
                    Migration(version: 2, name: "the coded values of submissions (SQLite version 8)", sql: version2),
                    Migration(version: 3, name: "due dates of open cases, kept for the listings (SQLite 9)", sql: version3),
                    Migration(version: 4, name: "indexes the evaluation's scans read alone (SQLite 10)", sql: version4),
                    Migration(version: 5, name: "the audit log's actions in byte order with seq (PostgreSQL only)", sql: version5)]
        precondition(list.enumerated().allSatisfy { $0.offset + 1 == $0.element.version },
                     "migrations must be numbered 1, 2, 3, ... in order")
        return list
    }()

    /// The newest version this Lotse knows.
    public static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The schema's version in the connection's current schema (0: none yet).
    public static func currentVersion(of connection: PostgreSQLConnection) throws(PostgreSQLError) -> Int {
        let exists = try connection.scalar("SELECT to_regclass('schema_version') IS NOT NULL")
        guard exists == .integer(1) else { return 0 }
        return try connection.scalar("SELECT version FROM schema_version")?.int ?? 0
    }

    /// Brings the schema up to date, as its owner (`lotse migrate --db OWNER_URI`), and grants
    /// `applicationRole` what the shell needs and no more. Concurrent migrators wait for each
    /// other (an advisory lock); each version is one transaction with its bookkeeping.
    /// - Returns: the versions applied.
    /// - Throws: `PostgreSQLSchemaError.newerSchema` when a newer Lotse migrated it (nothing changes).
    @discardableResult
    public static func migrate(_ connection: PostgreSQLConnection, applicationRole: String?) throws -> [Int] {
        var applied: [Int] = []
        try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock(\(migrationLock))")
            try connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
            if try connection.scalar("SELECT COUNT(*) FROM schema_version") == .integer(0) {
                try connection.run("INSERT INTO schema_version (version) VALUES (0)")
            }
            let found = try currentVersion(of: connection)
            if found > latestVersion { throw PostgreSQLSchemaError.newerSchema(found: found, known: latestVersion) }
            for migration in migrations where migration.version > found {
                try connection.execute(migration.sql)
                try connection.run("UPDATE schema_version SET version = $1", [.integer(Int64(migration.version))])
                applied.append(migration.version)
            }
            if let applicationRole { try grant(to: applicationRole, connection) }
        }
        return applied
    }

    /// The application role's privileges: reading everything, appending to the append-only
    /// tables, changing the others; never the schema.
    static func grant(to role: String, _ connection: PostgreSQLConnection) throws {
        guard role.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }) else {
            throw PostgreSQLSchemaError.badRoleName(role)
        }
        let schema = try connection.scalar("SELECT current_schema()")?.string ?? "public"
        try connection.execute("""
            GRANT USAGE ON SCHEMA "\(schema)" TO \(role);
            REVOKE ALL ON ALL TABLES IN SCHEMA "\(schema)" FROM \(role);
            GRANT SELECT ON schema_version TO \(role);
            GRANT SELECT, INSERT ON \(appendOnlyTables.joined(separator: ", ")) TO \(role);
            GRANT SELECT, INSERT, UPDATE ON \(changeableTables.joined(separator: ", ")) TO \(role);
            GRANT DELETE ON user_sites, project_secrets, case_due TO \(role);
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "\(schema)" TO \(role);
            """)
    }

    /// The advisory lock key of migrations ("lotse-migrate").
    static let migrationLock: Int64 = 0x6c6f_7473_656d_6967

    /// A trigger that refuses a statement with a message, for `kind` (`UPDATE OR DELETE`) rows
    /// and TRUNCATE of the table.
    private static func refuse(_ table: String, _ message: String, updates: Bool = true) -> String {
        """
        CREATE TRIGGER \(table)_\(updates ? "fixed" : "kept") BEFORE \(updates ? "UPDATE OR DELETE" : "DELETE") ON \(table)
            FOR EACH ROW EXECUTE FUNCTION lotse_refuse('\(message)');
        CREATE TRIGGER \(table)_not_truncated BEFORE TRUNCATE ON \(table)
            FOR EACH STATEMENT EXECUTE FUNCTION lotse_refuse('\(message)');

        """
    }

    static let version1 = """
        CREATE FUNCTION lotse_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'P0001'; END $$;
        CREATE TABLE sites (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE users (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL,
            site_id BIGINT REFERENCES sites(id),
            password_hash TEXT NOT NULL,
            disabled BIGINT NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            must_change_password BIGINT NOT NULL DEFAULT 0
        );
        CREATE TABLE user_sites (
            user_id BIGINT NOT NULL REFERENCES users(id),
            site_id BIGINT NOT NULL REFERENCES sites(id),
            PRIMARY KEY (user_id, site_id)
        );
        CREATE INDEX user_sites_by_site ON user_sites(site_id);
        CREATE TABLE audit (
            seq BIGINT PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            role TEXT,
            action TEXT NOT NULL,
            case_id BIGINT,
            event TEXT,
            from_state TEXT,
            to_state TEXT,
            detail TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            records TEXT
        );
        CREATE INDEX audit_by_case ON audit(case_id) WHERE case_id IS NOT NULL;
        CREATE INDEX audit_by_actor ON audit(actor);
        CREATE INDEX audit_by_action ON audit(action);
        CREATE INDEX audit_by_at ON audit(at);
        \(refuse("audit", "the audit log is append-only"))
        CREATE FUNCTION audit_extends_chain() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE last_seq BIGINT; last_hash TEXT;
            BEGIN
                SELECT seq, hash INTO last_seq, last_hash FROM audit ORDER BY seq DESC LIMIT 1;
                IF NEW.seq IS DISTINCT FROM COALESCE(last_seq, 0) + 1
                   OR NEW.prev_hash IS DISTINCT FROM COALESCE(last_hash, '\(AuditEncoding.genesisHash)') THEN
                    RAISE EXCEPTION USING MESSAGE = 'the audit log is append-only: a row must extend the chain',
                        ERRCODE = 'P0001';
                END IF;
                RETURN NEW;
            END $$;
        CREATE TRIGGER audit_append_only BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_extends_chain();
        CREATE TABLE definitions (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('workflow', 'form')),
            name TEXT NOT NULL,
            version TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            content BYTEA NOT NULL,
            stored_at TEXT NOT NULL,
            UNIQUE (kind, sha256)
        );
        \(refuse("definitions", "stored definitions are never changed"))
        CREATE TABLE clients (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            site_id BIGINT NOT NULL REFERENCES sites(id),
            sex TEXT NOT NULL,
            birth_year BIGINT NOT NULL,
            applicant_type TEXT NOT NULL,
            first_name TEXT,
            last_name TEXT,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            eligible BIGINT NOT NULL DEFAULT 0
        );
        CREATE TABLE cases (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            client_id BIGINT NOT NULL REFERENCES clients(id),
            workflow_id BIGINT NOT NULL REFERENCES definitions(id),
            state TEXT NOT NULL,
            history TEXT NOT NULL DEFAULT '{}',
            entered_at TEXT NOT NULL,
            entered_by BIGINT REFERENCES users(id),
            assigned_to BIGINT REFERENCES users(id),
            closed BIGINT NOT NULL DEFAULT 0,
            opened_at TEXT NOT NULL,
            opened_by BIGINT NOT NULL REFERENCES users(id),
            version BIGINT NOT NULL DEFAULT 1
        );
        CREATE INDEX cases_by_client ON cases(client_id);
        CREATE INDEX cases_by_state ON cases(state);
        CREATE INDEX cases_by_assignee ON cases(assigned_to);
        CREATE INDEX cases_open_by_client ON cases(client_id) WHERE closed = 0;
        CREATE TABLE transitions (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            case_id BIGINT NOT NULL REFERENCES cases(id),
            event TEXT NOT NULL,
            from_state TEXT,
            to_state TEXT NOT NULL,
            user_id BIGINT NOT NULL REFERENCES users(id),
            at TEXT NOT NULL,
            note TEXT,
            log TEXT
        );
        CREATE INDEX transitions_by_case ON transitions(case_id, id);
        \(refuse("transitions", "a transition is never changed"))
        CREATE TABLE submissions (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            case_id BIGINT NOT NULL REFERENCES cases(id),
            form TEXT NOT NULL,
            definition_id BIGINT NOT NULL REFERENCES definitions(id),
            entry BIGINT NOT NULL,
            supersedes BIGINT REFERENCES submissions(id),
            instance TEXT NOT NULL,
            user_id BIGINT NOT NULL REFERENCES users(id),
            at TEXT NOT NULL
        );
        CREATE INDEX submissions_by_case ON submissions(case_id, form, entry);
        CREATE UNIQUE INDEX submissions_superseded_once ON submissions(supersedes) WHERE supersedes IS NOT NULL;
        \(refuse("submissions", "submissions are never changed or deleted; a correction is a new submission"))
        CREATE TABLE randomisation_setups (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            site_id BIGINT NOT NULL UNIQUE REFERENCES sites(id),
            algorithm TEXT NOT NULL,
            ratio TEXT NOT NULL,
            strata TEXT NOT NULL,
            blocks TEXT NOT NULL,
            legal_basis TEXT,
            seed TEXT NOT NULL,
            commitment TEXT NOT NULL,
            user_id BIGINT NOT NULL REFERENCES users(id),
            at TEXT NOT NULL
        );
        \(refuse("randomisation_setups", "a randomisation setup is never changed"))
        CREATE TABLE randomisation_runs (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            site_id BIGINT NOT NULL REFERENCES sites(id),
            seed TEXT NOT NULL,
            algorithm TEXT NOT NULL,
            ratio TEXT NOT NULL,
            strata TEXT NOT NULL,
            block BIGINT NOT NULL,
            participants BIGINT NOT NULL,
            comparison BIGINT NOT NULL,
            user_id BIGINT NOT NULL REFERENCES users(id),
            at TEXT NOT NULL,
            setup_id BIGINT REFERENCES randomisation_setups(id)
        );
        \(refuse("randomisation_runs", "a randomisation run is never changed"))
        CREATE TABLE assignments (
            client_id BIGINT PRIMARY KEY REFERENCES clients(id),
            run_id BIGINT NOT NULL REFERENCES randomisation_runs(id),
            case_group TEXT NOT NULL,
            stratum TEXT NOT NULL,
            block BIGINT NOT NULL,
            position BIGINT NOT NULL,
            case_id BIGINT NOT NULL UNIQUE REFERENCES cases(id),
            setup_id BIGINT REFERENCES randomisation_setups(id),
            slot BIGINT
        );
        CREATE UNIQUE INDEX assignments_one_per_slot ON assignments(setup_id, stratum, slot) WHERE slot IS NOT NULL;
        \(refuse("assignments", "an assignment is never changed"))
        CREATE TABLE randomisation_closures (
            setup_id BIGINT PRIMARY KEY REFERENCES randomisation_setups(id),
            user_id BIGINT NOT NULL REFERENCES users(id),
            at TEXT NOT NULL,
            revealed_at TEXT
        );
        \(refuse("randomisation_closures", "a closed recruitment is never reopened", updates: false))
        CREATE FUNCTION randomisation_closures_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF OLD.revealed_at IS NOT NULL OR NEW.setup_id IS DISTINCT FROM OLD.setup_id
                   OR NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.at IS DISTINCT FROM OLD.at THEN
                    RAISE EXCEPTION USING MESSAGE = 'a closure is never changed', ERRCODE = 'P0001';
                END IF;
                RETURN NEW;
            END $$;
        CREATE TRIGGER randomisation_closures_fixed BEFORE UPDATE ON randomisation_closures
            FOR EACH ROW EXECUTE FUNCTION randomisation_closures_fixed();
        CREATE TABLE project_secrets (
            name TEXT PRIMARY KEY,
            value BYTEA NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TRIGGER project_secrets_fixed BEFORE UPDATE ON project_secrets
            FOR EACH ROW EXECUTE FUNCTION lotse_refuse('project secrets are never changed');
        """

    /// Version 2 (SQLite's version 8): the coded values of submissions. No PostgreSQL store has
    /// written submissions before this version (the shell ran only on SQLite), so the table
    /// starts empty; a region copied from SQLite brings its rows along. A schema that holds
    /// submissions already is refused rather than left with an incomplete table.
    static let version2 = """
        DO $$ BEGIN
            IF EXISTS (SELECT 1 FROM submissions) THEN
                RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'this schema holds submissions stored before '
                    || 'version 2, whose values PostgreSQL cannot read from the instances: copy the region from '
                    || 'SQLite into a new schema instead';
            END IF;
        END $$;
        CREATE TABLE submission_values (
            submission_id BIGINT PRIMARY KEY REFERENCES submissions(id),
            case_id BIGINT NOT NULL REFERENCES cases(id),
            form TEXT NOT NULL,
            entry BIGINT NOT NULL,
            at TEXT NOT NULL,
            fields TEXT NOT NULL
        );
        CREATE INDEX submission_values_by_case ON submission_values(case_id, form, entry) INCLUDE (at, fields);
        \(refuse("submission_values", "the values of a submission are never changed or deleted"))
        """
}

extension PostgreSQLSchema {
    /// Version 3 (SQLite 9): the due dates of open cases (derived, not covered; see `Schema.caseDue`).
    static let version3 = """
        CREATE TABLE case_due (
            case_id BIGINT PRIMARY KEY REFERENCES cases(id),
            state_due TEXT,
            contact_due TEXT,
            due TEXT,
            reason TEXT,
            volatile BIGINT NOT NULL DEFAULT 0
        );
        CREATE INDEX case_due_by_due ON case_due(due) WHERE due IS NOT NULL;
        CREATE INDEX case_due_volatile ON case_due(case_id) WHERE volatile = 1;
        CREATE TABLE case_due_basis (
            id BIGINT PRIMARY KEY CHECK (id = 1),
            basis TEXT NOT NULL
        );
        """
}

extension PostgreSQLSchema {
    /// Version 4 (SQLite 10): the indexes of `Schema.scanIndexes`, so that the evaluation's scans
    /// are index-only scans here too; and the values scan's index gets `submission_id` (in SQLite
    /// the row id, in every index), which the scan needs for the corrections.
    static let version4 = """
        CREATE INDEX transitions_scan ON transitions(case_id, id, at, event, from_state, to_state);
        CREATE INDEX submissions_superseded_at ON submissions(supersedes, at) WHERE supersedes IS NOT NULL;
        DROP INDEX submission_values_by_case;
        CREATE INDEX submission_values_by_case ON submission_values(case_id, form, entry, at, fields, submission_id);
        """
}

extension PostgreSQLSchema {
    /// Version 5 (PostgreSQL only): `audit --action` reads the action and its refinements as a
    /// byte-order range and in seq order, from one index; the old index (in the database's
    /// collation, its equal keys in heap order) answered neither, so every matching row was sorted.
    /// SQLite needs nothing: its action index is in byte order and holds the row id, `seq`.
    static let version5 = """
        DROP INDEX audit_by_action;
        CREATE INDEX audit_by_action ON audit((action COLLATE "C"), seq);
        """
}

/// Why the PostgreSQL schema could not be migrated.
public enum PostgreSQLSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A newer Lotse migrated the schema; nothing was changed.
    case newerSchema(found: Int, known: Int)
    /// The application role's name is not a plain lower-case identifier.
    case badRoleName(String)

    public var description: String {
        switch self {
        case let .newerSchema(found, known):
            return "the PostgreSQL schema has version \(found), but this Lotse knows only up to \(known): "
                + "use a newer Lotse (nothing was changed)"
        case let .badRoleName(name):
            return "the application role \"\(name)\" must be a lower-case identifier (a-z, 0-9, _)"
        }
    }
}
