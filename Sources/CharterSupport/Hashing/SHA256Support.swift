#if arch(x86_64)
    import _Builtin_intrinsics.intel.cpuid
#endif

/// Whether this processor can run `SHA256Instructions`: the x86-64 SHA extensions, with the SSSE3
/// and SSE4.1 instructions its compression function also uses.
///
/// Checked here, in a module built without those instructions, so that nothing built with them
/// runs before the answer is known. Valgrind, for one, hides the SHA extensions from `cpuid`, and
/// the portable rounds run there.
enum SHA256Support {
    static let hasInstructions: Bool = {
        #if arch(x86_64)
            var eax: UInt32 = 0
            var ebx: UInt32 = 0
            var ecx: UInt32 = 0
            var edx: UInt32 = 0
            guard __get_cpuid(0, &eax, &ebx, &ecx, &edx) != 0, eax >= 7 else { return false }
            guard __get_cpuid(1, &eax, &ebx, &ecx, &edx) != 0 else { return false }
            let ssse3 = ecx & (1 << 9) != 0
            let sse41 = ecx & (1 << 19) != 0
            guard __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) != 0 else { return false }
            let sha = ebx & (1 << 29) != 0
            return ssse3 && sse41 && sha
        #else
            return false
        #endif
    }()
}
