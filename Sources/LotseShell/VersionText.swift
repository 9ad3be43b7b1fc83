import LotseStore
import LotseXML

/// What `lotse --version` and `version` print.
public enum VersionText {
    /// Lotse's own version.
    public static let lotse = "0.1.0"

    /// `lotse 0.1.0 (database schema 3; SQLite 3.40.1; libxml2 2.9.14)`.
    public static var text: String {
        "lotse \(lotse) (database schema \(Schema.migrator.latestVersion); SQLite \(Store.sqliteVersion); "
            + "libxml2 \(LibXML2Version.text))"
    }
}
