import PolicyKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The options several commands take and read the same way, declared once; each command lists
/// those it takes among its own `options`.
enum SharedOptions {
    /// The number of cores, the default of every `--jobs`.
    static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// `--jobs N`: communities decided at once, the number of cores when not given.
    static let jobs = Option<Int>(
        "jobs", "N", .wholeNumber(1...1024), default: { cores },
        help: HelpText(
            en: "Communities decided at once (default: the number of cores).",
            zh: "同时决策的社区数（默认：处理器核数）。"))

    /// `--module-path DIR`, repeatable: folders searched for modules before the usual ones.
    static let modulePath = Option<[String]>(
        repeatable: "module-path", "DIR",
        help: HelpText(
            en: "Also look for modules in DIR (repeatable; searched first).",
            zh: "同时在 DIR 中查找政策模块（可重复给出；最先查找）。"))

    /// `--lang zh|en`, which every command takes: the language of its `--help`, its messages and
    /// what it writes in a language; when not given, the locale's (`Language.chosen`).
    ///
    /// `help` says what the language is of, for the command; the default is said after it.
    static func lang(help: HelpText) -> Option<Language> {
        Option(
            "lang", "zh|en", .choice(Language.allCases.map { ($0.rawValue, $0) }),
            default: { Language.chosen(given: nil) },
            help: HelpText(
                en: help.en + " Default: zh when LC_ALL, else LANG, is a zh locale (zh_CN.UTF-8), else en.",
                zh: help.zh + "默认：LC_ALL（未设置时为 LANG）是 zh 区域设置（如 zh_CN.UTF-8）时为 zh，否则为 en。"))
    }

    /// `--lang` for a command that writes nothing in a language: its `--help` and messages.
    static let messagesLang = lang(
        help: HelpText(en: "Language of this help and of the messages.", zh: "本帮助和提示信息的语言。"))

    /// `--decision-timeout S`: the longest a module may spend on one subject, in seconds.
    static let decisionTimeout = Option<Double>(
        "decision-timeout", "S",
        OptionValue(
            takes: HelpText(en: "a number of seconds from 0.1 to 86400", zh: "0.1 到 86400 之间的秒数")
        ) { text in
            guard let seconds = Double(text), seconds.isFinite, seconds >= 0.1, seconds <= 86_400 else { return nil }
            return seconds
        }, default: { 30 },
        help: HelpText(
            en: "Stop with exit code 3 when a module spends longer than S seconds on one subject (default 30).",
            zh: "政策模块对一个对象的决策超过 S 秒时停止，退出码为 3（默认 30）。"))

    /// `--debug`: a crashing module's backtrace too.
    static let debug = Flag(
        "debug",
        help: HelpText(
            en: "When a module crashes, also show the runtime's backtrace.", zh: "政策模块崩溃时，同时显示运行时的调用栈。"))

    /// The options `watchModules` reads, for the commands that run modules.
    static let moduleWatch: [any CommandOption] = [decisionTimeout, debug]
}
