import Foundation

#if FUZZING
import CLibFuzzer
#endif

/// What every fuzz target's `LLVMFuzzerTestOneInput` looks like: libFuzzer hands over one input at a time.
public typealias FuzzTestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// The `main` of every fuzz target. SwiftPM links an executable target's own `main`, so libFuzzer's cannot
/// run; instead this one calls libFuzzer's driver (`LLVMFuzzerRunDriver`) with the command line.
///
/// - With `-DFUZZING` (Tools/fuzz): libFuzzer, with its usual flags (`-max_total_time=`, corpus directories…).
/// - Without (the normal build): runs each file named on the command line, or each file in a named
///   directory, through the target once and says how many there were: a regression runner.
/// - Either way, `--write-seeds DIR` writes the target's built-in seed inputs (binary ones, made in code)
///   into DIR and exits.
public enum FuzzDriver {
    public static func main(
        _ name: String, _ testOneInput: FuzzTestOneInput, seeds: () -> [(name: String, bytes: [UInt8])] = { [] }
    ) -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--write-seeds" {
            guard arguments.count == 2 else { fail("usage: \(name) --write-seeds DIR") }
            writeSeeds(seeds(), into: arguments[1])
            exit(0)
        }
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
        #else
        guard !arguments.isEmpty else { fail("usage: \(name) FILE-OR-DIRECTORY... (built without -DFUZZING: runs each input once)") }
        var count = 0
        for path in arguments {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else { fail("\(name): cannot read \(file)") }
                let bytes = [UInt8](data)
                _ = bytes.withUnsafeBufferPointer { testOneInput($0.baseAddress, $0.count) }
                count += 1
            }
        }
        print("\(name): \(count) inputs, no crash")
        exit(0)
        #endif
    }

    /// The file itself, or the regular files in a directory (sorted, not recursive).
    static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { fail("no such file: \(path)") }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { path + "/" + $0 }.filter { file in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    static func writeSeeds(_ seeds: [(name: String, bytes: [UInt8])], into directory: String) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for seed in seeds {
                try Data(seed.bytes).write(to: URL(fileURLWithPath: directory + "/" + seed.name))
            }
        } catch {
            fail("cannot write seeds into \(directory): \(error)")
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(64)
    }
}

/// Turns libFuzzer's pointer and length into values the code under test takes.
public enum FuzzInput {
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// A broken property of the code under test: stops the fuzzer with the input saved as a crash.
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("fuzz property broken: \(message())") }
    }
}
