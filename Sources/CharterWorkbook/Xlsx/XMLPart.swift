import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What a reader of one workbook part is told as FoundationXML's parser goes through it.
///
/// Elements arrive by their local names, already filtered to the part's own namespaces (see
/// ``XMLPart``); a handler's error stops the parse and is thrown with the line it was found on.
protocol XMLPartHandler: AnyObject {
    /// An element starts.
    func start(_ element: XMLPart.Element) throws(WorkbookError)
    /// The element `name` ends.
    func end(_ name: String) throws(WorkbookError)
    /// Text inside the current element (in several pieces for one text node, at times).
    func characters(_ text: String)
}

/// One XML part of a workbook, parsed by FoundationXML's `XMLParser` for a handler.
///
/// The parts are SpreadsheetML and package relationships, in their transitional or strict
/// namespaces. Elements of other namespaces (extensions: `x14:`, `x15ac:` …) are skipped with all
/// they hold; of markup compatibility's `mc:AlternateContent`, only the `mc:Fallback` is read, as
/// a reader that knows no extension must. A document type declaration is refused: a workbook has
/// none, and refusing it keeps entity expansion (a "billion laughs") out; so is a processing
/// instruction without content, which crashes FoundationXML (see ``refusal(_:)``).
enum XMLPart {
    /// An element as a handler sees it.
    struct Element {
        /// The local name (`sheet` for `x:sheet`).
        let name: String
        /// The attributes by qualified name (`r:id`, `xml:space`).
        let attributes: [String: String]
        /// Whether `xml:space="preserve"` holds here (set on this element or inherited).
        let preservesSpace: Bool

        /// The attribute whose local name is `name`, with or without a prefix (`r:id` for `id`;
        /// of several prefixed ones, the first by qualified name, so the choice never depends on
        /// a dictionary's order).
        func attribute(local name: String) -> String? {
            if let value = attributes[name] { return value }
            return attributes.filter { key, _ in key.hasSuffix(":" + name) }.min { $0.key < $1.key }?.value
        }
    }

    /// SpreadsheetML, transitional and strict.
    static let spreadsheet: Set<String> = [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main",
    ]
    /// Package relationships (`.rels` parts), one namespace in both conformance classes.
    static let relationships: Set<String> = ["http://schemas.openxmlformats.org/package/2006/relationships"]
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    /// Parses `bytes`, the part `path`, for `handler`, whose elements are in `namespaces`.
    static func parse(
        _ bytes: [UInt8], path: String, namespaces: Set<String>, handler: some XMLPartHandler
    ) throws(WorkbookError) {
        // UTF-8 only, as Excel writes every part: so libxml2 never transcodes, nor prints its
        // "encoder error" on the terminal of whoever runs charter.
        guard String(validating: bytes, as: UTF8.self) != nil, declaresUTF8(bytes) else {
            throw WorkbookError(.notUTF8, part: path)
        }
        if let reason = refusal(bytes) { throw WorkbookError(reason, part: path) }
        // From a stream: given all its data at once, the parser fails on a part over 10 MB (a sheet
        // of some 100 000 rows), which in pieces it reads.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(handler: handler, namespaces: namespaces)
        parser.delegate = delegate
        let parsed = parser.parse()
        if var error = delegate.failure {
            error.part = path
            throw error
        }
        // libxml2 parses in recovery mode here: a parse may "succeed" after an error it reported,
        // or with its root element left open, and neither is a part Excel wrote.
        if let (code, line, column) = delegate.malformation {
            throw WorkbookError(.malformedXML(code: code, column: column), part: path, line: max(line, 1))
        }
        if !parsed || !delegate.sawRoot || !delegate.stack.isEmpty {
            let code = (parser.parserError as? NSError)?.code ?? 5  // 5: the document ends too soon
            throw WorkbookError(
                .malformedXML(code: code, column: parser.columnNumber), part: path, line: max(parser.lineNumber, 1))
        }
    }

    /// Whether libxml2's error `code` means the XML is not well-formed: its parser errors (below
    /// 200) but for its warnings (an unknown version, a relative namespace URI, …); namespace
    /// errors (200 and up: an undeclared prefix) leave the element in no namespace, read as the
    /// part's own.
    static func isMalformation(_ code: Int) -> Bool {
        code > 0 && code < 200 && ![97, 98, 99, 100, 102, 106, 107].contains(code)
    }

    /// Whether the XML declaration at the start of `bytes`, if any, names UTF-8 or no encoding.
    static func declaresUTF8(_ bytes: [UInt8]) -> Bool {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes[start...].starts(with: Array("<?xml".utf8)) else { return true }
        let declaration = bytes[start...].prefix(while: { $0 != UInt8(ascii: ">") })
        let text = String(decoding: declaration, as: UTF8.self).lowercased()
        guard let range = text.range(of: "encoding") else { return true }
        let value = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            .prefix { $0 != "\"" && $0 != "'" && $0 != " " && $0 != "?" }
        return value == "utf-8" || value == "utf8"
    }

    /// What in `bytes` the parser must not be given, if anything.
    ///
    /// That is a document type declaration, or a processing instruction of a target alone
    /// (`<?x?>`), for which FoundationXML reads the instruction's absent content through a null
    /// pointer and crashes the process. Neither is in any workbook. The check runs in one pass (a
    /// target's name cannot hold `<`), and refuses a target cut off by the end of the part too.
    static func refusal(_ bytes: [UInt8]) -> WorkbookError.Reason? {
        let doctype = Array("<!DOCTYPE".utf8)
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if bytes[index + 1] == UInt8(ascii: "!"), bytes[index...].starts(with: doctype) { return .documentType }
            index += 1
            guard bytes[index] == UInt8(ascii: "?") else { continue }
            // The target's name, then what follows it: "?>" at once is the instruction refused.
            index += 1
            while index < bytes.count && isNameByte(bytes[index]) { index += 1 }
            if index + 1 >= bytes.count || bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: ">") {
                return .processingInstruction
            }
        }
        return nil
    }

    /// Whether `byte` may be part of an XML name (any byte of a non-ASCII character counts).
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: ":"), 0x80...:
            return true
        default:
            return false
        }
    }

    /// The parser's delegate: filters elements, tracks `xml:space`, and keeps the first error.
    final class Delegate<Handler: XMLPartHandler>: NSObject, XMLParserDelegate {
        let handler: Handler
        let namespaces: Set<String>
        var failure: WorkbookError?
        /// The first well-formedness error libxml2 reported: its code, line and column.
        var malformation: (Int, Int, Int)?
        var sawRoot = false
        /// For each open element: whether it preserves space, and whether it is skipped (with all
        /// it holds).
        var stack: [(preserves: Bool, skipped: Bool)] = []

        init(handler: Handler, namespaces: Set<String>) {
            self.handler = handler
            self.namespaces = namespaces
        }

        func fail(_ parser: XMLParser, _ error: WorkbookError) {
            guard failure == nil else { return }
            var error = error
            if error.line == nil { error.line = parser.lineNumber }
            failure = error
            parser.abortParsing()
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            guard failure == nil, malformation == nil else { return }
            sawRoot = true
            let parent = stack.last ?? (preserves: false, skipped: false)
            var preserves = parent.preserves
            if let space = attributeDict["xml:space"] { preserves = space == "preserve" }
            // An element without a namespace counts as the part's own (a writer that leaves the
            // namespace out); of markup compatibility, AlternateContent and Fallback are read
            // through, and Choice is skipped.
            let namespace = namespaceURI ?? ""
            let isMarkup = namespace == XMLPart.markupCompatibility
            let skipped =
                parent.skipped || isMarkup && !["AlternateContent", "Fallback"].contains(elementName)
                || !isMarkup && !namespace.isEmpty && !namespaces.contains(namespace)
            stack.append((preserves, skipped))
            guard !skipped, !isMarkup else { return }
            do {
                try handler.start(Element(name: elementName, attributes: attributeDict, preservesSpace: preserves))
            } catch {
                fail(parser, error)
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            guard failure == nil, malformation == nil, let top = stack.popLast() else { return }
            guard !top.skipped, namespaceURI != XMLPart.markupCompatibility else { return }
            do {
                try handler.end(elementName)
            } catch {
                fail(parser, error)
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            let code = (parseError as NSError).code
            guard malformation == nil, failure == nil, XMLPart.isMalformation(code) else { return }
            malformation = (code, parser.lineNumber, parser.columnNumber)
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard failure == nil, malformation == nil, stack.last?.skipped == false else { return }
            handler.characters(string)
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            guard failure == nil, malformation == nil, stack.last?.skipped == false else { return }
            handler.characters(String(decoding: block, as: UTF8.self))
        }
    }
}
