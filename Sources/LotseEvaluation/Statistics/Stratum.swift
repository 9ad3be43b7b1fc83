/// One stratum (a site) of a stratified comparison: the 2×2 table of one indicator at one site.
///
///                    event   no event
///     participants     a       n₁ − a      (n₁)
///     comparison       c       n₀ − c      (n₀)
///
/// Randomisation is per site, so the site is the stratum of the design; pooling the sites'
/// tables crudely can reverse an effect (Simpson's paradox) whenever the sites differ in their
/// allocation ratio and their base rate. A stratum may have an empty group; such a stratum
/// carries no information about the effect and adds nothing to the Mantel–Haenszel sums.
public struct Stratum: Sendable, Hashable {
    /// Participants with the event (a).
    public let participantEvents: Int
    /// Participants (n₁).
    public let participants: Int
    /// Comparison-group members with the event (c).
    public let comparisonEvents: Int
    /// Comparison-group members (n₀).
    public let comparison: Int

    /// Creates a stratum from its counts.
    /// - Throws: ``StatisticsError`` for a negative count or more events than members.
    public init(participantEvents: Int, of participants: Int,
                comparisonEvents: Int, of comparison: Int) throws(StatisticsError) {
        for count in [participantEvents, participants, comparisonEvents, comparison] where count < 0 {
            throw .negativeCount(count)
        }
        guard participantEvents <= participants else {
            throw .eventsExceedTotal(events: participantEvents, total: participants)
        }
        guard comparisonEvents <= comparison else {
            throw .eventsExceedTotal(events: comparisonEvents, total: comparison)
        }
        self.participantEvents = participantEvents
        self.participants = participants
        self.comparisonEvents = comparisonEvents
        self.comparison = comparison
    }

    /// Everyone in the stratum, N = n₁ + n₀.
    public var total: Int { participants + comparison }
    /// Everyone with the event, m₁ = a + c.
    public var events: Int { participantEvents + comparisonEvents }
    /// Whether both groups have members (only then does the stratum inform the comparison).
    public var isInformative: Bool { participants > 0 && comparison > 0 }
}
