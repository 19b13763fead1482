import Foundation
import PhotoFixtures
import Synchronization
import Reports
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuHTTP

@Suite("Open311: the public sees reviewed reports only, with personal numbers masked")
struct PublicOpen311Tests {
    @Test("Mobile and ID-card numbers are masked in every common spelling; other numbers are left alone", arguments: [
        ("打13800138000找我", "打***********找我"),
        ("电话 138 0013 8000。", "电话 *** **** ****。"),
        ("call 138-0013-8000", "call ***-****-****"),
        ("+86 13912345678", "+** ***********"),
        ("+86-139-1234-5678", "+**-***-****-****"),
        ("008613912345678", "***************"),
        ("身份证 11010519491231002X 住址", "身份证 ****************** 住址"),
        ("id 110105194912310021.", "id ******************."),
        ("订单号 123456789012345678901 不是号码", "订单号 123456789012345678901 不是号码"),
        ("井盖缺失,2 个,深约 30 厘米", "井盖缺失,2 个,深约 30 厘米"),
        ("12800138000 is not a mobile", "12800138000 is not a mobile"),
        ("138001380001 is too long", "138001380001 is too long"),
        ("", ""),
    ])
    func masking(_ input: String, _ expected: String) {
        #expect(PublicText.masked(input) == expected)
    }

    @Test("No key: submitted, rejected and reopened reports are absent (list and by id, 404 like an unknown id); staff see all")
    func publicView() async throws {
        let scene = try Open311Tests.Scene()
        let app = scene.sandbox.app
        let staff = try app.authenticate(token: scene.coordinator)
        let note = "井盖缺失,联系 138 0013 8000,身份证 11010519491231002X"
        let seed = Mutex(10)
        func report(_ note: String) throws -> String {
            let next = seed.withLock { $0 += 1; return $0 }
            let path = scene.sandbox.root + "/p-\(UUID().uuidString).jpg"
            try Data(PhotoFixtures.jpeg(width: 16, height: 16, seed: UInt64(next))).write(to: URL(fileURLWithPath: path))
            return try app.submitReport(try app.authenticate(token: scene.rider.token), ReportSubmission(
                category: "manhole-cover", location: try Coordinate(lat: 30.28 + Double(next) / 1000, lon: 120.17), note: note,
                photoPaths: [path])).id
        }
        let submitted = try report(note)
        let rejected = try report(note)
        _ = try app.reviewReport(staff, id: rejected, .reject(reason: "不清楚 13800138000"))
        let accepted = try report(note)
        _ = try app.reviewReport(staff, id: accepted, .accept(note: "已核实,请拨 13912345678"))
        let dispatched = try report(note)
        _ = try app.reviewReport(staff, id: dispatched, .accept(note: ""))
        _ = try app.reviewReport(staff, id: dispatched, .dispatch(agency: "拱墅区城管局", note: ""))
        let resolved = try report(note)
        _ = try app.reviewReport(staff, id: resolved, .accept(note: ""))
        _ = try app.reviewReport(staff, id: resolved, .dispatch(agency: "拱墅区城管局", note: ""))
        _ = try app.reviewReport(staff, id: resolved, .resolve(note: ""))
        let reopened = try report(note)
        _ = try app.reviewReport(staff, id: reopened, .accept(note: ""))
        _ = try app.reviewReport(staff, id: reopened, .dispatch(agency: "拱墅区城管局", note: ""))
        _ = try app.reviewReport(staff, id: reopened, .resolve(note: ""))
        _ = try app.reviewReport(staff, id: reopened, .reopen(note: ""))
        let other = try scene.sandbox.rider("王骑手", phone: "13900139000")
        try await scene.sandbox.run { client in
            for query in ["", "?status=open", "?status=closed", "?service_request_id=\(submitted),\(rejected),\(accepted),\(reopened)",
                          "?api_key=\(other.token)"] {
                let listed = try await client.get("/open311/v2/requests.json\(query)").array
                let ids = Set(listed.compactMap { $0["service_request_id"] as? String })
                #expect(ids.isSubset(of: [accepted, dispatched, resolved]), "\(query)")
                #expect(!ids.isDisjoint(with: [accepted, dispatched, resolved]) || query == "?status=open" || query == "?status=closed", "\(query)")
                for request in listed {
                    let text = "\(request["description"] ?? "") \(request["status_notes"] ?? "")"
                    for secret in ["13800138000", "0013", "8000", "11010519491231002X", "13912345678"] {
                        #expect(!text.contains(secret), "\(text)")
                    }
                }
            }
            let all = try await client.get("/open311/v2/requests.json").array
            #expect(Set(all.compactMap { $0["service_request_id"] as? String }) == [accepted, dispatched, resolved])
            let shown = try #require(all.first { $0["service_request_id"] as? String == accepted })
            #expect(shown["description"] as? String == "井盖缺失,联系 *** **** ****,身份证 ******************")
            #expect(shown["status_notes"] as? String == "已核实,请拨 ***********")
            let unknown = try await client.get("/open311/v2/requests/rpt_nope.json")
            for hidden in [submitted, rejected, reopened] {
                let reply = try await client.get("/open311/v2/requests/\(hidden).json")
                #expect(reply.status == 404)
                #expect(reply.text == unknown.text.replacingOccurrences(of: "rpt_nope", with: hidden), "absent exactly as an unknown id")
                let byOther = try await client.get("/open311/v2/requests/\(hidden).json?api_key=\(other.token)")
                #expect(byOther.status == 404, "another rider's unreviewed report is not theirs to see")
            }
            #expect(try await client.get("/open311/v2/requests/\(accepted).json").status == 200)
            let staffView = try await client.get("/open311/v2/requests.json?api_key=\(scene.coordinator)").array
            #expect(staffView.count == 6, "staff see everything as before")
            let asWritten = try #require(staffView.first { $0["service_request_id"] as? String == submitted })
            #expect(asWritten["description"] as? String == note)
            let own = try await client.get("/open311/v2/requests/\(submitted).json?api_key=\(scene.rider.token)")
            #expect(own.status == 200, "a rider still sees their own report's progress")
        }
    }
}
