/// What the styles part (`xl/styles.xml`) says that a reader needs: which cell formats (`<xf>` of
/// `<cellXfs>`, by a cell's `s` index) show a number as a date.
struct CellStyles {
    /// For each cell format, whether its number format is a date format.
    var isDate: [Bool] = []

    /// Reads the styles part.
    final class Reader: XMLPartHandler {
        /// The number formats the workbook defines, by id.
        private var formats: [Int: String] = [:]
        /// The number format id of each cell format.
        private var cellFormats: [Int] = []
        private var inCellFormats = false

        func start(_ element: XMLPart.Element) {
            switch element.name {
            case "numFmt":
                if let id = element.attributes["numFmtId"].flatMap({ Int($0) }) {
                    formats[id] = element.attributes["formatCode"] ?? ""
                }
            case "cellXfs":
                inCellFormats = true
            case "xf" where inCellFormats:
                cellFormats.append(element.attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default:
                break
            }
        }

        func end(_ name: String) {
            if name == "cellXfs" { inCellFormats = false }
        }

        func characters(_ text: String) {}

        /// The styles read.
        var styles: CellStyles {
            var memo: [Int: Bool] = [:]
            return CellStyles(
                isDate: cellFormats.map { id in
                    if let known = memo[id] { return known }
                    let isDate = formats[id].map(NumberFormat.isDate) ?? NumberFormat.builtInDates.contains(id)
                    memo[id] = isDate
                    return isDate
                })
        }
    }
}
