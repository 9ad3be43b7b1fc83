import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes its output: a file named on the command line, or standard output
/// (`--out -`), which the shell hands on through `stream`.
public enum OutputTarget {
    /// A path; `force` allows replacing an existing regular file.
    case file(String, force: Bool)
    /// Standard output: the text is handed to the closure once it may be published.
    case stream((String) -> Void)

    /// `-` means standard output, anything else a path.
    public static func named(_ text: String, force: Bool, standardOutput: @escaping (String) -> Void) -> OutputTarget {
        text == "-" ? .stream(standardOutput) : .file(text, force: force)
    }

    /// The name for messages and audit rows (`-` for standard output).
    public var name: String {
        switch self {
        case let .file(path, _): return path
        case .stream: return "-"
        }
    }
}

/// Why an output file was refused or could not be written. Nothing was written at the
/// named place when one of these is thrown (except `.publishFailed`, which says where the
/// complete file is).
public enum OutputError: Error, Sendable, CustomStringConvertible {
    /// The path is the open database, one of its companion files or its key file.
    case protectedFile(path: String, what: String)
    /// A regular file exists and `--force` was not given.
    case exists(String)
    /// A directory, block device or socket.
    case notAFile(path: String, kind: String)
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    /// Written and audited, but it could not be moved to its place.
    case publishFailed(path: String, staging: String, reason: String)

    public var description: String {
        switch self {
        case let .protectedFile(path, what):
            return "--out \(path): that is \(what); Lotse never writes over it (nothing was written)"
        case let .exists(path):
            return "--out \(path): the file exists; add --force to replace it (nothing was written)"
        case let .notAFile(path, kind):
            return "--out \(path): that is \(kind), not a file (nothing was written)"
        case let .cannotCreate(path, reason):
            return "--out \(path): cannot create a file there: \(reason) (nothing was written)"
        case let .writeFailed(path, reason):
            return "--out \(path): writing failed: \(reason) (nothing was written)"
        case let .publishFailed(path, staging, reason):
            return "--out \(path): the output is complete and audited, but it could not be put in place (\(reason)); "
                + "it is in \(staging)"
        }
    }
}

/// One output of a command, written safely (issue 9):
/// - never over the open database, its `-wal`, `-shm` or `-journal`, or its key file
///   (compared by device and inode, and by resolved path for files that do not exist yet);
/// - never over an existing regular file unless forced;
/// - first into a private temporary file (mode 0600) in the destination's folder, which
///   `publish()` renames into place; callers publish only after the audit row committed, so
///   there is no file without its audit row and a failure leaves nothing behind;
/// - a character device or FIFO (such as `/dev/null`) is written through, never replaced;
///   directories, block devices and sockets are refused;
/// - standard output gets the text only at `publish()` too.
public final class OutputFile {
    private enum Destination {
        case replace(final: String, force: Bool)
        case passThrough(String)
        case stream((String) -> Void)
    }

    /// The name given (`-` for standard output), for messages and audit rows.
    public let name: String
    /// Where the output is staged until `publish()`.
    public let stagingPath: String
    private let destination: Destination
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    /// Bytes written so far.
    public private(set) var bytes = 0
    private var digest: String?

    /// Checks the target and creates the staging file; nothing else is touched.
    /// - Parameters:
    ///   - protected: files never to be written (the database and its companions, the key file).
    ///   - scratchFolder: where output for standard output or a device is staged.
    public init(_ target: OutputTarget, protecting protected: [String], scratchFolder: String) throws(OutputError) {
        name = target.name
        let folder: String
        switch target {
        case let .stream(sink):
            destination = .stream(sink)
            folder = scratchFolder
        case let .file(path, force):
            guard !path.isEmpty else { throw .cannotCreate(path: path, reason: "empty path") }
            let resolved = FilePaths.resolve(path)
            for file in protected {
                if FilePaths.sameFile(path, file) || resolved == FilePaths.resolve(file) {
                    throw .protectedFile(path: path, what: FilePaths.describe(file, among: protected))
                }
            }
            var info = stat()
            if stat(path, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    guard force else { throw .exists(path) }
                    destination = .replace(final: resolved, force: true)
                    folder = FilePaths.folder(of: resolved)
                case S_IFCHR, S_IFIFO:
                    destination = .passThrough(path)
                    folder = scratchFolder
                case S_IFDIR: throw .notAFile(path: path, kind: "a folder")
                case S_IFBLK: throw .notAFile(path: path, kind: "a block device")
                default: throw .notAFile(path: path, kind: "a socket or other special file")
                }
            } else if errno == ENOENT {
                destination = .replace(final: resolved, force: force)
                folder = FilePaths.folder(of: resolved)
            } else {
                throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
        }
        var template = Array((folder + "/.lotse-output-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else {
            throw .cannotCreate(path: name, reason: String(cString: strerror(errno)))
        }
        fd = made
        stagingPath = String(cString: template)
        fchmod(fd, 0o600)
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Appends text.
    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends bytes.
    public func write(bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        hasher.update(data: buffer)
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: name, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
        bytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and makes the staged file durable.
    /// - Returns: the SHA-256 of everything written, in lowercase hex.
    @discardableResult
    public func finish() throws(OutputError) -> String {
        if let digest { return digest }
        try flush()
        guard fsync(fd) == 0 else { throw .writeFailed(path: name, reason: String(cString: strerror(errno))) }
        let hex = Hex.encode(hasher.finalize())
        digest = hex
        return hex
    }

    /// Whether the output goes to standard output.
    public var isStream: Bool {
        if case .stream = destination { return true }
        return false
    }

    /// Finishes an output that something else wrote into `stagingPath` (a database backup):
    /// reads it back for its size and SHA-256.
    @discardableResult
    public func finishWrittenElsewhere() throws(OutputError) -> String {
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw .writeFailed(path: name, reason: String(cString: strerror(errno))) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: name, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            hasher.update(data: chunk[..<n])
            bytes += n
        }
        return try finish()
    }

    /// Puts the finished output in its place: renames the staged file (without `--force` only
    /// when the name is still free), or copies it through to the device or standard output.
    /// Call it only after the audit row about the output has committed.
    public func publish() throws(OutputError) {
        try finish()
        switch destination {
        case let .replace(final, force):
            close(fd)
            fd = -1
            if force {
                guard rename(stagingPath, final) == 0 else { throw publishFailure(errno) }
            } else {
                // link() fails when the name was taken meanwhile: never replaces a file.
                guard link(stagingPath, final) == 0 else { throw publishFailure(errno) }
                unlink(stagingPath)
            }
            FilePaths.syncFolder(FilePaths.folder(of: final))
        case let .passThrough(path):
            let out = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard out >= 0 else { throw publishFailure(errno) }
            defer { close(out) }
            try copyStaged { chunk throws(OutputError) in
                var offset = 0
                while offset < chunk.count {
                    let n = chunk.withUnsafeBytes { Glibc.write(out, $0.baseAddress! + offset, $0.count - offset) }
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw publishFailure(errno)
                    }
                    offset += n
                }
            }
            discard()
        case let .stream(sink):
            var pending: [UInt8] = []
            try copyStaged { chunk in
                pending.append(contentsOf: chunk)
                let cut = Self.completeLength(pending)
                sink(String(decoding: pending[..<cut], as: UTF8.self))
                pending.removeFirst(cut)
            }
            if !pending.isEmpty { sink(String(decoding: pending, as: UTF8.self)) }
            discard()
        }
    }

    /// The length of the longest prefix of `bytes` that ends on a whole UTF-8 character.
    static func completeLength(_ bytes: [UInt8]) -> Int {
        var start = bytes.count
        // Step back over continuation bytes (at most three) to the lead byte of the last character.
        while start > 0, bytes.count - start < 3, bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
        guard start > 0 else { return bytes.count }
        let lead = bytes[start - 1]
        guard lead >= 0xC0 else { return bytes.count }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        return start - 1 + length <= bytes.count ? bytes.count : start - 1
    }

    private func publishFailure(_ code: Int32) -> OutputError {
        .publishFailed(path: name, staging: stagingPath, reason: String(cString: strerror(code)))
    }

    private func copyStaged(_ body: ([UInt8]) throws(OutputError) -> Void) throws(OutputError) {
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw publishFailure(errno) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw publishFailure(errno)
            }
            if n == 0 { return }
            try body(Array(chunk[..<n]))
        }
    }

    /// Removes the staged file (after a failure, or once copied through).
    public func discard() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        unlink(stagingPath)
    }
}

@available(*, unavailable)
extension OutputFile: Sendable {}

/// Path questions for output files: the same file, the resolved name, the folder.
enum FilePaths {
    /// Whether both paths name one existing file (device and inode, following links).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// An absolute name with every link resolved, also for a file that does not exist yet
    /// (its folder resolved, and a dangling link followed).
    static func resolve(_ path: String, depth: Int = 0) -> String {
        if let real = realPath(path) { return real }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        if n > 0, depth < 16 {
            let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return resolve(target.hasPrefix("/") ? target : folder(of: path) + "/" + target, depth: depth + 1)
        }
        let base = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        let parent = folder(of: path)
        return (realPath(parent) ?? parent) + "/" + base
    }

    /// The folder part of a path (`.` when there is none).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// What a protected file is, for the refusal.
    static func describe(_ file: String, among protected: [String]) -> String {
        let database = protected.first ?? file
        if file == database { return "the open database" }
        for (suffix, what) in [("-wal", "write-ahead log"), ("-shm", "shared-memory file"), ("-journal", "rollback journal")]
        where file == database + suffix {
            return "the database's \(what) (\(database))"
        }
        return "the database's key file (\(file))"
    }

    /// Makes a rename in `folder` durable.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
