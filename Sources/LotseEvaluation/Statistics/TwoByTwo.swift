/// The comparison of one binary indicator between participants (group A) and the comparison
/// group (group B), as the Borken design reports it (DOMAIN §9.5): both proportions with their
/// Wilson intervals, the risk difference with the Newcombe interval, the risk ratio with the Katz
/// interval and Fisher's exact two-sided p-value.
///
/// The numbers reveal every cell of the table; a report checks
/// `SmallCellRule.suppresses(_:)` before it prints them.
public struct TwoByTwo: Sendable, Hashable {
    /// Group A: participants.
    public let participants: Proportion
    /// Group B: the comparison group.
    public let comparison: Proportion
    /// The Wilson interval of the participants' proportion.
    public let participantsInterval: ConfidenceInterval
    /// The Wilson interval of the comparison group's proportion.
    public let comparisonInterval: ConfidenceInterval
    /// p̂_A − p̂_B with the Newcombe hybrid score interval.
    public let riskDifference: RiskDifference
    /// p̂_A / p̂_B with the Katz log interval (nil parts for zero cells, see ``RiskRatio``).
    public let riskRatio: RiskRatio
    /// Fisher's exact test, two-sided.
    public let fisher: FisherExactTest

    /// Compares participants with the comparison group.
    /// - Parameters:
    ///   - participants: events of n among participants.
    ///   - comparison: events of n in the comparison group.
    ///   - z: the standard normal quantile of every interval; ``ConfidenceInterval/z95`` for 95 %.
    public init(participants: Proportion, comparison: Proportion, z: Double = ConfidenceInterval.z95) {
        self.participants = participants
        self.comparison = comparison
        participantsInterval = participants.wilsonInterval(z: z)
        comparisonInterval = comparison.wilsonInterval(z: z)
        riskDifference = RiskDifference(participants, minus: comparison, z: z)
        riskRatio = RiskRatio(participants, over: comparison, z: z)
        fisher = FisherExactTest(participants, versus: comparison)
    }

    /// Compares participants with the comparison group from raw counts.
    /// - Parameters:
    ///   - participantEvents: participants with the outcome.
    ///   - participantCount: participants.
    ///   - comparisonEvents: comparison-group members with the outcome.
    ///   - comparisonCount: comparison-group members.
    /// - Throws: ``StatisticsError`` when a count is negative, exceeds its group or a group is empty.
    public init(participantEvents: Int, of participantCount: Int,
                comparisonEvents: Int, of comparisonCount: Int) throws(StatisticsError) {
        self.init(participants: try Proportion(events: participantEvents, of: participantCount),
                  comparison: try Proportion(events: comparisonEvents, of: comparisonCount))
    }
}
