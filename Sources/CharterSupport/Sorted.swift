extension RandomAccessCollection {
    /// Whether the elements are already in the order `areInIncreasingOrder` gives.
    @inlinable
    package func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        var previous = startIndex
        for index in indices.dropFirst() {
            if areInIncreasingOrder(self[index], self[previous]) { return false }
            previous = index
        }
        return true
    }
}
