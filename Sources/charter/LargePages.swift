#if canImport(Glibc)
    import Glibc
#endif

/// Large pages for the big runs.
///
/// A city's run allocates a couple of gigabytes in blocks of every size, and with ordinary 4 KiB
/// pages the kernel takes a fault and zeroes a page for every 4 KiB touched: half a million
/// faults at a million members, about a tenth of the run. glibc's allocator asks for transparent
/// huge pages when its `glibc.malloc.hugetlb=1` tunable is set, but tunables are read only when a
/// process starts; so `run`, `diff` and `check` start themselves again once with it set, and
/// everything else is unchanged. The decisions do not depend on it.
///
/// `glibc.malloc.top_pad` (64 MiB) goes with it: the workers' allocations come from per-thread
/// heaps, which glibc otherwise extends 128 KiB at a time, so their pages were still faulted in
/// 4 KiB at a time (ten times the faults of `--jobs 1`). Extended 64 MiB at a time, whole 2 MiB
/// pages fit: at a million members the faults fall from ~160,000 to ~8,000, and at two million
/// the system time halves. Untouched padding is not resident, but the kernel counts it as
/// committed: so the pad is left out when the process has a data-size limit (`ulimit -d`) or the
/// machine does not overcommit (`vm.overcommit_memory` 2), where it could make a run fail that
/// would otherwise fit.
///
/// The restart happens only when it surely starts `charter` again: not when the user set
/// `GLIBC_TUNABLES` already, not under a preloaded tool (valgrind, a sanitizer runtime), and not
/// when the running image is not the program named by `argv[0]` (charter started through the
/// dynamic loader, say). A failed restart carries on as if none was tried.
enum LargePages {
    /// The variable that marks the restarted process, so it never restarts twice.
    static let marker = "CHARTER_LARGE_PAGES"

    /// The allocator's settings for the restarted process.
    static var tunables: String {
        canCommitFreely ? "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864" : "glibc.malloc.hugetlb=1"
    }

    /// Whether memory committed but never touched costs nothing here: no limit on the data size
    /// or the address space, and the kernel overcommits (heuristically or always).
    static var canCommitFreely: Bool {
        #if canImport(Glibc)
            for resource in [RLIMIT_DATA, RLIMIT_AS] {
                var limit = rlimit()
                guard getrlimit(__rlimit_resource_t(resource.rawValue), &limit) == 0, limit.rlim_cur == rlim_t.max
                else { return false }
            }
            guard let file = fopen("/proc/sys/vm/overcommit_memory", "r") else { return true }
            defer { fclose(file) }
            return fgetc(file) != Int32(UInt8(ascii: "2"))
        #else
            return false
        #endif
    }

    /// Restarts the process with large pages asked for, when that is useful and possible;
    /// returns only when it did not restart.
    static func restartIfUseful(command: String) {
        #if canImport(Glibc)
            guard ["run", "diff", "check"].contains(command), getenv("GLIBC_TUNABLES") == nil,
                getenv(marker) == nil, getenv("LD_PRELOAD") == nil, runningImageIsArgumentZero()
            else { return }
            setenv("GLIBC_TUNABLES", tunables, 1)
            setenv(marker, "1", 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            // Still here: the restart failed, so carry on as we are (the variables do no harm).
            unsetenv("GLIBC_TUNABLES")
        #endif
    }

    /// Whether `/proc/self/exe` is the file `argv[0]` names (by file name, links resolved), so
    /// that executing it again runs this program with these arguments.
    static func runningImageIsArgumentZero() -> Bool {
        guard let first = CommandLine.arguments.first,
            let image = realpath("/proc/self/exe", nil)
        else { return false }
        defer { free(image) }
        let imageName = String(cString: image).split(separator: "/").last
        var resolvedName = first.split(separator: "/").last
        if let resolved = realpath(first, nil) {
            resolvedName = String(cString: resolved).split(separator: "/").last
            free(resolved)
        }
        return imageName != nil && imageName == resolvedName
    }
}
