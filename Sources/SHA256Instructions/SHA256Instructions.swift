#if arch(x86_64)
    import _Builtin_intrinsics.intel
#endif

/// SHA-256's compression function on the processor's own SHA instructions (the x86-64 SHA
/// extensions), about five times the speed of the portable Swift rounds.
///
/// This module is built with those instructions (and SSE4.1) turned on, so it holds this function
/// and nothing else: no code here may run on a processor without them. CharterData checks the
/// processor (`cpuid`) in code built without the flags, and calls ``compress(state:blocks:count:)``
/// only when it has them. On another architecture the module is empty.
public enum SHA256Instructions {
    #if arch(x86_64)
        /// Hashes `count` whole 64-byte blocks at `blocks` into `state`.
        ///
        /// `state` holds the eight working words a…h. Call only on a processor with the SHA
        /// extensions, SSSE3 and SSE4.1.
        public static func compress(state: UnsafeMutablePointer<UInt32>, blocks: UnsafeRawPointer, count: Int) {
            compressWithExtensions(state: state, blocks: blocks, count: count)
        }
    #endif
}

#if arch(x86_64)
    /// The four 32-bit words of a vector.
    @inline(__always)
    private func words(_ vector: __m128i) -> SIMD4<UInt32> { unsafeBitCast(vector, to: SIMD4<UInt32>.self) }

    /// A vector of four 32-bit words.
    @inline(__always)
    private func vector(_ words: SIMD4<UInt32>) -> __m128i { unsafeBitCast(words, to: __m128i.self) }

    /// The words of `x` in the order given (`pshufd`; the intrinsic is a C macro Swift cannot
    /// import).
    @inline(__always)
    private func shuffle(_ x: __m128i, _ i0: Int, _ i1: Int, _ i2: Int, _ i3: Int) -> __m128i {
        let w = words(x)
        return vector(SIMD4(w[i0], w[i1], w[i2], w[i3]))
    }

    /// The last three words of `low` followed by the first of `high` (`palignr` by four bytes).
    @inline(__always)
    private func alignByOneWord(_ high: __m128i, _ low: __m128i) -> __m128i {
        let h = words(high)
        let l = words(low)
        return vector(SIMD4(l[1], l[2], l[3], h[0]))
    }

    /// The round constants of group `group` (rounds 4·group to 4·group+3), in the order
    /// `_mm_sha256rnds2_epu32` takes them: written as code, so that this module holds no array
    /// or other library code built with the extra instructions.
    @inline(__always)
    private func roundConstants(_ group: Int) -> __m128i {
        func words(_ k0: UInt32, _ k1: UInt32, _ k2: UInt32, _ k3: UInt32) -> __m128i {
            _mm_set_epi32(Int32(bitPattern: k3), Int32(bitPattern: k2), Int32(bitPattern: k1), Int32(bitPattern: k0))
        }
        switch group {
        case 0: return words(0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5)
        case 1: return words(0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5)
        case 2: return words(0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3)
        case 3: return words(0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174)
        case 4: return words(0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc)
        case 5: return words(0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da)
        case 6: return words(0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7)
        case 7: return words(0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967)
        case 8: return words(0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13)
        case 9: return words(0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85)
        case 10: return words(0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3)
        case 11: return words(0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070)
        case 12: return words(0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5)
        case 13: return words(0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3)
        case 14: return words(0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208)
        default: return words(0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2)  // group 15
        }
    }

    /// The compression loop: the state is kept as the two vectors the instructions work on
    /// (ABEF and CDGH), and the message schedule as four vectors of four words, each group of
    /// four rounds computing the next group's words as it goes.
    private func compressWithExtensions(state: UnsafeMutablePointer<UInt32>, blocks: UnsafeRawPointer, count: Int) {
        // Reverses the bytes of each 32-bit word: the message is big-endian.
        let byteSwap = _mm_set_epi64x(0x0c0d_0e0f_0809_0a0b, 0x0405_0607_0001_0203)
        let raw = UnsafeRawPointer(state)
        let dcba = shuffle(_mm_loadu_si128(raw.assumingMemoryBound(to: __m128i.self)), 1, 0, 3, 2)
        let efgh = shuffle(_mm_loadu_si128((raw + 16).assumingMemoryBound(to: __m128i.self)), 3, 2, 1, 0)
        var abef = __m128i(efgh[1], dcba[0])
        var cdgh = __m128i(efgh[0], dcba[1])

        for index in 0..<count {
            let block = blocks + index * 64
            func word(_ group: Int) -> __m128i {
                _mm_shuffle_epi8(
                    _mm_loadu_si128((block + group * 16).assumingMemoryBound(to: __m128i.self)), byteSwap)
            }
            let savedABEF = abef
            let savedCDGH = cdgh
            var w0 = word(0)
            var w1 = word(1)
            var w2 = word(2)
            var w3 = word(3)

            /// Four rounds on `current` (the words of group `group`). From group 3 to 14 it
            /// also finishes the words of group `group + 1` in `next` from `previous`
            /// (`sha256msg2`), and from group 1 to 12 starts those of group `group + 3` in
            /// `previous` (`sha256msg1`).
            @inline(__always)
            func rounds(
                _ group: Int, _ current: __m128i, _ previous: inout __m128i, _ next: inout __m128i
            ) {
                var message = _mm_add_epi32(current, roundConstants(group))
                cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
                if group >= 3 && group <= 14 {
                    next = _mm_sha256msg2_epu32(_mm_add_epi32(next, alignByOneWord(current, previous)), current)
                }
                message = shuffle(message, 2, 3, 0, 0)
                abef = _mm_sha256rnds2_epu32(abef, cdgh, message)
                if group >= 1 && group <= 12 {
                    previous = _mm_sha256msg1_epu32(previous, current)
                }
            }

            rounds(0, w0, &w3, &w1)
            rounds(1, w1, &w0, &w2)
            rounds(2, w2, &w1, &w3)
            rounds(3, w3, &w2, &w0)
            rounds(4, w0, &w3, &w1)
            rounds(5, w1, &w0, &w2)
            rounds(6, w2, &w1, &w3)
            rounds(7, w3, &w2, &w0)
            rounds(8, w0, &w3, &w1)
            rounds(9, w1, &w0, &w2)
            rounds(10, w2, &w1, &w3)
            rounds(11, w3, &w2, &w0)
            rounds(12, w0, &w3, &w1)
            rounds(13, w1, &w0, &w2)
            rounds(14, w2, &w1, &w3)
            rounds(15, w3, &w2, &w0)

            abef = _mm_add_epi32(abef, savedABEF)
            cdgh = _mm_add_epi32(cdgh, savedCDGH)
        }

        let feba = shuffle(abef, 3, 2, 1, 0)
        let dchg = shuffle(cdgh, 1, 0, 3, 2)
        let mutableRaw = UnsafeMutableRawPointer(state)
        _mm_storeu_si128(mutableRaw.assumingMemoryBound(to: __m128i.self), __m128i(feba[0], dchg[1]))
        _mm_storeu_si128((mutableRaw + 16).assumingMemoryBound(to: __m128i.self), __m128i(feba[1], dchg[0]))
    }
#endif
