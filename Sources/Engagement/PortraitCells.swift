import Foundation

/// A suppressed table read back as portrait rows.
struct PortraitCells {
    let grid: PortraitGrid
    let counts: [Int]
    let hidden: Set<Int>
    let labels: [String]

    /// The count at `row` (nil: total row) and `group` (nil: all groups), or nil when it is hidden.
    func shown(_ row: Int?, _ group: Int?) -> Int? {
        let entry = grid.entry(row, group)
        return hidden.contains(entry) ? nil : counts[entry]
    }

    /// Row `row` named `key`; `denominator(group)` is the shown base of its shares in that column, if any.
    func row(_ key: String, _ row: Int?, denominator: (Int?) -> Int?) -> PortraitRow {
        func cell(_ group: Int?) -> PortraitCount {
            let count = shown(row, group)
            let share = count.flatMap { count in
                denominator(group).flatMap { $0 > 0 ? Self.rounded(Double(count) / Double($0)) : nil }
            }
            return PortraitCount(group: group.map { labels[$0] }, count: count, suppressed: count == nil, share: share)
        }
        return PortraitRow(option: key, all: cell(nil), groups: labels.indices.map(cell))
    }

    /// Shares to 4 decimal places, so the JSON does not carry float noise.
    static func rounded(_ share: Double) -> Double {
        (share * 10_000).rounded() / 10_000
    }
}
