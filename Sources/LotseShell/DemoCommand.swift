import LotseDemo

/// `lotse demo`: builds a demo region and says how to explore it.
public enum DemoCommand {
    /// The password of every demo user when `LOTSE_PASSWORD` is not set.
    public static let defaultPassword = "lotse-demo-2026"

    public static func run(_ options: LaunchOptions.DemoOptions, databasePath: String, definitions: String,
                           environment: [String: String], console: any Console,
                           language: Language) -> Shell.ExitCode {
        let password = environment["LOTSE_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultPassword
        console.err(Message.demoBuilding(clients: options.clients, path: databasePath).wording.text(language) + "\n")
        do {
            let summary = try DemoRegion.build(at: databasePath, definitions: definitions, clients: options.clients,
                                               seed: options.seed, password: password) { text in
                try Interrupt.check()
                console.progress(text)
            }
            console.out(summary.text + "\n")
            if environment["LOTSE_PASSWORD"] == nil {
                console.out(Message.demoPassword(defaultPassword).wording.text(language) + "\n")
            }
            console.out(Message.demoExplore(databasePath).wording.text(language) + "\n")
            return .ok
        } catch {
            console.err("lotse demo: \(ErrorPresenter.message(for: error, language: language))\n")
            return ErrorPresenter.exitCode(for: error)
        }
    }
}
