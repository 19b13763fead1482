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

    /// The rider's notifications written after `seq`, oldest first, and the newest `seq` of any inbox (the live
    /// stream).
    public func inboxSince(_ caller: Caller, seq: Int64) throws -> [InboxNotice] {
        let useCase = try useCase(caller, requires: .rider(InboxMsg.actionReadInbox))
        return try useCase.read { db in try Inbox.since(db, riderID: caller.id, seq: seq) }
    }

    /// The newest notification `seq` of any rider (0 when none): one cheap read the live stream polls.
    public func latestNotificationSeq() throws -> Int64 {
        try database.read { db in try Inbox.latestSeq(db) }
    }
}
