extension String {
    /// Whether this string sorts before `other` by UTF-8 bytes, the order of every sort in the
    /// data contract (`#10` before `#2`; no locale, no Unicode normalisation).
    @inlinable
    public func utf8Precedes(_ other: String) -> Bool {
        var lhs = self
        var rhs = other
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                for index in 0..<common where left[index] != right[index] {
                    return left[index] < right[index]
                }
                return left.count < right.count
            }
        }
    }
}

extension Sequence where Element == String {
    /// The strings sorted by their UTF-8 bytes.
    public func sortedByUTF8() -> [String] { sorted { $0.utf8Precedes($1) } }
}
