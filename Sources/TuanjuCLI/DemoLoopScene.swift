import Foundation
import Reports
import TuanjuCore
import TuanjuService
import TuanjuViews

extension DemoScript {
    /// Before the report scene: the district's city-management bureau gets an Open311 endpoint (a GeoReport v2
    /// agency on loopback), so the report dispatched there is sent to it.
    func connectAgency(_ app: Tuanju, admin: Caller) throws -> DemoAgency {
        let city = try DemoAgency(apiKey: "demo-key-4f1c")
        let bureau = try app.listAgencies(admin, includeRetired: false).rows.first { $0.name == "拱墅区城管局" }
        guard let bureau else { throw ReportError.agencyNotFound(reference: "拱墅区城管局") }
        var changes = AgencyChanges()
        changes.open311Endpoint = city.base
        changes.apiKey = "demo-key-4f1c"
        changes.allowPrivate = true
        _ = try app.updateAgency(admin, id: bureau.id, changes)
        return city
    }

    /// After the report scene: the loop sends the dispatched report, the agency closes it, the report resolves;
    /// then the month's figures and the meeting charts.
    func loopScene(_ app: Tuanju, admin: Caller, _ coordinator: Caller, city: DemoAgency) throws {
        narrator.step(AgencyMsg.demoLoop)
        let sent = try app.syncAgencies(admin)
        let request = city.requests.first?.id ?? "?"
        narrator.say(AgencyMsg.demoSent, ["count": "\(sent.sent)", "id": request, "code": city.requests.first?.serviceCode ?? "?"])
        city.closeRequest(request, notes: "已更换井盖")
        let back = try app.syncAgencies(admin)
        narrator.say(AgencyMsg.demoClosed, ["resolved": "\(back.resolved)", "notes": "已更换井盖"])
        let stats = StatsJSON(try app.stats(coordinator, from: nil, to: nil, by: .week))
        let path = directory.path + "/exports/stats.svg"
        let names = Dictionary(try app.roles().flatMap(\.categories).map { ($0.code, $0.nameZh) }, uniquingKeysWith: { a, _ in a })
        try Data(StatsSVG.render(stats, names: names).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        narrator.say(AgencyMsg.demoStats, [
            "submitted": "\(stats.totals.submitted)", "accepted": "\(stats.totals.accepted)", "resolved": "\(stats.totals.resolved)",
            "path": path,
        ])
        try narrator.record("agencies.sync", ["sent": sent.sent, "resolved": back.resolved, "submitted": stats.totals.submitted])
    }
}
