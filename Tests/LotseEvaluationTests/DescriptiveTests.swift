import LotseEvaluation
import Testing

/// Median and standardised differences against numpy.
@Suite("Descriptive statistics")
struct DescriptiveTests {
    @Test func medianOfIntegers() {
        #expect([3, 1, 2].median() == 2.0)            // numpy.median([3, 1, 2])
        #expect([4, 1, 3, 2].median() == 2.5)         // numpy.median([4, 1, 3, 2])
        #expect([7].median() == 7.0)                  // numpy.median([7])
        #expect([1, 2].median() == 1.5)               // numpy.median([1, 2])
        #expect([Int]().median() == nil)
        #expect([Int.max, Int.max - 2].median() == Double(Int.max - 1))
    }

    @Test func medianOfDoubles() {
        #expect([2.5, -1.0, 10.0, 0.25].median() == 1.375)   // numpy.median([2.5, -1.0, 10.0, 0.25])
        #expect([Double]().median() == nil)
        #expect([1.0, .nan].median() == nil)
        #expect([Float(1), 3, 2].median() == 2.0)
    }

    /// (p₁, p₂, d) with `(p1-p2)/np.sqrt((p1*(1-p1)+p2*(1-p2))/2)`.
    static let binary: [(Double, Double, Double)] = [
        (0.5, 0.4, 0.2020305089104421),
        (0.1, 0.3, -0.5163977794943222),
        (120.0 / 250, 118.0 / 250, 0.016018977711073773),
        (0.0, 0.05, -0.3244428422615251),
    ]

    @Test(arguments: binary)
    func binaryStandardisedDifference(_ row: (Double, Double, Double)) {
        #expect(approximately(StandardisedDifference.binary(row.0, row.1), row.2, relative: 1e-12))
    }

    @Test func binaryEdgeCases() throws {
        #expect(StandardisedDifference.binary(0, 0) == 0)
        #expect(StandardisedDifference.binary(1, 1) == 0)
        #expect(StandardisedDifference.binary(1, 0) == .infinity)
        let d = StandardisedDifference.binary(try Proportion(events: 120, of: 250), try Proportion(events: 118, of: 250))
        #expect(approximately(d, 0.016018977711073773))
    }

    @Test func continuousStandardisedDifference() {
        // (42.0-45.5)/np.sqrt((10.0**2+12.0**2)/2)
        #expect(approximately(StandardisedDifference.continuous(mean1: 42, sd1: 10, mean2: 45.5, sd2: 12),
                              -0.31687511114881484))
        // a = np.array([51.0, 47.5, 39.0, 58.0, 44.0]); b = np.array([45.0, 49.0, 41.5, 38.0, 52.0, 40.0])
        // (a.mean()-b.mean())/np.sqrt((a.std(ddof=1)**2 + b.std(ddof=1)**2)/2)
        let d = StandardisedDifference.continuous([51.0, 47.5, 39.0, 58.0, 44.0], [45.0, 49.0, 41.5, 38.0, 52.0, 40.0])
        #expect(approximately(d ?? .nan, 0.5731001305445673))
        #expect(StandardisedDifference.continuous([1.0], [2.0, 3.0]) == nil)
    }
}
