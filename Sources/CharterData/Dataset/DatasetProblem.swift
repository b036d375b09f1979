public import CharterSupport
public import PolicyKit

/// One thing wrong with a dataset (数据集), placed as precisely as it can be.
///
/// Written `FILE:LINE: column COLUMN: message ('value')`; a problem with a whole file names the
/// file alone, and one with no single column omits the column part. The position reads the same
/// in both languages: `members.csv:12: column birth_date: 日期无效……`.
public struct DatasetProblem: Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
    /// The file's name as it stands in the dataset folder, such as `members.csv`.
    public var file: String
    /// The physical line the record starts on (the header is line 1), or `nil` for the whole file.
    public var line: Int?
    /// The column concerned, if one.
    public var column: String?
    /// What is wrong, as a sentence, with what to do where that is not obvious, in both languages.
    public var message: Text
    /// The offending value, if any.
    public var value: String?

    /// Creates a problem.
    public init(file: String, line: Int? = nil, column: String? = nil, message: Text, value: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.value = value
    }

    /// `FILE:LINE: column COLUMN: message ('value')`.
    public var description: String { message(in: .english) }

    /// `FILE:LINE: column COLUMN: message ('value')` in `language`; the position is the same in
    /// both.
    public func message(in language: Language) -> String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let column { text += "column \(column): " }
        text += message.text(in: language)
        if let value { text += language == .chinese ? "（'\(value)'）" : " ('\(value)')" }
        return text
    }
}

/// A dataset that breaks the data contract: every problem found, in file and line order, up to a
/// limit.
public struct DatasetError: Error, Sendable, CustomStringConvertible, LocalizedMessage {
    /// The problems, in file and line order.
    public var problems: [DatasetProblem]
    /// How many more problems were found beyond the limit and not listed.
    public var omitted: Int

    /// Creates the error.
    public init(problems: [DatasetProblem], omitted: Int = 0) {
        self.problems = problems
        self.omitted = omitted
    }

    /// Every problem on its own line, then the count of those left out.
    public var description: String { message(in: .english) }

    /// Every problem on its own line in `language`, then the count of those left out.
    public func message(in language: Language) -> String {
        var lines = problems.map { $0.message(in: language) }
        if omitted > 0 {
            lines.append(language == .chinese ? "……另有 \(omitted) 个问题未列出。" : "… and \(omitted) more problems.")
        }
        return lines.joined(separator: "\n")
    }
}
