import PolicyKit

/// What every page Charter writes for people shares: the fonts, the screen and print styles, and
/// the page's frame.
///
/// Pages are self-contained (no scripts, no network) and print on A4: a page footer gives the
/// district, the date the data is taken to and the page number; navigation is left out of print;
/// headings stay with what follows them, and tables repeat their header on each page.
enum PageStyle {
    /// The font stack: the CJK fonts of Linux, macOS and Windows, then the system's.
    static let fonts =
        "\"Noto Sans CJK SC\",\"Noto Sans SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",\"PingFang SC\",\"Microsoft YaHei\",system-ui,sans-serif"

    /// The style sheet, with `footer` in the bottom-left of every printed page, and the page
    /// number in the bottom-right unless `pageNumbers` is off (a file of letters, each a page of
    /// its own, is not one document).
    static func css(footer: String, language: Language, pageNumbers: Bool = true) -> String {
        let pageNumber =
            !pageNumbers
            ? "none"
            : language == .chinese
                ? "\"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\""
                : "\"Page \" counter(page) \" of \" counter(pages)"
        return """
            body{font-family:\(fonts);margin:0;color:#1f2328;background:#f6f7f9;line-height:1.5}
            header{background:#a4161a;color:#fff;padding:18px 28px}header h1{margin:0;font-size:24px}header p{margin:4px 0 0}
            header a{color:#fff}
            nav{padding:8px 28px;background:#fff;border-bottom:1px solid #d8dbe0;font-size:14px}nav a{margin-right:14px}
            main{padding:12px 28px;max-width:1100px}
            section{background:#fff;border:1px solid #d8dbe0;border-radius:6px;padding:14px 20px;margin:16px 0}
            h2{font-size:20px;margin:0 0 8px}h3{font-size:16px;margin:14px 0 6px}
            table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #d8dbe0;padding:3px 8px;text-align:left;font-size:14px;vertical-align:top}
            th{background:#f0f2f5;white-space:nowrap}td.number,th.number{text-align:right}
            .tag{display:inline-block;border-radius:4px;padding:0 6px;margin-right:6px;font-size:13px;background:#eef1f5}
            .gaps{background:#fde2e1;color:#8a1c1c}.complete{background:#dff3e4;color:#1a5e2a}
            ul.tree{margin:4px 0;padding-left:20px}.muted{color:#656d76;font-size:13px}
            svg.chart text{font-size:12px;fill:#1f2328;font-family:inherit}
            .keep{break-inside:avoid}
            @page{size:A4;margin:16mm 14mm 18mm 14mm;
            @bottom-left{content:"\(footer.replacingQuotes())";font-size:8pt;color:#555}
            @bottom-right{content:\(pageNumber);font-size:8pt;color:#555}}
            @media print{
            body{background:#fff;font-size:10.5pt}
            header{background:none;color:#1f2328;padding:0 0 6px;border-bottom:2px solid #a4161a}header a{color:#1f2328}
            nav,.screen-only{display:none}
            main{padding:0;max-width:none}
            section{border:none;border-radius:0;padding:0;margin:0 0 6mm}
            h2,h3{break-after:avoid}
            thead{display:table-header-group}tr{break-inside:avoid}
            a{color:inherit;text-decoration:none}
            .page-break{break-before:page}
            }
            """
    }

    /// A whole page: its head with `title`, then `body`.
    static func page(
        title: String, footer: String, language: Language, pageNumbers: Bool = true, body: HTML
    ) -> HTML {
        start(title: title, footer: footer, language: language, pageNumbers: pageNumbers) + body + end
    }

    /// A page's beginning, up to and with `<body>` (for a page written in pieces).
    static func start(title: String, footer: String, language: Language, pageNumbers: Bool = true) -> HTML {
        let lang = language == .chinese ? "zh-CN" : "en"
        let style = HTML.trusted(css(footer: footer, language: language, pageNumbers: pageNumbers))
        return """
            <!DOCTYPE html>
            <html lang="\(lang)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>
            \(style)
            </style></head><body>

            """
    }

    /// A page's end.
    static let end: HTML = "</body></html>\n"
}

extension String {
    /// The text as the inside of a CSS string: every ASCII character but letters, digits and the
    /// space written as an escape (`\22 `), so that nothing in it (a quote, a line end, a form
    /// feed, `<`, a backslash) can end the string or the style sheet; other characters as they are.
    func replacingQuotes() -> String {
        var text = ""
        for scalar in unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                let plain =
                    (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                    || value == 0x20
                if plain {
                    text.unicodeScalars.append(scalar)
                } else {
                    text += "\\" + String(value, radix: 16) + " "
                }
            } else if scalar.value == 0x2028 || scalar.value == 0x2029 {
                text += "\\" + String(scalar.value, radix: 16) + " "
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
