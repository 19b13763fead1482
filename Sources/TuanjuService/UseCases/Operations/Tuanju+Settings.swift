import Foundation
import GRDB
import Storage
import TuanjuCore

/// The settings an admin may change, with their defaults and allowed ranges.
public enum Setting: String, CaseIterable, Sendable {
    /// How many live claims one rider may hold at once.
    case maxActiveClaims = "max_active_claims"
    /// Days a redemption's hold lasts before it expires and returns the points.
    case holdExpiryDays = "hold_expiry_days"
    /// The most points the budget may ever issue; 0 means no cap.
    case pointsBudgetCap = "points_budget_cap"
    /// Days a webhook endpoint may fail continuously before it is disabled and its deliveries held.
    case webhookDisableAfterDays = "webhook_disable_after_days"
    /// Days a rejected report keeps its photos and precise position before `privacy purge` removes them.
    case privacyRetentionDays = "privacy_retention_days"

    public var defaultValue: Int {
        switch self {
        case .maxActiveClaims: 3
        case .holdExpiryDays: 30
        case .pointsBudgetCap: 0
        case .webhookDisableAfterDays: 5
        case .privacyRetentionDays: 180
        }
    }

    public var range: ClosedRange<Int> {
        switch self {
        case .maxActiveClaims: 1...100
        case .holdExpiryDays: 1...365
        case .pointsBudgetCap: 0...1_000_000_000
        case .webhookDisableAfterDays: 1...60
        case .privacyRetentionDays: 1...3650
        }
    }

    /// The value in force: the stored one, else the default. A stored value outside the range (written behind
    /// the app's back) counts as unset, so no rule ever computes with it.
    func value(_ db: Database) throws -> Int {
        guard let stored = try SettingsStore.value(db, key: rawValue).flatMap(Int.init), range.contains(stored) else {
            return defaultValue
        }
        return stored
    }
}

/// One setting as `settings list` shows it.
public struct SettingValue: Sendable, Equatable {
    public let key: String
    public let value: Int
    public let defaultValue: Int
}

extension Tuanju {
    /// `settings list` (admin).
    public func settings(_ caller: Caller) throws -> [SettingValue] {
        try caller.requireAdmin(.actionManageSettings)
        return try database.read { db in
            try Setting.allCases.map { SettingValue(key: $0.rawValue, value: try $0.value(db), defaultValue: $0.defaultValue) }
        }
    }

    /// `settings set KEY VALUE` (admin).
    public func changeSetting(_ caller: Caller, key: String, value: String) throws -> SettingValue {
        let useCase = try useCase(caller, requires: .admin(ServiceMsg.actionManageSettings))
        guard let setting = Setting(rawValue: key) else {
            throw InputError.invalid(.settingUnknown, ["key": key, "known": Setting.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        guard let number = Int(value), setting.range.contains(number) else {
            throw InputError.invalid(.settingOutOfRange, [
                "key": key, "value": value,
                "min": "\(setting.range.lowerBound)", "max": "\(setting.range.upperBound)",
            ])
        }
        return try useCase.write { work in
            try SettingsStore.set(work.db, key: key, value: String(number), at: work.now)
            try work.emit(.settingsChanged, SettingChangedEvent(key: key, value: number, by: caller.id))
            return SettingValue(key: key, value: number, defaultValue: setting.defaultValue)
        }
    }
}
