/// The versions a module and the host must agree on before they exchange any Swift value.
///
/// Swift has no stable ABI on Linux: a module must be built by the same compiler, against the same
/// PolicyKit interface, as the `charter` that loads it. Both values are emitted into the code of
/// whoever calls them (`@_alwaysEmitIntoClient`), so a module reports the versions it was built
/// with, not those of the PolicyKit library loaded at run time.
public enum PolicyKitInterface {
    /// The version of PolicyKit's interface.
    ///
    /// It grows whenever a public type or protocol changes
    /// in a way that a module built before cannot be loaded with.
    @_alwaysEmitIntoClient
    public static var version: UInt32 { 2 }

    /// The version of the Swift compiler that built the caller, such as `6.3.1`.
    @_alwaysEmitIntoClient
    public static var compilerVersion: StaticString {
        #if compiler(>=7.0.6)
            "7.0.6"
        #elseif compiler(>=7.0.5)
            "7.0.5"
        #elseif compiler(>=7.0.4)
            "7.0.4"
        #elseif compiler(>=7.0.3)
            "7.0.3"
        #elseif compiler(>=7.0.2)
            "7.0.2"
        #elseif compiler(>=7.0.1)
            "7.0.1"
        #elseif compiler(>=7.0.0)
            "7.0.0"
        #elseif compiler(>=6.9.6)
            "6.9.6"
        #elseif compiler(>=6.9.5)
            "6.9.5"
        #elseif compiler(>=6.9.4)
            "6.9.4"
        #elseif compiler(>=6.9.3)
            "6.9.3"
        #elseif compiler(>=6.9.2)
            "6.9.2"
        #elseif compiler(>=6.9.1)
            "6.9.1"
        #elseif compiler(>=6.9.0)
            "6.9.0"
        #elseif compiler(>=6.8.6)
            "6.8.6"
        #elseif compiler(>=6.8.5)
            "6.8.5"
        #elseif compiler(>=6.8.4)
            "6.8.4"
        #elseif compiler(>=6.8.3)
            "6.8.3"
        #elseif compiler(>=6.8.2)
            "6.8.2"
        #elseif compiler(>=6.8.1)
            "6.8.1"
        #elseif compiler(>=6.8.0)
            "6.8.0"
        #elseif compiler(>=6.7.6)
            "6.7.6"
        #elseif compiler(>=6.7.5)
            "6.7.5"
        #elseif compiler(>=6.7.4)
            "6.7.4"
        #elseif compiler(>=6.7.3)
            "6.7.3"
        #elseif compiler(>=6.7.2)
            "6.7.2"
        #elseif compiler(>=6.7.1)
            "6.7.1"
        #elseif compiler(>=6.7.0)
            "6.7.0"
        #elseif compiler(>=6.6.6)
            "6.6.6"
        #elseif compiler(>=6.6.5)
            "6.6.5"
        #elseif compiler(>=6.6.4)
            "6.6.4"
        #elseif compiler(>=6.6.3)
            "6.6.3"
        #elseif compiler(>=6.6.2)
            "6.6.2"
        #elseif compiler(>=6.6.1)
            "6.6.1"
        #elseif compiler(>=6.6.0)
            "6.6.0"
        #elseif compiler(>=6.5.6)
            "6.5.6"
        #elseif compiler(>=6.5.5)
            "6.5.5"
        #elseif compiler(>=6.5.4)
            "6.5.4"
        #elseif compiler(>=6.5.3)
            "6.5.3"
        #elseif compiler(>=6.5.2)
            "6.5.2"
        #elseif compiler(>=6.5.1)
            "6.5.1"
        #elseif compiler(>=6.5.0)
            "6.5.0"
        #elseif compiler(>=6.4.6)
            "6.4.6"
        #elseif compiler(>=6.4.5)
            "6.4.5"
        #elseif compiler(>=6.4.4)
            "6.4.4"
        #elseif compiler(>=6.4.3)
            "6.4.3"
        #elseif compiler(>=6.4.2)
            "6.4.2"
        #elseif compiler(>=6.4.1)
            "6.4.1"
        #elseif compiler(>=6.4.0)
            "6.4.0"
        #elseif compiler(>=6.3.6)
            "6.3.6"
        #elseif compiler(>=6.3.5)
            "6.3.5"
        #elseif compiler(>=6.3.4)
            "6.3.4"
        #elseif compiler(>=6.3.3)
            "6.3.3"
        #elseif compiler(>=6.3.2)
            "6.3.2"
        #elseif compiler(>=6.3.1)
            "6.3.1"
        #elseif compiler(>=6.3.0)
            "6.3.0"
        #elseif compiler(>=6.2.6)
            "6.2.6"
        #elseif compiler(>=6.2.5)
            "6.2.5"
        #elseif compiler(>=6.2.4)
            "6.2.4"
        #elseif compiler(>=6.2.3)
            "6.2.3"
        #elseif compiler(>=6.2.2)
            "6.2.2"
        #elseif compiler(>=6.2.1)
            "6.2.1"
        #elseif compiler(>=6.2.0)
            "6.2.0"
        #elseif compiler(>=6.1.6)
            "6.1.6"
        #elseif compiler(>=6.1.5)
            "6.1.5"
        #elseif compiler(>=6.1.4)
            "6.1.4"
        #elseif compiler(>=6.1.3)
            "6.1.3"
        #elseif compiler(>=6.1.2)
            "6.1.2"
        #elseif compiler(>=6.1.1)
            "6.1.1"
        #elseif compiler(>=6.1.0)
            "6.1.0"
        #elseif compiler(>=6.0.6)
            "6.0.6"
        #elseif compiler(>=6.0.5)
            "6.0.5"
        #elseif compiler(>=6.0.4)
            "6.0.4"
        #elseif compiler(>=6.0.3)
            "6.0.3"
        #elseif compiler(>=6.0.2)
            "6.0.2"
        #elseif compiler(>=6.0.1)
            "6.0.1"
        #elseif compiler(>=6.0.0)
            "6.0.0"
        #elseif compiler(>=5.9.6)
            "5.9.6"
        #elseif compiler(>=5.9.5)
            "5.9.5"
        #elseif compiler(>=5.9.4)
            "5.9.4"
        #elseif compiler(>=5.9.3)
            "5.9.3"
        #elseif compiler(>=5.9.2)
            "5.9.2"
        #elseif compiler(>=5.9.1)
            "5.9.1"
        #elseif compiler(>=5.9.0)
            "5.9.0"
        #else
            "older than 5.9"
        #endif
    }
}
