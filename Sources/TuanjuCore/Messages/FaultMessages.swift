// Messages of machine faults: a full disk, a read-only or unreadable data directory, a damaged database file.
// Same rules as Msg: `{name}` marks an argument; CatalogTests checks both languages and the arguments.

public enum FaultMsg: String, CaseIterable, CatalogMessage {
    case diskFull, diskFullUnknown, readOnly, permissionDenied, damaged, ioError

    public var texts: (en: String, zh: String) {
        switch self {
        case .diskFull:
            ("the disk holding {path} is full ({available} free; this needs at least {needed} more); free some space and run the same command again: nothing was half-written",
             "{path} 所在的磁盘已满(剩余 {available},还需要至少 {needed});请腾出空间后重新运行同一命令:没有写入任何半截数据")
        case .diskFullUnknown:
            ("the disk holding {path} is full ({available} free); free some space and run the same command again: nothing was half-written",
             "{path} 所在的磁盘已满(剩余 {available});请腾出空间后重新运行同一命令:没有写入任何半截数据")
        case .readOnly:
            ("{path} is read-only, so nothing can be written there (reading still works); check the mount and the file permissions",
             "{path} 是只读的,无法写入(仍可读取);请检查挂载方式和文件权限")
        case .permissionDenied:
            ("permission denied for {path} (owned by another user?); run tuanju as the user that owns the data directory",
             "没有访问 {path} 的权限(属于其他用户?);请以数据目录所有者的身份运行 tuanju")
        case .damaged:
            ("the database {path} is damaged ({detail}); run `tuanju doctor` to see what is wrong, and `tuanju restore BACKUP --data NEW_DIR` to bring back the last backup",
             "数据库 {path} 已损坏({detail});请运行 `tuanju doctor` 查看问题,并用 `tuanju restore 备份目录 --data 新目录` 恢复最近的备份")
        case .ioError:
            ("the machine could not read or write {path} ({detail}); check the disk and the system log",
             "无法读写 {path}({detail});请检查磁盘和系统日志")
        }
    }
}
