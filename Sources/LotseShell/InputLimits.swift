/// Limits on what one line of input may hold (issue 9): a line longer than this is refused
/// before it is read as a command, so that no audit row (a refusal records what was asked)
/// can grow without bound.
enum InputLimits {
    /// 64 KiB a line.
    static let maximumLineBytes = 65_536

    /// A line over the limit.
    struct LineTooLong: Error, CustomStringConvertible {
        let bytes: Int
        var description: String { wording.en }
        var wording: Wording {
            Wording(de: "die Zeile hat \(bytes) Bytes; eine Zeile darf höchstens \(InputLimits.maximumLineBytes) (64 KiB) haben; "
                        + "nichts wurde getan",
                    en: "the line has \(bytes) bytes; a line may have at most \(InputLimits.maximumLineBytes) (64 KiB); nothing was done")
        }
    }
}
