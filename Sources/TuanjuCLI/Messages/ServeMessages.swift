import TuanjuCore

// Messages of `tuanju serve` (help and the lines it prints), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum ServeMsg: String, CaseIterable, CatalogMessage {
    // MARK: - CLI: serve
    case serveAbstract, serveDiscussion, optHost, optPort, optRateLimit, optMaxBody, optMaxUpload, optMediaBase
    case serveListening, serveStopping, serveStopped, optHeaderTimeout, optBodyTimeout, optIdleTimeout
    case optMaxConnections, optPositive, optMaxStreams

    public var texts: (en: String, zh: String) {
        switch self {
        case .serveAbstract: ("Serve the HTTP JSON API and Open311 GeoReport v2.", "提供 HTTP JSON 接口和 Open311 GeoReport v2 接口。")
        case .serveDiscussion:
            ("Runs until SIGTERM or SIGINT, then finishes the requests in flight. The API is described at /openapi.json.",
             "一直运行到收到 SIGTERM 或 SIGINT,然后处理完进行中的请求再退出。接口说明见 /openapi.json。")
        case .optHost: ("Address to listen on.", "监听地址。")
        case .optPort: ("Port to listen on (0 picks a free one).", "监听端口(0 表示自动选择空闲端口)。")
        case .optRateLimit:
            ("Requests a minute per token (per address without a token); 0 turns the limit off.",
             "每个令牌每分钟的请求数(无令牌时按地址计);0 表示不限制。")
        case .optMaxBody: ("Largest JSON or form body, in KiB.", "JSON 或表单请求体的上限,单位 KiB。")
        case .optMaxUpload: ("Largest photo upload (all photos of a report), in MiB.", "照片上传(一条上报的全部照片)的上限,单位 MiB。")
        case .optMediaBase: ("Base URL of photos in Open311 media_url.", "Open311 media_url 中照片的基础 URL。")
        case .serveListening: ("Listening on http://{address}", "正在监听 http://{address}")
        case .serveStopping: ("Stopping: finishing the requests in flight", "正在停止:处理完进行中的请求")
        case .serveStopped: ("Stopped.", "已停止。")
        case .optHeaderTimeout:
            ("Seconds a client has to send a request's head, from its first byte; the connection is closed after.",
             "客户端发送请求头的时限(秒,从第一个字节算起);超时即关闭连接。")
        case .optBodyTimeout:
            ("Seconds a client has to send a request's body, from the end of its head; the connection is closed after.",
             "客户端发送请求体的时限(秒,从请求头结束算起);超时即关闭连接。")
        case .optIdleTimeout:
            ("Seconds a kept-alive connection may stay idle before it is closed.", "保持连接空闲多少秒后关闭。")
        case .optMaxConnections:
            ("Most connections open at once; more wait until one closes.", "同时打开的连接上限;更多的连接排队等待。")
        case .optMaxStreams:
            ("Most inbox streams (GET /v1/me/inbox/stream) open at once; each holds a connection, so keep it below --max-connections.",
             "同时打开的消息推送连接(GET /v1/me/inbox/stream)上限;每个都占用一个连接,应小于 --max-connections。")
        case .optPositive: ("--{name} must be a whole number from 1 to {max}", "--{name} 必须是 1 到 {max} 之间的整数")
        }
    }
}
