import Foundation
import GRDB
import TuanjuCore

/// Something riders redeem points for: a meal coupon, supplies.
public struct Reward: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "rewards"

    public var id: String
    public var name: String
    public var nameZh: String
    public var cost: Int
    public var stock: Int
    public var active: Bool
    public var createdAt: String
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id, name, cost, stock, active
        case nameZh = "name_zh"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// Changes to a reward; nil leaves a field as it is.
public struct RewardChanges: Sendable, Equatable {
    public var name: String?
    public var nameZh: String?
    public var cost: Int?
    public var stock: Int?
    public var active: Bool?

    public init() {}
    public var isEmpty: Bool { self == RewardChanges() }
}

/// The reward catalogue's rules. Runs inside the caller's transaction.
public enum Rewards {
    public static func add(_ db: Database, name: String, nameZh: String?, cost: Int, stock: Int, at date: Date) throws -> Reward {
        let name = try Text.label(name, field: .fieldName)
        let reward = Reward(
            id: Identifier.make("rwd"), name: name, nameZh: try nameZh.map { try Text.label($0, field: .fieldName) } ?? name,
            cost: try validCost(cost), stock: try validStock(stock), active: true,
            createdAt: Timestamp.iso(date), updatedAt: Timestamp.iso(date))
        try reward.insert(db)
        return reward
    }

    public static func update(_ db: Database, id: String, _ changes: RewardChanges, at date: Date) throws -> Reward {
        var reward = try find(db, id: id)
        if let name = changes.name { reward.name = try Text.label(name, field: .fieldName) }
        if let nameZh = changes.nameZh { reward.nameZh = try Text.label(nameZh, field: .fieldName) }
        if let cost = changes.cost { reward.cost = try validCost(cost) }
        if let stock = changes.stock { reward.stock = try validStock(stock) }
        if let active = changes.active { reward.active = active }
        reward.updatedAt = Timestamp.iso(date)
        try reward.update(db)
        return reward
    }

    public static func find(_ db: Database, id: String) throws -> Reward {
        guard let reward = try Reward.fetchOne(db, key: id) else { throw PointsError.rewardNotFound(id: id) }
        return reward
    }

    public static func list(_ db: Database, activeOnly: Bool) throws -> [Reward] {
        var request = Reward.all()
        if activeOnly { request = request.filter(Column("active") == true) }
        return try request.order(Column("cost"), Column("name")).fetchAll(db)
    }

    static func validCost(_ cost: Int) throws(InputError) -> Int {
        guard (1...1_000_000).contains(cost) else { throw .invalid(.costInvalid, ["value": "\(cost)"]) }
        return cost
    }

    static func validStock(_ stock: Int) throws(InputError) -> Int {
        guard (0...10_000_000).contains(stock) else { throw .invalid(.stockInvalid, ["value": "\(stock)"]) }
        return stock
    }
}
