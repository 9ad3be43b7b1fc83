import LotseCases

/// A listing written while its rows are still being read (`case list`, `client list`, `audit`):
/// the first screen is on its way after about one screen of rows, the rest follows as output
/// goes on (or as the pager asks for it), and memory stays flat however many rows come.
///
/// Column widths: a table holds its first `firstScreen` rows, fits the widths to them and the
/// headings (and to the terminal's width, as every table), prints them and keeps those widths
/// for the rest of the listing, so the columns stay aligned to the end; number columns whose
/// largest value is known in advance (case and client ids, audit row numbers: `floors`) are
/// made that wide first, so no id is ever cut; a later cell wider than its column is cut with
/// `…` (the last column never is). A listing of at most `firstScreen`
/// rows is therefore exactly the table read whole. A terminal's table ends with its row count.
/// CSV and JSON lines are written as they come.
final class ListingWriter {
    /// Rows a table holds before it fixes its widths and prints: one screen.
    static let firstScreen = 50
    /// Bytes of output collected before they are written (after the first screen).
    static let chunk = 16_384

    private let columns: [String]
    private let format: OutputFormat
    private let width: Int?
    private let language: Language?
    private let console: any Console
    private let screen: Int
    private let floors: [Int]
    private var held: [[Listing.Cell]] = []
    /// The kept widths once the first screen is out; nil widths with `started`: one record per block.
    private var widths: [Int]?
    private var started = false
    private var count = 0
    private var pending = ""

    /// Why a listing stopped before its end without an error: the reader quit the pager.
    struct Stopped: Error {}

    /// - Parameter floors: the least width of each column (0: fitted to the first screen only).
    init(columns: [String], format: OutputFormat, width: Int?, language: Language?, console: any Console,
         floors: [Int] = [], firstScreen: Int = ListingWriter.firstScreen) {
        self.floors = floors
        self.columns = columns
        self.format = format
        self.width = width
        self.language = language
        self.console = console
        screen = max(1, firstScreen)
        if format == .csv { pending = Listing.csvLine(columns) }
    }

    /// Adds one row. Throws `ShellError.interrupted` after Ctrl-C and `Stopped` once the output
    /// was closed (the pager quit): the caller's query then stops.
    func add(_ row: [Listing.Cell]) throws {
        try Interrupt.check()
        if console.outputClosed { throw Stopped() }
        count += 1
        switch format {
        case .csv:
            pending += Listing.csvLine(row.map { $0.plain ?? "" })
            if count == screen || pending.utf8.count >= Self.chunk { flush() }
        case .json:
            pending += Listing.jsonLine(columns: columns, row)
            if count == screen || pending.utf8.count >= Self.chunk { flush() }
        case .table:
            guard started else {
                held.append(row)
                if held.count == screen { startTable() }
                return
            }
            write(Listing.tableCells(row, language: language).map(Listing.tableText))
        }
    }

    /// Writes what is left: a listing that never filled its first screen as the table read
    /// whole, else the terminal's row count.
    func finish() {
        if format == .table {
            if !started {
                pending += Listing(columns: columns, rows: held).render(.table, width: width, language: language)
                held = []
            } else if width != nil {
                pending += Listing.rowCount(count).text(language ?? .en)
            }
        }
        flush()
    }

    /// The first screen: widths fitted to the headings and the held rows, printed, and kept.
    private func startTable() {
        started = true
        let headings = Listing.headings(columns, language: language)
        let cells = held.map { Listing.tableCells($0, language: language).map(Listing.tableText) }
        held = []
        var natural = headings.enumerated().map { max($0.element.count, $0.offset < floors.count ? floors[$0.offset] : 0) }
        for row in cells {
            for (i, cell) in row.enumerated() where cell.count > natural[i] { natural[i] = cell.count }
        }
        widths = width.map { Listing.fittedWidths(headings, natural: natural, width: $0) } ?? natural
        if let widths {
            pending += line(headings, widths)
            pending += line(widths.map { String(repeating: "-", count: $0) }, widths)
        }
        var number = 0
        for row in cells {
            number += 1
            write(row, number: number)
        }
        flush()
    }

    private func write(_ cells: [String], number: Int? = nil) {
        if let widths {
            pending += line(cells, widths)
        } else {
            pending += Listing.record(number ?? count, cells, columns: Listing.headings(columns, language: language),
                                      width: width ?? 80)
        }
        if pending.utf8.count >= Self.chunk { flush() }
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        width == nil ? Listing.line(cells, widths: widths, cut: true) : Listing.fittedLine(cells, widths: widths)
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        console.out(pending)
        pending = ""
    }
}

extension Shell {
    /// Writes a listing as `produce` hands over its rows (`ListingWriter`): `produce` gets the
    /// function that adds one row. Quitting the pager ends the listing quietly; Ctrl-C ends it
    /// as every long work does.
    /// - Parameter floors: the least width of each column (`ListingWriter`), by column id.
    func stream(_ columns: [String], _ invocation: Invocation, floors: [String: Int] = [:], _ produce: (_ add: ([Listing.Cell]) throws -> Void) throws -> Void) throws {
        let writer = ListingWriter(columns: columns, format: try invocation.format(), width: console.terminalWidth,
                                   language: words, console: console, floors: columns.map { floors[$0] ?? 0 })
        do {
            try produce(writer.add)
        } catch is ListingWriter.Stopped {
            return
        }
        writer.finish()
    }
}

extension Shell {
    /// The widths of the id columns of a listing: the digits of the largest case id, client id
    /// and audit row number.
    func idWidths(_ actor: Actor, case caseColumn: String?, client: String?, seq: String? = nil) throws -> [String: Int] {
        let ids = try office.largestIDs(by: actor)
        var floors: [String: Int] = [:]
        if let caseColumn { floors[caseColumn] = String(ids.caseID).count }
        if let client { floors[client] = String(ids.clientID).count }
        if let seq { floors[seq] = String(ids.auditSeq).count }
        return floors
    }
}
