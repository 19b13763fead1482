import Foundation
import Synchronization
import PhotoFixtures
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuHTTP

@Suite("Open311 GeoReport v2")
struct Open311Tests {
    /// GeoReport v2's field lists (wiki.open311.org/GeoReport_v2).
    static let requestFields: Set<String> = [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url", "account_id",
    ]
    static let serviceFields: Set<String> = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]
    static let discoveryFields: Set<String> = ["changeset", "contact", "key_service", "endpoints"]
    static let endpointFields: Set<String> = ["specification", "url", "changeset", "type", "formats"]
    static let photo = PhotoFixtures.jpeg(width: 32, height: 32, seed: 3)

    /// A sandbox whose clock the test moves, with a rider who holds a hazard-inspection claim.
    final class Scene: Sendable {
        let sandbox: APISandbox
        let rider: (id: String, token: String)
        let coordinator: String
        let clock: MovableClock

        init() throws {
            clock = MovableClock(Date(timeIntervalSince1970: 1_790_000_000))
            let clock = self.clock
            sandbox = try APISandbox(clock: Clock(now: { clock.now }))
            rider = try sandbox.rider()
            coordinator = try sandbox.coordinator()
            _ = try sandbox.claimedTask(rider: rider.token, capacity: 10)
        }

        /// A report submitted through the service at the clock's time.
        func report(_ category: String, lat: Double) throws -> String {
            let path = sandbox.root + "/p-\(UUID().uuidString).jpg"
            try Data(Open311Tests.photo).write(to: URL(fileURLWithPath: path))
            return try sandbox.app.submitReport(try sandbox.app.authenticate(token: rider.token), ReportSubmission(
                category: category, location: try Coordinate(lat: lat, lon: 120.17), photoPaths: [path])).id
        }
    }

    @Test("Discovery, services and service definitions carry the spec's fields")
    func discoveryAndServices() async throws {
        let sandbox = try APISandbox()
        try await sandbox.run { client in
            let discovery = try await client.get("/open311/v2/discovery.json").object
            #expect(Set(discovery.keys) == Self.discoveryFields)
            let endpoint = try #require((discovery["endpoints"] as? [[String: Any]])?.first)
            #expect(Set(endpoint.keys) == Self.endpointFields)
            #expect((endpoint["url"] as? String)?.hasSuffix("/open311/v2") == true)
            let services = try await client.get("/open311/v2/services.json").array
            #expect(services.count > 10)
            for service in services { #expect(Set(service.keys) == Self.serviceFields) }
            #expect(services.contains { $0["service_code"] as? String == "manhole-cover" && $0["group"] as? String != nil })
            let definition = try await client.get("/open311/v2/services/manhole-cover.json").object
            #expect(definition["service_code"] as? String == "manhole-cover")
            #expect((definition["attributes"] as? [Any])?.isEmpty == true)
            let unknown = try await client.get("/open311/v2/services/teleporter.json")
            #expect(unknown.status == 404)
            let errors = try #require(unknown.json as? [[String: Any]])
            #expect(errors.count == 1 && errors[0]["code"] as? Int == 404 && errors[0]["description"] is String)
        }
    }

    @Test("requests.json: spec fields only (plus report_status), newest first, filters, 90-day default, account_id for staff")
    func listing() async throws {
        let scene = try Scene()
        let old = try scene.report("manhole-cover", lat: 30.29)
        scene.clock.advance(days: 100)
        let road = try scene.report("road-damage", lat: 30.28)
        scene.clock.advance(days: 1)
        let cover = try scene.report("manhole-cover", lat: 30.30)
        _ = try scene.sandbox.app.reviewReport(try scene.sandbox.app.authenticate(token: scene.coordinator), id: road, .reject(reason: "重复"))
        let staffKey = scene.coordinator
        // The rider's own key: they see their own reports whatever the status (the public sees reviewed ones only).
        let riderKey = scene.rider.token
        try await scene.sandbox.run { client in
            let all = try await client.get("/open311/v2/requests.json?api_key=\(riderKey)").array
            #expect(all.map { $0["service_request_id"] as? String } == [cover, road], "the last 90 days, newest first")
            for request in all {
                #expect(Set(request.keys).subtracting(Self.requestFields) == ["report_status"])
                #expect(request["account_id"] == nil, "no pseudonym for a rider")
                for field in ["service_request_id", "status", "service_code", "service_name", "requested_datetime", "updated_datetime", "lat", "long"] {
                    #expect(request[field] != nil, "\(field)")
                }
            }
            #expect(all[1]["status"] as? String == "closed" && all[1]["report_status"] as? String == "rejected")
            #expect((all[0]["media_url"] as? String)?.hasPrefix(ServerConfiguration.defaultMediaBaseURL) == true)
            let staff = try await client.get("/open311/v2/requests.json?api_key=\(staffKey)").array
            #expect(staff.allSatisfy { ($0["account_id"] as? String)?.hasPrefix("anon_") == true })
            let open = try await client.get("/open311/v2/requests.json?api_key=\(riderKey)&status=open").array
            #expect(open.map { $0["service_request_id"] as? String } == [cover])
            let both = try await client.get("/open311/v2/requests.json?api_key=\(riderKey)&status=open,closed").array
            #expect(both.count == 2)
            let byCode = try await client.get("/open311/v2/requests.json?api_key=\(riderKey)&service_code=road-damage").array
            #expect(byCode.map { $0["service_request_id"] as? String } == [road])
            let byID = try await client.get("/open311/v2/requests.json?api_key=\(riderKey)&service_request_id=\(old),\(cover)&service_code=road-damage").array
            #expect(Set(byID.compactMap { $0["service_request_id"] as? String }) == [old, cover], "ids ignore the other filters")
            let start = Timestamp.iso(Date(timeIntervalSince1970: 1_790_000_000 - 3600))
            let ranged = try await client.get("/open311/v2/requests.json?api_key=\(riderKey)&start_date=\(start)&end_date=\(start.replacingOccurrences(of: "2026", with: "2027"))").array
            #expect(ranged.count == 3)
            let one = try await client.get("/open311/v2/requests/\(old).json?api_key=\(riderKey)").array
            #expect(one.count == 1 && one[0]["service_request_id"] as? String == old)
            let missing = try await client.get("/open311/v2/requests/rpt_nope.json")
            #expect(missing.status == 404)
            #expect((missing.json as? [[String: Any]])?.first?["code"] as? Int == 404)
            for bad in ["status=pending", "start_date=yesterday", "end_date=2026-13-45"] {
                let reply = try await client.get("/open311/v2/requests.json?\(bad)")
                #expect(reply.status == 400, "\(bad)")
                #expect((reply.json as? [[String: Any]])?.first?["code"] as? Int == 400)
            }
            let badKey = try await client.get("/open311/v2/requests.json?api_key=wrong")
            #expect(badKey.status == 403)
        }
    }

    @Test("POST: form-encoded is refused (photos are required), a missing or bad api_key is 403, multipart with media succeeds")
    func posting() async throws {
        let scene = try Scene()
        let key = scene.rider.token
        try await scene.sandbox.run { client in
            let form = try await client.send(.post, "/open311/v2/requests.json",
                                             body: Array("api_key=\(key)&service_code=manhole-cover&lat=30.29&long=120.17&description=x".utf8),
                                             contentType: "application/x-www-form-urlencoded")
            #expect(form.status == 400)
            let errors = try #require(form.json as? [[String: Any]])
            #expect(errors.first?["description"] as? String == HTTPMsg.open311MediaRequired.text(in: .en))
            let noKey = try await client.send(.post, "/open311/v2/requests.json", body: Array("service_code=manhole-cover".utf8),
                                              contentType: "application/x-www-form-urlencoded")
            #expect(noKey.status == 403)
            let badKey = try await client.submit("/open311/v2/requests.json", MultipartForm(
                fields: [("api_key", "nope"), ("service_code", "manhole-cover")], files: [("media", Self.photo)]))
            #expect(badKey.status == 403)
            let noMedia = try await client.submit("/open311/v2/requests.json", MultipartForm(
                fields: [("api_key", key), ("service_code", "manhole-cover"), ("lat", "30.29"), ("long", "120.17")]))
            #expect(noMedia.status == 400)
            let unknownService = try await client.submit("/open311/v2/requests.json", MultipartForm(
                fields: [("api_key", key), ("service_code", "teleporter"), ("lat", "30.29"), ("long", "120.17")], files: [("media", Self.photo)]))
            #expect(unknownService.status == 404)
            let outside = try await client.submit("/open311/v2/requests.json", MultipartForm(
                fields: [("api_key", key), ("service_code", "manhole-cover"), ("lat", "39.9"), ("long", "116.4")], files: [("media", Self.photo)]))
            #expect(outside.status == 400)
            let staff = try await client.submit("/open311/v2/requests.json", MultipartForm(
                fields: [("api_key", scene.coordinator), ("service_code", "manhole-cover")], files: [("media", Self.photo)]))
            #expect(staff.status == 403)
            let created = try await client.submit("/open311/v2/requests.json", MultipartForm(
                fields: [("api_key", key), ("service_code", "manhole-cover"), ("lat", "30.29"), ("long", "120.17"),
                         ("description", "井盖缺失"), ("phone", "13800138000"), ("first_name", "李")],
                files: [("media", Self.photo), ("media", PhotoFixtures.jpeg(width: 16, height: 16, seed: 9))]))
            #expect(created.status == 200, "\(created.text)")
            let answer = try #require(created.json as? [[String: Any]])
            #expect(Set(answer[0].keys) == ["service_request_id", "service_notice", "account_id"])
            #expect(answer[0]["account_id"] is NSNull)
            let id = try #require(answer[0]["service_request_id"] as? String)
            let stored = try scene.sandbox.app.report(try scene.sandbox.app.authenticate(token: key), id: id).report
            #expect(stored.photos.count == 2 && stored.note == "井盖缺失" && stored.categoryCode == "manhole-cover")
        }
    }
}

/// A clock the test moves by hand.
final class MovableClock: Sendable {
    private let instant: Mutex<Date>
    init(_ start: Date) { instant = Mutex(start) }
    var now: Date { instant.withLock { $0 } }
    func advance(days: Double) { instant.withLock { $0 = $0.addingTimeInterval(days * 86_400) } }
}
