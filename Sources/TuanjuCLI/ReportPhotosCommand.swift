import ArgumentParser
import Foundation
import TuanjuCore
import TuanjuService

extension ReportsCommand {
    /// `reports photos RPT --output DIR`: copies a report's photos and thumbnails out of the store.
    struct Photos: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: PhotoCLIMsg.photosOfReportAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(ReportCLIMsg.argReportID)) var id: String
        @Option(name: .shortAndLong, help: ArgumentHelp(PhotoCLIMsg.optOutputDirectory, valueName: "dir")) var output: String

        struct Copied: Encodable {
            let photo: Int
            let sha256: String
            let original: String?
            let thumbnail: String?
        }

        func run() throws {
            let (app, caller) = try global.session()
            let report = try app.report(caller, id: id).report
            let directory = URL(fileURLWithPath: output, isDirectory: true)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw InputError.invalid(PhotoCLIMsg.outputNotDirectory, ["path": output]) }
            } else {
                do {
                    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                } catch {
                    throw MachineError.from(error: error, path: directory.path) ?? InputError.missingFile(path: output, reason: "\(error)")
                }
            }
            var copied: [Copied] = []
            for file in app.photoFiles(of: report) {
                // Named by report and number, so the copies of several reports can share a directory.
                func copy(_ source: URL?, suffix: String) throws -> String? {
                    guard let source else { return nil }
                    let target = directory.appendingPathComponent("\(report.id)-\(file.number)\(suffix).\(source.pathExtension)")
                    let bytes = try Data(contentsOf: source)
                    do {
                        try bytes.write(to: target, options: .atomic)
                    } catch {
                        throw MachineError.from(error: error, path: target.path) ?? InputError.missingFile(path: target.path, reason: "\(error)")
                    }
                    return target.path
                }
                copied.append(Copied(
                    photo: file.number, sha256: file.sha256, original: try copy(file.original, suffix: ""),
                    thumbnail: try copy(file.thumbnail, suffix: "-thumb")))
            }
            let count = copied.reduce(0) { $0 + ($1.original == nil ? 0 : 1) + ($1.thumbnail == nil ? 0 : 1) }
            try Output.emit(copied, json: global.json) {
                for entry in copied {
                    for path in [entry.original, entry.thumbnail].compactMap({ $0 }) { Console.current.out(path) }
                }
                Console.current.out(PhotoCLIMsg.copiedPhotos.text(["count": "\(count)", "path": directory.path]))
            }
        }
    }
}

extension PhotosCommand {
    /// `photos rebuild`: thumbnails and hashes for photos stored before they existed.
    struct Rebuild: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "rebuild", abstract: PhotoCLIMsg.rebuildAbstract.text)
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(PhotoCLIMsg.optChunk)) var chunk = 100

        struct Result: Encodable {
            let made: Int
            let thumbnails_restored: Int
            let missing: [String]
            let undecodable: [String]
        }

        func run() throws {
            let (app, caller) = try global.session()
            // Progress goes to stderr, so stdout stays the result (CLI.md).
            let summary = try app.rebuildPhotoPrints(caller, chunk: chunk) { done, total, made in
                Console.current.err(PhotoCLIMsg.rebuildProgress.text(["done": "\(done)", "total": "\(total)", "made": "\(made)"]))
            }
            let result = Result(made: summary.made, thumbnails_restored: summary.thumbnailsRestored,
                                missing: summary.missing, undecodable: summary.undecodable)
            try Output.emit(result, json: global.json) {
                Console.current.out(PhotoCLIMsg.rebuildDone.text(["made": "\(summary.made)", "missing": "\(summary.missing.count)"]))
            }
        }
    }
}
