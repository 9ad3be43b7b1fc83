extension Shell {
    /// Every command of the shell, in the order `help` lists them.
    static func commandTable() -> [Command] {
        sessionCommands() + transactionCommands() + userCommands() + clientCommands() + caseCommands() + formCommands()
            + submissionCommands() + workflowCommands() + randomisationCommands() + evaluationCommands() + auditCommands()
            + backupCommands()
    }
}
