import ArgumentParser
import Identity
import TuanjuCore
import TuanjuService

struct UsersCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "users", abstract: CLIMsg.usersAbstract.text, subcommands: [Add.self, List.self, Revoke.self])
    }

    struct UserJSON: Encodable {
        let id: String
        let name: String
        let role: String
        let created_at: String
        let revoked_at: String?
        let token: String?

        init(_ user: User, token: String? = nil) {
            id = user.id
            name = user.name
            role = user.role.rawValue
            created_at = user.createdAt
            revoked_at = user.revokedAt
            self.token = token
        }
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.usersAddAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optPersonName)) var name: String
        @Option(help: ArgumentHelp(.optUserRole)) var role: UserRole

        func run() throws {
            let (app, caller) = try global.session()
            let issued = try app.addUser(caller, name: name, role: role)
            try Output.emit(UserJSON(issued.user, token: issued.token), json: global.json) {
                Console.current.out(CLIMsg.userAdded.text([
                    "role": (issued.user.role == .admin ? CLIMsg.userRoleAdmin : CLIMsg.userRoleCoordinator).text,
                    "name": issued.user.name, "id": issued.user.id,
                ]))
                Console.current.out(CLIMsg.tokenShownOnce.text(["token": issued.token]))
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.usersListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [CLIMsg.colID.text, CLIMsg.colName.text, CLIMsg.colRole.text, CLIMsg.colStatus.text],
                fetch: { page in try app.listUsers(caller, page: page) },
                encode: { UserJSON($0) },
                cells: { user in [user.id, user.name, user.role.rawValue, (user.isActive ? CLIMsg.statusActive : CLIMsg.statusRevoked).text] })
        }
    }

    struct Revoke: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CLIMsg.usersRevokeAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argUserID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let user = try app.revokeUser(caller, id: id)
            try Output.emit(UserJSON(user), json: global.json) {
                Console.current.out(CLIMsg.userRevoked.text(["name": user.name, "id": user.id]))
            }
        }
    }
}

extension UserRole: ExpressibleByArgument {}
