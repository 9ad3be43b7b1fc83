/// Several commands as one transaction (`lotse --single-transaction`, `begin` … `commit`):
/// all of their changes and audit rows land together, or none do.
extension Office {
    /// Opens the transaction.
    public func beginTransaction() throws {
        try storeWork { try store.begin() }
    }

    /// Commits it.
    public func commitTransaction() throws {
        do { try storeWork { try store.commit() } } catch {
            discardCaches()
            throw error
        }
    }

    /// Undoes every change since `beginTransaction()`, audit rows included.
    public func rollbackTransaction() throws {
        defer { discardCaches() }
        try storeWork { try store.rollback() }
    }

    /// Runs `body` (several office operations) as one transaction: committed when it returns,
    /// rolled back, audit rows included, when it throws.
    @discardableResult
    public func inOneTransaction<T>(_ body: () throws -> T) throws -> T {
        try beginTransaction()
        let result: T
        do { result = try body() } catch {
            try? rollbackTransaction()
            throw error
        }
        try commitTransaction()
        return result
    }

    /// Forgets what was read inside a transaction that is gone: row ids may be used again.
    func discardCaches() {
        storedWorkflows.removeAll()
        storedForms.removeAll()
        parsedSubmissions.removeAll()
        lastConsent = nil
        lastDocument = nil
    }
}
