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
    private var text = ByteStore()
    private var starts: [Int] = [0]
    /// The most keys the table takes; beyond it, ``intern(_:)`` makes strings without keeping them.
    private let limit: Int
    /// How many of the keys (the first ones) are in the slots.
    ///
    /// The others, added by ``insert(_:line:)`` each greater in byte order than every key before it (a file sorted by
    /// id), are not hashed yet: such a key cannot repeat an earlier one, so it needs no probe, and
    /// the slots are filled in one pass when the order breaks or lookups are about to start
    /// (``prepareForLookups()``). Until then, lookups find them by binary search.
    private var hashedCount = 0
    /// The position of the greatest key in byte order, so that a key greater still is new.
    private var greatest = -1
    /// How many keys ``reserve(_:)`` made room for, so that the slots are made that large at once.
    private var reservedKeys = 0
    /// The keys ``intern(_:)`` found lately, by their bytes (made when it is first called): a
    /// column's texts are few, and a row often repeats the one of the row before.
    private var recent: RecentKeys?

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
        reservedKeys = max(reservedKeys, wanted)
        // Room for the keys' bytes too, at the length of those so far.
        let length = keys.isEmpty ? 8 : (text.count + keys.count - 1) / keys.count
        if !isKnownUniquelyReferenced(&text) { text = text.copy() }
        text.reserve(min(wanted * length, Int(Int32.max)))
        // Unless keys are hashed already, the slots wait: a file sorted by id never needs them
        // while it is read.
        if hashedCount > 0, wanted * 2 > slots.count { rehash(minimumSlots: wanted * 2) }
    }

    @inline(__always)
    private static func mix(_ h: UInt64) -> UInt64 {
        let h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ h >> 31
    }

    /// A seeded hash of `bytes`, reading them a word at a time: a key of up to eight bytes takes
    /// one or two loads (overlapping when shorter), a longer one a load per eight bytes and a last
    /// one that overlaps the one before.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var h = seed ^ (UInt64(count) &* 0x9E37_79B9_7F4A_7C15)
        guard let base = bytes.baseAddress, count > 0 else { return h }
        let raw = UnsafeRawPointer(base)
        if count >= 8 {
            var index = 0
            while index + 8 < count {
                h = mix(h ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        } else if count >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            h = mix(h ^ (low | high << 32))
        } else {
            h = mix(h ^ (UInt64(base[0]) | UInt64(base[count >> 1]) << 8 | UInt64(base[count - 1]) << 16))
        }
        h ^= h >> 29
        h &*= 0x94D0_49BB_1331_11EB
        h ^= h >> 32
        return h
    }

    /// Whether the `count` bytes at `a` and at `b` are the same: short keys are compared a word
    /// at a time (overlapping), without a call to `memcmp`.
    @inline(__always)
    static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        let x = UnsafeRawPointer(a)
        let y = UnsafeRawPointer(b)
        if count >= 8 {
            guard count <= 16 else { return memcmp(a, b, count) == 0 }
            let last = count - 8
            return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
                && x.loadUnaligned(fromByteOffset: last, as: UInt64.self)
                    == y.loadUnaligned(fromByteOffset: last, as: UInt64.self)
        }
        if count >= 4 {
            let last = count - 4
            return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                && x.loadUnaligned(fromByteOffset: last, as: UInt32.self)
                    == y.loadUnaligned(fromByteOffset: last, as: UInt32.self)
        }
        for index in 0..<count where a[index] != b[index] { return false }
        return true
    }

    /// Whether the key at `index` is `bytes`.
    @inline(__always)
    private func key(_ index: Int, is bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            let start = starts[index]
            guard starts[index + 1] - start == bytes.count else { return false }
            guard let wanted = bytes.baseAddress else { return true }
            return Self.same(text.base + start, wanted, count: bytes.count)
        }
    }

    /// How `bytes` compare in byte order with the key at `index`: below 0 when they come before
    /// it, 0 when equal, above 0 after it.
    @inline(__always)
    private func order(_ bytes: UnsafeBufferPointer<UInt8>, toKey index: Int) -> Int {
        let stored = text.base
        return starts.withUnsafeBufferPointer { starts in
            let start = starts[index]
            let length = starts[index + 1] - start
            let common = min(length, bytes.count)
            if common > 0, let wanted = bytes.baseAddress {
                let x = UnsafeRawPointer(wanted)
                let y = UnsafeRawPointer(stored + start)
                var offset = 0
                // Eight bytes at a time, compared as big-endian numbers.
                while offset + 8 <= common {
                    let a = x.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    let b = y.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    if a != b { return UInt64(bigEndian: a) < UInt64(bigEndian: b) ? -1 : 1 }
                    offset += 8
                }
                while offset < common {
                    let a = wanted[offset]
                    let b = stored[start + offset]
                    if a != b { return a < b ? -1 : 1 }
                    offset += 1
                }
            }
            return bytes.count - length
        }
    }

    /// The slot that holds `bytes`, or the empty slot where they would go, among the hashed keys.
    @inline(__always)
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, index: Int?) {
        let short = hash << 32
        var slot = Int(truncatingIfNeeded: hash >> 32) & mask
        let slots = self.slots.base
        let stored = text.base
        return starts.withUnsafeBufferPointer { starts in
            while true {
                let entry = slots[slot]
                if entry == 0 { return (slot, nil) }
                if entry & 0xFFFF_FFFF_0000_0000 == short {
                    let index = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    let start = starts[index]
                    if starts[index + 1] - start == bytes.count,
                        let wanted = bytes.baseAddress, Self.same(stored + start, wanted, count: bytes.count)
                    {
                        return (slot, index)
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The position of the key equal to `bytes` among those not hashed yet (sorted), by binary
    /// search.
    private func pendingIndex(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var low = hashedCount
        var high = count
        while low < high {
            let middle = low + (high - low) / 2
            let sign = order(bytes, toKey: middle)
            if sign == 0 { return middle }
            if sign < 0 { high = middle } else { low = middle + 1 }
        }
        return nil
    }

    /// Puts the keys not hashed yet into the slots, so that lookups take one probe.
    ///
    /// Lookups are right without it, only slower; call it before a table is shared for reading.
    mutating func prepareForLookups() {
        guard hashedCount < count else { return }
        let needed = max(count, reservedKeys) * 2
        if needed > slots.count {
            rehash(minimumSlots: needed)
            return
        }
        if !isKnownUniquelyReferenced(&slots) { slots = slots.copy() }
        fillSlots(from: hashedCount)
    }

    /// Puts the keys from `first` on into the slots, which have room for them.
    private mutating func fillSlots(from first: Int) {
        let slots = self.slots.base
        let mask = self.mask
        let stored = text.base
        starts.withUnsafeBufferPointer { starts in
            for index in first..<keys.count {
                let start = starts[index]
                let hash = Self.hash(UnsafeBufferPointer(start: stored + start, count: starts[index + 1] - start))
                var slot = Int(truncatingIfNeeded: hash >> 32) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = hash << 32 | UInt64(index + 1)
            }
        }
        hashedCount = keys.count
    }

    private mutating func rehash(minimumSlots: Int) {
        var size = slots.count
        while size < minimumSlots { size <<= 1 }
        slots = SlotStorage(count: size)
        mask = size - 1
        fillSlots(from: 0)
    }

    /// Appends a key, leaving it out of the slots (the caller puts it in, or it waits).
    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> String {
        let key = makeString(bytes)
        keys.append(key)
        lines.append(Int32(clamping: line))
        if !isKnownUniquelyReferenced(&text) { text = text.copy() }
        text.append(bytes)
        starts.append(text.count)
        return key
    }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int, line: Int) -> String {
        if !isKnownUniquelyReferenced(&slots) { slots = slots.copy() }
        let key = append(bytes, line: line)
        slots.base[slot] = hash << 32 | UInt64(keys.count)
        hashedCount = keys.count
        if keys.count * 2 > slots.count { rehash(minimumSlots: slots.count * 2) }
        return key
    }

    /// The key equal to `bytes`, if the table holds it.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let index = index(of: bytes) else { return nil }
        return keys[index]
    }

    /// The position (in the order added) of the key equal to `bytes`, if the table holds it.
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if hashedCount > 0, let index = probe(bytes, hash: Self.hash(bytes)).index { return index }
        return hashedCount < count ? pendingIndex(of: bytes) : nil
    }

    /// The position of the key equal to `key`, if the table holds it.
    func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: $0) }
    }

    /// The position of the key equal to `key`, trying first the one added after the key at
    /// `previous` (the position found for the row before), so that rows in the order the keys were
    /// added need no hashing.
    func index(of key: String, after previous: Int) -> Int? {
        var key = key
        return key.withUTF8 { bytes in
            let next = previous + 1
            if next >= 0, next < count, self.key(next, is: bytes) { return next }
            return index(of: bytes)
        }
    }

    /// Adds an id used on `line`; when it was there already, returns the line it was first used
    /// on instead (0 for an id only guessed from a broken row).
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> (key: String, firstLine: Int?) {
        // An id greater than every one before (ids in increasing order, the usual case) cannot
        // repeat one: no probe.
        let sign = greatest < 0 ? 1 : order(bytes, toKey: greatest)
        if sign > 0 {
            greatest = count
            return (append(bytes, line: line), nil)
        }
        if sign == 0 { return found(greatest, line: line) }
        prepareForLookups()
        let hash = Self.hash(bytes)
        let (slot, index) = probe(bytes, hash: hash)
        if let index { return found(index, line: line) }
        return (add(bytes, hash: hash, slot: slot, line: line), nil)
    }

    /// The answer to inserting the key at `index` again, on `line`.
    private mutating func found(_ index: Int, line: Int) -> (key: String, firstLine: Int?) {
        guard lines[index] == 0 else { return (keys[index], Int(lines[index])) }
        lines[index] = Int32(clamping: line)
        return (keys[index], nil)
    }

    /// The one shared `String` for `bytes`.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let short = RecentKeys.Key(bytes)
        if let recent, let index = recent.find(short) { return keys[index] }
        if hashedCount < count { prepareForLookups() }
        let hash = Self.hash(bytes)
        let (slot, index) = probe(bytes, hash: hash)
        if let index {
            remember(short, index)
            return keys[index]
        }
        guard keys.count < limit else { return String(decoding: bytes, as: UTF8.self) }
        remember(short, keys.count)
        return add(bytes, hash: hash, slot: slot, line: 0)
    }

    /// Notes that the key at `index` has the short form `short`.
    private mutating func remember(_ short: RecentKeys.Key, _ index: Int) {
        guard short.isExact else { return }
        if recent == nil {
            recent = RecentKeys()
        } else if !isKnownUniquelyReferenced(&recent) {
            recent = recent?.copy()
        }
        recent?.note(short, index)
    }
}

/// The bytes of an ``IdentifierTable``'s keys one after another: plain memory, since an array's
/// append of a few bytes cost more than the rest of adding a key.
final class ByteStore {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    /// Makes room for `total` bytes in all.
    func reserve(_ total: Int) {
        guard total > capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: total)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = total
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { reserve(max(count + bytes.count, capacity * 2)) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// A copy, for a table copied and then changed.
    func copy() -> ByteStore {
        let copy = ByteStore(capacity: capacity)
        copy.append(UnsafeBufferPointer(start: base, count: count))
        return copy
    }

    deinit { base.deallocate() }
}

/// The keys an ``IdentifierTable`` interned lately, found from their bytes without hashing them
/// in full or comparing them with the stored keys: each key of up to 16 bytes has an exact short
/// form (its length and two words), and a small direct-mapped cache maps it to the key's position.
final class RecentKeys {
    /// A text of up to 16 bytes as its length and two words that hold every byte.
    ///
    /// The words overlap when the text is shorter; two such texts are equal exactly when their
    /// keys are. Longer texts are not exact, and never cached.
    struct Key: Equatable {
        var count: Int
        var head: UInt64
        var tail: UInt64

        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            count = bytes.count
            head = 0
            tail = 0
            guard let base = bytes.baseAddress, count > 0, count <= 16 else { return }
            let raw = UnsafeRawPointer(base)
            if count >= 8 {
                head = raw.loadUnaligned(as: UInt64.self)
                tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else if count >= 4 {
                head = UInt64(raw.loadUnaligned(as: UInt32.self))
                tail = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            } else {
                head = UInt64(base[0]) | UInt64(base[count >> 1]) << 8 | UInt64(base[count - 1]) << 16
            }
        }

        /// Whether the key stands for its text exactly.
        var isExact: Bool { count > 0 && count <= 16 }

        /// Where the key goes in the cache.
        @inline(__always)
        var bucket: Int {
            let mixed = (head &* 0x9E37_79B9_7F4A_7C15 ^ tail &+ UInt64(count)) &* 0xBF58_476D_1CE4_E5B9
            return Int(truncatingIfNeeded: mixed >> (64 - RecentKeys.bits))
        }
    }

    private static let bits = 8
    private let keys: UnsafeMutablePointer<Key>
    private let positions: UnsafeMutablePointer<Int>

    init() {
        let size = 1 << Self.bits
        keys = .allocate(capacity: size)
        keys.initialize(repeating: Key(UnsafeBufferPointer(start: nil, count: 0)), count: size)
        positions = .allocate(capacity: size)
        positions.initialize(repeating: -1, count: size)
    }

    /// The position of the key with the short form `key`, if cached.
    @inline(__always)
    func find(_ key: Key) -> Int? {
        guard key.isExact else { return nil }
        let bucket = key.bucket
        return keys[bucket] == key ? positions[bucket] : nil
    }

    /// Caches the position of the key with the exact short form `key`.
    func note(_ key: Key, _ position: Int) {
        let bucket = key.bucket
        keys[bucket] = key
        positions[bucket] = position
    }

    /// A copy, for a table copied and then changed.
    func copy() -> RecentKeys {
        let copy = RecentKeys()
        copy.keys.update(from: keys, count: 1 << Self.bits)
        copy.positions.update(from: positions, count: 1 << Self.bits)
        return copy
    }

    deinit {
        keys.deallocate()
        positions.deallocate()
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
