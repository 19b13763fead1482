#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a CSVReader's bytes come from.
protocol ByteSource: AnyObject {
    /// Fills `buffer` from the start; returns how many bytes were read, 0 at the end.
    func read(into buffer: inout [UInt8]) throws(CSVReadError) -> Int
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif

final class FileSource: ByteSource {
    private let descriptor: Int32
    private let path: String

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    func read(into buffer: inout [UInt8]) throws(CSVReadError) -> Int {
        while true {
            let result = buffer.withUnsafeMutableBytes { raw in
                systemRead(descriptor, raw.baseAddress, raw.count)
            }
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw CSVReadError(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: inout [UInt8]) throws(CSVReadError) -> Int {
        let n = min(buffer.count, bytes.count - offset)
        for index in 0..<n { buffer[index] = bytes[offset + index] }
        offset += n
        return n
    }
}
