/* The C floor for the script benchmark: the same transitions written by a plain loop on
   libsqlite3 (WAL, synchronous=FULL, as Lotse): per transition read the case, update it,
   insert the transition and a SHA-256-chained audit row.
   usage: floor DB CASES STEPS every|case|once   (commit after every transition, each case, or once) */
#include <sqlite3.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void check(int rc, sqlite3 *db) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) { fprintf(stderr, "%s\n", sqlite3_errmsg(db)); exit(1); }
}

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: floor DB CASES STEPS every|case|once\n"); return 2; }
    int cases = atoi(argv[2]), steps = atoi(argv[3]);
    const char *mode = argv[4];
    sqlite3 *db;
    check(sqlite3_open(argv[1], &db), db);
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
        "CREATE TABLE cases (id INTEGER PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL);"
        "CREATE TABLE transitions (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, event TEXT, from_state TEXT,"
        " to_state TEXT, at TEXT);"
        "CREATE TABLE audit (seq INTEGER PRIMARY KEY, at TEXT, actor TEXT, action TEXT, case_id INTEGER,"
        " from_state TEXT, to_state TEXT, prev_hash TEXT, hash TEXT);", 0, 0, 0), db);
    check(sqlite3_exec(db, "BEGIN", 0, 0, 0), db);
    sqlite3_stmt *ins;
    check(sqlite3_prepare_v2(db, "INSERT INTO cases VALUES (?, 's1', 1)", -1, &ins, 0), db);
    for (int c = 1; c <= cases; c++) { sqlite3_bind_int(ins, 1, c); check(sqlite3_step(ins), db); sqlite3_reset(ins); }
    sqlite3_finalize(ins);
    check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db);

    sqlite3_stmt *get, *upd, *tr, *au;
    check(sqlite3_prepare_v2(db, "SELECT state, version FROM cases WHERE id = ?", -1, &get, 0), db);
    check(sqlite3_prepare_v2(db, "UPDATE cases SET state = ?, version = version + 1 WHERE id = ? AND version = ?", -1, &upd, 0), db);
    check(sqlite3_prepare_v2(db, "INSERT INTO transitions (case_id, event, from_state, to_state, at) VALUES (?, 'next', ?, ?, ?)", -1, &tr, 0), db);
    check(sqlite3_prepare_v2(db, "INSERT INTO audit VALUES (?, ?, 'carla', 'transition', ?, ?, ?, ?, ?)", -1, &au, 0), db);
    char prev[65]; memset(prev, '0', 64); prev[64] = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    long seq = 0;
    int once = strcmp(mode, "once") == 0, per_case = strcmp(mode, "case") == 0;
    if (once) check(sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0), db);
    for (int c = 1; c <= cases; c++) {
        if (per_case) check(sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0), db);
        for (int s = 0; s < steps; s++) {
            if (!once && !per_case) check(sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0), db);
            sqlite3_bind_int(get, 1, c); check(sqlite3_step(get), db);
            char from[16]; snprintf(from, sizeof from, "%s", (const char *)sqlite3_column_text(get, 0));
            int version = sqlite3_column_int(get, 1); sqlite3_reset(get);
            char to[16]; snprintf(to, sizeof to, "s%d", atoi(from + 1) + 1);
            const char *at = "2026-12-01T20:00:00.000Z";
            sqlite3_bind_text(upd, 1, to, -1, SQLITE_TRANSIENT); sqlite3_bind_int(upd, 2, c); sqlite3_bind_int(upd, 3, version);
            check(sqlite3_step(upd), db); sqlite3_reset(upd);
            sqlite3_bind_int(tr, 1, c); sqlite3_bind_text(tr, 2, from, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(tr, 3, to, -1, SQLITE_TRANSIENT); sqlite3_bind_text(tr, 4, at, -1, SQLITE_STATIC);
            check(sqlite3_step(tr), db); sqlite3_reset(tr);
            seq++;
            char text[256]; int n = snprintf(text, sizeof text, "%s|%ld|%s|carla|transition|%d|%s|%s", prev, seq, at, c, from, to);
            unsigned char digest[32]; SHA256((unsigned char *)text, n, digest);
            char hash[65]; for (int i = 0; i < 32; i++) sprintf(hash + 2 * i, "%02x", digest[i]);
            sqlite3_bind_int64(au, 1, seq); sqlite3_bind_text(au, 2, at, -1, SQLITE_STATIC); sqlite3_bind_int(au, 3, c);
            sqlite3_bind_text(au, 4, from, -1, SQLITE_TRANSIENT); sqlite3_bind_text(au, 5, to, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(au, 6, prev, -1, SQLITE_TRANSIENT); sqlite3_bind_text(au, 7, hash, -1, SQLITE_TRANSIENT);
            check(sqlite3_step(au), db); sqlite3_reset(au);
            memcpy(prev, hash, 65);
            if (!once && !per_case) check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db);
        }
        if (per_case) check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db);
    }
    if (once) check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("C floor, commit %s: %ld transitions in %.2f s = %.0f/s\n", mode, seq, secs, seq / secs);
    sqlite3_close(db);
    return 0;
}
