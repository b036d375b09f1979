#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Whether this string sorts before `other` by UTF-8 bytes, the order of every sort in the
    /// data contract (`#10` before `#2`; no locale, no Unicode normalisation).
    @inlinable
    public func utf8Precedes(_ other: String) -> Bool {
        let fast: Bool? =
            utf8.withContiguousStorageIfAvailable { left in
                other.utf8.withContiguousStorageIfAvailable { right in
                    let common = min(left.count, right.count)
                    if common > 0, let a = left.baseAddress, let b = right.baseAddress {
                        let order = memcmp(a, b, common)
                        if order != 0 { return order < 0 }
                    }
                    return left.count < right.count
                }
            } ?? nil
        return fast ?? utf8.lexicographicallyPrecedes(other.utf8)
    }
}

extension Sequence where Element == String {
    /// The strings sorted by their UTF-8 bytes.
    ///
    /// Lists that are in order already (most are: ids read in file order) are only checked.
    public func sortedByUTF8() -> [String] {
        let strings = Array(self)
        for index in strings.indices.dropFirst() where strings[index].utf8Precedes(strings[index - 1]) {
            return strings.sorted { $0.utf8Precedes($1) }
        }
        return strings
    }
}
