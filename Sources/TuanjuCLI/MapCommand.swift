import ArgumentParser
import Foundation
import ServiceMap
import TuanjuCore
import TuanjuService
import TuanjuViews

struct MapCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "map", abstract: MapMsg.mapAbstract.text,
            subcommands: [
                Nearest.self, Show.self, Kinds.self, Add.self, Update.self, Remove.self, Import.self, Export.self,
                Demand.self,
            ])
    }

    struct Nearest: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: MapMsg.nearestAbstract.text, discussion: MapMsg.nearestDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(MapMsg.optLat, valueName: "degrees")) var lat: String
        @Option(help: ArgumentHelp(MapMsg.optLon, valueName: "degrees")) var lon: String
        @Option(help: ArgumentHelp(MapMsg.optCRS, valueName: "wgs84|gcj02")) var crs = "wgs84"
        @Option(help: ArgumentHelp(MapMsg.optKind)) var kind: String?
        @Option(help: ArgumentHelp(MapMsg.optLimit)) var limit = NearestQuery.defaultLimit
        @Option(help: ArgumentHelp(MapMsg.optWithin, valueName: "metres")) var within: Double?
        @Flag(help: ArgumentHelp(MapMsg.optOpenNow)) var openNow = false
        @Option(help: ArgumentHelp(MapMsg.optAt, valueName: "iso")) var at: String?

        func run() throws {
            let app = try global.openApp()
            let origin = try Coordinate(parsingLat: lat, lon: lon, system: try CoordinateSystem(parsing: crs))
            let instant = try parseTime(at) ?? Date()
            let query = try NearestQuery(
                origin: origin, kind: kind, limit: limit, within: within, openAt: openNow ? instant : nil)
            let results = try app.nearest(query)
            try app.flushDemand()
            try Output.emit(results.map { PointJSON($0.point, distance: $0.distanceM, at: instant) }, json: global.json) {
                guard !results.isEmpty else { return Console.current.out(MapMsg.nearestNone.text) }
                var table = Table([Msg.colID.text, Msg.colTitle.text, MapMsg.colKind.text, MapMsg.colDistance.text,
                                   MapMsg.colOpen.text, MapMsg.colAddress.text])
                for result in results {
                    table.add([result.point.id, result.point.name, result.point.kind, PointJSON.metres(result.distanceM),
                               PointJSON.openText(result.point, at: instant), result.point.address])
                }
                table.print()
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: MapMsg.showAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(MapMsg.argPointID)) var id: String

        func run() throws {
            let point = try global.openApp().servicePoint(id: id)
            try PointJSON.emit(point, json: global.json)
        }
    }

    struct Kinds: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: MapMsg.kindsAbstract.text) }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let kinds = try global.openApp().mapKinds()
            try Output.emit(kinds, json: global.json) {
                var table = Table([MapMsg.colKind.text, Msg.colTitle.text])
                for kind in kinds { table.add([kind.code, localizedName(en: kind.name, zh: kind.nameZh)]) }
                table.print()
            }
        }
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: MapMsg.addAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(MapMsg.optKind)) var kind: String
        @Option(help: ArgumentHelp(MapMsg.optName)) var name: String
        @Option(help: ArgumentHelp(MapMsg.optLat, valueName: "degrees")) var lat: String
        @Option(help: ArgumentHelp(MapMsg.optLon, valueName: "degrees")) var lon: String
        @Option(help: ArgumentHelp(MapMsg.optCRS, valueName: "wgs84|gcj02")) var crs = "wgs84"
        @Option(help: ArgumentHelp(MapMsg.optAddress)) var address = ""
        @Option(help: ArgumentHelp(MapMsg.optHours, valueName: "hours")) var hours: String?
        @Option(help: ArgumentHelp(MapMsg.optAmenities, valueName: "list")) var amenities = ""
        @Option(help: ArgumentHelp(MapMsg.optContact)) var contact = ""
        @Option(help: ArgumentHelp(MapMsg.optExternalID, valueName: "id")) var externalID: String?

        func run() throws {
            let (app, caller) = try global.session()
            let location = try Coordinate(parsingLat: lat, lon: lon, system: try CoordinateSystem(parsing: crs))
            let draft = try PointDraft(
                externalID: externalID, kind: kind, name: name, address: address, location: location,
                openingHours: hours, amenities: amenities, contact: contact)
            let point = try app.addServicePoint(caller, draft)
            try Output.emit(PointJSON(point), json: global.json) {
                Console.current.out(MapMsg.pointAdded.text(["id": point.id]))
            }
        }
    }

    struct Update: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: MapMsg.updateAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(MapMsg.argPointID)) var id: String
        @Option(help: ArgumentHelp(MapMsg.optKind)) var kind: String?
        @Option(help: ArgumentHelp(MapMsg.optName)) var name: String?
        @Option(help: ArgumentHelp(MapMsg.optLat, valueName: "degrees")) var lat: String?
        @Option(help: ArgumentHelp(MapMsg.optLon, valueName: "degrees")) var lon: String?
        @Option(help: ArgumentHelp(MapMsg.optCRS, valueName: "wgs84|gcj02")) var crs = "wgs84"
        @Option(help: ArgumentHelp(MapMsg.optAddress)) var address: String?
        @Option(help: ArgumentHelp(MapMsg.optHours, valueName: "hours")) var hours: String?
        @Flag(help: ArgumentHelp(MapMsg.optClearHours)) var clearHours = false
        @Option(help: ArgumentHelp(MapMsg.optAmenities, valueName: "list")) var amenities: String?
        @Option(help: ArgumentHelp(MapMsg.optContact)) var contact: String?

        func run() throws {
            let (app, caller) = try global.session()
            var changes = PointChanges()
            changes.kind = kind
            changes.name = name
            if lat != nil || lon != nil {
                changes.location = try Coordinate(parsingLat: lat, lon: lon, system: try CoordinateSystem(parsing: crs))
            }
            changes.address = address
            changes.openingHours = clearHours ? "" : hours
            changes.amenities = amenities
            changes.contact = contact
            let point = try app.updateServicePoint(caller, id: id, changes)
            try Output.emit(PointJSON(point), json: global.json) {
                Console.current.out(MapMsg.pointUpdated.text(["id": point.id]))
            }
        }
    }

    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: MapMsg.removeAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(MapMsg.argPointID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let point = try app.removeServicePoint(caller, id: id)
            try Output.emit(PointJSON(point), json: global.json) {
                Console.current.out(MapMsg.pointRemoved.text(["id": point.id]))
            }
        }
    }

    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: MapMsg.importAbstract.text, discussion: MapMsg.importDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(MapMsg.argMapFile)) var file: String
        @Option(help: ArgumentHelp(MapMsg.optCRS, valueName: "wgs84|gcj02")) var crs = "wgs84"
        @Flag(help: ArgumentHelp(.optStrict)) var strict = false

        func run() throws {
            let (app, caller) = try global.session()
            let summary = try app.importMap(
                caller, path: file, system: try CoordinateSystem(parsing: crs), strict: strict,
                progress: ImportOutput.progress)
            try ImportOutput.finish(summary, json: global.json)
        }
    }

    struct Export: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: MapMsg.exportAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(MapMsg.optFormat, valueName: "geojson|csv")) var format = "geojson"
        @Option(help: ArgumentHelp(MapMsg.optKind)) var kind: String?
        @Option(name: .shortAndLong, help: ArgumentHelp(MapMsg.optOutput, valueName: "file")) var output: String?

        func run() throws {
            guard let chosen = MapExport.Format(rawValue: format.lowercased()) else {
                throw InputError.invalid(MapMsg.formatUnknown, ["value": format, "known": "geojson, csv"])
            }
            let app = try global.openApp()
            let stream = try StreamedOutput(path: output)
            do {
                let count = try app.exportMap(format: chosen, kind: kind, write: stream.write)
                try stream.finish()
                if let output { Console.current.err(MapMsg.exportDone.text(["count": "\(count)", "path": output])) }
            } catch {
                stream.abandon()
                throw error
            }
        }
    }

    struct Demand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: MapMsg.demandAbstract.text, discussion: MapMsg.demandDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(MapMsg.optSince, valueName: "day")) var since: String?
        @Option(help: ArgumentHelp(MapMsg.optKind)) var kind: String?
        @Option(help: ArgumentHelp(.optLimit)) var limit = 20

        func run() throws {
            let (app, caller) = try global.session()
            let rows = try app.mapDemand(caller, sinceDay: since, kind: kind, limit: limit)
            let json = rows.map(DemandRowJSON.init)
            try Output.emit(json, json: global.json) {
                var table = Table([MapMsg.colCell.text, MapMsg.colQueries.text, MapMsg.colNearest.text, MapMsg.colDistance.text])
                for row in rows {
                    let centre = row.cell.centre
                    table.add([String(format: "%.5f,%.5f", centre.lat, centre.lon), "\(row.queries)",
                               row.nearestPointID ?? "-", row.nearestDistanceM.map(PointJSON.metres) ?? "-"])
                }
                table.print()
            }
        }
    }
}
