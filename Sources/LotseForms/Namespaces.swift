/// Namespace URIs of the XForms that pyxform writes.
enum NS {
    static let xforms = "http://www.w3.org/2002/xforms"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let javarosa = "http://openrosa.org/javarosa"
    static let odk = "http://www.opendatakit.org/xforms"
    /// Lotse's own extensions (`lotse:access`).
    static let lotse = "urn:lotse:forms:1"
}
