#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A secret key kept in its own file (mode 0600, 64 hex digits and a newline), outside the
/// database, so that a copy of the database alone does not carry it.
public enum KeyFile {
    /// Why a key file could not be read or written.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case malformed(path: String)
        /// Readable by others than its owner.
        case tooOpen(path: String, mode: String)
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case let .unreadable(path, reason): return "cannot read the key file \(path): \(reason)"
            case let .malformed(path): return "the key file \(path) does not hold a key (64 hex digits)"
            case let .tooOpen(path, mode):
                return "the key file \(path) may be read by others (mode \(mode)); make it private with chmod 600 \(path)"
            case let .cannotWrite(path, reason): return "cannot write the key file \(path): \(reason)"
            }
        }
    }

    /// Whether something exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Reads a key. - Throws: `Failure` when the file cannot be read, holds no key, or others may read it.
    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        if info.st_mode & 0o077 != 0 { throw .tooOpen(path: path, mode: String(info.st_mode & 0o777, radix: 8)) }
        var bytes = [UInt8](repeating: 0, count: 200)
        let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
        guard n > 0 else { throw .malformed(path: path) }
        var text = String(decoding: bytes[..<n], as: UTF8.self)
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        guard text.utf8.count == 64, let key = Hex.decode(text) else { throw .malformed(path: path) }
        return key
    }

    /// Creates the key file (never replacing one), mode 0600, durable before it returns.
    public static func create(_ path: String, key: [UInt8]) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array((Hex.encode(key) + "\n").utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            unlink(path)
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        FilePaths.syncFolder(FilePaths.folder(of: path))
    }
}
