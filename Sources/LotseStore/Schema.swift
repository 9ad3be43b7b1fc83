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
    ])
}
