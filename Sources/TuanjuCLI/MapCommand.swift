import ArgumentParser
import Foundation
import ServiceMap
import TuanjuCore
import TuanjuService
import TuanjuViews

struct MapCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "map", abstract: MapCLIMsg.mapAbstract.text,
            subcommands: [
                Nearest.self, Show.self, Kinds.self, Add.self, Update.self, Remove.self, Import.self, Export.self,
                Demand.self,
            ])
    }

    struct Nearest: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: MapCLIMsg.nearestAbstract.text, discussion: MapCLIMsg.nearestDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(MapCLIMsg.optLat, valueName: "degrees")) var lat: String
        @Option(help: ArgumentHelp(MapCLIMsg.optLon, valueName: "degrees")) var lon: String
        @Option(help: ArgumentHelp(MapCLIMsg.optCRS, valueName: "wgs84|gcj02")) var crs = "wgs84"
        @Option(help: ArgumentHelp(MapCLIMsg.optKind)) var kind: String?
        @Option(help: ArgumentHelp(MapCLIMsg.optLimit)) var limit = NearestQuery.defaultLimit
        @Option(help: ArgumentHelp(MapCLIMsg.optWithin, valueName: "metres")) var within: Double?
        @Flag(help: ArgumentHelp(MapCLIMsg.optOpenNow)) var openNow = false
        @Option(help: ArgumentHelp(MapCLIMsg.optAt, valueName: "iso")) var at: String?

        func run() throws {
            let app = try global.openApp()
            let origin = try Coordinate(parsingLat: lat, lon: lon, system: try CoordinateSystem(parsing: crs))
            let instant = try parseTime(at) ?? Date()
            let query = try NearestQuery(
                origin: origin, kind: kind, limit: limit, within: within, openAt: openNow ? instant : nil)
            let results = try app.nearest(query)
            try app.flushDemand()
            try Output.emit(results.map { PointJSON($0.point, distance: $0.distanceM, at: instant) }, json: global.json) {
                guard !results.isEmpty else { return Console.current.out(MapCLIMsg.nearestNone.text) }
                var table = Table([CLIMsg.colID.text, CLIMsg.colTitle.text, MapCLIMsg.colKind.text, MapCLIMsg.colDistance.text,
                                   MapCLIMsg.colOpen.text, MapCLIMsg.colAddress.text])
                for result in results {
                    table.add([result.point.id, result.point.name, result.point.kind, PointJSON.metres(result.distanceM),
                               PointJSON.openText(result.point, at: instant), result.point.address])
                }
                table.print()
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: MapCLIMsg.showAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(MapCLIMsg.argPointID)) var id: String

        func run() throws {
            let point = try global.openApp().servicePoint(id: id)
            try PointJSON.emit(point, json: global.json)
        }
    }

    struct Kinds: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: MapCLIMsg.kindsAbstract.text, subcommands: [List.self, AddKind.self, UpdateKind.self],
                                 defaultSubcommand: List.self)
        }
    }
}

extension MapCommand.Kinds {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: KindMsg.listAbstract.text) }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let kinds = try global.openApp().mapKinds()
            try Output.emit(kinds, json: global.json) {
                var table = Table([MapCLIMsg.colKind.text, CLIMsg.colTitle.text])
                for kind in kinds { table.add([kind.code, localizedName(en: kind.name, zh: kind.nameZh)]) }
                table.print()
            }
        }
    }

    struct AddKind: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: KindMsg.addAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(KindMsg.argCode)) var code: String
        @Option(name: .customLong("name-zh"), help: ArgumentHelp(KindMsg.optNameZh)) var nameZh: String
        @Option(name: .customLong("name-en"), help: ArgumentHelp(KindMsg.optNameEn)) var nameEn: String

        func run() throws {
            let (app, caller) = try global.session()
            let kind = try app.addMapKind(caller, code: code, nameZh: nameZh, nameEn: nameEn)
            try Output.emit(kind, json: global.json) { Console.current.out(KindMsg.added.text(["kind": kind.code])) }
        }
    }

    struct UpdateKind: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "update", abstract: KindMsg.updateAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(KindMsg.argCode)) var code: String
        @Option(name: .customLong("name-zh"), help: ArgumentHelp(KindMsg.optNameZh)) var nameZh: String?
        @Option(name: .customLong("name-en"), help: ArgumentHelp(KindMsg.optNameEn)) var nameEn: String?

        func run() throws {
            let (app, caller) = try global.session()
            let kind = try app.updateMapKind(caller, code: code, nameZh: nameZh, nameEn: nameEn)
            try Output.emit(kind, json: global.json) { Console.current.out(KindMsg.updated.text(["kind": kind.code])) }
        }
    }
}

extension MapCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: MapCLIMsg.addAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(MapCLIMsg.optKind)) var kind: String
        @Option(help: ArgumentHelp(MapCLIMsg.optName)) var name: String
        @Option(help: ArgumentHelp(MapCLIMsg.optLat, valueName: "degrees")) var lat: String
        @Option(help: ArgumentHelp(MapCLIMsg.optLon, valueName: "degrees")) var lon: String
        @Option(help: ArgumentHelp(MapCLIMsg.optCRS, valueName: "wgs84|gcj02")) var crs = "wgs84"
        @Option(help: ArgumentHelp(MapCLIMsg.optAddress)) var address = ""
        @Option(help: ArgumentHelp(MapCLIMsg.optHours, valueName: "hours")) var hours: String?
        @Option(help: ArgumentHelp(MapCLIMsg.optAmenities, valueName: "list")) var amenities = ""
        @Option(help: ArgumentHelp(MapCLIMsg.optContact)) var contact = ""
        @Option(help: ArgumentHelp(MapCLIMsg.optExternalID, valueName: "id")) var externalID: String?

        func run() throws {
            let (app, caller) = try global.session()
            let location = try Coordinate(parsingLat: lat, lon: lon, system: try CoordinateSystem(parsing: crs))
            let draft = try PointDraft(
                externalID: externalID, kind: kind, name: name, address: address, location: location,
                openingHours: hours, amenities: amenities, contact: contact)
            let point = try app.addServicePoint(caller, draft)
            try Output.emit(PointJSON(point), json: global.json) {
                Console.current.out(MapCLIMsg.pointAdded.text(["id": point.id]))
            }
        }
    }

    struct Update: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: MapCLIMsg.updateAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(MapCLIMsg.argPointID)) var id: String
        @Option(help: ArgumentHelp(MapCLIMsg.optKind)) var kind: String?
        @Option(help: ArgumentHelp(MapCLIMsg.optName)) var name: String?
        @Option(help: ArgumentHelp(MapCLIMsg.optLat, valueName: "degrees")) var lat: String?
        @Option(help: ArgumentHelp(MapCLIMsg.optLon, valueName: "degrees")) var lon: String?
        @Option(help: ArgumentHelp(MapCLIMsg.optCRS, valueName: "wgs84|gcj02")) var crs = "wgs84"
        @Option(help: ArgumentHelp(MapCLIMsg.optAddress)) var address: String?
        @Option(help: ArgumentHelp(MapCLIMsg.optHours, valueName: "hours")) var hours: String?
        @Flag(help: ArgumentHelp(MapCLIMsg.optClearHours)) var clearHours = false
        @Option(help: ArgumentHelp(MapCLIMsg.optAmenities, valueName: "list")) var amenities: String?
        @Option(help: ArgumentHelp(MapCLIMsg.optContact)) var contact: String?

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
                Console.current.out(MapCLIMsg.pointUpdated.text(["id": point.id]))
            }
        }
    }

    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: MapCLIMsg.removeAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(MapCLIMsg.argPointID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let point = try app.removeServicePoint(caller, id: id)
            try Output.emit(PointJSON(point), json: global.json) {
                Console.current.out(MapCLIMsg.pointRemoved.text(["id": point.id]))
            }
        }
    }

    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: MapCLIMsg.importAbstract.text, discussion: MapCLIMsg.importDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(MapCLIMsg.argMapFile)) var file: String
        @Option(help: ArgumentHelp(MapCLIMsg.optCRS, valueName: "wgs84|gcj02")) var crs = "wgs84"
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
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: MapCLIMsg.exportAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(MapCLIMsg.optFormat, valueName: "geojson|csv")) var format = "geojson"
        @Option(help: ArgumentHelp(MapCLIMsg.optKind)) var kind: String?
        @Option(name: .shortAndLong, help: ArgumentHelp(MapCLIMsg.optOutput, valueName: "file")) var output: String?

        func run() throws {
            guard let chosen = MapExport.Format(rawValue: format.lowercased()) else {
                throw InputError.invalid(MapCLIMsg.formatUnknown, ["value": format, "known": "geojson, csv"])
            }
            let app = try global.openApp()
            let stream = try StreamedOutput(path: output)
            do {
                let count = try app.exportMap(format: chosen, kind: kind, write: stream.write)
                try stream.finish()
                if let output { Console.current.err(MapCLIMsg.exportDone.text(["count": "\(count)", "path": output])) }
            } catch {
                stream.abandon()
                throw error
            }
        }
    }

    struct Demand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: MapCLIMsg.demandAbstract.text, discussion: MapCLIMsg.demandDiscussion.text)
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(MapCLIMsg.optSince, valueName: "day")) var since: String?
        @Option(help: ArgumentHelp(MapCLIMsg.optKind)) var kind: String?
        @Option(help: ArgumentHelp(.optLimit)) var limit = 20

        func run() throws {
            let (app, caller) = try global.session()
            let rows = try app.mapDemand(caller, sinceDay: since, kind: kind, limit: limit)
            let json = rows.map(DemandRowJSON.init)
            try Output.emit(json, json: global.json) {
                var table = Table([MapCLIMsg.colCell.text, MapCLIMsg.colQueries.text, MapCLIMsg.colNearest.text, MapCLIMsg.colDistance.text])
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
