import CSVReader
import Crypto
import Foundation
import GRDB
import TuanjuCore

/// Streams reports as Open311 GeoReport v2 JSON, GeoJSON or CSV, one row at a time: memory stays flat
/// whatever the number of reports. Riders appear only as a keyed pseudonym; never a phone number or a name.
public struct ReportExport {
    public enum Format: String, Sendable, CaseIterable { case open311, geojson, csv }

    public static let csvHeader = [
        "service_request_id", "status", "report_status", "status_notes", "service_name", "service_code", "description",
        "agency_responsible", "requested_datetime", "updated_datetime", "lat", "long", "media_url", "account_id",
    ]

    let format: Format
    let mediaBaseURL: String
    let pseudonyms: Pseudonyms
    /// Whether rows carry `account_id` (the rider's keyed pseudonym).
    let includeAccount: Bool

    public init(_ db: Database, format: Format, mediaBaseURL: String, includeAccount: Bool = true) throws {
        self.format = format
        self.mediaBaseURL = mediaBaseURL.hasSuffix("/") ? mediaBaseURL : mediaBaseURL + "/"
        pseudonyms = try Pseudonyms(db)
        self.includeAccount = includeAccount
    }

    /// The columns `fields(_:)` reads, in its order; `r` is `reports`, `c` its category.
    static let selectColumns = """
        SELECT r.id, r.status, c.code, c.name, r.note, r.agency, r.submitted_at, r.updated_at, r.lat, r.lon, r.rider_id,
            (SELECT sha256 FROM report_photos p WHERE p.report_id = r.id AND p.position = 0),
            (SELECT note FROM report_history h WHERE h.report_id = r.id ORDER BY seq DESC LIMIT 1)
        FROM reports r JOIN categories c ON c.code = r.category_code
        """

    /// Writes every report updated at or after `since`, oldest first. Returns the count.
    @discardableResult
    public func run(_ db: Database, since: Date?, write: (String) throws -> Void) throws -> Int {
        let sql = Self.selectColumns + """

            WHERE r.updated_at >= ?
            ORDER BY r.rowid
            """
        let arguments: StatementArguments = [since.map(Timestamp.iso) ?? ""]
        if format == .open311 {
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(arguments)
            var writer = Open311Writer(self, masked: false)
            try write("[")
            let count = try writer.rows(statement, separator: ",\n", first: "\n", write: write)
            try write("\n]\n")
            return count
        }
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        var count = 0
        switch format {
        case .open311: try write("[")
        case .geojson: try write("{\"type\":\"FeatureCollection\",\"features\":[")
        case .csv: try write(CSVWriter.header(includeAccount ? Self.csvHeader : Array(Self.csvHeader.dropLast())))
        }
        while let row = try cursor.next() {
            let fields = try fields(row)
            switch format {
            case .open311: try write((count == 0 ? "\n" : ",\n") + JSONText.object(fields))
            case .geojson: try write((count == 0 ? "\n" : ",\n") + feature(fields, lat: row[8], lon: row[9]))
            case .csv: try write(CSVWriter.line(fields.map(\.1.csv)))
            }
            count += 1
        }
        switch format {
        case .open311: try write("\n]\n")
        case .geojson: try write("\n]}\n")
        case .csv: break
        }
        return count
    }

    /// The GeoReport v2 request fields (plus `report_status`, Tuanju's own finer status), in order.
    func fields(_ row: Row) throws -> [(String, JSONText.Value)] {
        let status = Report.Status(rawValue: row[1]) ?? .submitted
        let photo: String? = row[11]
        let lat: Double? = row[8]
        let lon: Double? = row[9]
        var fields: [(String, JSONText.Value)] = [
            ("service_request_id", .string(row[0])),
            ("status", .string(status.isOpen ? "open" : "closed")),
            ("report_status", .string(status.rawValue)),
            ("status_notes", (row[12] as String?).map { .string($0) } ?? .null),
            ("service_name", .string(row[3])),
            ("service_code", .string(row[2])),
            ("description", .string(row[4])),
            ("agency_responsible", (row[5] as String?).map { .string($0) } ?? .null),
            ("requested_datetime", .string(row[6])),
            ("updated_datetime", .string(row[7])),
            ("lat", lat.map { .number($0) } ?? .null),
            ("long", lon.map { .number($0) } ?? .null),
            ("media_url", photo.map { .string(mediaBaseURL + $0) } ?? .null),
        ]
        if includeAccount { fields.append(("account_id", .string(pseudonyms.of(row[10])))) }
        return fields
    }

    func feature(_ fields: [(String, JSONText.Value)], lat: Double?, lon: Double?) -> String {
        let geometry = lat.flatMap { lat in lon.map { "{\"type\":\"Point\",\"coordinates\":[\(JSONText.number($0)),\(JSONText.number(lat))]}" } }
        return "{\"type\":\"Feature\",\"id\":\(fields[0].1.text.jsonQuoted),\"geometry\":\(geometry ?? "null"),\"properties\":\(JSONText.object(fields))}"
    }
}

/// `anon_` + 16 hex of HMAC-SHA256(installation key, rider id): stable within one installation, useless
/// outside it.
struct Pseudonyms {
    let key: SymmetricKey

    init(_ db: Database) throws {
        let hex = try String.fetchOne(db, sql: "SELECT value FROM install_secrets WHERE name = 'pseudonym_key'") ?? ""
        key = SymmetricKey(data: Array(hex.utf8))
    }

    func of(_ riderID: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(riderID.utf8), using: key)
        return "anon_" + mac.prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}

/// Minimal JSON writing for streamed exports (JSONEncoder per row costs more than the query).
enum JSONText {
    enum Value {
        case string(String)
        case number(Double)
        case null

        var text: String {
            switch self {
            case .string(let text): text
            case .number(let value): JSONText.number(value)
            case .null: ""
            }
        }

        /// Text guarded against formulas; numbers stay numbers (a negative longitude keeps its `-`).
        var csv: CSVField {
            switch self {
            case .string(let text): .text(text)
            case .number(let value): .numeral(JSONText.number(value))
            case .null: .text("")
            }
        }

        var json: String {
            switch self {
            case .string(let text): text.jsonQuoted
            case .number(let value): JSONText.number(value)
            case .null: "null"
            }
        }
    }

    static func object(_ fields: [(String, Value)]) -> String {
        "{" + fields.map { "\"\($0.0)\":\($0.1.json)" }.joined(separator: ",") + "}"
    }

    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }
}


extension String {
    /// This string as a JSON string literal.
    var jsonQuoted: String {
        var result = "\""
        result.reserveCapacity(utf8.count + 2)
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
