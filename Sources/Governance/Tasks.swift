import Foundation
import GRDB
import Storage
import TuanjuCore

/// Changes to a posting; nil leaves a field as it is.
public struct TaskChanges: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var capacity: Int?
    public var endsAt: Date?
    public var points: Int?

    public init() {}
    public var isEmpty: Bool { self == TaskChanges() }
}

/// Filters for listing postings.
public struct TaskFilter: Sendable {
    public var openOnly = false
    public var roleCode: String?
    /// Only postings whose area contains this point (or that have no area), nearest centre first.
    public var near: Coordinate?

    public init() {}
}

/// The rules of postings. Runs inside the caller's transaction.
public enum Tasks {
    public static func create(_ db: Database, _ draft: TaskDraft, by creator: String, at date: Date) throws -> TaskPosting {
        guard try GovernanceRole.fetchOne(db, key: draft.roleCode) != nil else {
            throw GovernanceError.roleNotFound(code: draft.roleCode)
        }
        try RoleProgramme.requireActiveRole(db, code: draft.roleCode)
        let task = TaskPosting(
            id: Identifier.make("tsk"), roleCode: draft.roleCode, title: draft.title, description: draft.description,
            areaLat: draft.area?.centre.lat, areaLon: draft.area?.centre.lon, areaRadiusM: draft.area?.radiusM,
            capacity: draft.capacity, claimed: 0,
            startsAt: draft.startsAt.map(Timestamp.iso), endsAt: draft.endsAt.map(Timestamp.iso),
            points: draft.points, state: .open, createdBy: creator, createdAt: Timestamp.iso(date), closedAt: nil)
        try task.insert(db)
        return task
    }

    public static func find(_ db: Database, id: String) throws -> TaskPosting {
        let statement = try db.cachedStatement(sql: "SELECT * FROM tasks WHERE id = ?")
        guard let task = try TaskPosting.fetchOne(statement, arguments: [id]) else {
            throw GovernanceError.taskNotFound(id: id)
        }
        return task
    }

    /// Oldest posting first; the order of paging when no `near` point reorders the list.
    public static let keyset = Keyset(table: "tasks", keys: ["created_at", "rowid"], descending: false)

    /// One page of postings. Without `near` the walk is a keyset scan that reads chunks until the page is full
    /// (the time window of `--open` is checked in Swift); with `near` the order is the distance, so the
    /// postings of that area are read whole, sorted and sliced.
    public static func list(_ db: Database, _ filter: TaskFilter, page: PageRequest, at date: Date) throws -> Page<TaskPosting> {
        var request = TaskPosting.all()
        if let role = filter.roleCode { request = request.filter(Column("role_code") == role) }
        if filter.openOnly { request = request.filter(Column("state") == "open") }
        request = request.order(Column("created_at"), Column.rowID)
        let keep = { (task: TaskPosting) in !filter.openOnly || task.isLive(at: date) }
        if let near = filter.near {
            var tasks = try request.fetchAll(db).filter(keep).filter { task in
                guard let centre = task.centre, let radius = task.areaRadiusM else { return true }
                return centre.distance(to: near) <= radius
            }
            tasks.sort { ($0.centre?.distance(to: near) ?? .infinity) < ($1.centre?.distance(to: near) ?? .infinity) }
            return try Page.slice(tasks, page, id: \.id)
        }
        var found: [TaskPosting] = []
        var cursor = page.after
        while found.count <= page.limit {
            var chunk = request
            if let after = try keyset.after(db, cursor) { chunk = chunk.filter(sql: after.sql, arguments: after.arguments) }
            let rows = try chunk.limit(page.limit + 1).fetchAll(db)
            found += rows.filter(keep)
            guard rows.count == page.limit + 1, let last = rows.last else { break }
            cursor = last.id
        }
        return Page.cut(found, limit: page.limit, id: \.id)
    }

    public static func update(_ db: Database, id: String, _ changes: TaskChanges) throws -> TaskPosting {
        var task = try find(db, id: id)
        guard task.state == .open else { throw GovernanceError.taskClosed(taskID: id) }
        if let title = changes.title { task.title = try Text.label(title, field: GovernanceMsg.fieldTitle, maxLength: 200) }
        if let description = changes.description { task.description = Text.clean(description) }
        if let capacity = changes.capacity {
            guard capacity > 0, capacity <= 100_000 else { throw InputError.invalid(.capacityInvalid, ["value": "\(capacity)"]) }
            guard capacity >= task.claimed else { throw GovernanceError.capacityBelowClaimed(claimed: task.claimed) }
            task.capacity = capacity
        }
        if let endsAt = changes.endsAt {
            if let startsAt = task.startsAt.flatMap(Timestamp.parse), endsAt <= startsAt {
                throw InputError.invalid(.endsBeforeStarts)
            }
            task.endsAt = Timestamp.iso(endsAt)
        }
        if let points = changes.points {
            guard (0...10_000).contains(points) else { throw InputError.invalid(.pointsInvalid, ["value": "\(points)"]) }
            task.points = points
        }
        try task.update(db)
        return task
    }

    /// Closes a posting; its active claims end in the same transaction. Returns the posting and how many
    /// claims ended.
    public static func close(_ db: Database, id: String, by closer: String, at date: Date) throws -> (TaskPosting, Int) {
        var task = try find(db, id: id)
        guard task.state == .open else { throw GovernanceError.taskClosed(taskID: id) }
        let now = Timestamp.iso(date)
        try db.execute(
            sql: "UPDATE claims SET state = 'ended', ended_at = ?, ended_by = ?, reason = 'task closed' WHERE task_id = ? AND state = 'active'",
            arguments: [now, closer, id])
        let ended = db.changesCount
        task = try find(db, id: id)
        task.state = .closed
        task.closedAt = now
        try task.update(db)
        return (task, ended)
    }
}
