import Crypto

/// The canonical encoding of an audit row and its chain hash.
///
/// The ten fields `seq, at, actor, role, action, case_id, event, from_state, to_state, detail`
/// are encoded in this order, each as
/// - the single byte `0x00` when the field is NULL, or
/// - the byte `0x01`, the length of the field's UTF-8 bytes as a 4-byte big-endian unsigned
///   integer, then those bytes. Integers (`seq`, `case_id`) are written in decimal ASCII.
///
/// A row that wrote covered data (`CoveredRecords`) has an eleventh field, `records`, encoded
/// the same way after the ten; a row without records has only the ten, so rows written before
/// data coverage keep their hashes.
///
/// `hash = SHA-256(P ‖ E)` where `P` is the previous row's hash as 32 raw bytes (32 zero bytes
/// for the first row) and `E` the encoding; hashes are stored as lowercase hex.
/// The encoding is unambiguous (length-prefixed, NULL distinct from empty), so no two
/// different rows share an encoding.
public enum AuditEncoding {
    /// The `prev_hash` of the first row: 32 zero bytes in hex.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The canonical bytes of a row's fields.
    public static func encode(seq: Int, _ draft: AuditDraft) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128 + (draft.detail?.utf8.count ?? 0) + (draft.records?.utf8.count ?? 0))
        func field(_ value: String?) { appendField(value, to: &bytes) }
        field(String(seq))
        field(draft.at)
        field(draft.actor)
        field(draft.role)
        field(draft.action)
        field(draft.caseID.map(String.init))
        field(draft.event)
        field(draft.fromState)
        field(draft.toState)
        field(draft.detail)
        if let records = draft.records { field(records) }
        return bytes
    }

    /// Appends one field: `0x00` for NULL, else `0x01`, the 4-byte big-endian UTF-8 length, the bytes.
    static func appendField(_ value: String?, to bytes: inout [UInt8]) {
        guard var value else { bytes.append(0); return }
        value.withUTF8 { utf8 in
            let n = UInt32(utf8.count)
            bytes.append(1)
            bytes.append(UInt8(n >> 24))
            bytes.append(UInt8((n >> 16) & 0xFF))
            bytes.append(UInt8((n >> 8) & 0xFF))
            bytes.append(UInt8(n & 0xFF))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends one present field from its UTF-8 bytes (as `appendField` does for a string).
    static func appendField(bytes utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        let n = UInt32(utf8.count)
        bytes.append(1)
        bytes.append(UInt8(n >> 24))
        bytes.append(UInt8((n >> 16) & 0xFF))
        bytes.append(UInt8((n >> 8) & 0xFF))
        bytes.append(UInt8(n & 0xFF))
        bytes.append(contentsOf: utf8)
    }

    /// The chain hash of a row, lowercase hex; nil when `prevHash` is not 64 hex digits.
    public static func hash(prevHash: String, seq: Int, _ draft: AuditDraft) -> String? {
        guard let previous = Hex.decode(prevHash), previous.count == 32 else { return nil }
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: encode(seq: seq, draft))
        return Hex.encode(hasher.finalize())
    }
}

/// Lowercase hexadecimal encoding.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Appends the digest's 64 lowercase hex digits.
    static func append(_ digest: SHA256.Digest, to out: inout [UInt8]) {
        digest.withUnsafeBytes { raw in
            for b in raw {
                out.append(digits[Int(b >> 4)])
                out.append(digits[Int(b & 0x0F)])
            }
        }
    }

    /// The bytes as lowercase hex.
    public static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of a hex string, or nil if it is not hex of even length.
    public static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode(bytes: $0) }
    }

    static func decode(bytes chars: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard chars.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
