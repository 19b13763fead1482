import Foundation
import GRDB
import TuanjuCore

/// What `surveys publish` did.
public struct PublishedSurvey: Sendable, Equatable {
    public let definition: SurveyDefinition
    /// False when the file matched the latest version: nothing was stored.
    public let changed: Bool
}

/// A survey as `surveys list` and `surveys show` present it: the version asked for, the latest version, and
/// whether riders may still answer.
public struct SurveyStatus: Sendable, Equatable {
    public let definition: SurveyDefinition
    public let latestVersion: Int
    /// When `surveys close` closed it; nil while open.
    public let closedAt: String?
}

/// Coordinators publish questionnaires: a definition is checked exactly as the seed's are; the server numbers the
/// versions (the file's own `version` is ignored): a new id is version 1, a changed definition under an existing
/// id becomes version N+1, and answers stay with the version they answered.
public enum SurveyPublishing {
    public static func publish(_ db: Database, json: Data, source: String, by staffID: String, at date: Date) throws -> PublishedSurvey {
        // Checked as given first, so a broken file is refused with the seed's own messages.
        let given = try SurveyDefinition.decode(try numbered(json, version: 1, source: source), source: source)
        let latest = try Int.fetchOne(db, sql: "SELECT max(version) FROM surveys WHERE id = ?", arguments: [given.id])
        if let latest {
            let current = try SurveyStore.definition(db, id: given.id, version: latest)
            let same = try SurveyDefinition.decode(try numbered(json, version: latest, source: source), source: source)
            if same == current { return PublishedSurvey(definition: current, changed: false) }
        }
        let version = (latest ?? 0) + 1
        let stored = try numbered(json, version: version, source: source)
        let definition = try SurveyDefinition.decode(stored, source: source)
        try db.execute(sql: "INSERT INTO surveys (id, version, definition, loaded_at, published_by) VALUES (?, ?, ?, ?, ?)",
                       arguments: [definition.id, version, String(decoding: stored, as: UTF8.self), Timestamp.iso(date), staffID])
        return PublishedSurvey(definition: definition, changed: true)
    }

    /// Checks a definition file before any transaction: invalid input (65) with the seed's own messages.
    public static func check(_ json: Data, source: String) throws {
        _ = try SurveyDefinition.decode(try numbered(json, version: 1, source: source), source: source)
    }

    /// Whether riders may no longer answer the survey.
    public static func isClosed(_ db: Database, id: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM survey_closures WHERE survey_id = ?)", arguments: [id]) ?? false
    }

    /// The definition with its survey's latest version and closure.
    public static func status(_ db: Database, _ definition: SurveyDefinition) throws -> SurveyStatus {
        let latest = try Int.fetchOne(db, sql: "SELECT max(version) FROM surveys WHERE id = ?", arguments: [definition.id])
        let closedAt = try String.fetchOne(db, sql: "SELECT closed_at FROM survey_closures WHERE survey_id = ?", arguments: [definition.id])
        return SurveyStatus(definition: definition, latestVersion: latest ?? definition.version, closedAt: closedAt)
    }

    public static func close(_ db: Database, id: String, by staffID: String, at date: Date) throws -> SurveyDefinition {
        let definition = try SurveyStore.definition(db, id: id)
        guard try !isClosed(db, id: id) else { throw EngagementError.surveyClosed(id: id) }
        try db.execute(sql: "INSERT INTO survey_closures (survey_id, closed_at, closed_by) VALUES (?, ?, ?)",
                       arguments: [id, Timestamp.iso(date), staffID])
        return definition
    }

    public static func reopen(_ db: Database, id: String) throws -> SurveyDefinition {
        let definition = try SurveyStore.definition(db, id: id)
        guard try isClosed(db, id: id) else { throw EngagementError.surveyOpen(id: id) }
        try db.execute(sql: "DELETE FROM survey_closures WHERE survey_id = ?", arguments: [id])
        return definition
    }

    /// The file with its `version` set: the stored text is always the definition riders answered.
    static func numbered(_ json: Data, version: Int, source: String) throws -> Data {
        guard var object = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else {
            _ = try SurveyDefinition.decode(json, source: source)  // the decoder's own message
            throw SurveyError.definitionMalformed(source: source, reason: "not a JSON object")
        }
        object["version"] = version
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
