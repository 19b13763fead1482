import Dispatch
import Synchronization
import Testing
@testable import TuanjuHTTP

@Suite("Access log off the requests' path")
struct AccessLogWriterTests {
    @Test("Lines from many threads all reach the sink, in batches, each thread's in order; close writes the rest")
    func batches() {
        let written = Mutex<[String]>([])
        let calls = Atomic<Int>(0)
        let writer = AccessLogWriter { text in
            calls.add(1, ordering: .relaxed)
            written.withLock { $0 += text.split(separator: "\n").map(String.init) }
        }
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for line in 0..<500 { writer.append("t\(thread) \(line)") }
        }
        writer.close()
        let lines = written.withLock { $0 }
        #expect(lines.count == 4000)
        for thread in 0..<8 {
            #expect(lines.filter { $0.hasPrefix("t\(thread) ") } == (0..<500).map { "t\(thread) \($0)" })
        }
        #expect(calls.load(ordering: .relaxed) < 4000 / 10)
        writer.close()  // twice is harmless
    }
}
