import Foundation
import TuanjuViews

/// Writes a command's result: JSON on `--json`, else the human form.
enum Output {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Through `JSONTree`, so an unset optional is printed as `null` rather than left out (CLI.md).
    static func json<T: Encodable>(_ value: T) throws {
        Console.current.out(String(decoding: try encoder.encode(JSONTree.encode(value)), as: UTF8.self))
    }

    /// JSON when asked for, else the human lines.
    static func emit<T: Encodable>(_ value: T, json: Bool, human: () -> Void) throws {
        if json { try Output.json(value) } else { human() }
    }

    /// `key: value` lines, keys padded to one column.
    static func fields(_ pairs: [(String, String)]) {
        let width = pairs.map { DisplayWidth.of($0.0) }.max() ?? 0
        for (key, value) in pairs {
            Console.current.out(DisplayWidth.pad(key + ":", to: width + 1) + " " + value)
        }
    }
}
