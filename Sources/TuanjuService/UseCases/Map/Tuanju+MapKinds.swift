import ServiceMap
import TuanjuCore

extension Tuanju {
    /// `map kinds add CODE` (staff).
    public func addMapKind(_ caller: Caller, code: String, nameZh: String, nameEn: String) throws -> ServicePointKind {
        let useCase = try useCase(caller, requires: .staff(KindMsg.action))
        let code = try KindProgramme.code(code)
        let (zh, en) = (try KindProgramme.name(nameZh, field: .fieldNameZh), try KindProgramme.name(nameEn, field: .fieldNameEn))
        return try useCase.write { work in
            let kind = try KindProgramme.add(work.db, code: code, nameZh: zh, nameEn: en)
            try work.emit(.mapKindCreated, MapKindEvent(code: kind.code, name: kind.name, nameZh: kind.nameZh, by: caller.id))
            return kind
        }
    }

    /// `map kinds update CODE` (staff).
    public func updateMapKind(_ caller: Caller, code: String, nameZh: String?, nameEn: String?) throws -> ServicePointKind {
        let useCase = try useCase(caller, requires: .staff(KindMsg.action))
        let zh = try nameZh.map { try KindProgramme.name($0, field: .fieldNameZh) }
        let en = try nameEn.map { try KindProgramme.name($0, field: .fieldNameEn) }
        guard zh != nil || en != nil else { throw InputError.invalid(KindMsg.nothingToChange) }
        return try useCase.write { work in
            let kind = try KindProgramme.update(work.db, code: code, nameZh: zh, nameEn: en)
            try work.emit(.mapKindUpdated, MapKindEvent(code: kind.code, name: kind.name, nameZh: kind.nameZh, by: caller.id))
            return kind
        }
    }
}
