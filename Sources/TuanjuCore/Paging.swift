/// Where a list page starts and how long it is: the rows after the one `after` names, at most `limit`.
///
/// Every list (CLI and HTTP) pages this way. The cursor is the id of the last row of the previous page, so a
/// page never skips or repeats a row when rows are added in front of it, and no count is ever capped.
public struct PageRequest: Sendable, Equatable {
    public static let defaultLimit = 200
    public static let maximumLimit = 1000
    public static let limits = 1...maximumLimit

    /// The id of the last row already seen; nil for the first page.
    public var after: String?
    public var limit: Int

    public init(after: String? = nil, limit: Int = PageRequest.defaultLimit) {
        self.after = after
        self.limit = limit
    }

    /// This request, or a 65 when the limit is out of range or the cursor is empty.
    public func checked() throws(InputError) -> PageRequest {
        guard Self.limits.contains(limit) else {
            throw .invalid(.limitRange, ["max": "\(Self.maximumLimit)"])
        }
        if let after, after.isEmpty || after.utf8.count > 200 {
            throw .invalid(PageMsg.afterUnknown, ["id": String(after.prefix(200))])
        }
        return self
    }
}

/// One page of a list and where the next starts (nil at the end).
public struct Page<Row> {
    public var rows: [Row]
    /// The cursor for the next page (`--after` / `?after=`): the id of this page's last row, set only when a
    /// further row exists.
    public var next: String?

    public init(rows: [Row], next: String?) {
        self.rows = rows
        self.next = next
    }

    /// The page from rows fetched with `limit + 1`: the extra row only says that there is more.
    public static func cut(_ fetched: [Row], limit: Int, id: (Row) -> String) -> Page {
        guard fetched.count > limit else { return Page(rows: fetched, next: nil) }
        let rows = Array(fetched.prefix(limit))
        return Page(rows: rows, next: rows.last.map(id))
    }

    /// A page of a short list that is read whole (roles, settings, kinds): the rows after the cursor.
    public static func slice(_ all: [Row], _ request: PageRequest, id: (Row) -> String) throws(InputError) -> Page {
        var start = all.startIndex
        if let after = request.after {
            guard let index = all.firstIndex(where: { id($0) == after }) else {
                throw .invalid(PageMsg.afterUnknown, ["id": after])
            }
            start = index + 1
        }
        return cut(Array(all[start...].prefix(request.limit + 1)), limit: request.limit, id: id)
    }

    public func map<T>(_ transform: (Row) throws -> T) rethrows -> Page<T> {
        Page<T>(rows: try rows.map(transform), next: next)
    }
}

extension Page: Sendable where Row: Sendable {}
