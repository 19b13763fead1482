import CSVReader
import Foundation
import GRDB
import TuanjuCore

/// What a rider import did: new riders, changed profiles (same phone), unchanged, and bad rows.
public typealias RiderImportSummary = ImportSummary

/// Imports riders from CSV (`name,phone,platform,party_member,branch`), upserting by phone, so a second
/// import of the same file creates no duplicates, and a re-run after an interruption counts the rows the
/// interrupted run committed as `unchanged`. Streams the file: memory does not grow with its size.
///
/// The caller commits in chunks: `step` imports rows in the caller's transaction up to a row and a time limit,
/// so a long import never holds the write lock for much longer than that.
public struct RiderImport {
    public static let header = ["name", "phone", "platform", "party_member", "branch"]
    /// At most this many row errors are kept in the summary; the rest are only counted.
    public static let maxReportedErrors = 1000

    let reader: CSVReader
    let columns: [Int]
    let now: String
    /// Everything imported so far, over every chunk.
    public private(set) var summary = RiderImportSummary()

    /// Reads the header. Throws when the file is empty or its header is wrong.
    public init(reader: CSVReader, path: String, at date: Date) throws {
        guard let first = try reader.next() else { throw RiderError.emptyFile(path: path) }
        self.reader = reader
        columns = try Self.headerColumns(first)
        now = Timestamp.iso(date)
    }

    /// Checks every row of the file without a database: throws `importRejected` (naming the first bad row)
    /// when any is bad. What `--strict` runs before it imports anything.
    public static func check(reader: CSVReader, path: String) throws {
        guard let first = try reader.next() else { throw RiderError.emptyFile(path: path) }
        let columns = try headerColumns(first)
        var bad = 0
        var firstBad: ImportRowError?
        while let item = try reader.next() {
            do {
                _ = try parse(item, columns: columns)
            } catch {
                bad += 1
                if firstBad == nil { firstBad = ImportRowError(line: item.line, message: error.message) }
            }
        }
        if let firstBad { throw RiderError.importRejected(bad: bad, first: "\(firstBad.place): \(firstBad.message)") }
    }

    /// Imports the next rows in the caller's transaction, at most `rows` of them and none started after
    /// `deadline`; returns what this chunk did and whether the file has more.
    public mutating func step(
        _ db: Database, rows: Int, until deadline: ContinuousClock.Instant, progress: ((Int) -> Void)? = nil
    ) throws -> (chunk: RiderImportSummary, more: Bool) {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO riders (id, name, phone, platform, party_member, branch, active, registered_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
            ON CONFLICT (phone) DO UPDATE SET
                name = excluded.name, platform = excluded.platform,
                party_member = excluded.party_member, branch = excluded.branch, updated_at = excluded.updated_at
            WHERE (name, platform, party_member, branch) IS NOT
                  (excluded.name, excluded.platform, excluded.party_member, excluded.branch)
            """)
        var chunk = RiderImportSummary()
        while chunk.itemsRead < rows, chunk.itemsRead % 64 != 0 || chunk.itemsRead == 0 || ContinuousClock.now < deadline {
            guard let item = try reader.next() else {
                summary.add(chunk)
                return (chunk, false)
            }
            let draft: RiderDraft
            do {
                draft = try Self.parse(item, columns: columns)
            } catch {
                chunk.skipped += 1
                if summary.errors.count + chunk.errors.count < Self.maxReportedErrors {
                    chunk.errors.append(ImportRowError(line: item.line, message: error.message))
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
                chunk.unchanged += 1
            } else if db.lastInsertedRowID != rowIDBefore {
                chunk.imported += 1
            } else {
                chunk.updated += 1
            }
            if let progress, (summary.itemsRead + chunk.itemsRead) % 10_000 == 0 { progress(summary.itemsRead + chunk.itemsRead) }
        }
        summary.add(chunk)
        return (chunk, true)
    }

    /// Maps the header to column positions; every expected column must be there, in any order.
    static func headerColumns(_ item: CSVItem) throws -> [Int] {
        guard case .record(let record) = item else {
            if case .problem(let line, let problem) = item {
                throw RiderError.badHeader(LocalizedText(
                    CSVMsg.importHeaderUnreadable, ["line": "\(line)", "reason": problem.text.rendered()]))
            }
            return []
        }
        let names = record.fields.map { $0.trimmingSpaces.lowercased() }
        var positions: [Int] = []
        for column in header {
            guard let index = names.firstIndex(of: column) else {
                throw RiderError.badHeader(LocalizedText(CSVMsg.importHeaderMissing, [
                    "line": "\(record.line)", "column": column, "header": header.joined(separator: ","),
                ]))
            }
            positions.append(index)
        }
        if let unknown = names.first(where: { !header.contains($0) }) {
            throw RiderError.badHeader(LocalizedText(CSVMsg.importHeaderUnknown, [
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
                throw .invalid(CSVMsg.importFieldCount, ["expected": "\(expected)", "found": "\(record.fields.count)"])
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
