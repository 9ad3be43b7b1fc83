/// How long work (an export, `audit verify`, the demo build) reports on itself and is
/// stopped: it calls its `WorkProgress` after every unit of work (a row, a case) with the number
/// done so far. The caller's closure may show progress, and throws to stop the work (the shell
/// throws its `interrupted` error once Ctrl-C was pressed); the work rethrows it untouched
/// after undoing what it began: its transaction rolls back, its staged output file is removed.
public typealias WorkProgress = (Int) throws -> Void
