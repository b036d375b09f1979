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

    /// The style sheet, with `footer` in the bottom-left of every printed page.
    static func css(footer: String, language: Language) -> String {
        let pageNumber =
            language == .chinese
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
    static func page(title: String, footer: String, language: Language, body: HTML) -> HTML {
        let lang = language == .chinese ? "zh-CN" : "en"
        let style = HTML.trusted(css(footer: footer, language: language))
        return """
            <!DOCTYPE html>
            <html lang="\(lang)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>
            \(style)
            </style></head><body>
            \(body)</body></html>

            """
    }
}

extension String {
    /// The text with its double quotes and backslashes escaped, for a CSS string.
    func replacingQuotes() -> String {
        var text = ""
        for character in self {
            if character == "\"" || character == "\\" { text.append("\\") }
            if character == "\n" || character == "<" { continue }
            text.append(character)
        }
        return text
    }
}
