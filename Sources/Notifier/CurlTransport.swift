import CCurl
import Foundation
import Synchronization

/// What one POST came back with.
public struct PostResult: Sendable, Equatable {
    /// The HTTP status, or nil when no response arrived (connection refused, timeout, SSRF refusal).
    public let status: Int?
    /// Seconds from a `Retry-After: <seconds>` header.
    public let retryAfter: Int?
    public let error: String?
    public let durationMs: Int

    public init(status: Int?, retryAfter: Int?, error: String?, durationMs: Int) {
        self.status = status
        self.retryAfter = retryAfter
        self.error = error
        self.durationMs = durationMs
    }

    public var succeeded: Bool { status.map { (200..<300).contains($0) } ?? false }
}

/// Sends one webhook. Injected, so tests drive retries without a network.
public protocol WebhookTransport: Sendable {
    func post(url: String, headers: [(String, String)], body: Data, allowPrivate: Bool) -> PostResult
}

/// libcurl, as the design asks: no redirects, connect timeout 5 s, total 15 s, at most 64 KB of a response
/// read, and the SSRF guard applied to the address DNS returned, at connect time.
///
/// Connections are kept alive: each transfer borrows an easy handle from a pool and gives it back, and an
/// easy handle keeps its connections (and its DNS cache) from one transfer to the next, so a worker sending
/// to one receiver connects once, not once per POST. A connection is only ever reused by transfers with the
/// same `allowPrivate`: the guard runs when a connection is opened, so a handle that connected to a private
/// address for an endpoint allowed to reach one must never carry a POST for an endpoint that is not. Copies
/// of a transport share its pools; the handles are cleaned up when the last copy goes.
///
/// A drain sends through libcurl's multi interface instead (`CurlMultiSender`, two threads driving the
/// transfers of a side), with the same options, guard and answers; `post` is the one-at-a-time path.
public struct CurlTransport: WebhookTransport {
    static let initialized: Bool = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK }()
    public static let maxResponseBytes = 64 * 1024
    /// Idle handles kept per pool side; more than the dispatcher's workers would only hold sockets open.
    static let maxIdleHandles = 64

    private let pool = HandlePool()
    /// Multi handles (each with its connections and idle easy handles) between drains.
    let multis = MultiPool()

    public init() {}

    /// Per-handle state the C callbacks reach through their context pointer, reset before each transfer. A
    /// handle, so its context, serves one pool side (`allowPrivate`) for its whole life.
    final class Context {
        let allowPrivate: Bool
        var refusal: String?
        var bytesRead = 0
        var retryAfter: Int?

        init(allowPrivate: Bool) { self.allowPrivate = allowPrivate }

        func reset() {
            refusal = nil
            bytesRead = 0
            retryAfter = nil
        }
    }

    /// A libcurl easy handle and what its transfers reuse: the callbacks' context, the URL last set, the
    /// request headers' list, built in place (one buffer for the lines, one array of `curl_slist` nodes)
    /// instead of two mallocs per line with `curl_slist_append` and the frees after, and a copy of the body.
    /// libcurl reads the list and the body during the transfer (until `curl_easy_perform` returns, or until the
    /// multi interface says it is done), and they stay untouched until the handle's next `load`.
    /// `@unchecked Sendable`: a pool hands each handle to one transfer at a time (taken out under the lock, put
    /// back after the transfer ended and its answer was read), which is the use libcurl allows.
    final class EasyHandle: @unchecked Sendable {
        let raw: UnsafeMutableRawPointer
        let context: Context
        private let contextPointer: Unmanaged<Context>
        var url: String?
        private var lines = UnsafeMutableRawBufferPointer.allocate(byteCount: 512, alignment: 1)
        private var nodes = UnsafeMutableBufferPointer<curl_slist>.allocate(capacity: 8)
        private var body = UnsafeMutableRawBufferPointer.allocate(byteCount: 1024, alignment: 1)

        init?(allowPrivate: Bool) {
            guard let raw = curl_easy_init() else { return nil }
            self.raw = raw
            context = Context(allowPrivate: allowPrivate)
            contextPointer = Unmanaged.passUnretained(context)
            CurlTransport.configure(raw)
            let pointer = contextPointer.toOpaque()
            tj_setopt_pointer(raw, CURLOPT_WRITEDATA, pointer)
            tj_setopt_pointer(raw, CURLOPT_HEADERDATA, pointer)
            tj_setopt_pointer(raw, CURLOPT_OPENSOCKETDATA, pointer)
        }

        deinit {
            curl_easy_cleanup(raw)
            lines.deallocate()
            nodes.deallocate()
            body.deallocate()
        }

        /// Sets up the next POST: the context reset, the URL (when it changed), the headers and the body.
        func load(url: String, headers: [(String, String)], body data: Data) {
            context.reset()
            if self.url != url {
                tj_setopt_string(raw, CURLOPT_URL, url)
                self.url = url
            }
            setHeaders(headers)
            if data.count > body.count {
                body.deallocate()
                body = .allocate(byteCount: max(data.count, 2 * body.count), alignment: 1)
            }
            data.copyBytes(to: body)
            tj_setopt_long(raw, CURLOPT_POSTFIELDSIZE, data.count)
            // POSTFIELDS, not COPYPOSTFIELDS: libcurl reads the handle's own copy, which outlives the transfer.
            // Never a null pointer (it would make libcurl read the body from stdin), even for an empty body.
            tj_setopt_pointer(raw, CURLOPT_POSTFIELDS, body.baseAddress)
        }

        /// The answer of the transfer that just ended with `code`, read before the handle serves another one;
        /// and whether the handle may be kept (not after the guard refused its connection: a handle is cheap).
        func answer(_ code: CURLcode) -> (result: PostResult, keep: Bool) {
            var seconds = 0.0
            tj_getinfo_double(raw, CURLINFO_TOTAL_TIME, &seconds)
            let durationMs = Int(seconds * 1000)
            if let refusal = context.refusal {
                return (PostResult(status: nil, retryAfter: nil, error: "address refused: \(refusal)", durationMs: durationMs), false)
            }
            var status = 0
            tj_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &status)
            if code != CURLE_OK, !(code == CURLE_WRITE_ERROR && status > 0) {
                return (PostResult(status: nil, retryAfter: nil, error: String(cString: curl_easy_strerror(code)), durationMs: durationMs), true)
            }
            return (PostResult(status: status, retryAfter: context.retryAfter, error: nil, durationMs: durationMs), true)
        }

        /// The lines every POST ends its headers with.
        private static let fixed: [StaticString] = ["Content-Type: application/json", "Expect:"]

        /// Sets the request headers: `headers`, then `Content-Type: application/json` and an empty `Expect:`.
        func setHeaders(_ headers: [(String, String)]) {
            var size = 0
            for text in Self.fixed { size += text.utf8CodeUnitCount + 1 }
            for (name, value) in headers { size += name.utf8.count + 2 + value.utf8.count + 1 }
            if size > lines.count {
                lines.deallocate()
                lines = .allocate(byteCount: max(size, 2 * lines.count), alignment: 1)
            }
            if headers.count + Self.fixed.count > nodes.count {
                nodes.deallocate()
                nodes = .allocate(capacity: headers.count + Self.fixed.count)
            }
            var offset = 0
            var count = 0
            func put(_ bytes: UnsafeRawBufferPointer) {
                guard let base = bytes.baseAddress else { return }
                (lines.baseAddress! + offset).copyMemory(from: base, byteCount: bytes.count)
                offset += bytes.count
            }
            func put(_ text: String) {
                var text = text
                text.withUTF8 { put(UnsafeRawBufferPointer($0)) }
            }
            func endLine(startingAt start: Int) {
                lines[offset] = 0
                offset += 1
                nodes[count] = curl_slist(data: (lines.baseAddress! + start).assumingMemoryBound(to: CChar.self), next: nil)
                if count > 0 { nodes[count - 1].next = nodes.baseAddress! + count }
                count += 1
            }
            for (name, value) in headers {
                let start = offset
                put(name)
                put(UnsafeRawBufferPointer(start: Self.separator.utf8Start, count: 2))
                put(value)
                endLine(startingAt: start)
            }
            for text in Self.fixed {
                let start = offset
                put(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
                endLine(startingAt: start)
            }
            tj_setopt_slist(raw, CURLOPT_HTTPHEADER, nodes.baseAddress)
        }

        private static let separator: StaticString = ": "
    }

    /// Idle easy handles, one list for transfers that may reach private addresses and one for those that may not.
    final class HandlePool: Sendable {
        private let idle = Mutex<(guarded: [EasyHandle], permissive: [EasyHandle])>(([], []))

        func take(allowPrivate: Bool) -> EasyHandle? {
            let reused = idle.withLock { lists -> EasyHandle? in
                allowPrivate ? lists.permissive.popLast() : lists.guarded.popLast()
            }
            return reused ?? EasyHandle(allowPrivate: allowPrivate)
        }

        /// Keeps the handle for the next transfer of the same side, or lets it go (cleaned up) when enough are kept.
        func give(_ handle: EasyHandle, allowPrivate: Bool) {
            idle.withLock { lists in
                if allowPrivate {
                    if lists.permissive.count < CurlTransport.maxIdleHandles { lists.permissive.append(handle) }
                } else {
                    if lists.guarded.count < CurlTransport.maxIdleHandles { lists.guarded.append(handle) }
                }
            }
        }
    }

    /// The options every transfer shares, set once per easy handle; a transfer sets only its own (URL when it
    /// changed, body, headers), so a kept handle is not reset and reconfigured before each POST.
    static func configure(_ handle: UnsafeMutableRawPointer) {
        tj_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        tj_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        tj_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        tj_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, 5_000)
        tj_setopt_long(handle, CURLOPT_TIMEOUT_MS, 15_000)
        tj_setopt_long(handle, CURLOPT_POST, 1)
        tj_setopt_write_function(handle) { _, size, count, context in
            let box = Unmanaged<Context>.fromOpaque(context!).takeUnretainedValue()
            box.bytesRead += size * count  // read and dropped; only the status matters
            return box.bytesRead > CurlTransport.maxResponseBytes ? 0 : size * count
        }
        tj_setopt_header_function(handle) { data, size, count, context in
            let box = Unmanaged<Context>.fromOpaque(context!).takeUnretainedValue()
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            // Only a line starting with R or r is decoded (every other header is skipped without a String).
            guard let first = bytes.first, first | 0x20 == UInt8(ascii: "r") else { return size * count }
            let line = String(decoding: bytes, as: UTF8.self)
            if line.lowercased().hasPrefix("retry-after:") {
                box.retryAfter = Int(line.dropFirst("retry-after:".count).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return size * count
        }
        tj_setopt_opensocket_function(handle) { context, _, address in
            let box = Unmanaged<Context>.fromOpaque(context!).takeUnretainedValue()
            guard let address else { return CURL_SOCKET_BAD }
            let verdict = withUnsafePointer(to: &address.pointee.addr) {
                AddressPolicy.verdict(sockaddr: UnsafeRawPointer($0), family: address.pointee.family)
            }
            guard AddressPolicy.permits(verdict, allowPrivate: box.allowPrivate) else {
                switch verdict {
                case .privateNetwork(let why), .forbidden(let why): box.refusal = why
                case .allowed: break
                }
                return CURL_SOCKET_BAD
            }
            return socket(address.pointee.family, address.pointee.socktype, address.pointee.protocol)
        }
    }

    public func post(url: String, headers: [(String, String)], body: Data, allowPrivate: Bool) -> PostResult {
        guard Self.initialized, let handle = pool.take(allowPrivate: allowPrivate) else {
            return PostResult(status: nil, retryAfter: nil, error: "libcurl could not start", durationMs: 0)
        }
        handle.load(url: url, headers: headers, body: body)
        let (result, keep) = handle.answer(curl_easy_perform(handle.raw))
        // Only now: once back in the pool, the handle (and its context) is another transfer's.
        if keep { pool.give(handle, allowPrivate: allowPrivate) }
        return result
    }
}
