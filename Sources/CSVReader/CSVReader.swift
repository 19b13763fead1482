#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 reader: it holds one chunk of the file and one record in memory, whatever
/// the file's size, reports each bad record with its line number, and goes on after it.
///
/// Accepts LF and CRLF line ends, quoted fields with embedded commas, quotes and newlines, and a UTF-8
/// byte-order mark. Skips empty lines. A record longer than `maxRecordBytes` is reported and skipped.
public final class CSVReader {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private let source: ByteSource
    private var buffer: [UInt8]
    private var position = 0
    private var count = 0
    private var atEnd = false
    private var line = 1
    private var isFirstChunk = true
    private let maxRecordBytes: Int

    /// Reads the file at `path`.
    public convenience init(path: String, maxRecordBytes: Int = 64 * 1024, chunkSize: Int = 64 * 1024) throws(CSVReadError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CSVReadError(path: path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw CSVReadError(path: path, reason: "it is a directory")
        }
        self.init(source: FileSource(descriptor: descriptor, path: path), maxRecordBytes: maxRecordBytes, chunkSize: chunkSize)
    }

    /// Reads bytes already in memory (tests, fuzzing).
    public convenience init(bytes: [UInt8], maxRecordBytes: Int = 64 * 1024, chunkSize: Int = 64 * 1024) {
        self.init(source: MemorySource(bytes: bytes), maxRecordBytes: maxRecordBytes, chunkSize: chunkSize)
    }

    private init(source: ByteSource, maxRecordBytes: Int, chunkSize: Int) {
        self.source = source
        self.buffer = [UInt8](repeating: 0, count: max(chunkSize, 4))
        self.maxRecordBytes = maxRecordBytes
    }

    /// The next record or problem, or nil at the end of the file. Throws only when reading fails.
    public func next() throws(CSVReadError) -> CSVItem? {
        var fields: [String] = []
        var field: [UInt8] = []
        var state = State.fieldStart
        var problem: CSVProblem?
        var recordBytes = 0
        var startLine = line
        var sawAnything = false

        func finishField() {
            if problem == nil {
                if let text = String(validating: field, as: UTF8.self) {
                    fields.append(text)
                } else {
                    problem = .invalidUTF8(field: fields.count + 1)
                }
            }
            field.removeAll(keepingCapacity: true)
        }

        while true {
            if position == count {
                try refill()
                if count == 0 {
                    // End of file.
                    guard sawAnything else { return nil }
                    if state == .quoted, problem == nil { problem = .unterminatedQuote }
                    if state == .unquoted, field.last == 0x0D { field.removeLast() }
                    finishField()
                    return item(startLine, fields, problem)
                }
            }
            if problem != nil, state != .quoteInQuoted, skipAhead(quoted: state == .quoted) {
                continue  // a bad record's remaining bytes, skipped in bulk
            }
            let byte = buffer[position]
            position += 1

            if !sawAnything {
                if byte == 0x0A { line += 1; startLine = line; continue }  // empty line
                if byte == 0x0D, state == .fieldStart { continue }
                sawAnything = true
            }

            recordBytes += 1
            if recordBytes > maxRecordBytes, problem == nil {
                problem = .recordTooLong(limit: maxRecordBytes)
                field.removeAll()
            }
            let keep = problem == nil

            switch state {
            case .fieldStart, .unquoted:
                switch byte {
                case 0x2C:  // ,
                    finishField()
                    state = .fieldStart
                case 0x0A:  // \n
                    if field.last == 0x0D { field.removeLast() }
                    finishField()
                    line += 1
                    return item(startLine, fields, problem)
                case 0x22 where state == .fieldStart:  // opening quote
                    state = .quoted
                case 0x22:
                    if problem == nil { problem = .strayQuote(field: fields.count + 1) }
                default:
                    if keep { field.append(byte) }
                    state = .unquoted
                }
            case .quoted:
                if byte == 0x22 {
                    state = .quoteInQuoted
                } else {
                    if byte == 0x0A { line += 1 }
                    if keep { field.append(byte) }
                }
            case .quoteInQuoted:
                switch byte {
                case 0x22:  // escaped quote
                    if keep { field.append(byte) }
                    state = .quoted
                case 0x2C:
                    finishField()
                    state = .fieldStart
                case 0x0A:
                    finishField()
                    line += 1
                    return item(startLine, fields, problem)
                case 0x0D:
                    break  // CR of a CRLF after a closing quote
                default:
                    if problem == nil { problem = .strayQuote(field: fields.count + 1) }
                    state = .unquoted
                }
            }
        }
    }

    /// In a record already known to be bad, jumps to the next byte that can change the state
    /// (a quote; outside quotes also a comma or newline), so a 100 MB garbage line costs a few
    /// memchr calls per chunk. Returns true when it consumed bytes.
    private func skipAhead(quoted: Bool) -> Bool {
        let start = position
        let stop = buffer.withUnsafeBufferPointer { raw -> Int in
            let base = UnsafeRawPointer(raw.baseAddress! + position)
            let remaining = count - position
            var nearest = remaining
            for byte: Int32 in quoted ? [0x22] : [0x22, 0x2C, 0x0A] {
                if let hit = memchr(base, byte, nearest) { nearest = UnsafeRawPointer(hit) - base }
            }
            return nearest
        }
        if quoted {
            // Count the newlines jumped over inside quotes, so later line numbers stay right.
            for index in start..<(start + stop) where buffer[index] == 0x0A { line += 1 }
        }
        position += stop
        return stop > 0
    }

    private func item(_ line: Int, _ fields: [String], _ problem: CSVProblem?) -> CSVItem {
        if let problem { return .problem(line: line, problem) }
        return .record(CSVRecord(line: line, fields: fields))
    }

    private func refill() throws(CSVReadError) {
        position = 0
        count = 0
        guard !atEnd else { return }
        count = try source.read(into: &buffer)
        if count == 0 { atEnd = true; return }
        if isFirstChunk {
            isFirstChunk = false
            if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
            if position == count { try refill() }
        }
    }
}
