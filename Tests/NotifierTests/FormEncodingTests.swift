import Foundation
import Notifier
import Testing

@Suite("GeoReport v2 form encoding")
struct FormEncodingTests {
    @Test("Reserved characters, spaces and Chinese are escaped as application/x-www-form-urlencoded, and decode back")
    func roundTrip() {
        let fields = [("description", "井盖 松动&下沉=危险+1%"), ("lat", "30.2925"), ("api_key", "a/b?c")]
        let body = String(decoding: FormEncoding.encode(fields), as: UTF8.self)
        #expect(body == "description=%E4%BA%95%E7%9B%96+%E6%9D%BE%E5%8A%A8%26%E4%B8%8B%E6%B2%89%3D%E5%8D%B1%E9%99%A9%2B1%25&lat=30.2925&api_key=a%2Fb%3Fc")
        let back = FormEncoding.decode(Data(body.utf8))
        #expect(back.map(\.0) == fields.map(\.0) && back.map(\.1) == fields.map(\.1))
    }
}
