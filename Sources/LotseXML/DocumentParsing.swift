import CLibXML2

/// Bytes to a C document, the one place LotseXML calls libxml2's parser.
///
/// Call it inside ``LibXML2/capturingErrors(into:_:)`` with the same collector.
/// While libxml2 parses, a SAX hook counts the line of each start tag's `<` (see
/// ``XMLElement/line``) into the collector, which the tree conversion and the
/// diagnostics of a later RELAX NG validation both read.
enum DocumentParsing {
    /// Parses `source`, naming it `name` (the document URL libxml2 prints in errors).
    ///
    /// - Parameters:
    ///   - source: The document's bytes; their encoding is detected (BOM, declaration)
    ///     unless `encoding` forces one.
    ///   - name: The file name or label for diagnostics.
    ///   - encoding: An encoding name to force (`"UTF-8"` for text that came from a
    ///     Swift `String`), or nil to detect.
    ///   - collector: Receives every diagnostic and the element lines.
    /// - Returns: The document, which the caller frees with `xmlFreeDoc`, or nil when
    ///   it is not well-formed or not namespace-well-formed (the collector then holds
    ///   at least one error).
    static func parse(_ source: [UInt8], name: String, encoding: String?,
                      collector: DiagnosticCollector) -> xmlDocPtr? {
        guard !source.isEmpty else {
            collector.add("Document is empty", line: 1)
            return nil
        }
        guard source.count <= Int(Int32.max) else {
            collector.add("Document is larger than libxml2 can read (2 GiB)")
            return nil
        }
        guard let context = xmlNewParserCtxt() else {
            collector.add("libxml2 could not allocate a parser")
            return nil
        }
        defer { xmlFreeParserCtxt(context) }
        context.pointee.sax.pointee.startElementNs = startElementCountingLines
        context.pointee._private = collector.userData

        let document = source.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), name, encoding,
                                  LibXML2.parseOptions)
            }
        }
        let wellFormed = context.pointee.wellFormed != 0 && context.pointee.nsWellFormed != 0
        if let document, wellFormed, !collector.hasErrors {
            return document
        }
        if let document {
            xmlFreeDoc(document)
        }
        if !collector.hasErrors {
            collector.add("libxml2 rejected the document without a message")
        }
        return nil
    }

    /// libxml2's own SAX2 start-element handler, then the line of the tag's `<`:
    /// the parser stands at the tag's `>` (libxml2's `node->line`), so count the
    /// newlines back to the `<` (attribute values cannot hold a literal `<`).
    private static let startElementCountingLines: startElementNsSAX2Func = {
        context, localName, prefix, uri, namespaceCount, namespaces,
        attributeCount, defaultedCount, attributes in
        xmlSAX2StartElementNs(context, localName, prefix, uri, namespaceCount, namespaces,
                              attributeCount, defaultedCount, attributes)
        guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self),
              let node = parser.pointee.node,
              let collectorPointer = parser.pointee._private,
              let input = parser.pointee.input,
              var cursor = input.pointee.cur,
              let base = input.pointee.base
        else { return }
        var line = Int(input.pointee.line)
        var foundStart = false
        while cursor > base {
            cursor -= 1
            if cursor.pointee == UInt8(ascii: "<") {
                foundStart = true
                break
            }
            if cursor.pointee == UInt8(ascii: "\n") {
                line -= 1
            }
        }
        if !foundStart {
            line = Int(input.pointee.line)
        }
        if line != Int(node.pointee.line) {
            let collector = Unmanaged<DiagnosticCollector>.fromOpaque(collectorPointer).takeUnretainedValue()
            collector.elementLines[UnsafeMutableRawPointer(node)] = line
        }
    }
}
