import Foundation
public import LotseStore

/// How many failed logins lock an account, and for how long (issue 9).
public struct LoginPolicy: Sendable, Equatable {
    /// Wrong passwords in a row (since the last successful login) that lock the account.
    public var maxFailures: Int
    /// How long a locked account refuses every login, counted from the last failure.
    public var lockoutMinutes: Int

    /// The policy: 5 failures lock an account for 15 minutes unless configured otherwise.
    public init(maxFailures: Int = 5, lockoutMinutes: Int = 15) {
        self.maxFailures = max(1, maxFailures)
        self.lockoutMinutes = max(1, lockoutMinutes)
    }

    /// Parses `FAILURES/MINUTES` (`5/15`), as `lotse --lockout` and `LOTSE_LOCKOUT` take it.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let failures = Int(parts[0]), let minutes = Int(parts[1]), (1...1000).contains(failures),
              (1...10_080).contains(minutes) else { return nil }
        self.init(maxFailures: failures, lockoutMinutes: minutes)
    }
}

/// Logins, logouts and the check of the session before every command.
extension Office {
    /// Checks a user's password and returns them as the actor of the session.
    ///
    /// Both outcomes are audited (`login`, `login.failed` with the reason); the password never
    /// is, and the typed name only when it is an existing account (else `unknown`, since a
    /// password typed into the name would otherwise be kept for ever). Every attempt costs one
    /// password hash, against a dummy hash when the name is unknown or the account locked, so
    /// the time taken tells nothing. After `loginPolicy.maxFailures` wrong passwords in a row
    /// the account refuses every login for `loginPolicy.lockoutMinutes`.
    /// - Parameter previous: the user logged in until now; their `logout` is recorded in the
    ///   same transaction as the new `login`, or as the failed one: a failed login ends the
    ///   previous session too.
    /// - Throws: `CasesError.loginFailed` (unknown user, wrong password or locked: deliberately
    ///   not saying which) or `.accountDisabled` (only after the right password).
    public func login(name: String, password: String, replacing previous: Actor? = nil) throws -> Actor {
        guard try isInitialised() else { throw CasesError.notInitialised }
        let user = try storeWork { try store.directory.user(named: name) }
        var lock: String?
        if let user { lock = try lockedUntil(account: user.name) }
        let checked = lock == nil ? user?.passwordHash ?? dummyHash : dummyHash
        let matches = hasher.verify(password, against: checked)
        var failure: (reason: String, error: CasesError, detail: [(String, JSONValue)])?
        if let user {
            if let lock {
                failure = ("locked", .loginFailed(loginPolicy), [("locked_until", .string(lock))])
            } else if !matches {
                var detail: [(String, JSONValue)] = []
                let streak = try failedLogins(account: user.name)
                if streak.count + 1 >= loginPolicy.maxFailures {
                    detail = [("failures", .int(streak.count + 1)), ("locked_until", .string(lockEnd(from: timestamp())))]
                }
                failure = ("wrong password", .loginFailed(loginPolicy), detail)
            } else if user.disabled {
                failure = ("account disabled", .accountDisabled(name), [])
            }
        } else {
            failure = ("unknown user", .loginFailed(loginPolicy), [])
        }
        if let failure {
            try storeWork {
                try store.transaction {
                    if let previous {
                        try store.audit.record(draft(previous, "logout", detail: .object([("reason", "failed login")])))
                    }
                    try store.audit.record(AuditDraft(at: timestamp(), actor: user?.name ?? "unknown", role: user?.role,
                                                      action: "login.failed",
                                                      detail: JSONValue.object([("reason", .string(failure.reason))]
                                                        + failure.detail).text))
                }
            }
            throw failure.error
        }
        let actor = try Self.actor(user!)
        try storeWork {
            try store.transaction {
                if let previous { try store.audit.record(draft(previous, "logout")) }
                try store.audit.record(draft(actor, "login"))
            }
        }
        return actor
    }

    /// Records the end of a session.
    public func logout(_ actor: Actor) throws {
        try storeWork { try store.transaction { try store.audit.record(draft(actor, "logout")) } }
    }

    /// Checks, before a command, that the session's account still exists, is enabled and
    /// has the same role and site as at login. Otherwise the session ends (audited as a
    /// `logout` with the reason) and `CasesError.sessionEnded` is thrown.
    /// - Parameter passwordChange: the command changes the user's own password (or ends the
    ///   session), which a user with a one-time password may still do; any other command is
    ///   refused with `CasesError.passwordChangeRequired` until then.
    public func checkSession(_ actor: Actor, passwordChange: Bool) throws {
        let user = try storeWork { try store.directory.user(named: actor.name) }
        let reason: OfficeReason?
        if let user, user.id == actor.userID {
            if user.disabled {
                reason = .accountWasDisabled
            } else if (try? Self.actor(user)) != actor {
                reason = .roleOrSiteChanged
            } else {
                reason = nil
            }
        } else {
            reason = .accountGone
        }
        if let reason {
            try storeWork {
                try store.transaction {
                    try store.audit.record(draft(actor, "logout", detail: .object([("reason", .string(reason.description))])))
                }
            }
            throw CasesError.sessionEnded(actor.name, reason: reason)
        }
        if !passwordChange, try mustChangePassword(actor) { throw CasesError.passwordChangeRequired(actor.name) }
    }

    /// Whether the actor logged in with a one-time password they have not changed yet.
    public func mustChangePassword(_ actor: Actor) throws -> Bool {
        try storeWork { try store.directory.mustChangePassword(userID: actor.userID) }
    }

    /// A new random one-time password that passes the password rules for `user`.
    public func oneTimePassword(for user: String) -> String {
        while true {
            let candidate = makeOneTimePassword()
            if (try? PasswordHasher.check(candidate, userName: user)) != nil { return candidate }
        }
    }

    /// Wrong-password failures of an account since its last successful login, newest first
    /// (refusals while locked do not count).
    func failedLogins(account name: String) throws -> (count: Int, last: String?) {
        var rows: [AuditEntry] = []
        try storeWork {
            try store.audit.query(AuditFilter(actor: name, action: "login", last: 4 * loginPolicy.maxFailures + 20)) {
                rows.append($0)
            }
        }
        var count = 0
        var last: String?
        for entry in rows.reversed() {
            if entry.draft.action == "login" { break }
            guard entry.draft.action == "login.failed",
                  entry.draft.detail?.contains("\"reason\":\"wrong password\"") == true else { continue }
            if last == nil { last = entry.draft.at }
            count += 1
        }
        return (count, last)
    }

    /// The end of the account's lockout when it is locked now, else nil.
    func lockedUntil(account name: String) throws -> String? {
        let streak = try failedLogins(account: name)
        guard streak.count >= loginPolicy.maxFailures, let last = streak.last else { return nil }
        let end = lockEnd(from: last)
        return end > timestamp() ? end : nil
    }

    private func lockEnd(from at: String) -> String {
        let start = Timestamp.instant(at) ?? clock.now()
        return Timestamp.string(start.addingTimeInterval(Double(loginPolicy.lockoutMinutes) * 60))
    }
}
