import Governance
import TuanjuCore
import TuanjuService
import TuanjuViews

/// Human forms of a posting; the JSON shapes are `TuanjuViews.TaskJSON` and `ClaimJSON`.
extension TaskJSON {
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
