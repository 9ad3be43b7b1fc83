/// The coded values of a submission that the evaluation reads, kept beside the submission in
/// `submission_values` (one short row per submission of a form anyone may read), so that the
/// export and the reports scan short rows instead of parsing every instance document again.
///
/// What is kept, and nothing else: the fields `EvaluationFields.fields` names for the form
/// (codes, dates, counts: never free text), and how often each element that has child elements
/// occurs (`#PATH`: groups and repeat instances, what the export counts), both as
/// `InstanceValues` reads them from the stored instance. The row is written in the transaction
/// that stores the submission and covered by the audit chain (kind `values`), like the
/// submission; a database from before this table gets its rows, parsed from the stored
/// instances, in the migration that creates it (`Schema`, version 8), recorded by audit rows.
public enum SubmissionValues {
    /// Separates a pair's key from its value (U+001F, the unit separator).
    static let unit: Character = "\u{1F}"
    /// Separates the pairs (U+001E, the record separator). Neither may occur in an XML 1.0
    /// document, so no value read from an instance holds one.
    static let record: Character = "\u{1E}"

    /// The kept values of a stored instance, encoded: `KEY␟VALUE` pairs, sorted by key,
    /// separated by `␞`.
    public static func encode(form: String, instance: String) -> String {
        encode(values(form: form, instance: instance))
    }

    /// The values kept of a stored instance of `form`.
    public static func values(form: String, instance: String) -> [String: String] {
        select(form: form, from: InstanceValues.parse(instance))
    }

    /// The values `EvaluationFields` keeps of a form's parsed instance.
    static func select(form: String, from values: [String: String]) -> [String: String] {
        let wanted = EvaluationFields.fields[form] ?? []
        var kept: [String: String] = [:]
        // Elements with children: the parents of every path read.
        var parents: Set<Substring> = []
        for key in values.keys where !key.hasPrefix("#") {
            var path = Substring(key)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                parents.insert(path)
            }
        }
        for (key, value) in values {
            if key.hasPrefix("#") {
                let path = key.dropFirst()
                if parents.contains(path) && path != "meta" { kept[key] = value }
            } else if wanted.contains(key) {
                kept[key] = value
            }
        }
        return kept
    }

    /// Encodes values (sorted by key, so the same values give the same text on every backend).
    public static func encode(_ values: [String: String]) -> String {
        values.keys.sorted().map { key in
            key + String(unit) + values[key]!.filter { $0 != unit && $0 != record }
        }.joined(separator: String(record))
    }

    /// The values of an encoded text.
    public static func decode(_ text: String) -> [String: String] {
        var text = text
        return text.withUTF8 { decode(bytes: $0) }
    }

    /// The values of an encoded text's UTF-8 bytes. By bytes: both separators are ASCII controls,
    /// so every split falls on a character boundary (a control is a grapheme of its own), as
    /// splitting by `Character` would, faster. A pair without `␟` is skipped; of a key given
    /// twice the last value counts.
    static func decode(bytes: UnsafeBufferPointer<UInt8>) -> [String: String] {
        var values: [String: String] = [:]
        guard !bytes.isEmpty else { return values }
        values.reserveCapacity(bytes.count { $0 == 0x1E } + 1)
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x1E { end += 1 }
            var at = start
            while at < end && bytes[at] != 0x1F { at += 1 }
            if at < end {
                values[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)] =
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<end]), as: UTF8.self)
            }
            start = end + 1
        }
        return values
    }
}

/// The fields of each form that the evaluation reads (the export's variables, the reports and
/// the balance table): what `submission_values` keeps. A variable reading another field must
/// add it here (the export test compares the export read this way with one read from the
/// instance documents). Only forms anyone may read; never a free-text field.
public enum EvaluationFields {
    /// Form id → field paths below the instance root.
    public static let fields: [String: Set<String>] = [
        "referral": ["lzb", "target_groups", "sgb2_since"],
        "consent": ["given", "purposes", "date", "revoked_on"],
        "capacity": ["erwerbsfaehig", "capacity", "duration"],
        "plan": ["contact_interval_days"],
        "contact": ["date"],
        "step": ["category", "status"],
        "placement": ["outcome", "subsidy", "kldb", "wz", "start"],
        "closure": ["reason"],
        "observation": ["at", "date", "source", "employment_since", "benefit_status", "employment"],
    ]
}
