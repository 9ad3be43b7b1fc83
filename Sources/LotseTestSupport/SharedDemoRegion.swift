public import LotseDemo

/// The demo region the tests share (the demo's own and the evaluation's): 80 clients, seed 2026,
/// built once per test process on first use and kept while it runs. Read it, or copy it before
/// writing (a login or an export writes audit rows).
public enum SharedDemoRegion {
    /// Every demo user's password.
    public static let password = "demo region password"
    /// The region's eligible clients.
    public static let clients = 80
    /// The region, or why it could not be built.
    public static let shared = Result { try Built(clients: clients, seed: 2026) }

    /// A region built into its own temporary folder (removed with it).
    public final class Built: @unchecked Sendable {
        /// The folder holding the database; tests put their copies here too.
        public let directory = TemporaryDirectory()
        /// The database file.
        public let path: String
        /// What the generator reported.
        public let summary: DemoSummary

        /// Builds a region of `clients` clients from the repository's definitions.
        public init(clients: Int, seed: UInt64) throws {
            path = directory.file("demo.db")
            summary = try DemoRegion.build(at: path, definitions: TestLotse.repository, clients: clients, seed: seed,
                                           password: SharedDemoRegion.password)
        }
    }
}
