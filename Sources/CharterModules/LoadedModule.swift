@_spi(CharterHost) public import PolicyKit

/// A policy module loaded from its library.
public struct LoadedModule: Sendable {
    /// What the module's entry returned: its metadata and its factory.
    package let entry: ModuleEntry
    /// The library file it was loaded from, as found on the search path (a symbolic link stays a
    /// link here, so messages and outputs name what the user put on the path).
    public let file: String
    /// The file's real path, every symbolic link resolved: what was checked and opened, and what
    /// `run.json` records so a run can be traced to the exact library that ran.
    public let realPath: String
    /// The Swift compiler version the module reports it was built with.
    public let compilerVersion: String
    /// The PolicyKit interface version the module was built against.
    public let interfaceVersion: UInt32

    /// Creates a loaded module; the loader and tests that register a module in-process use this.
    ///
    /// `realPath` defaults to `file`, for a module linked in rather than loaded from a library.
    package init(
        entry: ModuleEntry, file: String, realPath: String? = nil, compilerVersion: String, interfaceVersion: UInt32
    ) {
        self.entry = entry
        self.file = file
        self.realPath = realPath ?? file
        self.compilerVersion = compilerVersion
        self.interfaceVersion = interfaceVersion
    }

    /// The module's name.
    public var name: String { entry.metadata.name }
    /// The module's metadata.
    public var metadata: ModuleMetadata { entry.metadata }
    /// The points the module provides, in run order.
    public var points: [ExtensionPoint] { entry.points }
    /// An instance of the module with the given parameters.
    public func makeInstance(parameters: Parameters) throws -> any PolicyModule {
        try entry.makeInstance(parameters: parameters)
    }
    /// `Name@version`, as decision records write it.
    public var label: String { "\(entry.metadata.name)@\(entry.metadata.version)" }
}
