import CSVReader
import Foundation
import GRDB
import TuanjuCore

/// What a map import did: new points, changed points (same external id), unchanged, and bad items.
public typealias MapImportSummary = ImportSummary

/// One row or feature, before validation: the columns of the CSV header / the GeoJSON properties.
struct PointFields {
    var externalID: String?
    var kind: String?
    var name: String?
    var address: String?
    var lat: String?
    var lon: String?
    var openingHours: String?
    var amenities: String?
    var contact: String?
}

/// Imports points from CSV or GeoJSON, upserting by external id, so importing the same file twice changes
/// nothing the second time, and a re-run after an interruption counts what the interrupted run committed as
/// `unchanged`. Every item needs an external id. `runCSV`/`runGeoJSON` import a whole file in the caller's
/// transaction; `begin` and `step` import it in chunks, one caller's transaction each. With `strict` any bad
/// item throws (and the caller's transaction rolls back); `checkOnly` validates without writing (what
/// `--strict` runs over the whole file before its first chunk).
public struct MapImport {
    public enum Format: String, Sendable, CaseIterable { case csv, geojson }

    public static let csvHeader = [
        "external_id", "kind", "name", "address", "lat", "lon", "opening_hours", "amenities", "contact",
    ]
    static let requiredColumns: Set = ["external_id", "kind", "name", "lat", "lon"]
    /// Export columns the importer accepts and ignores, so an export can be imported again.
    static let ignoredColumns: Set = ["id", "active", "updated_at"]
    public static let maxReportedErrors = 1000

    /// The rest of a file being imported in chunks.
    enum Pending {
        case csv(CSVReader, columns: [String])
        case geojson([Any], next: Int)
    }

    let system: CoordinateSystem
    let strict: Bool
    let date: Date
    let sample: Bool
    /// Validate only: no point is written, nothing is counted but bad items.
    public var checkOnly = false
    /// Called in the transaction for each point created or changed (the service appends its event).
    let onChange: (Database, ServicePoint, ServicePoints.UpsertOutcome) throws -> Void
    var summary = MapImportSummary()
    var seen: [String: String] = [:]
    var pending: Pending?

    public init(
        system: CoordinateSystem, strict: Bool, at date: Date, sample: Bool = false,
        onChange: @escaping (Database, ServicePoint, ServicePoints.UpsertOutcome) throws -> Void = { _, _, _ in }
    ) {
        self.system = system
        self.strict = strict
        self.date = date
        self.sample = sample
        self.onChange = onChange
    }

    /// `.csv` for `.csv`, `.geojson` for `.geojson`/`.json`; else by the first non-blank byte.
    public static func format(ofPath path: String, firstByte: UInt8?) -> Format {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".geojson") || lowered.hasSuffix(".json") { return .geojson }
        if lowered.hasSuffix(".csv") { return .csv }
        return firstByte == UInt8(ascii: "{") ? .geojson : .csv
    }

    /// Everything imported so far.
    public var result: MapImportSummary { summary }

    // MARK: - In chunks

    /// Reads a CSV file's header, before the first chunk.
    public mutating func begin(csv reader: CSVReader, path: String) throws {
        guard let first = try reader.next() else { throw InputError.invalid(CSVMsg.importEmptyFile, ["path": path]) }
        pending = .csv(reader, columns: try Self.columns(first))
    }

    /// Reads a GeoJSON file's features, before the first chunk.
    public mutating func begin(geojson data: Data, path: String) throws {
        pending = .geojson(try GeoJSONPoints.features(data, path: path), next: 0)
    }

    /// Imports the next items in the caller's transaction, at most `rows` and none started after `deadline`.
    /// Returns whether the file has more.
    public mutating func step(
        _ db: Database, rows: Int, until deadline: ContinuousClock.Instant, progress: ((Int) -> Void)? = nil
    ) throws -> Bool {
        var done = 0
        while done < rows, done % 64 != 0 || done == 0 || ContinuousClock.now < deadline {
            switch pending {
            case nil:
                return false
            case .csv(let reader, let columns):
                guard let item = try reader.next() else {
                    pending = nil
                    return false
                }
                try importItem(db, item, columns: columns)
            case .geojson(let features, let index):
                guard index < features.count else {
                    pending = nil
                    return false
                }
                try importFeature(db, features[index], index: index)
                pending = .geojson(features, next: index + 1)
            }
            done += 1
            if let progress, summary.itemsRead % 10_000 == 0 { progress(summary.itemsRead) }
        }
        return pending != nil
    }

    // MARK: - CSV

    public mutating func runCSV(
        _ db: Database, reader: CSVReader, path: String, progress: ((Int) -> Void)? = nil
    ) throws -> MapImportSummary {
        try begin(csv: reader, path: path)
        while try step(db, rows: .max, until: .now + .seconds(1_000_000_000), progress: progress) {}
        return summary
    }

    mutating func importItem(_ db: Database, _ item: CSVItem, columns: [String]) throws {
        switch item {
        case .problem(let line, let problem):
            try reject(ImportRowError(line: line, message: problem.text.rendered()))
        case .record(let record):
            guard record.fields.count == columns.count else {
                return try reject(ImportRowError(line: record.line, message: CSVMsg.importFieldCount.text(
                    ["expected": "\(columns.count)", "found": "\(record.fields.count)"])))
            }
            var fields = PointFields()
            // A field our export guarded against formulas (`'=…`) reads back as it was.
            for (name, value) in zip(columns, record.fields) { fields.set(name, CSVWriter.unguarded(value)) }
            try importOne(db, fields, place: { ImportRowError(line: record.line, message: $0) })
        }
    }

    static func columns(_ item: CSVItem) throws -> [String] {
        guard case .record(let record) = item else {
            if case .problem(let line, let problem) = item {
                throw InputError.invalid(CSVMsg.importHeaderUnreadable, ["line": "\(line)", "reason": problem.text.rendered()])
            }
            return []
        }
        let names = record.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let header = csvHeader.joined(separator: ",")
        for column in csvHeader where requiredColumns.contains(column) && !names.contains(column) {
            throw InputError.invalid(CSVMsg.importHeaderMissing, ["line": "\(record.line)", "column": column, "header": header])
        }
        if let unknown = names.first(where: { !csvHeader.contains($0) && !ignoredColumns.contains($0) }) {
            throw InputError.invalid(CSVMsg.importHeaderUnknown, ["line": "\(record.line)", "column": unknown, "header": header])
        }
        return names
    }

    // MARK: - GeoJSON

    /// An RFC 7946 FeatureCollection of Points. The file as a whole must be one; each feature is checked alone.
    public mutating func runGeoJSON(
        _ db: Database, data: Data, path: String, progress: ((Int) -> Void)? = nil
    ) throws -> MapImportSummary {
        try begin(geojson: data, path: path)
        while try step(db, rows: .max, until: .now + .seconds(1_000_000_000), progress: progress) {}
        return summary
    }

    mutating func importFeature(_ db: Database, _ feature: Any, index: Int) throws {
        let place = { (message: String) in ImportRowError(index: index, message: message) }
        do {
            try importOne(db, try GeoJSONPoints.fields(feature), place: place)
        } catch let error as InputError {
            try reject(place(error.message))
        }
    }

    /// The features of a GeoJSON file read and checked as `runGeoJSON` checks them, without a database:
    /// each feature's draft, or why it is refused. What needs the database is left out: whether the kind
    /// exists and whether an external id repeats. Used by the GeoJSON fuzz target (Tools/fuzz).
    /// - Throws: when the file as a whole is not a FeatureCollection.
    public func geoJSONDrafts(_ data: Data, path: String) throws(InputError) -> [Result<PointDraft, InputError>] {
        try GeoJSONPoints.features(data, path: path).map { feature in
            Result { () throws(InputError) in try draft(GeoJSONPoints.fields(feature)) }
        }
    }

    // MARK: - One item

    mutating func importOne(_ db: Database, _ fields: PointFields, place: (String) -> ImportRowError) throws {
        let draft: PointDraft
        do {
            draft = try self.draft(fields)
            try ServicePoints.requireKind(db, draft.kind)
        } catch let error as TuanjuError {
            return try reject(place(error.message))
        }
        let externalID = draft.externalID ?? ""
        let here = place("").place
        if let earlier = seen[externalID] {
            return try reject(place(MapMsg.externalIDRepeated.text(["id": externalID, "place": earlier])))
        }
        seen[externalID] = here
        if checkOnly { return }
        let (point, outcome) = try ServicePoints.upsert(db, draft, at: date)
        switch outcome {
        case .inserted: summary.imported += 1
        case .updated: summary.updated += 1
        case .unchanged: summary.unchanged += 1
        }
        if outcome != .unchanged { try onChange(db, point, outcome) }
    }

    func draft(_ fields: PointFields) throws(InputError) -> PointDraft {
        guard let externalID = fields.externalID, !Text.clean(externalID).isEmpty else {
            throw .invalid(MapMsg.externalIDRequired)
        }
        let location = try Coordinate(parsingLat: fields.lat, lon: fields.lon, system: system)
        return try PointDraft(
            externalID: externalID, kind: fields.kind ?? "", name: fields.name ?? "", address: fields.address ?? "",
            location: location, openingHours: fields.openingHours, amenities: fields.amenities ?? "",
            contact: fields.contact ?? "", sample: sample)
    }

    mutating func reject(_ error: ImportRowError) throws {
        summary.skipped += 1
        if summary.errors.count < Self.maxReportedErrors { summary.errors.append(error) }
        if strict { throw MapError.importRejected(bad: summary.skipped, first: "\(error.place): \(error.message)") }
    }

    func finish() throws -> MapImportSummary { summary }
}

extension PointFields {
    mutating func set(_ column: String, _ value: String) {
        switch column {
        case "external_id": externalID = value
        case "kind": kind = value
        case "name": name = value
        case "address": address = value
        case "lat": lat = value
        case "lon": lon = value
        case "opening_hours": openingHours = value
        case "amenities": amenities = value
        case "contact": contact = value
        default: break
        }
    }
}

extension Coordinate {
    /// Reads latitude and longitude typed by a person or found in a file, in the given system.
    public init(parsingLat lat: String?, lon: String?, system: CoordinateSystem) throws(InputError) {
        let latText = lat.map(Self.trimmedSpaces) ?? ""
        let lonText = lon.map(Self.trimmedSpaces) ?? ""
        guard !latText.isEmpty else { throw .invalid(MapMsg.latitudeMissing) }
        guard !lonText.isEmpty else { throw .invalid(MapMsg.longitudeMissing) }
        guard let latValue = Double(latText), latValue.isFinite else { throw .invalid(.latitudeInvalid, ["value": latText]) }
        guard let lonValue = Double(lonText), lonValue.isFinite else { throw .invalid(.longitudeInvalid, ["value": lonText]) }
        try self.init(lat: latValue, lon: lonValue, system: system)
    }

    /// `text` without surrounding spaces (Unicode's, as `CharacterSet.whitespaces`). A number that starts and ends
    /// with a digit, as nearly every one does, is returned as it is: Foundation's trimming was a tenth of a map
    /// search over HTTP.
    static func trimmedSpaces(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, Self.isPlain(first), Self.isPlain(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x80
    }
}
