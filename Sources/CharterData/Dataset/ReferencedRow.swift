import PolicyKit

/// A row that other files name by its id: a community (社区) or a member (党员).
enum ReferencedRow {
    case community, member

    /// The row's name in a sentence.
    var name: Text {
        switch self {
        case .community: Text(zh: "社区", en: "community")
        case .member: Text(zh: "党员", en: "member")
        }
    }

    /// The problem of a reference `id` that names no row of `file`.
    ///
    /// When a space at either end is the difference (in the reference, or in the id as `file`
    /// writes it, from `spaced`), the problem says so. `isKnown` tells whether `file` has an id.
    func unknown(_ id: String, in file: String, spaced: SpacedIDs, isKnown: (String) -> Bool) -> Text {
        let name = self.name
        if let ends = SpacedIDs.spacedEnds(id) {
            let trimmed = SpacedIDs.trimmed(id)
            let place = Self.place(ends)
            if !trimmed.isEmpty, isKnown(trimmed) {
                return Text(
                    zh:
                        "找不到这个 id 的\(name.chinese)：它的\(place.chinese)有空格，而 \(file) 中有不带空格的 '\(trimmed)'。id 按原样逐字比较：请删去空格。",
                    en:
                        "No \(name.english) has this id: it has a space \(place.english), and \(file) has '\(trimmed)' without it. Ids are compared exactly: remove the space."
                )
            }
            return Text(
                zh: "找不到这个 id 的\(name.chinese)，去掉\(place.chinese)的空格也找不到；\(file) 中必须有 id 为它的一行。",
                en:
                    "No \(name.english) has this id, with the space \(place.english) or without it; \(file) must hold a row with it."
            )
        }
        if let written = spaced[trimmed: id] {
            let place = Self.place(SpacedIDs.spacedEnds(written.id) ?? (false, true))
            return Text(
                zh:
                    "找不到这个 id 的\(name.chinese)；\(file) 第 \(written.line) 行写的是 '\(written.id)'，\(place.chinese)多了空格。id 按原样逐字比较：请删去那里的空格。",
                en:
                    "No \(name.english) has this id; \(file) has it as '\(written.id)' on line \(written.line), with a space \(place.english). Ids are compared exactly: remove the space there."
            )
        }
        return Text(
            zh: "找不到这个 id 的\(name.chinese)；\(file) 中必须有 id 为它的一行。",
            en: "No \(name.english) has this id; \(file) must hold a row with it.")
    }

    /// Where an id's spaces are: `at its end`, `末尾`.
    private static func place(_ ends: (start: Bool, end: Bool)) -> Text {
        if ends.start && ends.end { return Text(zh: "开头和末尾", en: "at its start and at its end") }
        return ends.start ? Text(zh: "开头", en: "at its start") : Text(zh: "末尾", en: "at its end")
    }
}
