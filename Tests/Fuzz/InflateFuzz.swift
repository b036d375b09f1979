// The libFuzzer target `inflate` (scripts/fuzz.sh inflate): raw DEFLATE decompression and CRC-32.
// Built with the sources of CharterWorkbook (so it sees their internal API), never by SwiftPM.
import PolicyKit

#if canImport(Glibc)
    import Glibc
#endif

/// Inflates fuzzed bytes, and checks what inflates.
///
/// Any input must give an output or an error, never a trap; an error's offset lies within the
/// input. An output must stay within the limits, come again from the same bytes inside a larger
/// buffer, be refused when the expected size is one byte less, and inflate back from stored
/// blocks that hold it. Its CRC-32 is the same taken whole and in two pieces.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInflate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = Inflate.Limits(maxOutput: 1 << 18, maxRatio: 1100, ratioGrace: 1 << 14)
    let output: [UInt8]
    do {
        output = try Inflate.decompress(bytes, limits: limits)
    } catch {
        guard (0...size).contains(error.offset), !error.message(in: .chinese).isEmpty else {
            fail("An error's offset \(error.offset) lies outside the \(size) bytes: \(error)")
        }
        return 0
    }
    guard output.count <= limits.maxOutput else { fail("\(output.count) bytes of output pass the limit.") }
    let padded = [0x55] + bytes + [0xAA]
    guard (try? Inflate.decompress(padded[1..<(size + 1)], limits: limits)) == output else {
        fail("The same bytes inside a larger buffer inflate differently.")
    }
    if !output.isEmpty {
        guard (try? Inflate.decompress(bytes, limits: limits, expectedSize: output.count - 1)) == nil else {
            fail("An output of \(output.count) bytes passed an expected size one byte smaller.")
        }
    }
    guard (try? Inflate.decompress(bytes, limits: limits, expectedSize: output.count)) == output else {
        fail("The output does not inflate again with its own size expected.")
    }
    guard (try? Inflate.decompress(storedBlocks(output), limits: limits)) == output else {
        fail("The output, written as stored blocks, does not inflate back to itself.")
    }
    var crc = CRC32()
    crc.update(output.prefix(size % 97))
    crc.update(output.dropFirst(size % 97))
    guard crc.value == CRC32.checksum(output) else { fail("The CRC-32 in two pieces differs from the whole.") }
    return 0
}

/// `bytes` as a DEFLATE stream of stored blocks.
func storedBlocks(_ bytes: [UInt8]) -> [UInt8] {
    var stream: [UInt8] = []
    var start = 0
    repeat {
        let end = min(start + 65535, bytes.count)
        let length = end - start
        stream += [end == bytes.count ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8)]
        stream += [UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
        stream += bytes[start..<end]
        start = end
    } while start < bytes.count
    return stream
}

func fail(_ message: String) -> Never {
    print(message)
    abort()
}
