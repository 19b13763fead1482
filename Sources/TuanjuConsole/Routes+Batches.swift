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
        let batchRun = BatchRun()  // this server's runs
        routes.get("/console/redemptions") { visit in
            let caller = try visit.staff
            let overview = try await visit.service { try $0.consoleBatches(caller) }
            var context = visit.frame(title: ConsoleMsg.batchesTitle.text, nav: "Batches")
            context["waiting"] = ConsoleMsg.batchesWaiting.text(["count": "\(overview.waiting)"])
            // A batch marked running may be in progress in another process (a coordinator's `redemptions run`):
            // it is watched, not started again, unless this server's own run of it failed; then the button
            // resumes it (`runRedemptions` picks up a batch left running) and the page says why it stopped.
            let run = batchRun.state
            let leftRunning = overview.batches.contains { $0.state == "running" }
            let resumable = leftRunning && !run.inProgress && run.failure != nil
            context["canRun"] = !run.inProgress && ((overview.waiting > 0 && !leftRunning) || resumable)
            context["running"] = run.inProgress || (leftRunning && !resumable)
            if let failure = run.failure { context["flash"] = ConsoleMsg.batchesFailed.text(["reason": failure]) }
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
            guard waiting > 0 || batchRun.state.failure != nil else {
                return ConsoleHeaders.redirect("/console/redemptions?nothing=1")
            }
            guard batchRun.start() else { return ConsoleHeaders.redirect("/console/redemptions") }
            // The run continues after this response: the batch row is its progress, which the page shows; how it
            // ended is kept for the page (a failure's message in the language of the page that started it).
            let app = visit.app, language = Language.current
            ConsoleWork.queue.async {
                Language.$current.withValue(language) {
                    do {
                        _ = try app.runRedemptions(caller, limit: nil, dryRun: false)
                        batchRun.finish(failure: nil)
                    } catch {
                        batchRun.finish(failure: (error as? any TuanjuError)?.message ?? String(describing: error))
                    }
                }
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
