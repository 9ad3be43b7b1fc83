/// One count of a report as the disclosure control lets it out: the number when shown, else
/// only why not. Reports compute these; the formatting layer (`Formatting/`) writes them as text.
public struct ReportCount: Sendable, Equatable {
    /// The count; nil unless shown.
    public var value: Int?
    public var status: ReportDatum.Status

    public init(value: Int?, status: ReportDatum.Status) {
        self.value = status == .shown ? value : nil
        self.status = status
    }

    /// The count as data under its keys.
    public func datum(row: String, column: String) -> ReportDatum {
        ReportDatum(row: row, column: column, value: value.map(Double.init), status: status)
    }
}

extension SiteTables {
    /// A cell of the pooled table (site nil) or of a site's table as a count.
    func count(_ site: String?, _ cell: Int) -> ReportCount {
        switch status(site, cell) {
        case let .shown(v): ReportCount(value: v, status: .shown)
        case .small: ReportCount(value: nil, status: .small)
        case .complement: ReportCount(value: nil, status: .suppressed)
        }
    }
}
