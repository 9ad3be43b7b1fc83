#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole definition files (for the parser, the schema compiler, and the readers above).
public enum SourceFile {
    /// The bytes of the file at `path`.
    ///
    /// - Throws: ``XMLError/unreadable(file:reason:)`` with the system's message.
    public static func read(_ path: String) throws(XMLError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw .unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            bytes.append(contentsOf: chunk[0..<count])
            if count < chunk.count {
                if ferror(file) != 0 {
                    throw .unreadable(file: path, reason: String(cString: strerror(errno)))
                }
                return bytes
            }
        }
    }
}
