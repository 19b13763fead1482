import Governance
import TuanjuCore

extension Tuanju {
    /// `roles add CODE` (staff).
    public func addRole(_ caller: Caller, code: String, nameZh: String, nameEn: String, description: String?) throws -> RoleProgramme.RoleRecord {
        let useCase = try useCase(caller, requires: .staff(RoleMsg.action))
        let code = try RoleInput.code(code)
        let (zh, en) = (try RoleInput.name(nameZh, field: .fieldNameZh), try RoleInput.name(nameEn, field: .fieldNameEn))
        let description = try description.map { try Text.label($0, field: RoleMsg.fieldDescription, maxLength: 2000) } ?? ""
        return try useCase.write { work in
            let role = try RoleProgramme.add(work.db, code: code, nameZh: zh, nameEn: en, description: description, by: caller.id, at: work.now)
            try work.emit(.roleCreated, RoleEvent(role, by: caller))
            return role
        }
    }

    /// `roles update CODE` (staff).
    public func updateRole(_ caller: Caller, code: String, nameZh: String?, nameEn: String?, description: String?) throws -> RoleProgramme.RoleRecord {
        let useCase = try useCase(caller, requires: .staff(RoleMsg.action))
        let zh = try nameZh.map { try RoleInput.name($0, field: .fieldNameZh) }
        let en = try nameEn.map { try RoleInput.name($0, field: .fieldNameEn) }
        let description = try description.map { try Text.label($0, field: RoleMsg.fieldDescription, maxLength: 2000) }
        guard zh != nil || en != nil || description != nil else { throw InputError.invalid(ServiceMsg.nothingToChange) }
        return try useCase.write { work in
            let role = try RoleProgramme.update(work.db, code: code, nameZh: zh, nameEn: en, description: description, at: work.now)
            try work.emit(.roleUpdated, RoleEvent(role, by: caller))
            return role
        }
    }

    /// `roles retire CODE` (staff).
    public func retireRole(_ caller: Caller, code: String) throws -> RoleProgramme.RoleRecord {
        let useCase = try useCase(caller, requires: .staff(RoleMsg.action))
        return try useCase.write { work in
            let role = try RoleProgramme.retire(work.db, code: code, at: work.now)
            try work.emit(.roleRetired, RoleEvent(role, by: caller))
            return role
        }
    }

    /// `roles categories add ROLE CODE` (staff).
    public func addCategory(
        _ caller: Caller, role: String, code: String, nameZh: String, nameEn: String, points: String
    ) throws -> RoleProgramme.CategoryRecord {
        let useCase = try useCase(caller, requires: .staff(RoleMsg.action))
        let code = try RoleInput.code(code)
        let (zh, en) = (try RoleInput.name(nameZh, field: .fieldNameZh), try RoleInput.name(nameEn, field: .fieldNameEn))
        let range = try RoleInput.points(points)
        return try useCase.write { work in
            let category = try RoleProgramme.addCategory(work.db, role: role, code: code, nameZh: zh, nameEn: en, points: range, by: caller.id)
            try work.emit(.categoryCreated, CategoryEvent(category, by: caller))
            return category
        }
    }

    /// `roles categories retire CODE` (staff).
    public func retireCategory(_ caller: Caller, code: String) throws -> RoleProgramme.CategoryRecord {
        let useCase = try useCase(caller, requires: .staff(RoleMsg.action))
        return try useCase.write { work in
            let category = try RoleProgramme.retireCategory(work.db, code: code, at: work.now)
            try work.emit(.categoryRetired, CategoryEvent(category, by: caller))
            return category
        }
    }
}
