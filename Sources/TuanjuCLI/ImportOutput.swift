import TuanjuCore

/// How every import ends: the summary (JSON or a line), each bad row on stderr, exit 65 if rows were skipped.
enum ImportOutput {
    static func finish(_ summary: ImportSummary, json: Bool) throws {
        let console = Console.current
        console.endProgress()
        try Output.emit(summary, json: json) {
            for error in summary.errors { console.err("error: \(error.place): \(error.message)") }
            if summary.skipped > summary.errors.count {
                console.err("error: " + CLIMsg.importMoreBadRows.text(["count": "\(summary.skipped - summary.errors.count)"]))
            }
            console.out(CLIMsg.importSummary.text([
                "imported": "\(summary.imported)", "updated": "\(summary.updated)",
                "unchanged": "\(summary.unchanged)", "skipped": "\(summary.skipped)",
            ]))
        }
        if summary.skipped > 0 {
            throw CommandFailure(
                exitCode: ExitCodes.invalidInput, code: "invalid_input",
                message: CLIMsg.importSkipped.text(["count": "\(summary.skipped)"]))
        }
    }

    /// A progress line while a long file is read (terminals only).
    static func progress(_ count: Int) {
        Console.current.progress(CLIMsg.importProgress.text(["rows": "\(count)"]))
    }
}
