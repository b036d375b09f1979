#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A hash table of strings looked up by their UTF-8 bytes, so a field is found without first
/// becoming a `String`, and each distinct text becomes one `String` that every row shares.
///
/// It serves two needs: the ids of a file (with the line each was first used on, to name a
/// duplicate) and repeated texts such as subdivision names (interned, so a million members in a
/// few hundred subdivisions hold a few hundred strings). It is smaller than a `Dictionary` of
/// `String` (4-byte slots, half full) and hashes bytes with a fast seeded mix instead of SipHash.
struct IdentifierTable {
    /// Per slot: 0 when empty, else the key's short hash in the high half and 1 + its index in
    /// the low half, so a probe rarely has to look at a key.
    private var slots: SlotStorage
    private var mask: Int
    /// The keys in the order they were added, with their lines.
    private(set) var keys: [String] = []
    private var lines: [Int32] = []
    /// The keys' bytes one after another, and where each starts (with the end as a last entry),
    /// to compare a field with a key without going through `String`.
    private var text: [UInt8] = []
    private var starts: [Int] = [0]
    /// The most keys the table takes; beyond it, ``intern(_:)`` makes strings without keeping them.
    private let limit: Int

    /// A seed drawn once per process, so no crafted dataset can make every id collide.
    private static let seed = UInt64.random(in: .min ... .max)

    init(capacity: Int = 16, limit: Int = Int(Int32.max) - 1) {
        self.limit = limit
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = SlotStorage(count: size)
        mask = size - 1
    }

    var count: Int { keys.count }

    /// Makes room for `count` keys without rehashing.
    mutating func reserve(_ count: Int) {
        let wanted = min(count, limit)
        keys.reserveCapacity(wanted)
        starts.reserveCapacity(wanted + 1)
        lines.reserveCapacity(wanted)
        if wanted * 2 > slots.count { rehash(minimumSlots: wanted * 2) }
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            index += 8
        }
        if index < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(base[index]) << shift
                shift += 8
                index += 1
            }
            h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        }
        h ^= h >> 29
        h &*= 0x94D0_49BB_1331_11EB
        h ^= h >> 32
        return h
    }

    /// The slot that holds `bytes`, or the empty slot where they would go.
    @inline(__always)
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, index: Int?) {
        let short = hash << 32
        var slot = Int(truncatingIfNeeded: hash >> 32) & mask
        let slots = self.slots.base
        return text.withUnsafeBufferPointer { text in
            starts.withUnsafeBufferPointer { starts in
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return (slot, nil) }
                    if entry & 0xFFFF_FFFF_0000_0000 == short {
                        let index = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                        let start = starts[index]
                        if starts[index + 1] - start == bytes.count,
                            let stored = text.baseAddress, let wanted = bytes.baseAddress,
                            memcmp(stored + start, wanted, bytes.count) == 0
                        {
                            return (slot, index)
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func rehash(minimumSlots: Int) {
        var size = slots.count
        while size < minimumSlots { size <<= 1 }
        slots = SlotStorage(count: size)
        mask = size - 1
        let slots = self.slots.base
        for (index, key) in keys.enumerated() {
            var copy = key
            let hash = copy.withUTF8 { Self.hash($0) }
            var slot = Int(truncatingIfNeeded: hash >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash << 32 | UInt64(index + 1)
        }
    }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int, line: Int) -> String {
        let key = String(decoding: bytes, as: UTF8.self)
        if !isKnownUniquelyReferenced(&slots) { slots = slots.copy() }
        keys.append(key)
        lines.append(Int32(clamping: line))
        text.append(contentsOf: bytes)
        starts.append(text.count)
        slots.base[slot] = hash << 32 | UInt64(keys.count)
        if keys.count * 2 > slots.count { rehash(minimumSlots: slots.count * 2) }
        return key
    }

    /// The key equal to `bytes`, if the table holds it.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let index = probe(bytes, hash: Self.hash(bytes)).index else { return nil }
        return keys[index]
    }

    /// The position (in the order added) of the key equal to `bytes`, if the table holds it.
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(bytes, hash: Self.hash(bytes)).index
    }

    /// The position of the key equal to `key`, if the table holds it.
    func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: $0) }
    }

    /// Adds an id used on `line`; when it was there already, returns the line it was first used
    /// on instead (0 for an id only guessed from a broken row).
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> (key: String, firstLine: Int?) {
        let hash = Self.hash(bytes)
        let (slot, index) = probe(bytes, hash: hash)
        if let index {
            guard lines[index] == 0 else { return (keys[index], Int(lines[index])) }
            if !isKnownUniquelyReferenced(&slots) { slots = slots.copy() }
            lines[index] = Int32(clamping: line)
            return (keys[index], nil)
        }
        return (add(bytes, hash: hash, slot: slot, line: line), nil)
    }

    /// The one shared `String` for `bytes`.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let hash = Self.hash(bytes)
        let (slot, index) = probe(bytes, hash: hash)
        if let index { return keys[index] }
        guard keys.count < limit else { return String(decoding: bytes, as: UTF8.self) }
        return add(bytes, hash: hash, slot: slot, line: 0)
    }
}

/// The slots of an ``IdentifierTable``: zeroed memory, in huge pages when large, since a table of
/// a million ids is probed at random and ordinary pages made every probe a TLB miss.
final class SlotStorage {
    let base: UnsafeMutablePointer<UInt64>
    let count: Int
    private let mapped: Bool

    init(count: Int) {
        self.count = count
        let bytes = count * MemoryLayout<UInt64>.stride
        if bytes >= 4 << 20,
            let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            memory != UnsafeMutableRawPointer(bitPattern: -1)
        {
            _ = madvise(memory, bytes, Int32(MADV_HUGEPAGE))
            base = memory.bindMemory(to: UInt64.self, capacity: count)
            mapped = true
        } else {
            base = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
            base.initialize(repeating: 0, count: count)
            mapped = false
        }
    }

    /// A copy, for a table copied and then changed.
    func copy() -> SlotStorage {
        let copy = SlotStorage(count: count)
        copy.base.update(from: base, count: count)
        return copy
    }

    deinit {
        if mapped {
            munmap(base, count * MemoryLayout<UInt64>.stride)
        } else {
            base.deallocate()
        }
    }
}
