import Foundation
import Hummingbird
import PhotoFixtures
import Testing
@testable import TuanjuHTTP

@Suite("GET /v1/reports/{id}/photos/{n}")
struct PhotoRouteTests {
    @Test("The rider and staff get the photo and its thumbnail with their media type and an ETag; others are refused")
    func photoAndThumbnail() async throws {
        let sandbox = try APISandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider()
        let other = try sandbox.rider("张骑手", phone: "13900139000")
        _ = try sandbox.claimedTask(rider: rider.token)
        let photo = PhotoFixtures.jpeg(width: 640, height: 480, seed: 61)
        try await sandbox.run { client in
            let form = MultipartForm(fields: [("category", "manhole-cover"), ("lat", "30.2925"), ("lon", "120.171")],
                                     files: [("photo", photo)])
            let submitted = try await client.submit("/v1/reports", token: rider.token, form)
            #expect(submitted.status == 201, "\(submitted.text)")
            let id = try #require(submitted.object["id"] as? String)
            let hash = try #require((submitted.object["photos"] as? [String])?.first)

            let original = try await client.get("/v1/reports/\(id)/photos/1", token: rider.token)
            #expect(original.status == 200)
            #expect(original.header("content-type") == "image/png" || original.header("content-type") == "image/jpeg")
            #expect(original.header("etag") == "\"\(hash)\"")
            #expect(original.body.count > 1000)

            let thumb = try await client.get("/v1/reports/\(id)/photos/1?size=thumb", token: coordinator)
            #expect(thumb.status == 200)
            #expect(thumb.header("content-type") == "image/jpeg")
            #expect(thumb.header("etag") == "\"\(hash).thumb\"")
            #expect(thumb.body.count < original.body.count && thumb.body.starts(with: [0xFF, 0xD8, 0xFF]))

            let cached = try await client.get("/v1/reports/\(id)/photos/1?size=thumb", token: coordinator,
                                              headers: ["If-None-Match": "\"\(hash).thumb\""])
            #expect(cached.status == 304 && cached.body.isEmpty)

            let stranger = try await client.get("/v1/reports/\(id)/photos/1", token: other.token)
            #expect(stranger.status == 403, "\(stranger.text)")
            let badSize = try await client.get("/v1/reports/\(id)/photos/1?size=huge", token: rider.token)
            #expect(badSize.status == 400 && badSize.errorCode == "invalid_input")
            let noSuchPhoto = try await client.get("/v1/reports/\(id)/photos/2", token: rider.token)
            #expect(noSuchPhoto.status == 400 && noSuchPhoto.errorCode == "invalid_input")
        }
    }
}
