/// One bad row or feature of an import: where it is in the file (a CSV line, or a GeoJSON feature index) and
/// why it was skipped.
public struct ImportRowError: Codable, Sendable, Equatable {
    public let line: Int?
    public let index: Int?
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.index = nil
        self.message = message
    }

    public init(index: Int, message: String) {
        self.line = nil
        self.index = index
        self.message = message
    }

    /// `line 4` or `feature 3`, in the current language.
    public var place: String {
        if let line { return Msg.placeLine.text(["line": "\(line)"]) }
        return Msg.placeFeature.text(["index": "\(index ?? 0)"])
    }
}

/// What an import did. Importers upsert by a natural key (a rider's phone, a point's external id), so running
/// the same file twice changes nothing the second time.
public struct ImportSummary: Codable, Sendable, Equatable {
    /// New records.
    public var imported = 0
    /// Existing records that changed.
    public var updated = 0
    /// Existing records already as in the file.
    public var unchanged = 0
    /// Bad rows or features, each listed in `errors` (up to a limit).
    public var skipped = 0
    public var errors: [ImportRowError] = []

    public init() {}

    public var itemsRead: Int { imported + updated + unchanged + skipped }

    /// Adds what one chunk of an import did (its errors too, up to `maxErrors` in all).
    public mutating func add(_ chunk: ImportSummary, maxErrors: Int = 1000) {
        imported += chunk.imported
        updated += chunk.updated
        unchanged += chunk.unchanged
        skipped += chunk.skipped
        errors += chunk.errors.prefix(max(0, maxErrors - errors.count))
    }
}
