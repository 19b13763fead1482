import Governance
import TuanjuCore
import TuanjuService
import TuanjuViews

/// Human forms of a posting; the JSON shapes are `TuanjuViews.TaskJSON` and `ClaimJSON`.
extension TaskJSON {
    static func stateText(_ task: TaskPosting) -> String {
        if task.state == .closed { return CLIMsg.stateClosed.text }
        return task.seatsLeft == 0 ? CLIMsg.stateFull.text : CLIMsg.stateOpen.text
    }

    static func printHuman(_ task: TaskPosting, claimers: [Claimer]?) {
        var fields: [(String, String)] = [
            (CLIMsg.labelID.text, task.id), (CLIMsg.labelRole.text, task.roleCode), (CLIMsg.labelTitle.text, task.title),
            (CLIMsg.labelSeats.text, "\(task.claimed)/\(task.capacity)"), (CLIMsg.labelStatus.text, stateText(task)),
        ]
        if let starts = task.startsAt { fields.append((CLIMsg.labelStarts.text, DisplayTime.of(starts))) }
        if let ends = task.endsAt { fields.append((CLIMsg.labelEnds.text, DisplayTime.of(ends))) }
        if let points = task.points { fields.append((CLIMsg.labelPoints.text, "\(points)")) }
        if !task.description.isEmpty { fields.append((CLIMsg.labelDescription.text, task.description)) }
        Output.fields(fields)
        if let claimers, !claimers.isEmpty {
            Console.current.out()
            var table = Table([CLIMsg.colRider.text, CLIMsg.colName.text, CLIMsg.colWhen.text])
            for claimer in claimers { table.add([claimer.riderId, claimer.name, DisplayTime.of(claimer.claimedAt)]) }
            table.print()
        }
    }
}
