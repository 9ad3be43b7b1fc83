#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The start-up check of the definitions folder: without forms or workflows nothing can be
/// done, and the person should hear it at start, not at the first `case open`.
public enum DefinitionsFolder {
    /// One warning per missing or empty part of `folder` (`Forms/*.xml`, `Workflows/*.scxml`).
    public static func warnings(_ folder: String) -> [String] {
        var result: [String] = []
        for (sub, suffix, what) in [("Workflows", ".scxml", "workflows"), ("Forms", ".xml", "forms")] {
            let path = folder == "." ? sub : folder + "/" + sub
            guard let names = entries(of: path) else {
                result.append("warning: no folder \(path): no \(what) can be used "
                              + "(--definitions DIR names the folder holding Forms/ and Workflows/)")
                continue
            }
            if !names.contains(where: { $0.hasSuffix(suffix) }) {
                result.append("warning: \(path) holds no *\(suffix) file: no \(what) can be used")
            }
        }
        return result
    }

    private static func entries(of path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            names.append(name)
        }
        return names
    }
}
