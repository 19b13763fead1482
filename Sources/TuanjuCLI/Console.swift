import Foundation
import Synchronization

/// Where a command's output goes. Commands never call `print`: they write through `Console.current`,
/// which `TuanjuCLI.run` binds for the duration of one command, so tests run commands in-process.
public final class Console: Sendable {
    public enum Stream: Sendable { case out, err }

    private let sink: @Sendable (Stream, String) -> Void
    public let environment: [String: String]
    /// Whether standard output / error are terminals (colour, progress lines).
    public let isTerminal: Bool

    public init(environment: [String: String], isTerminal: Bool, sink: @escaping @Sendable (Stream, String) -> Void) {
        self.environment = environment
        self.isTerminal = isTerminal
        self.sink = sink
    }

    @TaskLocal public static var current = Console.standard

    /// The process's own stdout and stderr.
    public static let standard = Console(
        environment: ProcessInfo.processInfo.environment,
        isTerminal: isatty(STDERR_FILENO) == 1
    ) { stream, text in
        let handle = stream == .out ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }

    /// A line on standard output.
    public func out(_ line: String = "") { sink(.out, line + "\n") }

    /// Text on standard output as it is (streamed exports).
    public func write(_ text: String) { sink(.out, text) }

    /// A line on standard error.
    public func err(_ line: String) { sink(.err, line + "\n") }

    /// A progress line on a terminal (overwritten in place); nothing when stderr is not a terminal.
    public func progress(_ line: String) {
        guard isTerminal else { return }
        sink(.err, "\r\u{1B}[K" + line)
    }

    public func endProgress() {
        guard isTerminal else { return }
        sink(.err, "\r\u{1B}[K")
    }
}

/// Collects a command's output in memory: for tests and for the demo's sub-steps.
public final class CapturedOutput: Sendable {
    private let state = Mutex<(out: String, err: String)>(("", ""))

    public init() {}

    public var stdout: String { state.withLock { $0.out } }
    public var stderr: String { state.withLock { $0.err } }

    public func console(environment: [String: String]) -> Console {
        Console(environment: environment, isTerminal: false) { [self] stream, text in
            state.withLock { value in
                if stream == .out { value.out += text } else { value.err += text }
            }
        }
    }
}
