import Foundation
import TuanjuCore

/// A service point as entered by a coordinator or read from an import, validated field by field.
public struct PointDraft: Sendable, Equatable {
    public var externalID: String?
    public var kind: String
    public var name: String
    public var address: String
    public var location: Coordinate
    public var openingHours: String?
    public var amenities: [String]
    public var contact: String
    public var sample: Bool

    /// Validates every field; `location` is already WGS-84 (convert GCJ-02 input before).
    public init(
        externalID: String? = nil, kind: String, name: String, address: String = "", location: Coordinate,
        openingHours: String? = nil, amenities: String = "", contact: String = "", sample: Bool = false
    ) throws(InputError) {
        self.externalID = try PointDraft.externalID(externalID)
        self.kind = kind.trimmingCharacters(in: .whitespaces).lowercased()
        guard !self.kind.isEmpty else { throw .invalid(.inputEmpty, ["field": MapMsg.fieldKind.text]) }
        self.name = try Text.label(name, field: MapMsg.fieldPointName, maxLength: 200)
        self.address = try PointDraft.optionalText(address, field: MapMsg.fieldAddress, maxLength: 300)
        self.location = location
        self.openingHours = try PointDraft.openingHours(openingHours)
        self.amenities = try Amenity.parse(amenities)
        self.contact = try PointDraft.optionalText(contact, field: MapMsg.fieldContact, maxLength: 100)
        self.sample = sample
    }

    static func externalID(_ text: String?) throws(InputError) -> String? {
        guard let text else { return nil }
        let cleaned = Text.clean(text)
        if cleaned.isEmpty { return nil }
        return try Text.label(cleaned, field: MapMsg.fieldExternalID, maxLength: 100)
    }

    static func optionalText(_ text: String, field: MapMsg, maxLength: Int) throws(InputError) -> String {
        let cleaned = Text.clean(text)
        guard cleaned.count <= maxLength else {
            throw .invalid(.inputTooLong, ["field": field.text, "count": "\(cleaned.count)", "max": "\(maxLength)"])
        }
        return cleaned
    }

    /// Parses the hours to refuse a bad value where it is entered; stores the text as given (trimmed).
    static func openingHours(_ text: String?) throws(InputError) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        _ = try OpeningHours(parsing: trimmed)
        return trimmed
    }
}

/// Changes to a point; nil leaves a field as it is.
public struct PointChanges: Sendable, Equatable {
    public var kind: String?
    public var name: String?
    public var address: String?
    public var location: Coordinate?
    /// `.some("")` clears the hours.
    public var openingHours: String?
    public var amenities: String?
    public var contact: String?

    public init() {}
    public var isEmpty: Bool { self == PointChanges() }
}
