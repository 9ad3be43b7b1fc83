#ifndef LOTSE_CLIBPQ_SHIM_H
#define LOTSE_CLIBPQ_SHIM_H

#include <libpq-fe.h>

/// PG_DIAG_SQLSTATE and friends are character macros; Swift does not import them.
static inline const char *lotse_pq_sqlstate(const PGresult *result) {
    return PQresultErrorField(result, PG_DIAG_SQLSTATE);
}

static inline const char *lotse_pq_primary_message(const PGresult *result) {
    return PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
}

/// libpq prints notices (RAISE NOTICE, "table does not exist, skipping") to stderr by default;
/// nothing below the shell prints, so they are dropped.
static void lotse_pq_ignore_notice(void *arg, const char *message) {
    (void)arg;
    (void)message;
}

static inline void lotse_pq_silence_notices(PGconn *connection) {
    PQsetNoticeProcessor(connection, lotse_pq_ignore_notice, NULL);
}

#endif
