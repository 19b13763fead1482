import ArgumentParser
import Foundation
import TuanjuCore
import TuanjuService

/// `tuanju run [--once] [--interval S]`: the scheduler for installations without `tuanju serve`.
struct RunCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "run", abstract: SchedulerMsg.runAbstract.text, discussion: SchedulerMsg.runDiscussion.text)
    }

    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(SchedulerMsg.optOnce)) var once = false
    @Option(help: ArgumentHelp(SchedulerMsg.optInterval, valueName: "seconds")) var interval = 30

    func validate() throws { try SchedulerLoop.validate(interval, name: "interval", minimum: 1) }

    /// One line per pass on stdout (JSON Lines with `--json`); a failed pass is a line on stderr and the next pass
    /// tries again, except with `--once`, where it is the command's error.
    func run() throws {
        let app = try global.openApp()
        let console = Console.current
        let json = global.json
        if once {
            try SchedulerLoop.print(try app.runSchedulerPass(), json: json)
            return
        }
        let stop = StopSignal()
        app.runScheduler(interval: TimeInterval(interval), shouldStop: { stop.requested }) { result in
            switch result {
            case .success(let pass): try? SchedulerLoop.print(pass, json: json)
            case .failure(let error): SchedulerLoop.reportFailure(error, console)
            }
        }
        console.err(SchedulerMsg.runStopped.text)
    }
}

/// The scheduler beside a long-running command (`serve`), and what `run` prints.
enum SchedulerLoop {
    struct JSON: Encodable {
        let at: String
        let session_reminders: Int
        let hold_warnings: Int
        let holds_expired: Int
        let overdue: Int
    }

    static func validate(_ interval: Int, name: String, minimum: Int) throws {
        guard (minimum...86_400).contains(interval) else {
            throw ValidationError(SchedulerMsg.intervalInvalid.text(["name": name, "min": "\(minimum)"]))
        }
    }

    static func print(_ pass: SchedulerPass, json: Bool) throws {
        let line = JSON(at: Timestamp.iso(pass.at), session_reminders: pass.sessionReminders, hold_warnings: pass.holdWarnings,
                        holds_expired: pass.holdsExpired, overdue: pass.overdue)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            Console.current.out(String(decoding: try encoder.encode(line), as: UTF8.self))
        } else {
            Console.current.out(SchedulerMsg.passLine.text([
                "at": DisplayTime.of(line.at), "reminders": "\(line.session_reminders)", "warnings": "\(line.hold_warnings)",
                "expired": "\(line.holds_expired)", "overdue": "\(line.overdue)",
            ]))
        }
    }

    static func reportFailure(_ error: any Error, _ console: Console) {
        console.err(SchedulerMsg.passFailed.text(["reason": (error as? any TuanjuError)?.message ?? "\(error)"]))
    }

    /// `serve`'s scheduler: on its own thread, a pass every `interval` seconds until `stop`; passes print nothing
    /// (the access log is the server's output), failures go to stderr.
    static func start(_ app: Tuanju, interval: Int, stop: @escaping @Sendable () -> Bool) {
        guard interval > 0 else { return }
        let console = Console.current
        Thread {
            app.runScheduler(interval: TimeInterval(interval), shouldStop: stop) { result in
                if case .failure(let error) = result { reportFailure(error, console) }
            }
        }.start()
    }
}
