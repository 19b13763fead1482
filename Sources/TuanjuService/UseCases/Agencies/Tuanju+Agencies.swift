import Notifier
import Reports
import TuanjuCore

extension Tuanju {
    /// `agencies add` (admin). An Open311 endpoint must pass the webhook URL rules and the SSRF guard.
    public func addAgency(_ caller: Caller, _ changes: AgencyChanges) throws -> Agency {
        let useCase = try useCase(caller, requires: .admin(AgencyMsg.actionManage))
        let changes = try Self.checkedAgency(changes)
        return try useCase.write { work in
            let agency = try Agencies.add(work.db, changes, at: work.now)
            try work.emit(.agencyCreated, AgencyEvent(agency, by: caller))
            return agency
        }
    }

    /// `agencies update` (admin): only the fields given change; `--service CATEGORY=` removes a mapping.
    public func updateAgency(_ caller: Caller, id: String, _ changes: AgencyChanges) throws -> Agency {
        let useCase = try useCase(caller, requires: .admin(AgencyMsg.actionManage))
        guard !changes.isEmpty else { throw InputError.invalid(.nothingToChange) }
        let changes = try Self.checkedAgency(changes)
        return try useCase.write { work in
            if changes.open311Endpoint?.isEmpty == false, changes.allowPrivate == nil {
                // A new endpoint is checked against the agency's stored allow-private choice.
                let stored = try Agencies.find(work.db, id: id)
                var again = changes
                again.allowPrivate = stored.allowPrivate
                _ = try Self.checkedAgency(again)
            }
            let agency = try Agencies.update(work.db, id: id, changes, at: work.now)
            try work.emit(.agencyUpdated, AgencyEvent(agency, by: caller))
            return agency
        }
    }

    /// `agencies retire` (admin): nothing new is dispatched to it; its reports keep their history.
    public func retireAgency(_ caller: Caller, id: String) throws -> Agency {
        try useCase(caller, requires: .admin(AgencyMsg.actionManage)).write { work in
            let agency = try Agencies.retire(work.db, id: id, at: work.now)
            try work.emit(.agencyRetired, AgencyEvent(agency, by: caller))
            return agency
        }
    }

    /// `agencies list` (staff: coordinators dispatch to them).
    public func listAgencies(_ caller: Caller, includeRetired: Bool, page: PageRequest = PageRequest()) throws -> Page<Agency> {
        try caller.requireStaff(AgencyMsg.actionList)
        let page = try page.checked()
        return try Page.slice(try database.read { db in try Agencies.all(db, includeRetired: includeRetired) }, page, id: \.id)
    }

    static func checkedAgency(_ changes: AgencyChanges) throws -> AgencyChanges {
        var changes = try changes.validated()
        if let endpoint = changes.open311Endpoint, !endpoint.isEmpty {
            let url = try WebhookURL(endpoint, allowPrivate: changes.allowPrivate ?? false)
            changes.open311Endpoint = url.text.hasSuffix("/") ? url.text : url.text + "/"
        }
        return changes
    }
}
