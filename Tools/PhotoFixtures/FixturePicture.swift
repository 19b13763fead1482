import Foundation

/// SplitMix64: a tiny deterministic generator, so the same seed always gives the same picture.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// An RGB picture of soft colour waves under per-pixel noise. The noise is what makes the JPEG as
/// large as a real phone photo of a street: smooth pictures compress to almost nothing.
struct FixturePicture {
    let width: Int
    let height: Int
    /// Row-major RGB, three bytes per pixel.
    let rgb: [UInt8]

    /// - Parameter noise: peak-to-peak noise per channel, 0…255.
    init(width: Int, height: Int, seed: UInt64, noise: Int) {
        self.width = width
        self.height = height
        var generator = SeededGenerator(seed: seed)
        let phases = (0..<3).map { _ in Double.random(in: 0..<(2 * .pi), using: &generator) }
        let frequencies = (0..<3).map { _ in Double.random(in: 0.02..<0.08, using: &generator) }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let waves = [
                    sin(Double(x) * frequencies[0] + phases[0]),
                    cos(Double(y) * frequencies[1] + phases[1]),
                    sin(Double(x + y) * frequencies[2] + phases[2]),
                ]
                for channel in 0..<3 {
                    let jitter = noise > 0 ? Int(generator.next() % UInt64(noise + 1)) - noise / 2 : 0
                    let value = 128 + Int(90 * waves[channel]) + jitter
                    rgb[(y * width + x) * 3 + channel] = UInt8(min(max(value, 0), 255))
                }
            }
        }
        self.rgb = rgb
    }

    /// The three JFIF planes (T.871: Y, Cb, Cr from full-range RGB), level-shifted by -128 for the DCT.
    var levelShiftedPlanes: [[Double]] {
        var planes = [[Double]](repeating: [Double](repeating: 0, count: width * height), count: 3)
        for index in 0..<(width * height) {
            let r = Double(rgb[index * 3]), g = Double(rgb[index * 3 + 1]), b = Double(rgb[index * 3 + 2])
            planes[0][index] = 0.299 * r + 0.587 * g + 0.114 * b - 128
            planes[1][index] = -0.168_736 * r - 0.331_264 * g + 0.5 * b
            planes[2][index] = 0.5 * r - 0.418_688 * g - 0.081_312 * b
        }
        return planes
    }
}
