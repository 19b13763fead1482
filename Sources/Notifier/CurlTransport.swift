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
/// of a transport share its pool; the handles are cleaned up when the last copy goes.
public struct CurlTransport: WebhookTransport {
    private static let initialized: Bool = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK }()
    public static let maxResponseBytes = 64 * 1024
    /// Idle handles kept per pool side; more than the dispatcher's workers would only hold sockets open.
    static let maxIdleHandles = 64

    private let pool = HandlePool()

    public init() {}

    /// Per-transfer state the C callbacks reach through their context pointer.
    final class Context {
        let allowPrivate: Bool
        var refusal: String?
        var bytesRead = 0
        var retryAfter: Int?

        init(allowPrivate: Bool) { self.allowPrivate = allowPrivate }
    }

    /// A libcurl easy handle. `@unchecked Sendable`: the pool hands each handle to one transfer at a time
    /// (taken out under the lock, put back after `curl_easy_perform` returns), which is the use libcurl allows.
    struct EasyHandle: @unchecked Sendable {
        let raw: UnsafeMutableRawPointer
    }

    /// Idle easy handles, one list for transfers that may reach private addresses and one for those that may not.
    final class HandlePool: Sendable {
        private let idle = Mutex<(guarded: [EasyHandle], permissive: [EasyHandle])>(([], []))

        func take(allowPrivate: Bool) -> EasyHandle? {
            let reused = idle.withLock { lists -> EasyHandle? in
                allowPrivate ? lists.permissive.popLast() : lists.guarded.popLast()
            }
            if let reused { return reused }
            guard let handle = curl_easy_init() else { return nil }
            CurlTransport.configure(handle)
            return EasyHandle(raw: handle)
        }

        func give(_ handle: EasyHandle, allowPrivate: Bool) {
            let kept = idle.withLock { lists -> Bool in
                if allowPrivate {
                    guard lists.permissive.count < CurlTransport.maxIdleHandles else { return false }
                    lists.permissive.append(handle)
                } else {
                    guard lists.guarded.count < CurlTransport.maxIdleHandles else { return false }
                    lists.guarded.append(handle)
                }
                return true
            }
            if !kept { curl_easy_cleanup(handle.raw) }
        }

        deinit {
            idle.withLock { lists in
                for handle in lists.guarded + lists.permissive { curl_easy_cleanup(handle.raw) }
            }
        }
    }

    /// The options every transfer shares, set once per easy handle; a transfer sets only its own (URL, body,
    /// headers, context pointers), so a kept handle is not reset and reconfigured before each POST.
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
        guard Self.initialized, let borrowed = pool.take(allowPrivate: allowPrivate) else {
            return PostResult(status: nil, retryAfter: nil, error: "libcurl could not start", durationMs: 0)
        }
        let handle = borrowed.raw
        var keep = true
        defer {
            if keep { pool.give(borrowed, allowPrivate: allowPrivate) } else { curl_easy_cleanup(handle) }
        }
        let context = Context(allowPrivate: allowPrivate)
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        let pointer = unmanaged.toOpaque()

        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in headers + [("Content-Type", "application/json"), ("Expect", "")] {
            list = curl_slist_append(list, "\(name): \(value)")
        }
        defer { curl_slist_free_all(list) }

        // Per transfer; the rest was set once, when the handle was made (`configure`).
        tj_setopt_string(handle, CURLOPT_URL, url)
        tj_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
        body.withUnsafeBytes { raw in
            // COPYPOSTFIELDS: libcurl keeps its own copy, so the Swift buffer need not outlive this call.
            _ = tj_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
        }
        tj_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
        tj_setopt_pointer(handle, CURLOPT_WRITEDATA, pointer)
        tj_setopt_pointer(handle, CURLOPT_HEADERDATA, pointer)
        tj_setopt_pointer(handle, CURLOPT_OPENSOCKETDATA, pointer)

        let started = DispatchTime.now()
        let code = curl_easy_perform(handle)
        tj_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)  // the list is freed below; the pooled handle keeps no pointer to it
        let durationMs = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        if let refusal = context.refusal {
            keep = false
            return PostResult(status: nil, retryAfter: nil, error: "address refused: \(refusal)", durationMs: durationMs)
        }
        var status = 0
        tj_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        if code != CURLE_OK, !(code == CURLE_WRITE_ERROR && status > 0) {
            return PostResult(status: nil, retryAfter: nil, error: String(cString: curl_easy_strerror(code)), durationMs: durationMs)
        }
        return PostResult(status: status, retryAfter: context.retryAfter, error: nil, durationMs: durationMs)
    }
}
