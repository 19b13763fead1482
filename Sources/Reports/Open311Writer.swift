import Crypto
import GRDB
import GRDBSQLite
import Storage

/// Writes Open311 request objects straight from SQLite's column bytes into one growing byte buffer, handed on
/// in 64 KB pieces: no `Row`, no per-field `String`, no per-row closure call. (The generic path — a
/// `[(name, value)]` per row, joined — cost 3 allocations per field; an export of a million reports spent most
/// of its time there, not in SQLite.) The output is byte for byte what `JSONText.object(fields(row))` writes.
struct Open311Writer {
    let export: ReportExport
    /// The public reading: free text masked (`PublicText`), no pseudonymous account.
    let masked: Bool
    private var buffer: [UInt8] = []
    private var pseudonyms: [String: String] = [:]

    init(_ export: ReportExport, masked: Bool) {
        self.export = export
        self.masked = masked
        buffer.reserveCapacity(Self.flushAt + 4096)
    }

    static let flushAt = 64 * 1024

    /// Steps `statement` (`ReportExport.selectColumns`, arguments bound) and writes one object per row, each
    /// after `separator` but the first. Returns the count.
    mutating func rows(_ statement: Statement, separator: String, first: String = "", write: (String) throws -> Void) throws -> Int {
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        defer { sqlite3_reset(sqlite) }
        var count = 0
        while true {
            switch sqlite3_step(sqlite) {
            case SQLITE_ROW:
                append(count == 0 ? first : separator)
                object(sqlite)
                count += 1
                if buffer.count >= Self.flushAt { try flush(write) }
            case SQLITE_DONE:
                try flush(write)
                return count
            case let code:
                throw RawRows.error(statement, code)
            }
        }
    }

    mutating func flush(_ write: (String) throws -> Void) throws {
        guard !buffer.isEmpty else { return }
        try write(String(decoding: buffer, as: UTF8.self))
        buffer.removeAll(keepingCapacity: true)
    }

    /// The fields of `ReportExport.fields`, in its order.
    private mutating func object(_ row: SQLiteStatement) {
        let status = Report.Status(rawValue: text(row, 1) ?? "") ?? .submitted
        append("{\"service_request_id\":")
        quoted(row, 0)
        append(status.isOpen ? ",\"status\":\"open\",\"report_status\":" : ",\"status\":\"closed\",\"report_status\":")
        quoted(status.rawValue)
        append(",\"status_notes\":")
        freeText(row, 12)
        append(",\"service_name\":")
        quoted(row, 3)
        append(",\"service_code\":")
        quoted(row, 2)
        append(",\"description\":")
        freeText(row, 4)
        append(",\"agency_responsible\":")
        quoted(row, 5)
        append(",\"requested_datetime\":")
        quoted(row, 6)
        append(",\"updated_datetime\":")
        quoted(row, 7)
        append(",\"lat\":")
        number(row, 8)
        append(",\"long\":")
        number(row, 9)
        append(",\"media_url\":")
        if sqlite3_column_type(row, 11) == SQLITE_NULL {
            append("null")
        } else {
            buffer.append(0x22)
            escaped(export.mediaBaseURL)
            escapedColumn(row, 11)
            buffer.append(0x22)
        }
        if export.includeAccount {
            append(",\"account_id\":")
            let rider = text(row, 10) ?? ""
            if let known = pseudonyms[rider] {
                quoted(known)
            } else {
                let pseudonym = export.pseudonyms.of(rider)
                // Riders are far fewer than reports; the bound keeps a pathological export's memory flat.
                if pseudonyms.count >= 100_000 { pseudonyms.removeAll(keepingCapacity: true) }
                pseudonyms[rider] = pseudonym
                quoted(pseudonym)
            }
        }
        buffer.append(0x7D)
    }

    private func text(_ row: SQLiteStatement, _ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(row, column) else { return nil }
        return String(cString: bytes)
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }

    /// A text column as a JSON string, or null.
    private mutating func quoted(_ row: SQLiteStatement, _ column: Int32) {
        guard sqlite3_column_type(row, column) != SQLITE_NULL else { return append("null") }
        buffer.append(0x22)
        escapedColumn(row, column)
        buffer.append(0x22)
    }

    private mutating func quoted(_ text: String) {
        buffer.append(0x22)
        escaped(text)
        buffer.append(0x22)
    }

    /// A report's own words: masked for the public.
    private mutating func freeText(_ row: SQLiteStatement, _ column: Int32) {
        guard masked else { return quoted(row, column) }
        guard let text = text(row, column) else { return append("null") }
        quoted(PublicText.masked(text))
    }

    private mutating func number(_ row: SQLiteStatement, _ column: Int32) {
        guard sqlite3_column_type(row, column) != SQLITE_NULL else { return append("null") }
        append(JSONText.number(sqlite3_column_double(row, column)))
    }

    private mutating func escapedColumn(_ row: SQLiteStatement, _ column: Int32) {
        guard let bytes = sqlite3_column_text(row, column) else { return }
        escape(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(row, column))))
    }

    private mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { escape($0) }
    }

    /// `String.jsonQuoted`'s escapes, on UTF-8 bytes: quote, backslash, control characters, U+2028, U+2029.
    private mutating func escape(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            let escape: [UInt8]?
            var width = 1
            switch byte {
            case 0x22: escape = [0x5C, 0x22]
            case 0x5C: escape = [0x5C, 0x5C]
            case 0x0A: escape = [0x5C, 0x6E]
            case 0x0D: escape = [0x5C, 0x72]
            case 0x09: escape = [0x5C, 0x74]
            case 0..<0x20: escape = Array("\\u00".utf8) + [Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape = Array("\\u202".utf8) + [bytes[index + 2] == 0xA8 ? 0x38 : 0x39]
                width = 3
            default: escape = nil
            }
            if let escape {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                buffer.append(contentsOf: escape)
                index += width
                start = index
            } else {
                index += 1
            }
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
