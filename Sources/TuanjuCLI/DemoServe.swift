import Foundation
import Synchronization
import TuanjuCore
import TuanjuHTTP
import TuanjuService

/// `tuanju demo --serve`: after the demo, the console (and the whole API) stays up on loopback over the demo's
/// data, with a coordinator's token to sign in with, until Ctrl-C.
enum DemoServe {
    static func run(_ directory: DataDirectory, token: String, port: Int, json: Bool) throws {
        let app = try Tuanju.open(directory)
        let console = Console.current
        let language = Language.current
        // Loopback only: the demo's tokens are printed on the terminal. The access log stays quiet.
        let configuration = ServerConfiguration(host: "127.0.0.1", port: port, accessLog: { _ in })
        if getenv("LOG_LEVEL") == nil { setenv("LOG_LEVEL", "warning", 0) }
        let failure = Mutex<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await TuanjuAPI.serve(app: app, configuration: configuration) { address in
                    let url = "http://\(address)/console"
                    if json {
                        let line = try? JSONSerialization.data(withJSONObject: ["step": "serve", "result": ["url": url, "token": token]], options: [.sortedKeys])
                        console.out(String(decoding: line ?? Data(), as: UTF8.self))
                    } else {
                        console.out("")
                        console.out(DemoServeMsg.serving.text(["url": url, "token": token, "data": directory.path], in: language))
                    }
                }
            } catch {
                failure.withLock { $0 = error }
            }
            done.signal()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

/// The words of `demo --serve`.
public enum DemoServeMsg: String, CaseIterable, CatalogMessage {
    case optServe, optPort, serving

    public var texts: (en: String, zh: String) {
        switch self {
        case .optServe:
            ("After the demo, keep serving its data on loopback (the console at /console) until Ctrl-C.",
             "演示结束后在本机回环地址继续提供其数据(管理后台位于 /console),直到按 Ctrl-C。")
        case .optPort: ("The port of --serve.", "--serve 使用的端口。")
        case .serving:
            ("The console is at {url}\n   Sign in with the coordinator's token: {token}\n   Data: {data}. Ctrl-C stops the server.",
             "管理后台地址:{url}\n   用协调员令牌登录:{token}\n   数据目录:{data}。按 Ctrl-C 停止服务。")
        }
    }
}
