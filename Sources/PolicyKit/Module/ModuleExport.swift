/// A loaded module as the host receives it: its metadata, the points it provides, and a way to
/// make instances.
@_spi(CharterHost)
public final class ModuleEntry: Sendable {
    /// The module's metadata.
    public let metadata: ModuleMetadata
    /// The points the module provides, in run order.
    public let points: [ExtensionPoint]
    private let factory: @Sendable (Parameters) throws -> any PolicyModule

    /// Creates the entry of a module type.
    public init<Module: PolicyModule>(_ module: Module.Type) {
        metadata = Module.metadata
        points = ExtensionPoint.allCases.filter { $0.isProvided(by: module) }
        factory = { try Module(parameters: $0) }
    }

    /// An instance of the module with the given parameters.
    public func makeInstance(parameters: Parameters) throws -> any PolicyModule {
        try factory(parameters)
    }
}

/// The handshake between the host and a module's entry symbol.
///
/// The host calls the module's one C entry point with a small buffer of plain bytes holding its
/// own interface and compiler versions. The module writes its versions back, and only when they
/// match does it hand over a Swift object. Before that nothing but plain bytes crosses, so a module
/// built by another compiler or against another PolicyKit is refused cleanly instead of crashing.
///
/// Layout (byte offsets): 0 magic `CHRT` (UInt32), 4 host interface version (UInt32),
/// 8 host compiler version (pointer to a NUL-terminated string), 16 module interface version
/// (UInt32), 24 module compiler version (pointer).
@_spi(CharterHost)
public enum ModuleHandshake {
    /// The number of bytes of the handshake buffer.
    public static let size = 32
    /// The magic number at offset 0.
    public static let magic: UInt32 = 0x4348_5254

    /// Offsets of the fields.
    public enum Offset {
        /// The magic number.
        public static let magic = 0
        /// The host's interface version.
        public static let hostInterface = 4
        /// The host's compiler version.
        public static let hostCompiler = 8
        /// The module's interface version.
        public static let moduleInterface = 16
        /// The module's compiler version.
        public static let moduleCompiler = 24
    }

    /// The prefix of the C symbol through which the host enters a module built against interface
    /// `version`: `charter_policy_module_v2_` for this one.
    public static func entrySymbolPrefix(interface version: UInt32) -> String { "charter_policy_module_v\(version)_" }

    /// The C symbol through which the host enters the module `name`, built against `version`.
    ///
    /// The symbol carries the module's name so that several modules can be linked into one
    /// program (a test bundle, say) without their entry points colliding.
    public static func entrySymbol(forModule name: String, interface version: UInt32) -> String {
        entrySymbolPrefix(interface: version) + name
    }
}

extension PolicyModule {
    /// Hands the module to the host that loads its library: the one thing a module's entry
    /// point does.
    ///
    /// Put this line, with your module's type and name, in one file of the module:
    ///
    /// ```swift
    /// @_cdecl("charter_policy_module_v2_MyModule") public func export(_ host: OpaquePointer) -> OpaquePointer? { MyModule.export(host) }
    /// ```
    ///
    /// It tells the host which compiler and PolicyKit interface the module was built with and,
    /// when they are the host's, gives it the module; otherwise the host refuses the library with
    /// a message that says how to rebuild it. `host` is the host's handshake, opaque to the module.
    @_alwaysEmitIntoClient
    public static func export(_ host: OpaquePointer) -> OpaquePointer? {
        _exportPolicyModule(
            Self.self, host, interface: PolicyKitInterface.version, compiler: PolicyKitInterface.compilerVersion)
    }
}

/// The handshake behind ``PolicyModule/export(_:)``; call that instead.
///
/// `interface` and `compiler` are the versions the module was built with (evaluated in the
/// module's own code); the host's are read from the handshake.
public func _exportPolicyModule<Module: PolicyModule>(
    _ module: Module.Type, _ host: OpaquePointer, interface: UInt32, compiler: StaticString
) -> OpaquePointer? {
    let handshake = UnsafeMutableRawPointer(host)
    guard handshake.load(fromByteOffset: ModuleHandshake.Offset.magic, as: UInt32.self) == ModuleHandshake.magic
    else { return nil }
    handshake.storeBytes(of: interface, toByteOffset: ModuleHandshake.Offset.moduleInterface, as: UInt32.self)
    handshake.storeBytes(
        of: UnsafeRawPointer(compiler.utf8Start), toByteOffset: ModuleHandshake.Offset.moduleCompiler,
        as: UnsafeRawPointer.self)
    let hostInterface = handshake.load(fromByteOffset: ModuleHandshake.Offset.hostInterface, as: UInt32.self)
    let hostCompiler = handshake.load(fromByteOffset: ModuleHandshake.Offset.hostCompiler, as: UnsafeRawPointer.self)
    let ours = String(cString: compiler.utf8Start)
    guard hostInterface == interface, String(cString: hostCompiler.assumingMemoryBound(to: UInt8.self)) == ours
    else { return nil }
    return OpaquePointer(Unmanaged.passRetained(ModuleEntry(module)).toOpaque())
}
