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
}
