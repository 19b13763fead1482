import Foundation
import Hummingbird
import Points
import TuanjuCore
import TuanjuService

extension WebConsole {
    /// Redemption batches: how many requests wait, run a batch (`Tuanju.runRedemptions`, the CLI's use case, in
    /// the background: the page refreshes itself while the batch runs and shows its progress), download a
    /// completed batch's fulfilment CSV.
    static func batchRoutes<Context>(_ routes: ConsoleRouter<Context>) {
        routes.get("/console/redemptions") { visit in
            let caller = try visit.staff
            let overview = try await visit.service { try $0.consoleBatches(caller) }
            var context = visit.frame(title: ConsoleMsg.batchesTitle.text, nav: "Batches")
            context["waiting"] = ConsoleMsg.batchesWaiting.text(["count": "\(overview.waiting)"])
            context["canRun"] = overview.waiting > 0 && !overview.batches.contains { $0.state == "running" }
            context["running"] = overview.batches.contains { $0.state == "running" }
            context["batches"] = overview.batches.map { batch -> [String: Any] in
                [
                    "id": batch.id, "state": batch.state, "requests": batch.requests, "done": batch.fulfilled + batch.rejected,
                    "fulfilled": batch.fulfilled, "rejected": batch.rejected, "started": Markup.localTime(batch.startedAt),
                    "csv": batch.report != nil,
                ]
            }
            context["hasBatches"] = !overview.batches.isEmpty
            if visit.query("nothing") != nil { context["flash"] = ConsoleMsg.batchesNothing.text }
            return visit.page("batches", context)
        }
        routes.post("/console/redemptions/run") { visit in
            let caller = try visit.staff
            let waiting = try await visit.service { try $0.consoleBatches(caller).waiting }
            guard waiting > 0 else { return ConsoleHeaders.redirect("/console/redemptions?nothing=1") }
            // The run continues after this response: the batch row is its progress, which the page shows.
            let app = visit.app
            ConsoleWork.queue.async {
                _ = try? app.runRedemptions(caller, limit: nil, dryRun: false)
            }
            // Wait (briefly) until the batch has started, so the page it redirects to shows it running or done.
            for _ in 0..<30 {
                try await Task.sleep(for: .milliseconds(100))
                let now = try await visit.service { try $0.consoleBatches(caller) }
                if now.waiting == 0 || now.batches.contains(where: { $0.state == "running" }) { break }
            }
            return ConsoleHeaders.redirect("/console/redemptions")
        }
        routes.get("/console/redemptions/{id}/fulfilment.csv") { visit in
            let caller = try visit.staff, id = visit.path("id")
            let data = try await visit.service { app in try Data(contentsOf: app.batchFulfilmentFile(caller, batchID: id)) }
            var response = ConsoleHeaders.file(data, type: "text/csv; charset=utf-8", cache: "no-store")
            response.headers[.contentDisposition] = "attachment; filename=\"redemptions-\(id).csv\""
            return response
        }
    }
}
