/// A loaded module as the host receives it: its metadata, the points it provides, and a way to
/// make instances.
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
}

/// Exports a policy module from its library in one line.
///
/// Put this line, with your module's type and name, in one file of the module:
///
/// ```swift
/// @_cdecl("charter_policy_module_v1_MyModule")
/// public func charterPolicyModule(_ handshake: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
///     exportPolicyModule(MyModule.self, handshake)
/// }
/// ```
///
/// The function writes the versions the module was built with into the host's handshake buffer
/// and, when they match the host's, returns the module's ``ModuleEntry`` (retained once, for the
/// host to take).
@_alwaysEmitIntoClient
public func exportPolicyModule<Module: PolicyModule>(
    _ module: Module.Type, _ handshake: UnsafeMutableRawPointer
) -> UnsafeMutableRawPointer? {
    let interface = PolicyKitInterface.version
    let compiler = PolicyKitInterface.compilerVersion
    guard handshake.load(fromByteOffset: ModuleHandshake.Offset.magic, as: UInt32.self) == ModuleHandshake.magic
    else { return nil }
    handshake.storeBytes(of: interface, toByteOffset: ModuleHandshake.Offset.moduleInterface, as: UInt32.self)
    handshake.storeBytes(
        of: UnsafeRawPointer(compiler.utf8Start), toByteOffset: ModuleHandshake.Offset.moduleCompiler,
        as: UnsafeRawPointer.self)
    let hostInterface = handshake.load(fromByteOffset: ModuleHandshake.Offset.hostInterface, as: UInt32.self)
    let hostCompiler = handshake.load(fromByteOffset: ModuleHandshake.Offset.hostCompiler, as: UnsafeRawPointer.self)
    func sameText(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer) -> Bool {
        var offset = 0
        while true {
            let left = lhs.load(fromByteOffset: offset, as: UInt8.self)
            guard left == rhs.load(fromByteOffset: offset, as: UInt8.self) else { return false }
            if left == 0 { return true }
            offset += 1
        }
    }
    guard hostInterface == interface, sameText(hostCompiler, UnsafeRawPointer(compiler.utf8Start)) else {
        return nil
    }
    return Unmanaged.passRetained(ModuleEntry(module)).toOpaque()
}
