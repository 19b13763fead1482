import Foundation

/// Where the built-in seed data lives: the text files under `Seed/data`, copied into the
/// executable's resource bundle by SwiftPM so `tuanju init` finds them without a path.
public enum SeedBundle {
    /// The directory holding `roles.json` and the other seed files.
    public static var directory: URL? {
        Bundle.module.url(forResource: "data", withExtension: nil)
    }
}
