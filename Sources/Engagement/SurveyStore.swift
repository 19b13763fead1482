import Foundation
import GRDB
import TuanjuCore

/// Survey definitions and responses in the database. Definitions are stored as their Seed JSON and checked
/// again whenever they are read, so a definition in the database is always one that loads.
public enum SurveyStore {
    /// Stores a definition file after checking it; an (id, version) already stored is left as it is.
    @discardableResult
    public static func load(_ db: Database, json: Data, source: String, at date: Date) throws -> SurveyDefinition {
        let definition = try SurveyDefinition.decode(json, source: source)
        try db.execute(
            sql: "INSERT OR IGNORE INTO surveys (id, version, definition, loaded_at) VALUES (?, ?, ?, ?)",
            arguments: [definition.id, definition.version, String(decoding: json, as: UTF8.self), Timestamp.iso(date)])
        return definition
    }

    /// The latest version of each survey.
    public static func latest(_ db: Database) throws -> [SurveyDefinition] {
        try Row.fetchAll(db, sql: """
            SELECT id, definition FROM surveys s WHERE version = (SELECT max(version) FROM surveys WHERE id = s.id) ORDER BY id
            """).map { try SurveyDefinition.decode(Data(($0[1] as String).utf8), source: "survey " + ($0[0] as String)) }
    }

    /// One survey: the given version, else the latest.
    public static func definition(_ db: Database, id: String, version: Int? = nil) throws -> SurveyDefinition {
        let row = if let version {
            try Row.fetchOne(db, sql: "SELECT definition FROM surveys WHERE id = ? AND version = ?", arguments: [id, version])
        } else {
            try Row.fetchOne(db, sql: "SELECT definition FROM surveys WHERE id = ? ORDER BY version DESC LIMIT 1", arguments: [id])
        }
        guard let row else { throw EngagementError.surveyNotFound(id: version.map { "\(id) v\($0)" } ?? id) }
        return try SurveyDefinition.decode(Data((row[0] as String).utf8), source: "survey \(id)")
    }

    /// Saves a rider's response; a resubmission replaces the earlier one. Returns whether it replaced one.
    @discardableResult
    public static func save(_ db: Database, _ response: ValidatedResponse, riderID: String, at date: Date) throws -> Bool {
        let replaced = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM survey_responses WHERE survey_id = ? AND version = ? AND rider_id = ?)
            """, arguments: [response.surveyID, response.surveyVersion, riderID]) ?? false
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let answers = String(decoding: try encoder.encode(response.answers), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO survey_responses (survey_id, version, rider_id, answers, consent, answered_at) VALUES (?, ?, ?, ?, 1, ?)
            ON CONFLICT (survey_id, version, rider_id) DO UPDATE SET answers = excluded.answers, answered_at = excluded.answered_at
            """, arguments: [response.surveyID, response.surveyVersion, riderID, answers, Timestamp.iso(date)])
        return replaced
    }

    /// The responses to one version with a profile field of each respondent (`platform`, `branch` or
    /// `party_member`), for the portrait.
    public static func responses(
        _ db: Database, _ definition: SurveyDefinition, profileField: PortraitField?
    ) throws -> [(profileGroup: String?, answers: ValidatedResponse)] {
        let column = profileField?.column ?? "NULL"
        return try Row.fetchAll(db, sql: """
            SELECT r.answers, \(column) FROM survey_responses r JOIN riders ON riders.id = r.rider_id
            WHERE r.survey_id = ? AND r.version = ?
            """, arguments: [definition.id, definition.version]).map { row in
            let answers = try JSONDecoder().decode([String: AnswerValue].self, from: Data((row[0] as String).utf8))
            let group: String? = profileField?.label(row[1])
            return (group, ValidatedResponse(surveyID: definition.id, surveyVersion: definition.version, answers: answers))
        }
    }
}

/// The rider profile fields a portrait may be cross-tabulated by.
public enum PortraitField: String, Sendable, CaseIterable {
    case platform, branch
    case partyMember = "party_member"

    public init(parsing text: String) throws(InputError) {
        guard let field = PortraitField(rawValue: text.lowercased()) else {
            throw .invalid(EngageMsg.portraitFieldUnknown, ["value": text, "known": Self.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        self = field
    }

    var column: String {
        switch self {
        case .platform: "riders.platform"
        case .branch: "riders.branch"
        case .partyMember: "riders.party_member"
        }
    }

    func label(_ value: DatabaseValue) -> String? {
        switch self {
        case .platform, .branch: String.fromDatabaseValue(value)
        case .partyMember: Int.fromDatabaseValue(value).map { $0 == 1 ? "yes" : "no" }
        }
    }
}
