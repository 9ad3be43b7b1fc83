/// A count that cannot describe a group: the statistics refuse it instead of returning `NaN`.
///
/// It prints as `events (7) exceed the group size (5)`.
public enum StatisticsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A count below zero.
    case negativeCount(Int)
    /// More events than members of the group.
    case eventsExceedTotal(events: Int, total: Int)
    /// A group without members: its proportion is undefined.
    case emptyGroup

    public var description: String {
        switch self {
        case .negativeCount(let count): "a count is negative (\(count))"
        case .eventsExceedTotal(let events, let total): "events (\(events)) exceed the group size (\(total))"
        case .emptyGroup: "the group is empty"
        }
    }
}
