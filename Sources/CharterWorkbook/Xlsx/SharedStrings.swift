/// The text of a string item: a shared string (`<si>`) or an inline string (`<is>`).
///
/// The item's text is its `<t>`, or the `<t>` of each rich-text run (`<r>`) joined; the phonetic
/// runs (`<rPh>`, the furigana of Japanese names) are not part of it. A `<t>` keeps its white
/// space where `xml:space="preserve"` holds, and loses it at its ends elsewhere (as XML's default
/// white-space handling lets a reader do); then its `_xHHHH_` escapes are decoded.
struct StringItemText {
    private var text = ""
    private var piece = ""
    private var inPiece = false
    private var preserves = false
    private var phoneticDepth = 0

    /// Takes an element that starts inside the item.
    mutating func start(_ element: XMLPart.Element) {
        switch element.name {
        case "rPh": phoneticDepth += 1
        case "t" where phoneticDepth == 0:
            inPiece = true
            piece = ""
            preserves = element.preservesSpace
        default: break
        }
    }

    /// Takes an element that ends inside the item.
    mutating func end(_ name: String) {
        switch name {
        case "rPh": phoneticDepth = max(0, phoneticDepth - 1)
        case "t" where inPiece:
            text += SpreadsheetText.decoded(preserves ? piece : SpreadsheetText.trimmed(piece))
            inPiece = false
        default: break
        }
    }

    /// Takes text inside the item.
    mutating func characters(_ characters: String) {
        if inPiece { piece += characters }
    }

    /// The item's text so far.
    var value: String { text }
}

/// Reads the shared strings part (`xl/sharedStrings.xml`): the texts that cells of type `s` refer
/// to by index.
final class SharedStringsReader: XMLPartHandler {
    private(set) var strings: [String] = []
    private var item: StringItemText?

    func start(_ element: XMLPart.Element) {
        if element.name == "si" {
            item = StringItemText()
        } else {
            item?.start(element)
        }
    }

    func end(_ name: String) {
        if name == "si", let item {
            strings.append(item.value)
            self.item = nil
        } else {
            item?.end(name)
        }
    }

    func characters(_ text: String) { item?.characters(text) }
}
