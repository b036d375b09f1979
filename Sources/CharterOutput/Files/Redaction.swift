/// Masks personal data for a report that leaves the district office (`--redact`).
public enum Redaction {
    /// A name with all but its first character masked: 张三丰 → 张**.
    public static func name(_ name: String) -> String {
        guard let first = name.first else { return name }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }

    /// A phone number with all but its first three and last two digits masked.
    public static func phone(_ phone: String) -> String {
        let characters = Array(phone)
        guard characters.count > 5 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 5)
            + String(characters.suffix(2))
    }
}
