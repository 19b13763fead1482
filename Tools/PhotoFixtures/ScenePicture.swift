import Foundation

/// Structured pictures for perceptual-hash tests: a gradient sky or wall, a ground band, and random shapes
/// (boxes, discs) in random colours, with a little sensor noise. Unlike the noise pictures of `FixturePicture`,
/// two scenes differ in their large shapes, as two street photos do, so a perceptual hash has something to see.
public enum ScenePicture {
    /// Row-major RGB, three bytes per pixel; deterministic per seed.
    public static func rgb(width: Int, height: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(seed: seed ^ 0x5CE4_E000)
        func colour() -> (Double, Double, Double) {
            (Double.random(in: 0...255, using: &generator), Double.random(in: 0...255, using: &generator),
             Double.random(in: 0...255, using: &generator))
        }
        let top = colour(), bottom = colour(), ground = colour()
        let angle = Double.random(in: 0..<(2 * Double.pi), using: &generator)
        let (dx, dy) = (cos(angle), sin(angle))
        let horizon = Double.random(in: 0.3...0.9, using: &generator) * Double(height)
        let tilt = Double.random(in: -0.3...0.3, using: &generator)
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let u = (Double(x) / Double(width) - 0.5) * dx + (Double(y) / Double(height) - 0.5) * dy + 0.5
                let t = min(max(u, 0), 1)
                let isGround = Double(y) > horizon + tilt * (Double(x) - Double(width) / 2)
                let c = isGround ? ground : (top.0 + (bottom.0 - top.0) * t, top.1 + (bottom.1 - top.1) * t, top.2 + (bottom.2 - top.2) * t)
                let index = (y * width + x) * 3
                rgb[index] = UInt8(c.0); rgb[index + 1] = UInt8(c.1); rgb[index + 2] = UInt8(c.2)
            }
        }
        for _ in 0..<Int.random(in: 4...10, using: &generator) {
            let fill = colour()
            let cx = Double.random(in: 0..<Double(width), using: &generator)
            let cy = Double.random(in: 0..<Double(height), using: &generator)
            let rx = Double.random(in: 0.05...0.3, using: &generator) * Double(width)
            let ry = Double.random(in: 0.05...0.3, using: &generator) * Double(height)
            let disc = Bool.random(using: &generator)
            for y in max(0, Int(cy - ry))..<min(height, Int(cy + ry) + 1) {
                for x in max(0, Int(cx - rx))..<min(width, Int(cx + rx) + 1) {
                    let nx = (Double(x) - cx) / rx, ny = (Double(y) - cy) / ry
                    guard !disc || nx * nx + ny * ny <= 1 else { continue }
                    let index = (y * width + x) * 3
                    rgb[index] = UInt8(fill.0); rgb[index + 1] = UInt8(fill.1); rgb[index + 2] = UInt8(fill.2)
                }
            }
        }
        for index in rgb.indices {
            let jitter = Int(generator.next() % 9) - 4
            rgb[index] = UInt8(min(max(Int(rgb[index]) + jitter, 0), 255))
        }
        return rgb
    }
}
