import Foundation
import GRDB
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuCLI

@Suite("Inbox notices of redemptions and sessions, quiet-hours input, and tuanju run")
struct ReminderNoticeTests {
    typealias Setup = ReminderTests.Setup
    static let sh = ReminderTests.sh

    @Test("A hold about to expire warns its rider 24 h ahead (after quiet hours), once; then it expires and the rider is told")
    func holdWarnings() throws {
        // Given holds of 2 days: rider 0 asks at 09:00, rider 1 at 11:30 (so their warning falls in the lunch peak)
        let setup = try Setup(riders: 2, at: Self.sh("2030-03-01 09:00"))
        let sandbox = setup.sandbox
        _ = try sandbox.ok(["settings", "set", "hold_expiry_days", "2"], token: sandbox.adminToken)
        let reward = try sandbox.ok(["rewards", "add", "--name", "Rain poncho", "--cost", "10", "--stock", "5"], token: setup.coordinator)["id"] as! String
        for rider in setup.riders {
            _ = try sandbox.ok(["points", "award", "--rider", rider.id, "--amount", "50", "--reason", "活动"], token: setup.coordinator)
        }
        let first = try setup.app.redeem(try setup.app.authenticate(token: setup.riders[0].token), rewardID: reward, quantity: 1).id
        setup.clock.set(Self.sh("2030-03-01 11:30"))
        let second = try setup.app.redeem(try setup.app.authenticate(token: setup.riders[1].token), rewardID: reward, quantity: 1).id

        // When the scheduler passes
        #expect(try setup.pass("2030-03-02 08:59").holdWarnings == 0)
        #expect(try setup.pass("2030-03-02 09:00").holdWarnings == 1)
        #expect(try setup.pass("2030-03-02 09:00").holdWarnings == 0)
        #expect(try setup.pass("2030-03-02 11:30").holdWarnings == 0)  // rider 1's is due now, in quiet hours
        #expect(try setup.pass("2030-03-02 13:00").holdWarnings == 1)

        // Then each rider was warned once, with the hold's end in Beijing time
        let warned = try setup.inbox(0)
        #expect(warned.first?["template"] as? String == "redemption.hold_expiring")
        #expect(warned.first?["text"] as? String == "兑换申请 \(first) 仍在等待处理;若 2030-03-03 09:00 前未处理,申请将过期,冻结的 10 积分退回。")
        #expect(try setup.inbox(1).first?["created_at"] as? String == Timestamp.iso(Self.sh("2030-03-02 13:00")))

        // At its end the hold expires in the scheduler's pass (redemption.expired) and the points are free again
        #expect(try setup.pass("2030-03-03 08:59").holdsExpired == 0)
        #expect(try setup.pass("2030-03-03 09:00").holdsExpired == 1)
        #expect(try setup.inbox(0).first?["text"] as? String == "兑换申请 \(first) 未在期限内处理,已过期,冻结的 10 积分已解冻。")
        #expect(try sandbox.ok(["points", "balance"], token: setup.riders[0].token)["available"] as? Int == 50)
        #expect(try setup.pass("2030-03-03 11:30").holdsExpired == 1)
        #expect(try setup.outbox("redemption.expired").count == 2 && setup.outbox("redemption.hold_expiring").count == 2)
        #expect(try setup.outbox("redemption.expired").last?.contains(second) == true)
    }

    @Test("A redemption batch tells each rider their outcome: fulfilled, or rejected for want of stock")
    func batchOutcomes() throws {
        let setup = try Setup(riders: 2, at: Date())
        let sandbox = setup.sandbox
        let reward = try sandbox.ok(["rewards", "add", "--name", "Helmet", "--cost", "30", "--stock", "1"], token: setup.coordinator)["id"] as! String
        var requests: [String] = []
        for rider in setup.riders {
            _ = try sandbox.ok(["points", "award", "--rider", rider.id, "--amount", "50", "--reason", "活动"], token: setup.coordinator)
            requests.append(try sandbox.ok(["rewards", "redeem", reward], token: rider.token)["request_id"] as! String)
        }
        let batch = try sandbox.ok(["redemptions", "run"], token: setup.coordinator)
        #expect(batch["fulfilled"] as? Int == 1 && batch["rejected"] as? Int == 1)
        #expect(try setup.inbox(0).first?["text"] as? String == "您的兑换申请 \(requests[0]) 已兑现,扣除 30 积分。")
        #expect(try setup.inbox(1).first?["text"] as? String == "兑换申请 \(requests[1]) 未能兑现(库存不足或奖品已下架),冻结的 30 积分已解冻。")
        #expect(try setup.outbox("redemption.fulfilled").count == 1 && setup.outbox("redemption.rejected").count == 1)
    }

    @Test("A rescheduled or cancelled session reaches everyone signed up (waitlist too); a rider's own cancellation does not")
    func sessionChanges() throws {
        let setup = try Setup(riders: 3, at: Date())
        let sandbox = setup.sandbox
        let slot = ActivityProgrammeTests.future(days: 30)
        let session = try sandbox.ok(["activities", "schedule", setup.activity, "--starts", slot.starts, "--ends", slot.ends,
                                      "--place", "文晖街道党群服务中心", "--capacity", "1"], token: setup.coordinator)["session_id"] as! String
        for rider in setup.riders { _ = try sandbox.ok(["activities", "signup", session], token: rider.token) }
        _ = try sandbox.ok(["activities", "cancel", session], token: setup.riders[2].token)
        #expect(try setup.inbox(2).isEmpty)

        let later = ActivityProgrammeTests.future(days: 31)
        _ = try sandbox.ok(["activities", "reschedule", session, "--starts", later.starts, "--ends", later.ends], token: setup.coordinator)
        let time = DisplayTime.of(later.starts)  // Asia/Shanghai, as the notice names it
        for rider in 0..<2 {
            #expect(try setup.inbox(rider).first?["text"] as? String == "您报名的活动场次 \(session)(文晖街道党群服务中心)时间已调整,改为 \(time) 开始。")
        }
        _ = try sandbox.ok(["activities", "cancel-session", session, "--reason", "暴雨预警"], token: setup.coordinator)
        for rider in 0..<2 {
            let notice = try #require(try setup.inbox(rider).first)
            #expect(notice["template"] as? String == "activity.session_cancelled")
            #expect(notice["text"] as? String == "\(time) 在文晖街道党群服务中心的活动场次 \(session) 已取消:暴雨预警。")
        }
        #expect(try setup.inbox(2).isEmpty)
    }

    @Test("A report accepted with 0 points thanks the rider instead of crediting 0 points")
    func acceptedWithoutPoints() throws {
        let setup = try ReportsTests.Setup()
        let report = try setup.submit(0, ["--category", "road-damage"], photos: [try setup.photo()]).object()["id"] as! String
        _ = try setup.sandbox.ok(["reports", "review", report, "--accept", "--points", "0"], token: setup.coordinator)
        let notices = try setup.sandbox.run(["inbox", "--json"], token: setup.riders[0].token).array()
        #expect(notices.map { $0["template"] as? String } == ["report.accepted_no_points"])
        #expect(notices.first?["text"] as? String == "您的上报 \(report) 已被采纳,感谢您!")
    }

    @Test("Bad quiet hours are refused with 65 and change nothing; staff may set a rider's; the text is normalized")
    func badQuietHours() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("骑手", phone: "13500000001", coordinator: coordinator)
        for bad in ["25:00-26:00", "11:00-11:00", "11-13", "lunch", "", "11:00-13:00,", "11:00-13:00-14:00", "9:00-10:00", "１１:00-13:00",
                    (0..<7).map { "0\($0):00-0\($0):30" }.joined(separator: ",")] {
            try sandbox.expectRefusal(["riders", "update", "--quiet-hours", bad], token: rider.token, exit: 65, code: "invalid_input")
        }
        let result = sandbox.run(["riders", "update", "--quiet-hours", "11-13"], token: rider.token)
        #expect(result.stderr.contains("11-13") && result.stderr.contains("11:00-13:00,17:00-19:30"))
        #expect(try sandbox.ok(["riders", "update", "--quiet-hours", " 22:00-07:00 , 12:00-13:00"], token: rider.token)["quiet_hours"] as? String
                == "22:00-07:00,12:00-13:00")
        #expect(try sandbox.ok(["riders", "update", rider.id, "--quiet-hours", "NONE"], token: coordinator)["quiet_hours"] as? String == "none")
        let human = sandbox.run(["riders", "show", "--lang", "en"], token: rider.token)
        #expect(human.stdout.contains("Quiet hours") && human.stdout.contains("none"))
    }

    @Test("tuanju run --once runs one pass and prints it; a due reminder goes out once; --interval 0 is a usage error")
    func runOnce() throws {
        let setup = try Setup(riders: 1, at: Date())
        let sandbox = setup.sandbox
        _ = try sandbox.ok(["riders", "update", "--quiet-hours", "none"], token: setup.riders[0].token)
        // A session whose 2 h reminder falls due in 2 s (the rider signs up before that)
        let starts = Timestamp.iso(Date().addingTimeInterval(2 * 3600 + 2).rounded)
        let ends = Timestamp.iso(Date().addingTimeInterval(4 * 3600).rounded)
        let session = try sandbox.ok(["activities", "schedule", setup.activity, "--starts", starts, "--ends", ends, "--place", "驿站",
                                      "--capacity", "3"], token: setup.coordinator)["session_id"] as! String
        _ = try sandbox.ok(["activities", "signup", session], token: setup.riders[0].token)
        Thread.sleep(forTimeInterval: 3.5)
        let first = sandbox.run(["run", "--once", "--json"])
        #expect(first.exit == 0, "\(first.stderr)")
        let line = try first.object()
        #expect(Set(line.keys) == ["at", "session_reminders", "hold_warnings", "holds_expired", "overdue"])
        #expect(line["session_reminders"] as? Int == 1)
        let again = sandbox.run(["run", "--once"])
        #expect(again.exit == 0 && again.stdout.contains("0") && again.stdout.split(separator: "\n").count == 1)
        #expect(try setup.inbox(0).count == 1)
        #expect(sandbox.run(["run", "--interval", "0"]).exit == 64)
    }

    @Test("Two `tuanju run` processes on one data directory send each due reminder once and stop cleanly on SIGTERM")
    func twoProcesses() throws {
        let setup = try Setup(riders: 3, at: Date())
        let sandbox = setup.sandbox
        for rider in setup.riders { _ = try sandbox.ok(["riders", "update", "--quiet-hours", "none"], token: rider.token) }
        let starts = Timestamp.iso(Date().addingTimeInterval(2 * 3600 + 5).rounded)
        let ends = Timestamp.iso(Date().addingTimeInterval(4 * 3600).rounded)
        let session = try sandbox.ok(["activities", "schedule", setup.activity, "--starts", starts, "--ends", ends, "--place", "驿站",
                                      "--capacity", "3"], token: setup.coordinator)["session_id"] as! String
        for rider in setup.riders { _ = try sandbox.ok(["activities", "signup", session], token: rider.token) }

        let executable = try TuanjuProcess.executable
        let processes = try (0..<2).map { _ in
            let process = Process()
            process.executableURL = executable
            process.arguments = ["run", "--interval", "1", "--json", "--data", sandbox.data]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            return (process, out, err)
        }
        Thread.sleep(forTimeInterval: 9)
        for (process, _, _) in processes { process.terminate() }  // SIGTERM
        var total = 0
        for (process, out, err) in processes {
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(stderr)")
            #expect(stderr.contains("Stopped.") || stderr.contains("已停止。"), "\(stderr)")
            let lines = stdout.split(separator: "\n")
            #expect(lines.count >= 3, "\(stdout)")
            for line in lines {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                total += object["session_reminders"] as? Int ?? 0
            }
        }
        #expect(total == 3)
        let sent = try sandbox.database().read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM notifications WHERE template = 'activity.session_reminder'")!
        }
        #expect(sent == 3)
    }
}

extension Date {
    /// To the whole second (the CLI's times have no fractions).
    var rounded: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded()) }
}
