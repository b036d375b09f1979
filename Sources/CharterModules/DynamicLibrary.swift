#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A shared library opened with `dlopen`: the one place Charter crosses into code it did not link.
///
/// Libraries are opened with `RTLD_NODELETE` and never closed. Unloading Swift code leaves the
/// runtime holding pointers into the unmapped image (type metadata, conformance records), so a
/// module, once loaded, stays for the life of the process.
struct DynamicLibrary: @unchecked Sendable {
    // `handle` is an opaque token of the dynamic loader, which is thread-safe; it is never closed.
    let path: String
    private let handle: UnsafeMutableRawPointer

    /// Opens the library at `path`, or throws with the loader's own explanation.
    static func open(_ path: String) throws(DynamicLibraryError) -> DynamicLibrary {
        _ = dlerror()
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE) else {
            throw DynamicLibraryError(path: path, message: lastError() ?? "the dynamic loader gave no reason")
        }
        return DynamicLibrary(path: path, handle: handle)
    }

    /// The address of the exported symbol `name`, or `nil` when the library has none.
    func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        _ = dlerror()
        return dlsym(handle, name)
    }

    private static func lastError() -> String? {
        guard let message = dlerror() else { return nil }
        return String(cString: message)
    }
}

/// `dlopen` refused a file.
struct DynamicLibraryError: Error {
    /// The file.
    let path: String
    /// What the dynamic loader said.
    let message: String
}
