import Foundation
import GRDB
import GRDBSQLite
import TuanjuCore
import TuanjuService

/// `redemption-batch`: 100,000 pending requests from 10,000 riders, half for a plentiful reward and half
/// for a scarce one (25,000 in stock), so 75,000 are fulfilled and 25,000 rejected. Ours: `redemptions run`
/// through the service (expiry sweep, batch start, chunks of 1,000 per transaction, ledger transfers,
/// fulfilment CSV; per request its `redemption.fulfilled`/`rejected` event, audit entry, the rider's notification and
/// the notification's `notification.created` event). Raw: the same steps as plain SQL statements in the same
/// chunking, the same rows per request with JSON built by string formatting.
struct RedemptionBatchScenario: Scenario {
    let riders = Bench.size(10_000, quick: 500)
    let requests = Bench.size(100_000, quick: 4_000)

    func prepare(_ work: String) throws {
        for side in ["ours", "raw"] {
            _ = try Tuanju.initialize(DataDirectory(path: work + "/" + side))
            try seed(work + "/" + side + "/tuanju.sqlite")
        }
    }

    private func seed(_ path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: path, configuration: config)
        try queue.write { db in
            let now = "2026-11-01T00:00:00Z"
            try db.execute(sql: """
                INSERT INTO rewards (id, name, name_zh, cost, stock, active, created_at, updated_at) VALUES
                ('rwd_plenty', 'Meal coupon', '餐券', 10, 1000000, 1, ?, ?), ('rwd_scarce', 'Power bank', '充电宝', 10, \(requests / 4), 1, ?, ?)
                """, arguments: [now, now, now, now])
            for index in 0..<riders {
                let rider = "rdr_bench\(index)"
                try db.cachedStatement(sql: "INSERT INTO riders (id, name, phone, platform, registered_at, updated_at) VALUES (?, ?, ?, 'meituan', ?, ?)")
                    .execute(arguments: [rider, "骑手\(index)", "\(13_000_000_000 + index)", now, now])
                try db.cachedStatement(sql: "INSERT INTO accounts (id, kind, rider_id) VALUES (?, 'rider', ?)")
                    .execute(arguments: ["rider:" + rider, rider])
                try db.cachedStatement(sql: """
                    INSERT INTO transfers (key, from_account, to_account, amount, kind, reason, created_at)
                    VALUES (?, 'budget', ?, 1000, 'award', 'setup', ?)
                    """).execute(arguments: ["setup:\(index)", "rider:" + rider, now])
            }
            for index in 0..<requests {
                let rider = "rdr_bench\(index % riders)"
                let at = String(format: "2026-11-%02dT%02d:%02d:%02dZ", 2 + index / 86_400, index / 3600 % 24, index / 60 % 60, index % 60)
                try db.cachedStatement(sql: """
                    INSERT INTO holds (id, account_id, amount, state, created_at, expires_at) VALUES (?, ?, 10, 'pending', ?, '2099-01-01T00:00:00Z')
                    """).execute(arguments: ["hld_\(index)", "rider:" + rider, at])
                try db.cachedStatement(sql: """
                    INSERT INTO redemptions (id, rider_id, reward_id, quantity, points, hold_id, state, requested_at)
                    VALUES (?, ?, ?, 1, 10, ?, 'pending', ?)
                    """).execute(arguments: ["rdm_\(index)", rider, index % 2 == 0 ? "rwd_plenty" : "rwd_scarce", "hld_\(index)", at])
            }
        }
    }

    func runOurs(_ work: String) throws -> Int {
        let app = try Tuanju.open(DataDirectory(path: work + "/ours"))
        let coordinator = Caller(kind: .coordinator, id: "usr_bench", name: "bench")
        let summary = try app.runRedemptions(coordinator, limit: nil, dryRun: false)
        guard summary.fulfilled == requests * 3 / 4, summary.rejected == requests / 4 else {
            throw BenchError(message: "fulfilled \(summary.fulfilled), rejected \(summary.rejected)")
        }
        return requests
    }

    func verifyOurs(_ work: String) throws {
        let app = try Tuanju.open(DataDirectory(path: work + "/ours"))
        let problems = try app.verifyLedger(Caller(kind: .admin, id: "usr_bench", name: "bench"))
        guard problems.isEmpty else { throw BenchError(message: "ledger: \(problems.prefix(3))") }
    }

    func runRaw(_ work: String) throws -> Int {
        let db = try RawSQLite(path: work + "/raw/tuanju.sqlite")
        let now = Timestamp.iso(Date())
        let batch = "bat_raw0000000000000"
        try db.execute("BEGIN IMMEDIATE")
        try db.execute("INSERT INTO redemption_batches (id, state, started_by, started_at) VALUES ('\(batch)', 'running', 'raw', '\(now)')")
        try db.execute("""
            UPDATE redemptions SET batch_id = '\(batch)' WHERE id IN (SELECT id FROM redemptions WHERE state = 'pending'
                AND batch_id IS NULL ORDER BY requested_at, rowid)
            """)
        try db.execute("COMMIT")
        let select = try db.prepare("""
            SELECT redemptions.id, redemptions.reward_id, redemptions.quantity, redemptions.points, redemptions.hold_id, holds.account_id,
                redemptions.rider_id
            FROM redemptions JOIN holds ON holds.id = redemptions.hold_id
            WHERE redemptions.batch_id = ? AND redemptions.state = 'pending' ORDER BY redemptions.requested_at, redemptions.rowid LIMIT 1000
            """)
        let stock = try db.prepare("UPDATE rewards SET stock = stock - ? WHERE id = ? AND stock >= ? AND active = 1")
        let hold = try db.prepare("UPDATE holds SET state = ?, resolved_at = ? WHERE id = ?")
        let transfer = try db.prepare("""
            INSERT INTO transfers (key, from_account, to_account, amount, kind, reason, created_at) VALUES (?, ?, 'redemptions', ?, 'redemption', ?, ?)
            """)
        let request = try db.prepare("UPDATE redemptions SET state = ?, reason = ?, resolved_at = ? WHERE id = ?")
        // What ours writes per request besides the ledger: the event, the audit entry, the rider's notification
        // (in the rider's language) and the notification's own event.
        let event = try db.prepare("INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, ?, ?, ?)")
        let audit = try db.prepare("""
            INSERT INTO audit_log (at, actor_id, actor_role, action, target, command)
            VALUES (?, 'usr_raw', 'coordinator', ?, ?, 'redemptions run')
            """)
        let language = try db.prepare("SELECT language, erased_at FROM riders WHERE id = ?")
        let notification = try db.prepare("""
            INSERT INTO notifications (id, rider_id, event_id, template, parameters, language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        defer {
            [select, stock, hold, transfer, request, event, audit, language, notification].forEach { sqlite3_finalize($0) }
        }
        var serial = 0
        var handled = 0
        while true {
            try db.execute("BEGIN IMMEDIATE")
            bind(select, 1, batch)
            var rows: [(String, String, Int32, Int32, String, String, String)] = []
            while sqlite3_step(select) == SQLITE_ROW {
                rows.append((column(select, 0), column(select, 1), sqlite3_column_int(select, 2), sqlite3_column_int(select, 3),
                             column(select, 4), column(select, 5), column(select, 6)))
            }
            sqlite3_reset(select)
            for (id, reward, quantity, points, holdID, account, rider) in rows {
                sqlite3_bind_int(stock, 1, quantity); bind(stock, 2, reward); sqlite3_bind_int(stock, 3, quantity)
                try step(stock)
                let fulfilled = sqlite3_changes(db.handle) == 1
                bind(hold, 1, fulfilled ? "posted" : "voided"); bind(hold, 2, now); bind(hold, 3, holdID)
                try step(hold)
                if fulfilled {
                    bind(transfer, 1, "batch:\(batch):\(id)"); bind(transfer, 2, account); sqlite3_bind_int(transfer, 3, points)
                    bind(transfer, 4, "redemption \(id)"); bind(transfer, 5, now)
                    try step(transfer)
                }
                bind(request, 1, fulfilled ? "fulfilled" : "rejected"); bind(request, 2, fulfilled ? nil : "out of stock")
                bind(request, 3, now); bind(request, 4, id)
                try step(request)
                // The event and its audit entry.
                serial += 1
                let state = fulfilled ? "fulfilled" : "rejected"
                let eventID = "evt_raw\(serial)"
                bind(event, 1, eventID); bind(event, 2, "redemption." + state)
                bind(event, 3, #"{"points":\#(points),"quantity":\#(quantity),"request_id":"\#(id)","reward_id":"\#(reward)","rider_id":"\#(rider)","state":"\#(state)"}"#)
                bind(event, 4, now)
                try step(event)
                bind(audit, 1, now); bind(audit, 2, "redemption." + state); bind(audit, 3, id)
                try step(audit)
                // The rider's notification, in their language, and its event.
                bind(language, 1, rider)
                guard sqlite3_step(language) == SQLITE_ROW else { throw BenchError(message: "raw: no rider \(rider)") }
                let lang = column(language, 0)
                sqlite3_reset(language)
                let parameters = #"{"points":"\#(points)","request":"\#(id)"}"#
                let noticeID = "ntf_raw\(serial)"
                bind(notification, 1, noticeID); bind(notification, 2, rider); bind(notification, 3, eventID)
                bind(notification, 4, "redemption." + state); bind(notification, 5, parameters); bind(notification, 6, lang)
                bind(notification, 7, now)
                try step(notification)
                let text = fulfilled
                    ? "您的兑换申请 \(id) 已兑现,扣除 \(points) 积分。"
                    : "兑换申请 \(id) 未能兑现(库存不足或奖品已下架),冻结的 \(points) 积分已解冻。"
                bind(event, 1, "evt_rawn\(serial)"); bind(event, 2, "notification.created")
                bind(event, 3, #"{"language":"\#(lang)","notification_id":"\#(noticeID)","parameters":\#(parameters),"rider_id":"\#(rider)","source_event":"\#(eventID)","template":"redemption.\#(state)","text":"\#(text)"}"#)
                bind(event, 4, now)
                try step(event)
            }
            try db.execute("COMMIT")
            if rows.isEmpty { break }
            handled += rows.count
        }
        // The fulfilment list, as ours writes it.
        let report = try db.prepare("""
            SELECT redemptions.id, redemptions.rider_id, riders.phone, redemptions.reward_id, rewards.name, redemptions.quantity
            FROM redemptions JOIN riders ON riders.id = redemptions.rider_id JOIN rewards ON rewards.id = redemptions.reward_id
            WHERE redemptions.batch_id = ? AND redemptions.state = 'fulfilled' ORDER BY redemptions.requested_at, redemptions.rowid
            """)
        defer { sqlite3_finalize(report) }
        bind(report, 1, batch)
        var text = "request_id,rider_id,phone,reward_id,reward,quantity\n"
        while sqlite3_step(report) == SQLITE_ROW {
            let phone = column(report, 2)
            text += [column(report, 0), column(report, 1), String(phone.prefix(3)) + "****" + String(phone.suffix(4)),
                     column(report, 3), column(report, 4), column(report, 5)].joined(separator: ",") + "\n"
        }
        try text.write(toFile: work + "/raw/report.csv", atomically: true, encoding: .utf8)
        guard handled == requests else { throw BenchError(message: "raw handled \(handled)") }
        return handled
    }

    private func step(_ statement: OpaquePointer) throws {
        guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchError(message: "raw step failed") }
        sqlite3_reset(statement)
    }
}

func column(_ statement: OpaquePointer, _ index: Int32) -> String {
    guard let text = sqlite3_column_text(statement, index) else { return "" }
    return String(cString: text)
}
