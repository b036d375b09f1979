import PolicyKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The options several commands take and read the same way, declared once; each command lists
/// those it takes among its own `options`.
enum SharedOptions {
    /// `--jobs N`: communities decided at once, the number of cores when not given.
    static let jobs = Option<Int>(
        "jobs", "N", .wholeNumber(1...1024), default: { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) },
        help: "Communities decided at once (default: the number of cores).")

    /// `--module-path DIR`, repeatable: folders searched for modules before the usual ones.
    static let modulePath = Option<[String]>(
        repeatable: "module-path", "DIR", help: "Also look for modules in DIR (repeatable; searched first).")

    /// `--lang zh|en`: the language of the printed output and reports, with the command's own
    /// `help`; when not given, Chinese when `LANG` starts with `zh`, else English.
    static func lang(help: HelpText) -> Option<Language> {
        Option(
            "lang", "zh|en", .choice(Language.allCases.map { ($0.rawValue, $0) }),
            default: {
                if let lang = getenv("LANG"), String(cString: lang).hasPrefix("zh") { return .chinese }
                return .english
            }, help: help)
    }

    /// `--decision-timeout S`: the longest a module may spend on one subject, in seconds.
    static let decisionTimeout = Option<Double>(
        "decision-timeout", "S",
        OptionValue(takes: "a number of seconds from 0.1 to 86400") { text in
            guard let seconds = Double(text), seconds.isFinite, seconds >= 0.1, seconds <= 86_400 else { return nil }
            return seconds
        }, default: { 30 },
        help: "Stop with exit code 3 when a module spends longer than S seconds on one subject (default 30).")

    /// `--debug`: a crashing module's backtrace too.
    static let debug = Flag("debug", help: "When a module crashes, also show the runtime's backtrace.")

    /// The options `watchModules` reads, for the commands that run modules.
    static let moduleWatch: [any CommandOption] = [decisionTimeout, debug]
}
