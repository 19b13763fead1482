import ArgumentParser
import TuanjuCore

/// `tuanju`: the root of the command tree.
public struct TuanjuCommand: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
        commandName: "tuanju",
        abstract: CLIMsg.appAbstract.text,
        discussion: CLIMsg.appDiscussion.text,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, DemoCommand.self, WhoamiCommand.self, JoinCommand.self,
            UsersCommand.self, RidersCommand.self, MapCommand.self, RolesCommand.self, TasksCommand.self,
            ReportsCommand.self, PhotosCommand.self, SurveysCommand.self, ActivitiesCommand.self, LessonsCommand.self,
            DoctorCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self, PrivacyCommand.self,
            InboxCommand.self, PointsCommand.self, RewardsCommand.self, RedemptionsCommand.self, WebhooksCommand.self, SettingsCommand.self,
            ServeCommand.self, RunCommand.self, AgenciesCommand.self, DeadlinesCommand.self, StatsCommand.self,
        ])
    }

    public init() {}
}
