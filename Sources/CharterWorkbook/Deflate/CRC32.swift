/// The CRC-32 of zip entries (and gzip, PNG): the IEEE 802.3 polynomial, reflected, `0xEDB88320`.
///
/// A zip entry's checksum is of its uncompressed bytes, so a reader that checks it knows the
/// inflated part is the one that was stored.
public struct CRC32: Hashable, Sendable {
    /// The checksum of the bytes given so far.
    public private(set) var value: UInt32 = 0

    /// Creates the checksum of no bytes (0).
    public init() {}

    /// Adds `bytes` to the checksum.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let table = Self.table
        var crc = ~value
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            table.withUnsafeBufferPointer { table in
                for byte in buffer { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            }
        }
        if contiguous == nil {
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        value = ~crc
    }

    /// The checksum of `bytes`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    /// The checksum of each byte value, the remainder of one byte's division.
    static let table: [UInt32] = (0..<256).map { byte in
        var value = UInt32(byte)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }
}
