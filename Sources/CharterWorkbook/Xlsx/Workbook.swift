/// An Excel workbook (`.xlsx`, 工作簿) read from its bytes: its sheets in order, each with its
/// cells.
///
/// Reads what Excel, WPS, LibreOffice and the common libraries save (SpreadsheetML, transitional
/// or strict): the workbook part that `_rels/.rels` names, its sheets in tab order and their
/// parts from its relationships, the shared strings (with rich text), the cell formats that make
/// a number a date, and the 1900 or 1904 date system. Formulas are read as the values Excel saved
/// for them. Everything it cannot read is a ``WorkbookError`` that names the workbook, the sheet
/// and the cell (`members.xlsx[党员]!C12`) or the part and line.
public struct Workbook: Hashable, Sendable {
    /// How much a workbook may make the reader decompress and keep.
    public struct Limits: Hashable, Sendable {
        /// The limits on each part's inflation (size and ratio).
        public var inflate: Inflate.Limits
        /// The most bytes all the parts read may decompress to together: 1 GiB unless set.
        public var maxTotalSize: Int
        /// The most cells a sheet may hold, counting the empty ones filled in before each cell
        /// with a value: 10 million unless set.
        public var maxCells: Int

        /// Creates limits; the defaults suit any workbook a district keeps.
        public init(
            inflate: Inflate.Limits = Inflate.Limits(), maxTotalSize: Int = 1 << 30, maxCells: Int = 10_000_000
        ) {
            self.inflate = inflate
            self.maxTotalSize = maxTotalSize
            self.maxCells = maxCells
        }
    }

    /// The sheets, in the order of their tabs.
    public let sheets: [Sheet]
    /// The date system the workbook's serial dates count in.
    public let dateSystem: ExcelDate.System

    /// Reads the workbook `bytes`.
    ///
    /// - Parameter name: the workbook's file name (`members.xlsx`), for the errors to name it.
    public init(bytes: [UInt8], name: String? = nil, limits: Limits = Limits()) throws(WorkbookError) {
        try self.init(bytes: bytes, name: name, limits: limits, checksCRC: true)
    }

    /// Reads the workbook, checking its entries' CRC-32 or not (for the fuzz target).
    init(bytes: [UInt8], name: String?, limits: Limits, checksCRC: Bool) throws(WorkbookError) {
        do throws(WorkbookError) {
            var reader = try PackageReader(bytes: bytes, limits: limits, checksCRC: checksCRC)
            (sheets, dateSystem) = try reader.read()
        } catch {
            var error = error
            error.workbook = name
            throw error
        }
    }

    /// Creates a workbook of sheets made in memory (for code and tests that build one rather than
    /// read it).
    public init(sheets: [Sheet], dateSystem: ExcelDate.System = .from1900) {
        self.sheets = sheets
        self.dateSystem = dateSystem
    }

    /// The sheet named `name`, compared without case as Excel compares sheet names.
    public func sheet(named name: String) -> Sheet? {
        let folded = name.lowercased()
        return sheets.first { $0.name.lowercased() == folded }
    }

    /// Whether `bytes` start as a zip archive does (`PK\u{3}\u{4}`, or an empty archive's
    /// `PK\u{5}\u{6}`): a workbook saved under another name (a `.csv`) shows itself so.
    public static func looksLikeZip(_ bytes: some Collection<UInt8>) -> Bool {
        let start = Array(bytes.prefix(4))
        return start == [0x50, 0x4B, 0x03, 0x04] || start == [0x50, 0x4B, 0x05, 0x06]
    }

    /// Whether `bytes` start as an OLE compound file does: an Excel 97–2003 workbook (`.xls`), or an
    /// `.xlsx` protected by a password.
    public static func looksLikeCompoundFile(_ bytes: some Collection<UInt8>) -> Bool {
        Array(bytes.prefix(8)) == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    }
}

/// The parts of one workbook package, read from its archive within the limits.
struct PackageReader {
    let archive: ZipArchive
    let limits: Workbook.Limits
    /// The bytes the parts read so far decompress to, together.
    var total = 0

    init(bytes: [UInt8], limits: Workbook.Limits, checksCRC: Bool) throws(WorkbookError) {
        if Workbook.looksLikeCompoundFile(bytes) { throw WorkbookError(.compoundFile) }
        do {
            var archive = try ZipArchive(bytes: bytes)
            archive.checksCRC = checksCRC
            self.archive = archive
        } catch {
            throw WorkbookError(.archive(error))
        }
        self.limits = limits
    }

    /// The contents of the part `path`, or `nil` when the archive has none.
    mutating func part(_ path: String) throws(WorkbookError) -> [UInt8]? {
        guard let entry = archive.entry(named: path) else { return nil }
        guard total + entry.uncompressedSize <= limits.maxTotalSize else {
            throw WorkbookError(.tooLarge(limit: limits.maxTotalSize), part: path)
        }
        total += entry.uncompressedSize
        do {
            return try archive.contents(of: entry, limits: limits.inflate)
        } catch {
            throw WorkbookError(.archive(error))
        }
    }

    /// Parses the part `path` for `handler`; `false` when the archive has no such part.
    mutating func parse(_ path: String, namespaces: Set<String>, handler: some XMLPartHandler) throws(WorkbookError)
        -> Bool
    {
        guard let bytes = try part(path) else { return false }
        try XMLPart.parse(bytes, path: path, namespaces: namespaces, handler: handler)
        return true
    }

    /// The relationships of the part at `path` (none when it has no relationships part).
    mutating func relationships(of path: String) throws(WorkbookError) -> Relationships {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        let reader = Relationships.Reader(folder: folder)
        _ = try parse(Relationships.path(of: path), namespaces: XMLPart.relationships, handler: reader)
        return reader.relationships
    }

    mutating func read() throws(WorkbookError) -> ([Sheet], ExcelDate.System) {
        // The workbook part: the package's office document, else where Excel puts it.
        let package = try relationships(of: "")
        let workbookPath = package.target(ofType: "officeDocument") ?? "xl/workbook.xml"
        let workbookReader = WorkbookPart.Reader()
        guard try parse(workbookPath, namespaces: XMLPart.spreadsheet, handler: workbookReader) else {
            throw WorkbookError(.missingPart(workbookPath))
        }
        let workbook = workbookReader.part
        guard !workbook.sheets.isEmpty else { throw WorkbookError(.noSheets, part: workbookPath) }
        var names = Set<String>()
        for sheet in workbook.sheets where !names.insert(sheet.name.lowercased()).inserted {
            throw WorkbookError(.duplicateSheetName(sheet.name), part: workbookPath)
        }
        let links = try relationships(of: workbookPath)
        let folder = workbookPath.lastIndex(of: "/").map { String(workbookPath[..<$0]) } ?? ""

        let strings = SharedStringsReader()
        let stringsPath =
            links.target(ofType: "sharedStrings") ?? Relationships.resolve("sharedStrings.xml", from: folder)
        _ = try parse(stringsPath, namespaces: XMLPart.spreadsheet, handler: strings)
        let styles = CellStyles.Reader()
        let stylesPath = links.target(ofType: "styles") ?? Relationships.resolve("styles.xml", from: folder)
        _ = try parse(stylesPath, namespaces: XMLPart.spreadsheet, handler: styles)
        let cellStyles = styles.styles

        var sheets: [Sheet] = []
        for entry in workbook.sheets {
            guard let link = links.relationship(id: entry.relationship) else {
                throw WorkbookError(.unknownRelationship(entry.relationship), part: workbookPath, sheet: entry.name)
            }
            guard link.isType("worksheet"), let path = link.target else {
                // A chart sheet, a dialog sheet or a macro sheet: no cells to read.
                sheets.append(Sheet(name: entry.name, isHidden: entry.isHidden, rows: []))
                continue
            }
            let reader = WorksheetReader(
                sharedStrings: strings.strings, styles: cellStyles, dateSystem: workbook.dateSystem,
                maxCells: limits.maxCells)
            do throws(WorkbookError) {
                guard try parse(path, namespaces: XMLPart.spreadsheet, handler: reader) else {
                    throw WorkbookError(.missingPart(path))
                }
            } catch {
                var error = error
                error.sheet = entry.name
                // An archive error names the entry itself.
                if case .archive = error.reason {
                } else if error.part == nil && error.cell == nil {
                    error.part = path
                }
                throw error
            }
            sheets.append(Sheet(name: entry.name, isHidden: entry.isHidden, rows: reader.rows))
        }
        return (sheets, workbook.dateSystem)
    }
}
