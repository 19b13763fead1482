import ArgumentParser
import Identity
import TuanjuCore
import TuanjuService

struct UsersCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "users", abstract: Msg.usersAbstract.text, subcommands: [Add.self, List.self, Revoke.self])
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
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Msg.usersAddAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(.optPersonName)) var name: String
        @Option(help: ArgumentHelp(.optUserRole)) var role: UserRole

        func run() throws {
            let (app, caller) = try global.session()
            let issued = try app.addUser(caller, name: name, role: role)
            try Output.emit(UserJSON(issued.user, token: issued.token), json: global.json) {
                Console.current.out(Msg.userAdded.text([
                    "role": (issued.user.role == .admin ? Msg.userRoleAdmin : Msg.userRoleCoordinator).text,
                    "name": issued.user.name, "id": issued.user.id,
                ]))
                Console.current.out(Msg.tokenShownOnce.text(["token": issued.token]))
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Msg.usersListAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PagingOptions

        func run() throws {
            let (app, caller) = try global.session()
            try Listing.print(
                paging, json: global.json,
                headers: [Msg.colID.text, Msg.colName.text, Msg.colRole.text, Msg.colStatus.text],
                fetch: { page in try app.listUsers(caller, page: page) },
                encode: { UserJSON($0) },
                cells: { user in [user.id, user.name, user.role.rawValue, (user.isActive ? Msg.statusActive : Msg.statusRevoked).text] })
        }
    }

    struct Revoke: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Msg.usersRevokeAbstract.text) }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(.argUserID)) var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let user = try app.revokeUser(caller, id: id)
            try Output.emit(UserJSON(user), json: global.json) {
                Console.current.out(Msg.userRevoked.text(["name": user.name, "id": user.id]))
            }
        }
    }
}

extension UserRole: ExpressibleByArgument {}
