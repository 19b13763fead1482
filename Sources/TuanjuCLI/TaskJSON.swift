import Governance
import TuanjuCore
import TuanjuService

/// The JSON shape of a posting (CLI.md: id, role, capacity, claimed, ...).
struct TaskJSON: Encodable {
    struct Area: Encodable {
        let lat: Double
        let lon: Double
        let radius_m: Double
    }

    struct ClaimerJSON: Encodable {
        let rider_id: String
        let name: String
        let claimed_at: String
    }

    let id: String
    let role: String
    let title: String
    let description: String
    let capacity: Int
    let claimed: Int
    let seats_left: Int
    let state: String
    let starts_at: String?
    let ends_at: String?
    let points: Int?
    let area: Area?
    let created_at: String
    let distance_m: Double?
    let claimers: [ClaimerJSON]?

    init(_ task: TaskPosting, claimers: [Claimer]? = nil, near: Coordinate? = nil) {
        id = task.id
        role = task.roleCode
        title = task.title
        description = task.description
        capacity = task.capacity
        claimed = task.claimed
        seats_left = task.seatsLeft
        state = task.state.rawValue
        starts_at = task.startsAt
        ends_at = task.endsAt
        points = task.points
        if let lat = task.areaLat, let lon = task.areaLon, let radius = task.areaRadiusM {
            area = Area(lat: lat, lon: lon, radius_m: radius)
        } else {
            area = nil
        }
        created_at = task.createdAt
        distance_m = near.flatMap { point in task.centre.map { ($0.distance(to: point)).rounded() } }
        self.claimers = claimers?.map { ClaimerJSON(rider_id: $0.riderId, name: $0.name, claimed_at: $0.claimedAt) }
    }

    static func stateText(_ task: TaskPosting) -> String {
        if task.state == .closed { return Msg.stateClosed.text }
        return task.seatsLeft == 0 ? Msg.stateFull.text : Msg.stateOpen.text
    }

    static func printHuman(_ task: TaskPosting, claimers: [Claimer]?) {
        var fields: [(String, String)] = [
            (Msg.labelID.text, task.id), (Msg.labelRole.text, task.roleCode), (Msg.labelTitle.text, task.title),
            (Msg.labelSeats.text, "\(task.claimed)/\(task.capacity)"), (Msg.labelStatus.text, stateText(task)),
        ]
        if let starts = task.startsAt { fields.append((Msg.labelStarts.text, DisplayTime.of(starts))) }
        if let ends = task.endsAt { fields.append((Msg.labelEnds.text, DisplayTime.of(ends))) }
        if let points = task.points { fields.append((Msg.labelPoints.text, "\(points)")) }
        if !task.description.isEmpty { fields.append((Msg.labelDescription.text, task.description)) }
        Output.fields(fields)
        if let claimers, !claimers.isEmpty {
            Console.current.out()
            var table = Table([Msg.colRider.text, Msg.colName.text, Msg.colWhen.text])
            for claimer in claimers { table.add([claimer.riderId, claimer.name, DisplayTime.of(claimer.claimedAt)]) }
            table.print()
        }
    }
}

/// The JSON shape of a claim (CLI.md: claim_id, task_id, rider_id).
struct ClaimJSON: Encodable {
    let claim_id: String
    let task_id: String
    let rider_id: String
    let state: String
    let claimed_at: String
    let ended_at: String?
    let ended_by: String?
    let reason: String?

    init(_ claim: Claim) {
        claim_id = claim.id
        task_id = claim.taskId
        rider_id = claim.riderId
        state = claim.state.rawValue
        claimed_at = claim.claimedAt
        ended_at = claim.endedAt
        ended_by = claim.endedBy
        reason = claim.reason
    }
}
