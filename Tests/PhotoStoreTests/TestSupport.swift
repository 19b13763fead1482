import Foundation
import PhotoFixtures
import PhotoStore
import TuanjuCore

/// Photos as the tests need them, built once.
enum Samples {
    /// A phone photo: EXIF with camera, time and GPS (Wenhui subdistrict), a comment and an ICC profile.
    static let phoneJPEG = PhotoFixtures.jpeg(
        width: 64, height: 48, seed: 7,
        exif: ExifSpec(latitude: 30.2925, longitude: 120.1710, make: "Xiaomi", model: "Redmi Note 12",
                       dateTimeOriginal: "2024:05:01 14:32:07"),
        comment: "taken on Moganshan Road", iccProfile: PhotoFixtures.sampleICCProfile)

    static let progressiveJPEG = PhotoFixtures.jpeg(
        width: 40, height: 32, seed: 8, exif: ExifSpec(latitude: 30.2925, longitude: 120.1710, byteOrder: .bigEndian),
        comment: "progressive", progressive: true, restartInterval: 4)

    static let phonePNG = PhotoFixtures.png(width: 24, height: 16, seed: 9, chunks: [
        .text(keyword: "Comment", text: "near the bus stop"),
        .time(year: 2024, month: 5, day: 1, hour: 6, minute: 32, second: 7),
        .exif(ExifSpec(latitude: 30.2925, longitude: 120.1710, make: "Apple", model: "iPhone 15")),
        .iccProfile(name: "sRGB", profile: PhotoFixtures.sampleICCProfile),
    ])
}

/// The error a throwing call threw, or nil when it returned.
func thrownError<T>(_ body: () throws -> T) -> (any Error)? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// A fresh directory under the system's temporary directory, removed after `body`.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("photostore-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}
