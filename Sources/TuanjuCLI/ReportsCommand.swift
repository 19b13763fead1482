import ArgumentParser
import Foundation
import Governance
import Reports
import TuanjuCore
import TuanjuService
import TuanjuViews

struct ReportsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "reports", abstract: ReportCLIMsg.reportsAbstract.text,
            subcommands: [
                Submit.self, List.self, Show.self, Review.self, Dispatch.self, Resolve.self, Reopen.self, Appeal.self, Export.self,
                Services.self, Photos.self, Overdue.self,
            ])
    }

    struct Submit: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: ReportCLIMsg.submitAbstract.text, discussion: ReportCLIMsg.submitDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(ReportCLIMsg.optCategory, valueName: "code")) var category: String
        @Option(help: ArgumentHelp(ReportCLIMsg.optTask, valueName: "id")) var task: String?
        @Option(help: ArgumentHelp(MapCLIMsg.optLat, valueName: "degrees")) var lat: String?
        @Option(help: ArgumentHelp(MapCLIMsg.optLon, valueName: "degrees")) var lon: String?
        @Option(help: ArgumentHelp(MapCLIMsg.optCRS, valueName: "wgs84|gcj02")) var crs = "wgs84"
        @Option(help: ArgumentHelp(ReportCLIMsg.optPhoto, valueName: "file")) var photo: [String] = []
        @Option(help: ArgumentHelp(ReportCLIMsg.optNote)) var note: String?

        func run() throws {
            let (app, caller) = try global.session()
            var location: Coordinate?
            if lat != nil || lon != nil {
                location = try Coordinate(parsingLat: lat, lon: lon, system: try CoordinateSystem(parsing: crs))
            }
            let report = try app.submitReport(caller, ReportSubmission(
                category: category, taskID: task, location: location, note: note, photoPaths: photo))
            let result = ReportSubmitJSON(report)
            try Output.emit(result, json: global.json) {
                Console.current.out(ReportCLIMsg.submitted.text(["id": report.id, "count": "\(report.photos.count)"]))
                if let duplicate = report.duplicateOf {
                    Console.current.out(ReportCLIMsg.suggestedDuplicate.text(["id": duplicate]))
                }
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ReportCLIMsg.listAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(ReportCLIMsg.optStatus)) var status: String?
        @Flag(help: ArgumentHelp(ReportCLIMsg.optMine)) var mine = false
        @Option(help: ArgumentHelp(ReportCLIMsg.optRider, valueName: "id")) var rider: String?
        @Option(help: ArgumentHelp(ReportCLIMsg.optCategory, valueName: "code")) var category: String?
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            var filter = Reports.Filter()
            filter.status = try status.map { text throws(InputError) in try Report.Status(parsing: text) }
            filter.riderID = mine ? caller.id : rider
            filter.category = category
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colID.text, CLIMsg.colStatus.text, CLIMsg.colCategory.text, ReportCLIMsg.colSubmitted.text,
                          ReportCLIMsg.colPhotos.text, CLIMsg.colRider.text, PhotoCLIMsg.colReuse.text],
                fetch: { [filter] page in try app.listReports(caller, filter, page: page) },
                encode: { ReportJSON($0) },
                cells: { report in
                    [report.id, report.status.rawValue, report.categoryCode, DisplayTime.of(report.submittedAt),
                     "\(report.photos.count)", report.riderID, ReportJSON.reuseCell(report)]
                })
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ReportCLIMsg.showAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(ReportCLIMsg.argReportID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let detail = try app.report(caller, id: id)
            let files = app.photoFiles(of: detail.report)
            try Output.emit(ReportJSON(detail.report, history: detail.history, files: files), json: global.json) {
                ReportJSON.printHuman(detail, files: files)
            }
        }
    }

    static func apply(
        _ global: GlobalOptions, id: String, _ action: ReviewAction, points: Int? = nil, original: Bool = false
    ) throws {
        let (app, caller) = try global.session()
        let report = try app.reviewReport(caller, id: id, action, points: points, original: original)
        try Output.emit(ReviewResultJSON(report), json: global.json) {
            Console.current.out(ReportCLIMsg.reviewed.text(["id": report.id, "status": report.status.rawValue]))
            if report.pointsAwarded > 0, report.status == .accepted {
                Console.current.out(ReportCLIMsg.awarded.text(["points": "\(report.pointsAwarded)"]))
            } else if report.status == .accepted, let reuse = report.possibleReuse, !reuse.cleared {
                Console.current.out(PhotoCLIMsg.reuseNoPoints.text(["report": reuse.report]))
            }
        }
    }

    struct Review: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ReportCLIMsg.reviewAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(ReportCLIMsg.argReportID)) var id: String
        @Flag(help: ArgumentHelp(ReportCLIMsg.optAccept)) var accept = false
        @Flag(help: ArgumentHelp(ReportCLIMsg.optReject)) var reject = false
        @Option(help: ArgumentHelp(ReportCLIMsg.optReason)) var reason: String?
        @Option(help: ArgumentHelp(ReportCLIMsg.optDuplicateOf, valueName: "id")) var duplicateOf: String?
        @Option(help: ArgumentHelp(ReportCLIMsg.optReviewPoints)) var points: Int?
        @Option(help: ArgumentHelp(ReportCLIMsg.optNote)) var note: String?
        @Flag(help: ArgumentHelp(PhotoCLIMsg.optOriginal)) var original = false

        func validate() throws {
            let chosen = [accept, reject, duplicateOf != nil].filter { $0 }.count
            guard chosen == 1 else { throw ValidationError(ReportCLIMsg.reviewChooseOne.text) }
            guard !original || accept else { throw ValidationError(ServiceMsg.originalOnlyOnAccept.text) }
        }

        func run() throws {
            let action: ReviewAction
            if accept {
                action = .accept(note: note ?? "")
            } else if reject {
                action = .reject(reason: reason ?? note ?? "")
            } else {
                action = .duplicate(of: duplicateOf ?? "", note: note ?? "")
            }
            try ReportsCommand.apply(global, id: id, action, points: points, original: original)
        }
    }

    struct Dispatch: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ReportCLIMsg.dispatchAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(ReportCLIMsg.argReportID)) var id: String
        @Option(help: ArgumentHelp(ReportCLIMsg.optAgency)) var agency: String
        @Option(help: ArgumentHelp(ReportCLIMsg.optNote)) var note: String?

        func run() throws {
            try ReportsCommand.apply(global, id: id, .dispatch(agency: agency, note: note ?? ""))
        }
    }

    struct Resolve: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ReportCLIMsg.resolveAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(ReportCLIMsg.argReportID)) var id: String
        @Option(help: ArgumentHelp(ReportCLIMsg.optNote)) var note: String?

        func run() throws {
            try ReportsCommand.apply(global, id: id, .resolve(note: note ?? ""))
        }
    }

    struct Reopen: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ReportCLIMsg.reopenAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(ReportCLIMsg.argReportID)) var id: String
        @Option(help: ArgumentHelp(ReportCLIMsg.optNote)) var note: String?

        func run() throws {
            try ReportsCommand.apply(global, id: id, .reopen(note: note ?? ""))
        }
    }

    struct Export: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ReportCLIMsg.exportAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(ReportCLIMsg.optFormat, valueName: "open311|geojson|csv")) var format = "open311"
        @Option(help: ArgumentHelp(ReportCLIMsg.optSince, valueName: "iso")) var since: String?
        @Option(help: ArgumentHelp(ReportCLIMsg.optMediaBase, valueName: "url")) var mediaBaseURL: String?
        @Option(name: .shortAndLong, help: ArgumentHelp(ReportCLIMsg.optOutput, valueName: "file")) var output: String?

        func run() throws {
            guard let chosen = ReportExport.Format(rawValue: format.lowercased()) else {
                throw InputError.invalid(ReportCLIMsg.formatUnknown, ["value": format, "known": "open311, geojson, csv"])
            }
            let sinceDate = try parseTime(since)
            let (app, caller) = try global.session()
            let base = mediaBaseURL ?? Console.current.environment["TUANJU_MEDIA_BASE_URL"] ?? "https://tuanju.invalid/photos/"
            let stream = try StreamedOutput(path: output)
            do {
                let count = try app.exportReports(caller, format: chosen, since: sinceDate, mediaBaseURL: base, write: stream.write)
                try stream.finish()
                if let output { Console.current.err(ReportCLIMsg.exported.text(["count": "\(count)", "path": output])) }
            } catch {
                stream.abandon()
                throw error
            }
        }
    }

    struct Services: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: ReportCLIMsg.servicesAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(ReportCLIMsg.optFormat, valueName: "open311")) var format = "open311"

        func run() throws {
            guard format.lowercased() == "open311" else {
                throw InputError.invalid(ReportCLIMsg.formatUnknown, ["value": format, "known": "open311"])
            }
            let roles = try global.openApp().roles()
            try Output.json(Open311ServiceJSON.all(roles))
        }
    }
}

struct PhotosCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "photos", abstract: ReportCLIMsg.photosAbstract.text, subcommands: [GC.self, Rebuild.self])
    }

    struct GC: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "gc", abstract: ReportCLIMsg.gcAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(ReportCLIMsg.optDryRun)) var dryRun = false

        struct Result: Encodable {
            let removed: [String]
            let dry_run: Bool
        }

        func run() throws {
            let (app, caller) = try global.session()
            let removed = try app.collectPhotoGarbage(caller, dryRun: dryRun)
            try Output.emit(Result(removed: removed, dry_run: dryRun), json: global.json) {
                Console.current.out((dryRun ? ReportCLIMsg.gcDryRun : ReportCLIMsg.gcSummary).text(["count": "\(removed.count)"]))
            }
        }
    }
}
