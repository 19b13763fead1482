import Foundation
import GRDB
import Governance
import PhotoFixtures
import TuanjuCore
import TuanjuService

/// What the stress workers share: one data directory, its tokens and the ids they act on. Each worker
/// has riders of its own (so it knows their claims and sign-ups); tasks, rewards and sessions are shared,
/// so the workers contend for the same rows.
struct StressFixture: Codable {
    struct Rider: Codable {
        let id: String
        let token: String
    }

    let data: String
    let admin: String
    let coordinator: String
    let riders: [[Rider]]
    let tasks: [String]
    let rewards: [String]
    let sessions: [String]
    let photos: [String]
    /// Outbox events after this sequence number must each get one delivery to the endpoint.
    let subscribedAfterSeq: Int64
    let endpointID: String

    static let ridersPerWorker = 12
    static let taskCount = 8
    static let seatsPerTask = 4
    static let pointsPerRider = 50_000

    /// Initializes `root/data` and fills it; the endpoint points at `receiverURL`, its secret goes to `secretFile`.
    static func make(root: String, workers: Int, receiverURL: String, secretFile: String) throws -> StressFixture {
        let data = root + "/data"
        let (app, setup) = try Tuanju.initialize(DataDirectory(path: data))
        guard let adminToken = setup.adminToken else { throw ToolError("init gave no admin token") }
        let admin = try app.authenticate(token: adminToken)
        let endpoint = try app.addWebhook(admin, url: receiverURL, events: "all", allowPrivate: true)
        try endpoint.secret.write(toFile: secretFile, atomically: true, encoding: .utf8)
        let subscribedAfter = try app.database.read { db in
            try Int64.fetchOne(db, sql: "SELECT seq FROM webhook_cursor WHERE id = 1") ?? 0
        }
        let coordinator = try app.addUser(admin, name: "压测协调员", role: .coordinator)
        let staff = try app.authenticate(token: coordinator.token)
        var riders: [[Rider]] = []
        for worker in 0..<workers {
            riders.append(try (0..<ridersPerWorker).map { index in
                let phone = String(format: "137%02d%06d", worker, index)
                let issued = try app.registerRider(
                    staff, name: "压测骑手\(worker)-\(index)", phone: phone, platform: "meituan", partyMember: index % 3 == 0, branch: nil)
                _ = try app.awardPoints(staff, riderID: issued.profile.id, amount: pointsPerRider, reason: "stress", key: "stress-\(phone)")
                return Rider(id: issued.profile.id, token: issued.token)
            })
        }
        let tasks = try (0..<taskCount).map { index in
            try app.createTask(staff, try TaskDraft(roleCode: "hazard-inspector", title: "压测巡查 \(index)", capacity: seatsPerTask)).id
        }
        _ = try app.addReward(staff, name: "Stress coupon", nameZh: "压测券", cost: 10, stock: 1_000_000)
        let rewards = try app.listRewards(staff).rows.filter { $0.active }.map(\.id)
        let sessions = try app.activitySessions(staff, kind: nil).rows.map(\.session.id)
        try FileManager.default.createDirectory(atPath: root + "/photos-in", withIntermediateDirectories: true)
        let photos = try (0..<8).map { index in
            let path = root + "/photos-in/\(index).jpg"
            try Data(PhotoFixtures.jpeg(width: 200, height: 150, seed: UInt64(index + 1))).write(to: URL(fileURLWithPath: path))
            return path
        }
        return StressFixture(
            data: data, admin: adminToken, coordinator: coordinator.token, riders: riders, tasks: tasks, rewards: rewards,
            sessions: sessions, photos: photos, subscribedAfterSeq: subscribedAfter, endpointID: endpoint.id)
    }

    func write(to path: String) throws {
        try JSONEncoder().encode(self).write(to: URL(fileURLWithPath: path))
    }

    static func read(from path: String) throws -> StressFixture {
        try JSONDecoder().decode(StressFixture.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
