import Foundation

// tuanju-stress: the multi-process stress run (Tools/stress) and the crash loops (Tools/crash-loops).
//
//   tuanju-stress stress [--seconds 60] [--processes 4] [--keep]
//   tuanju-stress worker --fixture FILE --index N --seconds S      (started by `stress`, one per process)
//   tuanju-stress crash-loops [--kills 20] [--only riders,map,reports,redemptions,webhooks] [--keep]
//
// Exit 0 when every check passed, 1 when one failed, 64 on a usage error.

/// Lines go out at once (stdout may be a pipe, where the C library would hold them back).
func print(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

let arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
do {
    switch arguments.command {
    case "stress": exit(try StressRun(arguments).run())
    case "worker": exit(try StressWorker(arguments).run())
    case "crash-loops": exit(try CrashLoops(arguments).run())
    default:
        FileHandle.standardError.write(Data("usage: tuanju-stress stress|worker|crash-loops [options]\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("tuanju-stress: \(error)\n".utf8))
    exit(1)
}
