/// A report's `--format csv` data (`table,row,column,value,status`), by table, row and column.
struct ReportData {
    var cells: [String: (value: Double?, status: String)] = [:]

    init(_ output: String) {
        for line in output.split(separator: "\r\n") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, fields[0] != "table" else { continue }
            cells[fields[0] + "/" + fields[1] + "/" + fields[2]] = (Double(fields[3]), fields[4])
        }
    }

    /// The value, nil when withheld or undefined.
    subscript(_ table: String, _ row: String, _ column: String) -> Double? { cells[table + "/" + row + "/" + column]?.value }

    /// The status (`shown`, `small`, `suppressed`, `na`), nil when there is no such cell.
    func status(_ table: String, _ row: String, _ column: String) -> String? { cells[table + "/" + row + "/" + column]?.status }
}
