public import CharterSupport
public import PolicyKit

/// Compressed data (RFC 1951 DEFLATE) that cannot be decompressed, or that would decompress to
/// more than the limits allow.
///
/// Written `byte OFFSET: message`, where the offset counts from the start of the compressed data
/// (a zip entry's, when the zip reader wraps it).
public struct InflateError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        /// The data ends before the final block does.
        case truncated
        /// A block header names block type 3, which DEFLATE reserves.
        case reservedBlockType
        /// A stored block's length and its one's complement disagree.
        case storedLengthMismatch(length: Int, complement: Int)
        /// A dynamic block declares more literal/length codes than the 286 that exist.
        case tooManyLiteralCodes(Int)
        /// A dynamic block declares more distance codes than the 30 that exist.
        case tooManyDistanceCodes(Int)
        /// A Huffman code has more codes of some length than the lengths allow.
        case oversubscribedCode(HuffmanCodeKind)
        /// A Huffman code leaves codes unused, which DEFLATE allows only for a single code.
        case incompleteCode(HuffmanCodeKind)
        /// A code length repeats the previous one, but there is none.
        case repeatWithoutPrevious
        /// The code lengths run past the number of codes the block declared.
        case codeLengthsOverrun
        /// A dynamic block has no code for the end of the block.
        case missingEndOfBlock
        /// The bits do not spell any code of the block's Huffman code, or spell one (literal/length
        /// 286 or 287, distance 30 or 31) that DEFLATE does not use.
        case invalidCode(HuffmanCodeKind)
        /// A match reaches further back than the output written so far.
        case distanceTooFar(distance: Int, available: Int)
        /// The output would pass the limit on its size.
        case outputLimit(Int)
        /// The output would be more than `ratio` times the size of the compressed data: a zip bomb.
        case ratioLimit(ratio: Int, compressedSize: Int)
        /// The output would pass the size that the container declared for it.
        case longerThanExpected(Int)
    }

    /// The three Huffman codes of DEFLATE, for messages.
    public enum HuffmanCodeKind: String, Hashable, Sendable {
        /// The code of the code lengths, at the start of a dynamic block.
        case codeLengths = "code-lengths"
        /// The literal/length code.
        case literals
        /// The distance code.
        case distances
    }

    /// What is wrong.
    public let reason: Reason
    /// Where, in bytes from the start of the compressed data.
    public let offset: Int

    /// Creates the error.
    public init(_ reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// A stable code for the reason, such as `inflate.truncated`.
    public var code: String {
        switch reason {
        case .truncated: "inflate.truncated"
        case .reservedBlockType: "inflate.reserved-block-type"
        case .storedLengthMismatch: "inflate.stored-length"
        case .tooManyLiteralCodes: "inflate.too-many-literal-codes"
        case .tooManyDistanceCodes: "inflate.too-many-distance-codes"
        case .oversubscribedCode: "inflate.oversubscribed-code"
        case .incompleteCode: "inflate.incomplete-code"
        case .repeatWithoutPrevious: "inflate.repeat-without-previous"
        case .codeLengthsOverrun: "inflate.code-lengths-overrun"
        case .missingEndOfBlock: "inflate.missing-end-of-block"
        case .invalidCode: "inflate.invalid-code"
        case .distanceTooFar: "inflate.distance-too-far"
        case .outputLimit: "inflate.output-limit"
        case .ratioLimit: "inflate.ratio-limit"
        case .longerThanExpected: "inflate.longer-than-declared"
        }
    }

    /// `byte OFFSET: message`, in English.
    public var description: String { message(in: .english) }

    /// `byte OFFSET: message` in `language` (`第 OFFSET 字节：…` in Chinese).
    public func message(in language: Language) -> String {
        let zh = language == .chinese
        return (zh ? "第 \(offset) 字节：" : "byte \(offset): ") + text(chinese: zh)
    }

    /// The sentence without the position.
    func text(chinese zh: Bool) -> String {
        switch reason {
        case .truncated:
            return zh
                ? "压缩数据在最后一个数据块结束之前就中断了：文件不完整或已损坏。"
                : "The compressed data ends before its final block does: the file is cut short or damaged."
        case .reservedBlockType:
            return zh
                ? "数据块类型为 3，DEFLATE 不使用这一类型：数据已损坏。"
                : "A block has type 3, which DEFLATE reserves: the data is damaged."
        case .storedLengthMismatch(let length, let complement):
            return zh
                ? "未压缩数据块的长度 \(length) 与其校验值 \(complement) 不符：数据已损坏。"
                : "A stored block's length \(length) does not match its check value \(complement): the data is damaged."
        case .tooManyLiteralCodes(let count):
            return zh
                ? "动态数据块声明了 \(count) 个字面量/长度码，最多只有 286 个：数据已损坏。"
                : "A dynamic block declares \(count) literal/length codes, but there are only 286: the data is damaged."
        case .tooManyDistanceCodes(let count):
            return zh
                ? "动态数据块声明了 \(count) 个距离码，最多只有 30 个：数据已损坏。"
                : "A dynamic block declares \(count) distance codes, but there are only 30: the data is damaged."
        case .oversubscribedCode(let kind):
            return zh
                ? "\(kind.chineseName)的码长超出了可用的编码空间：数据已损坏。"
                : "The \(kind.englishName) has more codes than its lengths allow: the data is damaged."
        case .incompleteCode(let kind):
            return zh
                ? "\(kind.chineseName)不完整（只有单个编码时才允许）：数据已损坏。"
                : "The \(kind.englishName) is incomplete, which is allowed only for a single code: the data is damaged."
        case .repeatWithoutPrevious:
            return zh
                ? "码长序列以“重复前一个码长”开头，但前面没有码长：数据已损坏。"
                : "The code lengths start by repeating the previous length, but there is none: the data is damaged."
        case .codeLengthsOverrun:
            return zh
                ? "码长的重复超出了数据块声明的编码个数：数据已损坏。"
                : "A repeat of code lengths runs past the number of codes the block declares: the data is damaged."
        case .missingEndOfBlock:
            return zh
                ? "动态数据块没有“块结束”编码：数据已损坏。"
                : "A dynamic block has no code for the end of the block: the data is damaged."
        case .invalidCode(let kind):
            return zh
                ? "数据中出现了\(kind.chineseName)里不存在的编码：数据已损坏。"
                : "The data holds a code that the \(kind.englishName) does not have: the data is damaged."
        case .distanceTooFar(let distance, let available):
            return zh
                ? "一处重复引用了 \(distance) 字节之前的数据，但此前只输出了 \(available) 字节：数据已损坏。"
                : "A match refers \(distance) bytes back, but only \(available) bytes have been written: the data is damaged."
        case .outputLimit(let limit):
            return zh
                ? "解压后的数据将超过 \(limit) 字节的上限：文件过大，或是一个“压缩炸弹”。"
                : "The decompressed data would pass the limit of \(limit) bytes: the file is too large, or a zip bomb."
        case .ratioLimit(let ratio, let compressedSize):
            return zh
                ? "\(compressedSize) 字节的压缩数据解压后将超过其 \(ratio) 倍：这是一个“压缩炸弹”，不是正常的表格文件。"
                : "\(compressedSize) bytes of compressed data would decompress to more than \(ratio) times as much: a zip bomb, not an ordinary workbook."
        case .longerThanExpected(let size):
            return zh
                ? "解压后的数据比文件声明的 \(size) 字节更长：文件已损坏。"
                : "The decompressed data is longer than the \(size) bytes the file declares: the file is damaged."
        }
    }
}

extension InflateError.HuffmanCodeKind {
    /// The code's name in an English sentence.
    var englishName: String {
        switch self {
        case .codeLengths: "code of the code lengths"
        case .literals: "literal/length code"
        case .distances: "distance code"
        }
    }

    /// The code's name in a Chinese sentence.
    var chineseName: String {
        switch self {
        case .codeLengths: "码长编码"
        case .literals: "字面量/长度编码"
        case .distances: "距离编码"
        }
    }
}
