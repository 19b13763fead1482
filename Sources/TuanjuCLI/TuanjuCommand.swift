import ArgumentParser

/// `tuanju`: the root of the command tree.
public struct TuanjuCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tuanju",
        abstract: "团聚·数智先锋 Tuanju: civic participation for delivery riders.",
        discussion: """
            Riders find warm-heart service points, claim governance roles and report problems; \
            coordinators review and reward; admins manage users. Start with `tuanju init`, or see \
            everything at work with `tuanju demo`.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, DemoCommand.self, WhoamiCommand.self,
            UsersCommand.self, RidersCommand.self, RolesCommand.self,
        ])

    public init() {}
}
