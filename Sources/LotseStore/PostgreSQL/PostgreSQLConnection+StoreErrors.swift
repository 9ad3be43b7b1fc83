/// The connection's statements as the record sets run them: a refusal of the server becomes
/// `StoreError.postgreSQL`, the store error the domain wraps (`Office.storeWork`), as SQLite's
/// refusals are `StoreError.sqlite`.
extension PostgreSQLConnection {
    /// `run`, its error a store error. - Returns: the number of rows changed.
    @discardableResult
    func storeRun(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) -> Int {
        do { return try run(sql, arguments) } catch { throw .postgreSQL(error) }
    }

    /// `query`, its error a store error.
    func storeQuery(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) -> [Row] {
        do { return try query(sql, arguments) } catch { throw .postgreSQL(error) }
    }

    /// `scalar`, its error a store error.
    func storeScalar(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) -> SQLValue? {
        do { return try scalar(sql, arguments) } catch { throw .postgreSQL(error) }
    }

    /// Runs an `INSERT … RETURNING id`. - Returns: the new row's id.
    func storeInsert(_ sql: String, _ arguments: [SQLValue]) throws(StoreError) -> Int {
        guard let id = try storeScalar(sql, arguments)?.int else {
            throw .postgreSQL(.server(state: SQLState("XX000"), message: "the insert returned no id", sql: sql))
        }
        return id
    }

    /// Runs an `INSERT` of a covered row of `kind` (its table aliased `r`), which returns the
    /// stored row (`CoveredRecords.returning`) and is noted with its record hash.
    /// - Returns: the new row's key.
    @discardableResult
    func storeInsert(_ kind: String, _ sql: String, _ arguments: [SQLValue]) throws(StoreError) -> Int {
        let full = sql + CoveredRecords.returning(kind)
        guard let row = try storeQuery(full, arguments).first, row[0].int != nil else {
            throw .postgreSQL(.server(state: SQLState("XX000"), message: "the insert returned no id", sql: full))
        }
        return wrote(kind, returned: row)
    }

    /// Runs an `UPDATE` of covered rows of `kind` (aliased `r`), noting each changed row with its
    /// record hash (from `RETURNING`). - Returns: whether exactly one row changed.
    func storeUpdate(_ kind: String, _ sql: String, _ arguments: [SQLValue]) throws(StoreError) -> Bool {
        let rows = try storeQuery(sql + CoveredRecords.returning(kind), arguments)
        for row in rows { wrote(kind, returned: row) }
        return rows.count == 1
    }
}
