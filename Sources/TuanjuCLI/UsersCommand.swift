import ArgumentParser
import Identity
import TuanjuService

struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage coordinators and admins (admin only).",
        subcommands: [Add.self, List.self, Revoke.self])

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
        static let configuration = CommandConfiguration(
            abstract: "Add a coordinator or admin; prints their token once.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The person's name.") var name: String
        @Option(help: "coordinator or admin.") var role: UserRole

        func run() throws {
            let (app, caller) = try global.session()
            let issued = try app.addUser(caller, name: name, role: role)
            try Output.emit(UserJSON(issued.user, token: issued.token), json: global.json) {
                Console.current.out("Added \(issued.user.role.rawValue) \(issued.user.name) (\(issued.user.id)).")
                Console.current.out("Token (shown once): \(issued.token)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List coordinators and admins.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (app, caller) = try global.session()
            let users = try app.listUsers(caller)
            try Output.emit(users.map { UserJSON($0) }, json: global.json) {
                var table = Table(["ID", "NAME", "ROLE", "STATUS"])
                for user in users {
                    table.add([user.id, user.name, user.role.rawValue, user.isActive ? "active" : "revoked"])
                }
                table.print()
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a user: their tokens stop working at once.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's ID.") var id: String

        func run() throws {
            let (app, caller) = try global.session()
            let user = try app.revokeUser(caller, id: id)
            try Output.emit(UserJSON(user), json: global.json) {
                Console.current.out("Revoked \(user.name) (\(user.id)).")
            }
        }
    }
}

extension UserRole: ExpressibleByArgument {}
