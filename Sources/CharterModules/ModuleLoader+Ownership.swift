import CharterSupport
import PolicyKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// Code runs only from where the user put it: a module runs with the rights of whoever runs
// charter, so a library that another user could have written is refused before `dlopen` runs a
// single initializer of it, the way ssh refuses an `authorized_keys` and sudo a sudoers file that
// others can change.
//
// The rule, for the module file and for the folder that holds it (both after symbolic links are
// resolved, so a link cannot hide where the code really lies), and for the folder where a link to
// it was found:
// - world-writable: refused, whoever owns it. For the folder this holds even with the sticky bit
//   (`/tmp`, mode 1777): the sticky bit only stops others from removing or renaming what they do
//   not own, not from adding a `lib<Name>.so` beside the module, which discovery would load.
// - group-writable: refused unless owned by the user running charter or by root. An owner who
//   leaves a file group-writable is usually using a group of their own (user-private groups and
//   umask 002 are common); one who is someone else gives that group the module's rights.
extension ModuleLoader {
    /// Mode bits, spelled out because the C macros do not all import into Swift.
    private enum Mode {
        static let groupWritable: mode_t = 0o020
        static let worldWritable: mode_t = 0o002
        static let permissions: mode_t = 0o7777
    }

    /// The real path of `file` (symbolic links resolved), once the file and its folder are shown to
    /// be writable by nobody but the user running charter (or root).
    static func trustedRealPath(of file: String) throws(ModuleLoadError) -> String {
        guard let resolved = realpath(file, nil) else {
            let reason = String(cString: strerror(errno))
            throw ModuleLoadError(
                .notFound, file: file,
                Text(
                    zh: "无法解析模块文件的真实路径（\(reason)）。请检查文件是否存在，以及指向它的符号链接是否失效。",
                    en:
                        "The module file cannot be resolved to a real path (\(reason)). Check that it exists and that a symbolic link to it is not broken."
                ))
        }
        let real = String(cString: resolved)
        free(resolved)
        try refuseIfWritableByOthers(real, kind: Self.file, module: file)
        try refuseIfWritableByOthers(FileSystem.folder(of: real), kind: Self.folder, module: file)
        // A link is only as safe as the folder it was found in: where others can add a link to a
        // library of their own, that library (0755 in a folder of theirs) would pass the checks
        // above, so the folder the link lies in is checked too.
        let found = canonicalPath(FileSystem.folder(of: file))
        if found != FileSystem.folder(of: real) {
            try refuseIfWritableByOthers(found, kind: Self.folder, module: file)
        }
        return real
    }

    private static let file = Text(zh: "文件", en: "file")
    private static let folder = Text(zh: "文件夹", en: "folder")

    private static func refuseIfWritableByOthers(
        _ path: String, kind: Text, module file: String
    ) throws(ModuleLoadError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            throw ModuleLoadError(
                .notFound, file: file,
                Text(
                    zh: "无法检查模块的\(kind.chinese) '\(path)'（\(reason)），charter 无从判断谁能改动它。请检查它的权限。",
                    en:
                        "The module's \(kind.english) '\(path)' cannot be examined (\(reason)), so charter cannot tell who can change it. Check its permissions."
                ))
        }
        let me = geteuid()
        let ownerIsTrusted = info.st_uid == me || info.st_uid == 0
        let worldWritable = info.st_mode & Mode.worldWritable != 0
        let groupWritable = info.st_mode & Mode.groupWritable != 0
        guard worldWritable || (groupWritable && !ownerIsTrusted) else { return }

        let octal = String(info.st_mode & Mode.permissions, radix: 8)
        let mode = String(repeating: "0", count: max(0, 4 - octal.count)) + octal
        let who = worldWritable ? "every user" : "other users of its group"
        var message =
            "Refused: the \(kind.english) '\(path)' can be written by \(who) (mode \(mode), owner uid \(info.st_uid)), "
        message += "so someone else could put code there for charter to run. "
        message += "Move the module to a folder only you can write to, or "
        message += info.st_uid == me ? "run " : "have its owner run "
        message += "`chmod go-w '\(path)'`."
        let whoChinese = worldWritable ? "所有用户" : "同组的其他用户"
        var chinese = "已拒绝：\(whoChinese)都能写入\(kind.chinese) '\(path)'（权限 \(mode)，所有者 uid \(info.st_uid)），"
        chinese += "别人可能在那里放入代码让 charter 运行。请把模块移到只有你能写入的文件夹，或"
        chinese += info.st_uid == me ? "运行" : "请它的所有者运行"
        chinese += " `chmod go-w '\(path)'`。"
        throw ModuleLoadError(.writableByOthers, file: file, Text(zh: chinese, en: message))
    }
}
