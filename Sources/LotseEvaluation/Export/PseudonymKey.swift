import Crypto

/// The keyed pseudonyms of one export: HMAC-SHA256 under the project key, its key schedule
/// (the inner and outer padded key hashed once) computed once for all the export's clients
/// instead of once per client. Gives what `Office.pseudonym(_:key:)` gives.
struct PseudonymKey: @unchecked Sendable {
    // `HMAC` is a value type whose hashers copy their state before they change it (copy on
    // write), so one keyed prototype may be copied from any thread; it is never changed itself.
    private let keyed: HMAC<SHA256>

    init(_ key: [UInt8]) { keyed = HMAC<SHA256>(key: SymmetricKey(data: key)) }

    /// The first 20 hex digits of HMAC-SHA256("client:ID").
    func pseudonym(_ client: Int) -> String {
        var mac = keyed
        mac.update(data: Array("client:\(client)".utf8))
        let code = mac.finalize()
        var hex: [UInt8] = []
        hex.reserveCapacity(20)
        for byte in code.prefix(10) {
            hex.append(Self.hexDigits[Int(byte >> 4)])
            hex.append(Self.hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
