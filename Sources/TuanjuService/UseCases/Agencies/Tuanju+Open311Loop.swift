import Foundation
import Notifier
import Reports
import TuanjuCore

/// What one pass of the Open311 loop did.
public struct Open311PassSummary: Sendable, Equatable {
    public var sent = 0
    public var retrying = 0
    public var dead = 0
    public var polled = 0
    public var updated = 0
    public var resolved = 0
    public var pollFailures = 0

    public init() {}

    mutating func add(_ other: Open311PassSummary) {
        sent += other.sent
        retrying += other.retrying
        dead += other.dead
        polled += other.polled
        updated += other.updated
        resolved += other.resolved
        pollFailures += other.pollFailures
    }
}

extension Tuanju {
    /// The most ids asked about in one GET requests.json (a long query string is refused by some servers).
    static let open311PollBatch = 50

    /// `agencies sync` (admin): one pass of the loop now: send the dispatches that are due, then read back the
    /// status of every request still open at its agency.
    public func syncAgencies(
        _ caller: Caller, transport: Open311Transport = CurlOpen311Transport(), mediaBaseURL: String? = nil
    ) throws -> Open311PassSummary {
        try caller.requireAdmin(AgencyMsg.actionManage)
        return try open311Pass(transport: transport, mediaBaseURL: mediaBaseURL)
    }

    /// The long-running loop (`serve`, `webhooks run` with `--open311-interval`): overdue notices and an Open311
    /// pass at start, then one
    /// every `interval` seconds until `shouldStop`. A failed pass (the database busy) is tried again next time.
    public func runOpen311Loop(
        interval: TimeInterval, shouldStop: @escaping @Sendable () -> Bool, transport: Open311Transport = CurlOpen311Transport(),
        mediaBaseURL: String? = nil, report: (@Sendable (Result<Open311PassSummary, any Error>) -> Void)? = nil
    ) {
        while !shouldStop() {
            let result = Result { () throws -> Open311PassSummary in
                try noticeOverdue()
                return try open311Pass(transport: transport, mediaBaseURL: mediaBaseURL)
            }
            report?(result)
            let wake = Date().addingTimeInterval(interval)
            while !shouldStop(), Date() < wake { usleep(50_000) }
        }
    }

    /// One pass, as the installation (no caller: nothing is audited; events go out as usual).
    public func open311Pass(transport: Open311Transport, mediaBaseURL: String? = nil) throws -> Open311PassSummary {
        var summary = try sendDueOpen311(transport: transport, mediaBaseURL: mediaBaseURL)
        summary.add(try pollOpen311(transport: transport))
        return summary
    }

    func sendDueOpen311(transport: Open311Transport, mediaBaseURL: String?) throws -> Open311PassSummary {
        var summary = Open311PassSummary()
        let policy = RetryPolicy()
        while true {
            let now = self.now
            let due = try systemUseCase().write { work in
                try Open311Sends.fanOut(work.db, at: work.now)
                return try Open311Sends.due(work.db, at: now, limit: 20, mediaBaseURL: mediaBaseURL)
            }
            if due.isEmpty { break }
            for item in due {
                let response = transport.call(
                    url: item.target.endpoint + "requests.json", form: FormEncoding.encode(item.fields),
                    allowPrivate: item.target.allowPrivate)
                let delay = policy.delay(afterAttempts: item.send.attempts + 1, retryAfter: response.retryAfter, random: Double.random(in: 0...1))
                try systemUseCase().write { work in
                    let outcome = try Open311Sends.recordPost(
                        work.db, item, status: response.status, body: response.body, error: response.error,
                        durationMs: response.durationMs, delay: delay, at: work.now)
                    let report = try Reports.find(work.db, id: item.send.reportID)
                    switch outcome {
                    case .sent(let send):
                        summary.sent += 1
                        let request = send.serviceRequestID.map { "service_request_id \($0)" } ?? "token \(send.token ?? "")"
                        try work.emit(.reportAgencyUpdated, ReportEvent(report, by: item.send.agencyID, note: "Open311: received, \(request)"))
                    case .retrying:
                        summary.retrying += 1
                    case .dead(let reason):
                        summary.dead += 1
                        try work.emit(.reportAgencyUpdated, ReportEvent(report, by: item.send.agencyID, note: "Open311: \(reason)"))
                    }
                }
            }
        }
        return summary
    }

    func pollOpen311(transport: Open311Transport) throws -> Open311PassSummary {
        var summary = Open311PassSummary()
        let groups = try database.read { db in try Open311Sends.pollable(db) }
        for (target, sends) in groups {
            // A token stands for a request the agency has not numbered yet: ask for its id first.
            var numbered: [Open311Send] = []
            for send in sends {
                if send.serviceRequestID != nil { numbered.append(send); continue }
                guard let token = send.token else { continue }
                let response = transport.call(
                    url: target.endpoint + "tokens/\(FormEncoding.escape(token)).json", form: nil, allowPrivate: target.allowPrivate)
                try systemUseCase().write { work in
                    if response.succeeded {
                        try Open311Sends.recordToken(work.db, send, response: response.body, at: work.now)
                    } else {
                        try Open311Sends.recordPollFailure(work.db, send, kind: "token", status: response.status,
                                                           error: response.error ?? "HTTP \(response.status ?? 0)",
                                                           durationMs: response.durationMs, at: work.now)
                    }
                }
                if let again = try? database.read({ db in try Open311Sends.find(db, id: send.id) }), again.serviceRequestID != nil {
                    numbered.append(again)
                }
            }
            for start in stride(from: 0, to: numbered.count, by: Self.open311PollBatch) {
                let batch = Array(numbered[start..<min(start + Self.open311PollBatch, numbered.count)])
                var query = "service_request_id=" + batch.compactMap(\.serviceRequestID).map(FormEncoding.escape).joined(separator: ",")
                if let jurisdiction = target.jurisdictionID { query += "&jurisdiction_id=" + FormEncoding.escape(jurisdiction) }
                let response = transport.call(url: target.endpoint + "requests.json?" + query, form: nil, allowPrivate: target.allowPrivate)
                summary.polled += batch.count
                guard response.succeeded, let statuses = Open311Sends.statuses(response.body) else {
                    summary.pollFailures += 1
                    try systemUseCase().write { work in
                        for send in batch {
                            try Open311Sends.recordPollFailure(work.db, send, kind: "poll", status: response.status,
                                                               error: response.error ?? "HTTP \(response.status ?? 0)",
                                                               durationMs: response.durationMs, at: work.now)
                        }
                    }
                    continue
                }
                try systemUseCase().write { work in
                    for send in batch {
                        guard let id = send.serviceRequestID, let read = statuses[id] else { continue }
                        switch try Open311Sends.recordStatus(work.db, send, status: read.status, notes: read.notes, at: work.now) {
                        case .resolved(let report, let note)?:
                            summary.resolved += 1
                            try work.emit(.reportResolved, ReportEvent(report, by: send.agencyID, note: note))
                        case .updated(let report, let note)?:
                            summary.updated += 1
                            try work.emit(.reportAgencyUpdated, ReportEvent(report, by: send.agencyID, note: note))
                        case nil:
                            break
                        }
                    }
                }
            }
        }
        return summary
    }

    /// The Open311 sends of a report (`reports show` prints them for staff).
    public func open311Sends(_ caller: Caller, reportID: String) throws -> [Open311Send] {
        try caller.requireStaff(AgencyMsg.actionList)
        return try database.read { db in try Open311Sends.of(db, reportID: reportID) }
    }
}
