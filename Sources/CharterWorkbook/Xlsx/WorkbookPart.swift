/// What the workbook part (`xl/workbook.xml`) says: its sheets in order, and its date system.
struct WorkbookPart {
    /// A sheet as the workbook lists it.
    struct SheetEntry {
        /// The name on its tab.
        let name: String
        /// The id of its relationship, which gives its part.
        let relationship: String
        /// Whether it is hidden.
        let isHidden: Bool
    }

    var sheets: [SheetEntry] = []
    var dateSystem = ExcelDate.System.from1900

    /// Reads the workbook part.
    final class Reader: XMLPartHandler {
        var part = WorkbookPart()

        func start(_ element: XMLPart.Element) throws(WorkbookError) {
            switch element.name {
            case "workbookPr":
                if let value = element.attributes["date1904"], value == "1" || value == "true" {
                    part.dateSystem = .from1904
                }
            case "sheet":
                guard let name = element.attributes["name"] else {
                    throw WorkbookError(.missingAttribute(element: "sheet", attribute: "name"))
                }
                guard let relationship = element.attribute(local: "id") else {
                    throw WorkbookError(.missingAttribute(element: "sheet", attribute: "r:id"))
                }
                let state = element.attributes["state"]
                part.sheets.append(
                    SheetEntry(
                        name: name, relationship: relationship, isHidden: state == "hidden" || state == "veryHidden"))
            default:
                break
            }
        }

        func end(_ name: String) {}
        func characters(_ text: String) {}
    }
}
