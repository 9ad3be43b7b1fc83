#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The start-up check of the definitions folder: without forms or workflows nothing can be
/// done, and the person should hear it at start, not at the first `case open`.
public enum DefinitionsFolder {
    /// One warning per missing or empty part of `folder` (`Forms/*.xml`, `Workflows/*.scxml`).
    public static func warnings(_ folder: String, language: Language) -> [String] {
        var result: [Wording] = []
        for (sub, suffix, what) in [("Workflows", ".scxml", NameKind.workflow.plural), ("Forms", ".xml", NameKind.form.plural)] {
            let path = folder == "." ? sub : folder + "/" + sub
            guard let names = entries(of: path) else {
                result.append(Wording(de: "Warnung: kein Ordner \(path): keine \(what.de) verwendbar "
                                          + "(--definitions DIR nennt den Ordner mit Forms/ und Workflows/)",
                                      en: "warning: no folder \(path): no \(what.en) can be used "
                                          + "(--definitions DIR names the folder holding Forms/ and Workflows/)"))
                continue
            }
            if !names.contains(where: { $0.hasSuffix(suffix) }) {
                result.append(Wording(de: "Warnung: \(path) enthält keine *\(suffix)-Datei: keine \(what.de) verwendbar",
                                      en: "warning: \(path) holds no *\(suffix) file: no \(what.en) can be used"))
            }
        }
        return result.map { $0.text(language) }
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
