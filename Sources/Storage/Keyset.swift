import GRDB
import TuanjuCore

/// Keyset (cursor) paging over one table: rows in the order of `keys`, whose last column is unique, so the
/// order is total and stable; a page starts strictly after the row the cursor names. Cost per page is one
/// index seek, however deep the page, and an `--all` walk holds one page in memory.
public struct Keyset: Sendable {
    /// The table the cursor's row is looked up in.
    public let table: String
    /// The ordering columns, most significant first; the last is unique (`rowid`, `seq`, `id`).
    public let keys: [String]
    public let descending: Bool
    /// The column the cursor names (`id`, or `seq` for logs).
    public let idColumn: String

    public init(table: String, keys: [String], descending: Bool, idColumn: String = "id") {
        self.table = table
        self.keys = keys
        self.descending = descending
        self.idColumn = idColumn
    }

    /// `ORDER BY` terms, each column qualified with `alias` when the query joins tables.
    public func order(alias: String? = nil) -> String {
        columns(alias).map { $0 + (descending ? " DESC" : "") }.joined(separator: ", ")
    }

    /// The condition "after the cursor's row" (`(a, b) < (?, ?)`) with its arguments, or nil for the first
    /// page. A cursor that names no row of the table is a 65, never an empty page.
    public func after(_ db: Database, _ cursor: String?, alias: String? = nil) throws -> (sql: String, arguments: StatementArguments)? {
        guard let cursor else { return nil }
        let select = keys.joined(separator: ", ")
        guard let row = try Row.fetchOne(
            db, sql: "SELECT \(select) FROM \(table) WHERE \(idColumn) = ?", arguments: [cursor])
        else { throw InputError.invalid(PageMsg.afterUnknown, ["id": cursor]) }
        let values = (0..<keys.count).map { row[$0] as DatabaseValue }
        let marks = Array(repeating: "?", count: keys.count).joined(separator: ", ")
        let sql = "(\(columns(alias).joined(separator: ", "))) \(descending ? "<" : ">") (\(marks))"
        return (sql, StatementArguments(values))
    }

    private func columns(_ alias: String?) -> [String] {
        guard let alias else { return keys }
        return keys.map { "\(alias).\($0)" }
    }
}
