import Crypto
import Foundation
import GRDB
import TuanjuCore

/// One invitation as the coordinator sees it (the code itself is shown once, when it is made).
public struct Invitation: Sendable, Equatable {
    public let id: String
    public let platform: String?
    public let createdBy: String
    public let createdAt: String
    public let expiresAt: String
    public let usedAt: String?
    /// The rider who joined with it.
    public let riderID: String?

    init(_ row: Row) {
        id = row["id"]
        platform = row["platform"]
        createdBy = row["created_by"]
        createdAt = row["created_at"]
        expiresAt = row["expires_at"]
        usedAt = row["used_at"]
        riderID = row["rider_id"]
    }
}

/// A new invitation with its code, which is never stored.
public struct IssuedInvitation: Sendable, Equatable {
    public let invitation: Invitation
    public let code: String
}

/// One-time invitation codes: `XXXX-XXXX-XXXX` from an alphabet without look-alikes (60 random bits), stored
/// only as SHA-256 of the normalized code. Runs inside the caller's transaction.
public enum Invitations {
    public static let counts = 1...1000
    /// From one hour to 90 days.
    public static let lifetimes: ClosedRange<TimeInterval> = 3600...(90 * 86_400)
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// `7d`, `48h`: an invitation's lifetime.
    public static func lifetime(_ text: String) throws(InputError) -> TimeInterval {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last, let number = Int(trimmed.dropLast()), number > 0,
              let seconds = unit == "d" ? Double(number) * 86_400 : unit == "h" ? Double(number) * 3600 : nil,
              lifetimes.contains(seconds)
        else { throw .invalid(InviteMsg.expiresInvalid, ["text": text]) }
        return seconds
    }

    public static func count(_ count: Int) throws(InputError) -> Int {
        guard counts.contains(count) else { throw .invalid(InviteMsg.countInvalid, ["count": "\(count)"]) }
        return count
    }

    /// A code as a rider may type it: case, spaces and dashes do not matter; O reads as 0, I and L as 1.
    public static func normalized(_ code: String) -> String {
        String(code.uppercased().compactMap { character -> Character? in
            switch character {
            case "-", " ": nil
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
        })
    }

    static func hash(_ code: String) -> String {
        SHA256.hash(data: Data(normalized(code).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// Makes `count` invitations valid for `lifetime` from `date`.
    public static func create(
        _ db: Database, count: Int, lifetime: TimeInterval, platform: String?, by userID: String, at date: Date
    ) throws -> [IssuedInvitation] {
        try (0..<count).map { _ in
            let code = generate()
            let id = Identifier.make("inv")
            try db.execute(
                sql: """
                    INSERT INTO invitations (id, code_hash, platform, created_by, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, hash(code), platform, userID, Timestamp.iso(date), Timestamp.iso(date.addingTimeInterval(lifetime))])
            return IssuedInvitation(invitation: try find(db, id: id)!, code: code)
        }
    }

    static func find(_ db: Database, id: String) throws -> Invitation? {
        try Row.fetchOne(db, sql: "SELECT * FROM invitations WHERE id = ?", arguments: [id]).map(Invitation.init)
    }

    /// The unused, unexpired invitation `code` names, or nil (unknown, used and expired codes look alike).
    public static func usable(_ db: Database, code: String, at date: Date) throws -> Invitation? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM invitations WHERE code_hash = ? AND used_at IS NULL", arguments: [hash(code)])
        else { return nil }
        let invitation = Invitation(row)
        guard let expires = Timestamp.parse(invitation.expiresAt), expires > date else { return nil }
        return invitation
    }

    /// Marks the invitation used by `riderID`.
    public static func use(_ db: Database, id: String, riderID: String, at date: Date) throws -> Invitation {
        try db.execute(
            sql: "UPDATE invitations SET used_at = ?, rider_id = ? WHERE id = ? AND used_at IS NULL",
            arguments: [Timestamp.iso(date), riderID, id])
        guard db.changesCount == 1 else { throw InviteError.unusable }
        return try find(db, id: id)!
    }

    /// Invitations, newest first.
    public static func list(_ db: Database, page: PageRequest) throws -> Page<Invitation> {
        var sql = "SELECT * FROM invitations"
        var arguments: StatementArguments = []
        if let after = page.after {
            guard let rowid = try Int64.fetchOne(db, sql: "SELECT rowid FROM invitations WHERE id = ?", arguments: [after])
            else { throw InputError.invalid(PageMsg.afterUnknown, ["id": after]) }
            sql += " WHERE rowid < ?"
            arguments += [rowid]
        }
        sql += " ORDER BY rowid DESC LIMIT ?"
        arguments += [page.limit + 1]
        return Page.cut(try Row.fetchAll(db, sql: sql, arguments: arguments).map(Invitation.init), limit: page.limit, id: \.id)
    }
}

/// The one refusal of joining: an unknown, used or expired code and an already registered phone answer alike, so
/// nobody learns which codes or phones exist.
public enum InviteError: TuanjuError, Equatable {
    case unusable

    public var code: String { "invitation_invalid" }
    public var text: LocalizedText { LocalizedText(InviteMsg.unusable) }
    public var category: ErrorCategory { .refused }
}

/// Texts of invitations, English and Simplified Chinese; `{name}` marks an argument.
public enum InviteMsg: String, CaseIterable, CatalogMessage {
    case unusable, expiresInvalid, countInvalid, actionInvite

    public var texts: (en: String, zh: String) {
        switch self {
        case .unusable:
            ("this invitation code cannot be used (unknown, used or expired), or the details given cannot be registered; ask your station's coordinator",
             "该邀请码无法使用(不存在、已被使用或已过期),或所填信息无法登记;请联系驿站协调员")
        case .expiresInvalid: ("--expires \"{text}\" is not a lifetime from 1h to 90d, e.g. 7d or 48h", "--expires“{text}”不是 1h 到 90d 之间的有效期,例如 7d 或 48h")
        case .countInvalid: ("--count {count} must be from 1 to 1000", "--count {count} 必须在 1 到 1000 之间")
        case .actionInvite: ("invite riders", "邀请骑手")
        }
    }
}
