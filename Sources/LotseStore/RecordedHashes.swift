/// The last hash the audit chain recorded for each row of one covered kind, and the audit
/// row that recorded it (`audit verify` holds one of these per kind).
///
/// Row ids are small and dense (they count up from 1), so they index an array; an id far
/// beyond the ids seen so far (only a forged `records` line has one) goes to a dictionary,
/// so no id can make the array huge.
struct RecordedHashes {
    struct Entry {
        var hash: Digest32
        /// The audit row that recorded the hash; 0 in an empty array slot.
        var seq: Int
    }

    private var dense: [Entry] = []
    private var sparse: [Int: Entry] = [:]

    /// Records `hash` for row `id` (a later record replaces an earlier one).
    mutating func set(_ id: Int, _ hash: Digest32, seq: Int) {
        if id >= 0, id < dense.count {
            dense[id] = Entry(hash: hash, seq: seq)
        } else if id >= 0, id < 2 * dense.count + 65_536 {
            let empty = Entry(hash: Digest32.zero, seq: 0)
            while dense.count < id { dense.append(empty) }
            dense.append(Entry(hash: hash, seq: seq))
        } else {
            sparse[id] = Entry(hash: hash, seq: seq)
        }
    }

    /// Takes out the entry of row `id`, nil when none was recorded (or it was taken already).
    mutating func remove(_ id: Int) -> Entry? {
        if id >= 0, id < dense.count {
            let entry = dense[id]
            guard entry.seq != 0 else { return sparse.removeValue(forKey: id) }
            dense[id].seq = 0
            return entry
        }
        return sparse.removeValue(forKey: id)
    }

    /// The smallest id still held, with its entry.
    func first() -> (id: Int, entry: Entry)? {
        var best: (id: Int, entry: Entry)?
        if let index = dense.firstIndex(where: { $0.seq != 0 }) { best = (index, dense[index]) }
        if let (id, entry) = sparse.min(by: { $0.key < $1.key }), best == nil || id < best!.id { best = (id, entry) }
        return best
    }
}
