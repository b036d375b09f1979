import PolicyKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension Language {
    /// The language `charter` speaks: the one `--lang` names, else the one the locale names.
    ///
    /// The locale is `LC_ALL` when it is set and not empty, else `LANG`, as the C library reads
    /// them: a `zh` locale (`zh`, `zh_CN.UTF-8`, `zh_TW`, `zh@…`) is Chinese, anything else
    /// (`C.UTF-8`, `en_GB`, unset) English. A `--lang` value that is neither `zh` nor `en` counts
    /// as not given here; the command refuses it as a usage error, said in the locale's language.
    ///
    /// The one place the language of `--help`, messages and output is decided.
    static func chosen(given: String?, environment: (_ variable: String) -> String?) -> Language {
        if let given, let language = Language(rawValue: given) { return language }
        for variable in ["LC_ALL", "LANG"] {
            guard let locale = environment(variable), !locale.isEmpty else { continue }
            let name = locale.prefix { !"_.@".contains($0) }
            return name == "zh" ? .chinese : .english
        }
        return .english
    }

    /// The language `charter` speaks in this process: `given` (a `--lang` value), else the
    /// process's locale variables.
    static func chosen(given: String?) -> Language {
        chosen(given: given) { variable in getenv(variable).map { String(cString: $0) } }
    }

    /// The value of the last `--lang V` or `--lang=V` in `arguments`, if any.
    ///
    /// Read before the command line is parsed, so that a usage error, or `--help`, is already
    /// in the language the command line asks for.
    static func given(in arguments: [String]) -> String? {
        var value: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--lang", index < arguments.count {
                value = arguments[index]
                index += 1
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
            }
        }
        return value
    }
}
