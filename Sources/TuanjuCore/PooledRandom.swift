#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Cryptographically secure random numbers from the kernel's CSPRNG, fetched 4 KB at a time.
///
/// `SystemRandomNumberGenerator` makes one getrandom(2) call per number; an import of 100,000 riders
/// needs 200,000 of them, and those system calls alone cost about as much as the SQLite inserts. The pool
/// keeps the same source and hands out each of its bytes once.
public struct PooledRandom: RandomNumberGenerator {
    private static let pool = Mutex(Pool())

    public init() {}

    public mutating func next() -> UInt64 {
        PooledRandom.pool.withLock { $0.next() }
    }

    struct Pool: ~Copyable {
        var words = [UInt64](repeating: 0, count: 512)
        var index = 512

        mutating func next() -> UInt64 {
            if index == words.count { refill() }
            defer { index += 1 }
            return words[index]
        }

        private mutating func refill() {
            #if canImport(Glibc)
            // /dev/urandom is the same kernel CSPRNG as getrandom(2), which Glibc's module map does not export.
            let descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
            let filled = descriptor >= 0 && words.withUnsafeMutableBytes { raw -> Bool in
                var offset = 0
                while offset < raw.count {
                    let n = read(descriptor, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0, errno == EINTR { continue }
                    if n <= 0 { return false }
                    offset += n
                }
                return true
            }
            if descriptor >= 0 { close(descriptor) }
            if filled { index = 0; return }
            #endif
            var system = SystemRandomNumberGenerator()
            for i in words.indices { words[i] = system.next() }
            index = 0
        }
    }
}
