/// The layout of one portrait table: `rows` inner rows (options, `_answered`/`_not_answered`, unshown rows) by
/// `groups` columns, plus a total column (all groups) and a total row (all respondents). The total row is the
/// profile mix: respondents per group, the same in every question's table.
struct PortraitGrid {
    let rows: Int
    let groups: Int

    /// The entry at row `row` (nil: the total row) and group `group` (nil: the total column).
    func entry(_ row: Int?, _ group: Int?) -> Int {
        (row ?? rows) * (groups + 1) + (group ?? groups)
    }

    var entryCount: Int { (rows + 1) * (groups + 1) }

    /// Each group's column, then the total column (nil).
    var columns: [Int?] { (0..<groups).map(Optional.some) + [nil] }

    /// The total row's entries, group by group, then the grand total.
    var totalRow: [Int] { columns.map { entry(nil, $0) } }

    /// Every row, the total row included, adds up across groups to its total (when there are groups).
    var rowEquations: [[CountTable.Term]] {
        guard groups > 0 else { return [] }
        return (0...rows).map { index in
            let row = index == rows ? nil : index
            return (0..<groups).map { CountTable.Term(entry: entry(row, $0), coefficient: 1) }
                + [CountTable.Term(entry: entry(row, nil), coefficient: -1)]
        }
    }

    /// In every column, the counts of `rows` add up to `factor` times the row `against` (the total row when nil).
    func columnEquations(adding rows: [Int], against: Int? = nil, times factor: Int = 1) -> [[CountTable.Term]] {
        guard !rows.isEmpty else { return [] }
        return columns.map { group in
            rows.map { CountTable.Term(entry: entry($0, group), coefficient: 1) }
                + [CountTable.Term(entry: entry(against, group), coefficient: -factor)]
        }
    }
}
