import Dispatch
import Foundation
import Synchronization

/// SIGTERM and SIGINT as a flag a long-running command polls, so it can finish what is in flight and exit 0.
final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)
    /// @unchecked Sendable: the sources are only kept alive here, never touched after init.
    private final class Sources: @unchecked Sendable { var list: [DispatchSourceSignal] = [] }
    private let sources = Sources()

    init() {
        for number in [SIGTERM, SIGINT] {
            // The signal mask a parent left us with would otherwise keep these from arriving at all.
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, number)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in flag.store(true, ordering: .sequentiallyConsistent) }
            source.resume()
            sources.list.append(source)
        }
    }

    var requested: Bool { flag.load(ordering: .sequentiallyConsistent) }
}
