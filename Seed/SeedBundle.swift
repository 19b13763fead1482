import Foundation

/// Where the built-in seed data lives: the text files under `Seed/data`, copied into the
/// executable's resource bundle by SwiftPM so `tuanju init` finds them without a path.
public enum SeedBundle {
    /// The directory holding `roles.json` and the other seed files.
    public static var directory: URL? {
        Bundle.module.url(forResource: "data", withExtension: nil)
    }

    /// The files the guides' tours use (`Seed/samples`: a quiz, survey answers, …). `init` never reads them; the
    /// demo does, so what it shows is what a newcomer pastes.
    public static var samples: URL? {
        Bundle.module.url(forResource: "samples", withExtension: nil)
    }
}
