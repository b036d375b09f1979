import PolicyKit

/// A command's `--help`: its usage lines and options written from the declarations, around the
/// prose the command writes itself.
struct CommandHelp: Sendable {
    /// One way to call the command, for a usage line: the words after the command's name, then
    /// its options, each bracketed unless required (`[--jobs N]`, `[--module-path DIR]...`).
    struct Form: Sendable {
        /// Subcommand and operands, as the usage line shows them (`check FILE`, `PATH...`).
        let words: String
        /// A flag that selects this form, shown without brackets right after `words`.
        let selectedBy: Flag?
        /// The options the usage line shows, in its order.
        let options: [any CommandOption]

        /// A form with `words`, then `options`.
        static func form(_ words: String, _ options: [any CommandOption]) -> Form {
            Form(words: words, selectedBy: nil, options: options)
        }

        /// A form with the flag `selectedBy` if any, then `options`.
        static func form(selectedBy: Flag? = nil, _ options: [any CommandOption]) -> Form {
            Form(words: "", selectedBy: selectedBy, options: options)
        }
    }

    /// The ways to call the command, a usage line each.
    let usage: [Form]
    /// What the command does, between the usage lines and the options; written as it is shown.
    let about: HelpText
    /// What follows the options (notes, exit codes); written as it is shown.
    let after: HelpText

    /// The width `--help` is wrapped to, in terminal columns.
    static let width = 96

    /// The whole `--help` of the command `name`, whose options are `options`, in `language`.
    func text(command name: String, options: [any CommandOption], in language: Language) -> String {
        let optionsHeading = HelpText(en: "Options:", zh: "选项：")
        return [
            usageLines(command: name, in: language),
            about.text(in: language),
            optionsHeading.text(in: language) + "\n" + Self.optionList(options, in: language),
            after.text(in: language),
        ].joined(separator: "\n\n")
    }

    /// The usage lines, each wrapped below its own start.
    func usageLines(command name: String, in language: Language) -> String {
        let heading = HelpText(en: "Usage:", zh: "用法：").text(in: language) + (language == .chinese ? "" : " ")
        var lines: [String] = []
        for (number, form) in usage.enumerated() {
            var items = ["charter", name]
            if !form.words.isEmpty { items.append(form.words) }
            if let flag = form.selectedBy { items.append(flag.synopsis) }
            for option in form.options {
                var item = option.isRequired ? option.synopsis : "[\(option.synopsis)]"
                if option.isRepeatable, option.placeholder != nil { item += "..." }
                items.append(item)
            }
            let lead = number == 0 ? heading : String(repeating: " ", count: heading.terminalWidth)
            let start = lead + items[0] + " " + items[1]
            let indent = String(repeating: " ", count: start.terminalWidth + 1)
            var line = start
            for item in items.dropFirst(2) {
                if line.terminalWidth + 1 + item.terminalWidth > Self.width, line != start {
                    lines.append(line)
                    line = indent + item
                } else {
                    line += " " + item
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The options, one after another: `--name VALUE` in a column, the help wrapped beside it.
    static func optionList(_ options: [any CommandOption], in language: Language) -> String {
        let widest = options.map { $0.synopsis.terminalWidth }.max() ?? 0
        // The help starts two columns after the widest name; a name too wide for a sensible
        // column gets its help on the lines below it.
        let column = 2 + min(widest, 26) + 2
        var lines: [String] = []
        for option in options {
            let name = "  " + option.synopsis
            let help = wrapped(option.help.text(in: language), width: width - column)
            let indent = String(repeating: " ", count: column)
            var rest = help[...]
            if name.terminalWidth + 2 <= column, let first = rest.first {
                lines.append(name + String(repeating: " ", count: column - name.terminalWidth) + first)
                rest = rest.dropFirst()
            } else {
                lines.append(name)
            }
            lines += rest.map { indent + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` in lines of at most `width` columns, broken at spaces, or between two characters
    /// that are each two columns wide (Chinese has no spaces between words).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            for piece in word.breakableWidePieces() {
                let joint = line.isEmpty || piece.joinsWithoutSpace ? "" : " "
                if !line.isEmpty, line.terminalWidth + joint.count + piece.text.terminalWidth > width {
                    lines.append(line)
                    line = piece.text
                } else {
                    line += joint + piece.text
                }
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension Substring {
    /// The word cut where a line may break inside it.
    ///
    /// A line may break before each wide character that follows another wide one, except before a
    /// closing punctuation mark or after an opening one. Every piece but the first joins the one
    /// before without a space.
    fileprivate func breakableWidePieces() -> [(text: String, joinsWithoutSpace: Bool)] {
        var pieces: [(text: String, joinsWithoutSpace: Bool)] = []
        var current = ""
        var previousWide = false
        var previousOpens = false
        for character in self {
            let wide = character.unicodeScalars.first.map(\.isWide) ?? false
            if wide, previousWide, !previousOpens, !current.isEmpty, !"，。、；：？！）》」』".contains(character) {
                pieces.append((current, !pieces.isEmpty))
                current = ""
            }
            current.append(character)
            previousWide = wide
            previousOpens = "（《「『".contains(character)
        }
        if !current.isEmpty { pieces.append((current, !pieces.isEmpty)) }
        return pieces
    }
}
