import CCurl
import Foundation

/// What one Open311 call came back with: unlike a webhook, the body matters (the request id, the statuses).
public struct Open311Response: Sendable, Equatable {
    /// The HTTP status, or nil when no response arrived (connection refused, timeout, SSRF refusal).
    public let status: Int?
    public let body: Data
    public let error: String?
    public let retryAfter: Int?
    public let durationMs: Int

    public init(status: Int?, body: Data = Data(), error: String? = nil, retryAfter: Int? = nil, durationMs: Int = 0) {
        self.status = status
        self.body = body
        self.error = error
        self.retryAfter = retryAfter
        self.durationMs = durationMs
    }

    public var succeeded: Bool { status.map { (200..<300).contains($0) } ?? false }
}

/// Calls an agency's GeoReport v2 API. Injected, so tests can count calls; the real one is libcurl.
public protocol Open311Transport: Sendable {
    /// GET `url`, or POST `form` (application/x-www-form-urlencoded) to it.
    func call(url: String, form: Data?, allowPrivate: Bool) -> Open311Response
}

/// libcurl, under the same rules as webhooks (CurlTransport, beside it): no redirects, http and https only,
/// the SSRF guard on the address DNS gave at connect time, bounded time and response size.
public struct CurlOpen311Transport: Open311Transport {
    private static let initialized: Bool = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK }()
    /// A poll of 50 requests with long status notes stays far below this.
    public static let maxResponseBytes = 1 << 20

    public var connectTimeoutMs = 5_000
    public var totalTimeoutMs = 15_000

    public init(connectTimeoutMs: Int = 5_000, totalTimeoutMs: Int = 15_000) {
        self.connectTimeoutMs = connectTimeoutMs
        self.totalTimeoutMs = totalTimeoutMs
    }

    /// Per-transfer state the C callbacks reach through their context pointer (one transfer, one thread).
    final class Context {
        let allowPrivate: Bool
        var refusal: String?
        var body = Data()
        var tooLarge = false
        var retryAfter: Int?

        init(allowPrivate: Bool) { self.allowPrivate = allowPrivate }
    }

    public func call(url: String, form: Data?, allowPrivate: Bool) -> Open311Response {
        guard Self.initialized, let handle = curl_easy_init() else { return Open311Response(status: nil, error: "libcurl could not start") }
        defer { curl_easy_cleanup(handle) }
        let context = Context(allowPrivate: allowPrivate)
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        let pointer = unmanaged.toOpaque()

        var list: UnsafeMutablePointer<curl_slist>?
        var headers = [("Accept", "application/json"), ("Expect", "")]
        if form != nil { headers.append(("Content-Type", "application/x-www-form-urlencoded")) }
        for (name, value) in headers { list = curl_slist_append(list, "\(name): \(value)") }
        defer { curl_slist_free_all(list) }

        tj_setopt_string(handle, CURLOPT_URL, url)
        tj_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        tj_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        tj_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        tj_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutMs)
        tj_setopt_long(handle, CURLOPT_TIMEOUT_MS, totalTimeoutMs)
        if let form {
            tj_setopt_long(handle, CURLOPT_POST, 1)
            tj_setopt_long(handle, CURLOPT_POSTFIELDSIZE, form.count)
            form.withUnsafeBytes { raw in
                // COPYPOSTFIELDS: libcurl keeps its own copy, so the Swift buffer need not outlive this call.
                _ = tj_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
            }
        } else {
            tj_setopt_long(handle, CURLOPT_HTTPGET, 1)
        }
        tj_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
        tj_setopt_write_function(handle) { data, size, count, context in
            let box = Unmanaged<Context>.fromOpaque(context!).takeUnretainedValue()
            guard box.body.count + size * count <= CurlOpen311Transport.maxResponseBytes else {
                box.tooLarge = true
                return 0
            }
            if let data { box.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size * count) }
            return size * count
        }
        tj_setopt_pointer(handle, CURLOPT_WRITEDATA, pointer)
        tj_setopt_header_function(handle) { data, size, count, context in
            let box = Unmanaged<Context>.fromOpaque(context!).takeUnretainedValue()
            let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
            if line.lowercased().hasPrefix("retry-after:") {
                box.retryAfter = Int(line.dropFirst("retry-after:".count).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return size * count
        }
        tj_setopt_pointer(handle, CURLOPT_HEADERDATA, pointer)
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
        tj_setopt_pointer(handle, CURLOPT_OPENSOCKETDATA, pointer)

        let started = DispatchTime.now()
        let code = curl_easy_perform(handle)
        let durationMs = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        if let refusal = context.refusal {
            return Open311Response(status: nil, error: "address refused: \(refusal)", durationMs: durationMs)
        }
        if context.tooLarge {
            return Open311Response(status: nil, error: "response larger than \(Self.maxResponseBytes) bytes", durationMs: durationMs)
        }
        var status = 0
        tj_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        guard code == CURLE_OK else {
            return Open311Response(status: nil, error: String(cString: curl_easy_strerror(code)), durationMs: durationMs)
        }
        return Open311Response(status: status, body: context.body, retryAfter: context.retryAfter, durationMs: durationMs)
    }
}

/// application/x-www-form-urlencoded, as GeoReport v2 POSTs are (HTML's form encoding: unreserved bytes kept,
/// space as `+`, every other byte of the UTF-8 as `%XX`).
public enum FormEncoding {
    public static func encode(_ fields: [(String, String)]) -> Data {
        Data(fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&").utf8)
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "*"):
                out.append(Character(UnicodeScalar(byte)))
            case UInt8(ascii: " "): out.append("+")
            default: out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// The fields of a form body (the test agency reads what Tuanju sent with it).
    public static func decode(_ data: Data) -> [(String, String)] {
        String(decoding: data, as: UTF8.self).split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func unescape(_ text: Substring) -> String {
                (String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding) ?? String(text)
            }
            return (unescape(parts[0]), parts.count > 1 ? unescape(parts[1]) : "")
        }
    }
}
