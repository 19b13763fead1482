import Foundation
import GRDB
import Reports
import Storage
import TuanjuCore

extension Tuanju {
    /// Open311 `GET requests.json`: public, as GeoReport v2 intends (the city's platforms read it without a key).
    /// Rows never carry a name or a phone; `account_id`, the rider's keyed pseudonym, goes to staff only, since
    /// it would let anyone link one rider's reports and so their whereabouts. Returns the JSON array as text.
    /// Without a staff key only reviewed reports are listed (a rider's key adds the rider's own), their text masked.
    public func open311Requests(_ caller: Caller?, _ filter: Open311Filter, mediaBaseURL: String) throws -> String {
        var filter = filter
        switch caller {
        case let caller? where caller.isStaff: filter.audience = .staff
        case let caller? where caller.kind == .rider: filter.audience = .public(riderID: caller.id)
        default: filter.audience = .public(riderID: nil)
        }
        guard filter.ids.count <= Open311Filter.maximumIDs else {
            throw InputError.invalid(ServiceMsg.open311IdsTooMany, ["max": "\(Open311Filter.maximumIDs)"])
        }
        guard (1...Open311Filter.maximumCount).contains(filter.limit) else {
            throw InputError.invalid(.limitRange, ["max": "\(Open311Filter.maximumCount)"])
        }
        let now = self.now
        return try database.read { db in
            var text = ""
            let export = try ReportExport(db, format: .open311, mediaBaseURL: mediaBaseURL, includeAccount: caller?.isStaff == true)
            try export.open311(db, filter, now: now) { text += $0 }
            return text
        }
    }

    /// Open311 `GET requests/{id}.json`: the one report, as a one-element array; `not_found` when there is none
    /// or when the caller may not see it (an unreviewed report answers exactly as an unknown id).
    public func open311Request(_ caller: Caller?, id: String, mediaBaseURL: String) throws -> String {
        var filter = Open311Filter()
        filter.ids = [id]
        let text = try open311Requests(caller, filter, mediaBaseURL: mediaBaseURL)
        guard text != "[]" else { throw ReportError.notFound(id: id) }
        return text
    }

    /// The schema version of the open database: a read that proves the server can reach its data (`/healthz`).
    public func healthCheck() throws -> Int {
        try database.schemaVersion()
    }
}
