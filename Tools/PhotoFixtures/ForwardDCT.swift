import Foundation

/// The 8×8 forward DCT of T.81 A.3.3, computed separably with a cosine table (clear rather than fast).
enum ForwardDCT {
    /// cosines[u * 8 + x] = C(u)/2 · cos((2x+1)uπ/16)
    static let cosines: [Double] = (0..<64).map { index in
        let u = index / 8, x = index % 8
        let scale = u == 0 ? 1 / (2 * 2.0.squareRoot()) : 0.5
        return scale * cos(Double(2 * x + 1) * Double(u) * .pi / 16)
    }

    /// Coefficients in natural order from 64 level-shifted samples (row-major).
    static func transform(_ samples: [Double]) -> [Double] {
        var rows = [Double](repeating: 0, count: 64)
        var result = [Double](repeating: 0, count: 64)
        cosines.withUnsafeBufferPointer { cosines in
            for y in 0..<8 {
                for u in 0..<8 {
                    var sum = 0.0
                    for x in 0..<8 { sum += cosines[u * 8 + x] * samples[y * 8 + x] }
                    rows[y * 8 + u] = sum
                }
            }
            for u in 0..<8 {
                for v in 0..<8 {
                    var sum = 0.0
                    for y in 0..<8 { sum += cosines[v * 8 + y] * rows[y * 8 + u] }
                    result[v * 8 + u] = sum
                }
            }
        }
        return result
    }
}
