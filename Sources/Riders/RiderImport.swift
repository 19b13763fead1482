import CSVReader
import Foundation
import GRDB
import TuanjuCore

/// What a rider import did: new riders, changed profiles (same phone), unchanged, and bad rows.
public typealias RiderImportSummary = ImportSummary

/// Imports riders from CSV (`name,phone,platform,party_member,branch`), upserting by phone, so a second
/// import of the same file creates no duplicates. Streams the file: memory does not grow with its size.
public enum RiderImport {
    public static let header = ["name", "phone", "platform", "party_member", "branch"]
    /// At most this many row errors are kept in the summary; the rest are only counted.
    public static let maxReportedErrors = 1000

    /// Runs inside the caller's transaction. With `strict`, any bad row throws, so the caller's
    /// transaction rolls back and nothing is imported.
    public static func run(
        _ db: Database, reader: CSVReader, path: String, strict: Bool, at date: Date,
        progress: ((Int) -> Void)? = nil
    ) throws -> RiderImportSummary {
        let now = Timestamp.iso(date)
        guard let first = try reader.next() else { throw RiderError.emptyFile(path: path) }
        let columns = try headerColumns(first)
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO riders (id, name, phone, platform, party_member, branch, active, registered_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
            ON CONFLICT (phone) DO UPDATE SET
                name = excluded.name, platform = excluded.platform,
                party_member = excluded.party_member, branch = excluded.branch, updated_at = excluded.updated_at
            WHERE (name, platform, party_member, branch) IS NOT
                  (excluded.name, excluded.platform, excluded.party_member, excluded.branch)
            """)
        var summary = RiderImportSummary()

        while let item = try reader.next() {
            let draft: RiderDraft
            do {
                draft = try parse(item, columns: columns)
            } catch {
                summary.skipped += 1
                if summary.errors.count < maxReportedErrors {
                    summary.errors.append(ImportRowError(line: item.line, message: error.message))
                }
                continue
            }
            // An upsert that updates leaves last_insert_rowid as it was; one that changes nothing
            // reports no changes.
            let rowIDBefore = db.lastInsertedRowID
            upsert.setUncheckedArguments([
                Identifier.make("rdr"), draft.name, draft.phone.digits, draft.platform.rawValue,
                draft.partyMember, draft.branch, now, now,
            ])
            try upsert.execute()
            if db.changesCount == 0 {
                summary.unchanged += 1
            } else if db.lastInsertedRowID != rowIDBefore {
                summary.imported += 1
            } else {
                summary.updated += 1
            }
            if let progress, summary.itemsRead % 10_000 == 0 { progress(summary.itemsRead) }
        }
        if strict, let first = summary.errors.first {
            throw RiderError.importRejected(bad: summary.skipped, first: "\(first.place): \(first.message)")
        }
        return summary
    }

    /// Maps the header to column positions; every expected column must be there, in any order.
    static func headerColumns(_ item: CSVItem) throws -> [Int] {
        guard case .record(let record) = item else {
            if case .problem(let line, let problem) = item {
                throw RiderError.badHeader(LocalizedText(
                    .importHeaderUnreadable, ["line": "\(line)", "reason": problem.text.rendered()]))
            }
            return []
        }
        let names = record.fields.map { $0.trimmingSpaces.lowercased() }
        var positions: [Int] = []
        for column in header {
            guard let index = names.firstIndex(of: column) else {
                throw RiderError.badHeader(LocalizedText(.importHeaderMissing, [
                    "line": "\(record.line)", "column": column, "header": header.joined(separator: ","),
                ]))
            }
            positions.append(index)
        }
        if let unknown = names.first(where: { !header.contains($0) }) {
            throw RiderError.badHeader(LocalizedText(.importHeaderUnknown, [
                "line": "\(record.line)", "column": unknown, "header": header.joined(separator: ","),
            ]))
        }
        return positions
    }

    static func parse(_ item: CSVItem, columns: [Int]) throws(InputError) -> RiderDraft {
        switch item {
        case .problem(_, let problem):
            throw .invalid(problem.text)
        case .record(let record):
            let expected = columns.count
            guard record.fields.count == expected else {
                throw .invalid(.importFieldCount, ["expected": "\(expected)", "found": "\(record.fields.count)"])
            }
            let value = { (index: Int) in record.fields[columns[index]] }
            return try RiderDraft(
                name: value(0), phone: value(1), platform: value(2),
                partyMember: try partyMember(value(3)), branch: value(4))
        }
    }

    static func partyMember(_ text: String) throws(InputError) -> Bool {
        switch text.trimmingSpaces.lowercased() {
        case "", "0", "false", "no", "n", "否": return false
        case "1", "true", "yes", "y", "是": return true
        default: throw .invalid(.partyMemberInvalid, ["text": text])
        }
    }
}

extension Error {
    /// The human message of a TuanjuError, else the error's description.
    var message: String {
        (self as? TuanjuError)?.message ?? String(describing: self)
    }
}
