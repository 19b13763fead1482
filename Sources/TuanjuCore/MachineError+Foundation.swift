import Foundation

extension MachineError {
    /// The fault behind an error Foundation threw for a file operation on `path` (FileHandle, Data.write,
    /// FileManager), or nil when it is not a fault of the machine.
    public static func from(error: any Error, path: String, needed: Int64? = nil) -> MachineError? {
        if let fault = error as? MachineError { return fault }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return from(errno: Int32(nsError.code), path: path, needed: needed) }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileWriteOutOfSpace: return from(errno: ENOSPC, path: path, needed: needed)
            case .fileWriteVolumeReadOnly: return from(errno: EROFS, path: path)
            case .fileWriteNoPermission, .fileReadNoPermission: return from(errno: EACCES, path: path)
            default: break
            }
        }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error {
            return from(error: underlying, path: path, needed: needed)
        }
        return nil
    }
}
