import Foundation

/// What `DemoRegion.build` made: counts, the users to log in as, and where to start.
public struct DemoSummary: Sendable {
    /// One demo user.
    public struct User: Sendable, Equatable {
        /// The login name.
        public var name: String
        /// `admin`, `caseworker`, `supervisor`, `medical` or `evaluator`.
        public var role: String
        /// The user's site code (nil for the admin and the evaluator).
        public var site: String?
    }

    /// The database file.
    var path: String
    /// The seed everything was drawn from.
    var seed: UInt64
    /// The model sites.
    public var sites: Int
    /// The staff accounts, the admin and the evaluator.
    public var users: [User]
    /// Eligible clients, all randomised.
    public var clients: Int
    /// Cases of the participant group (workflow `amiga`).
    public var participants: Int
    /// Cases of the comparison group (workflow `comparison`).
    public var comparison: Int
    /// Workflow events fired (case openings not counted).
    public var transitions: Int
    /// Form submissions, corrections and observations included.
    public var submissions: Int
    /// Outcome observations (`observation` form), a part of `submissions`.
    public var observations: Int
    /// Cases by state at the end.
    public var states: [String: Int]
    /// The simulated time: the first and the last day (`YYYY-MM-DD`).
    var firstDay: String
    public var lastDay: String
    /// How long the build took.
    var elapsedSeconds: Double

    /// Every user has the password given to `build`.
    var passwordNote: String {
        "all \(users.count) users have the password given when the region was built"
    }

    /// A few lines for a newcomer: what is in the database and where to begin.
    public var text: String {
        let staff = users.map { "\($0.name) (\($0.role)\($0.site.map { ", " + $0 } ?? ""))" }.joined(separator: ", ")
        let open = states.filter { !["closed", "transferred"].contains($0.key) }.values.reduce(0, +)
        return """
            Demo region of the AmigA model project, Kreis Borken (seed \(seed)): \(path)
            \(sites) sites (Bocholt, Isselburg, Velen), \(clients) eligible clients randomised per site: \
            \(participants) participants (workflow amiga), \(comparison) comparison (workflow comparison).
            Simulated from \(firstDay) to \(lastDay): \(transitions) transitions, \(submissions) submissions \
            (\(observations) outcome observations at +6 and +12 months); \(open) cases still open.
            Users: \(staff).
            Password: \(passwordNote).
            Start here: log in as eva to run `report evaluation` (participants against the comparison group) \
            and `randomise balance`; as petra.bocholt (supervisor) try `case list --overdue`, `audit verify` and \
            `audit --case 1`; as anna.bocholt (caseworker) `case list --mine` and `case show N`; as \
            sabine.bocholt (medical) `form view N medical_findings`. Built in \
            \(String(format: "%.1f", elapsedSeconds)) s.
            """
    }
}
