import Identity
import Riders
import TuanjuCore

extension Tuanju {
    /// `inbox` (rider): their notifications, newest first; `unreadOnly` leaves out those already read.
    public func inbox(_ caller: Caller, unreadOnly: Bool, page: PageRequest = PageRequest()) throws -> Page<InboxNotice> {
        let useCase = try useCase(caller, requires: .rider(InboxMsg.actionReadInbox))
        let page = try page.checked()
        return try useCase.read { db in try Inbox.list(db, riderID: caller.id, unreadOnly: unreadOnly, page: page) }
    }

    /// `inbox read ID...` (rider): marks their notifications read; an id not in their inbox is refused and
    /// nothing changes. Returns how many were unread (none for no ids). Reading one's own inbox announces nothing.
    public func markInboxRead(_ caller: Caller, ids: [String]) throws -> Int {
        let useCase = try useCase(caller, requires: .rider(InboxMsg.actionReadInbox))
        guard ids.count <= PageRequest.maximumLimit else { throw InputError.invalid(.limitRange, ["max": "\(PageRequest.maximumLimit)"]) }
        return try useCase.write { work in try Inbox.markRead(work.db, riderID: caller.id, ids: ids, at: work.now) }
    }

    /// `inbox read --all` (rider): marks every notification of theirs read; returns how many were unread.
    public func markInboxAllRead(_ caller: Caller) throws -> Int {
        let useCase = try useCase(caller, requires: .rider(InboxMsg.actionReadInbox))
        return try useCase.write { work in try Inbox.markAllRead(work.db, riderID: caller.id, at: work.now) }
    }

    /// `GET /v1/me/inbox/stream` (rider): their notifications written after `seq`, oldest first, at most `limit`
    /// (the stream reads again while a read comes back full).
    public func inboxSince(_ caller: Caller, seq: Int64, limit: Int = 500) throws -> [InboxNotice] {
        let useCase = try useCase(caller, requires: .rider(InboxMsg.actionReadInbox))
        return try useCase.read { db in try Inbox.since(db, riderID: caller.id, seq: max(0, seq), limit: max(1, limit)) }
    }

    /// The newest notification `seq` of any rider (0 when none): where a stream opened without `Last-Event-ID`
    /// starts.
    public func latestNotificationSeq() throws -> Int64 {
        try database.read { db in try Inbox.latestSeq(db) }
    }

    /// What the live stream's one watcher per server polls: the newest notification `seq`, and, when it is above
    /// `after`, which riders were notified since (each once). Installation work with no caller: it names riders
    /// only to the server, which wakes their streams; each stream then reads its own notices as its rider
    /// (`inboxSince`). Nil `after` (the watcher's first look) names nobody.
    public func inboxChanges(after: Int64?) throws -> InboxChanges {
        try database.read { db in
            let latest = try Inbox.latestSeq(db)
            guard let after, latest > after else { return InboxChanges(latest: latest, riders: []) }
            return InboxChanges(latest: latest, riders: try Inbox.riders(db, after: after, through: latest))
        }
    }
}

/// The inboxes' newest `seq`, and the riders notified since the previous look.
public struct InboxChanges: Sendable, Equatable {
    public let latest: Int64
    public let riders: [String]
}
