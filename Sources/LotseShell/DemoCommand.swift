import LotseEvaluation

/// `lotse demo`: builds a demo region and says how to explore it.
public enum DemoCommand {
    /// The password of every demo user when `LOTSE_PASSWORD` is not set.
    public static let defaultPassword = "lotse-demo-2026"

    public static func run(_ options: LaunchOptions.DemoOptions, databasePath: String, definitions: String,
                           environment: [String: String], console: any Console) -> Shell.ExitCode {
        let password = environment["LOTSE_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultPassword
        console.err("building a demo region of \(options.clients) clients in \(databasePath) …\n")
        do {
            let summary = try DemoRegion.build(at: databasePath, definitions: definitions, clients: options.clients,
                                               seed: options.seed, password: password) { console.progress($0) }
            console.out(summary.text + "\n")
            if environment["LOTSE_PASSWORD"] == nil {
                console.out("Every demo user's password is \(defaultPassword).\n")
            }
            console.out("Explore it with: lotse --db \(databasePath)   (for example: login eva, then report evaluation)\n")
            return .ok
        } catch {
            console.err("lotse demo: \(ErrorPresenter.message(for: error))\n")
            return ErrorPresenter.exitCode(for: error)
        }
    }
}
