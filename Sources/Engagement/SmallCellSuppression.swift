/// Small-cell suppression with complementary suppression, the rule of the group portrait:
///
/// 1. Primary: every count from 1 to `threshold - 1` (1…4 riders) is hidden. Zeros are shown.
/// 2. Complementary: while a hidden count can be worked out exactly from the shown counts (by any
///    combination of the table's row, column and total equations), hide one more count in an equation with
///    it: the smallest non-zero one that makes it underivable, else the smallest non-zero one, zeros last.
/// 3. Combined cells: while an equation reveals the sum of its hidden counts (they all sit on one side, e.g.
///    a row whose total is shown) and that sum is below `threshold`, hide the smallest other count in it;
///    otherwise two hidden cells of 1 and 2 would show that "3 riders" chose one of them.
///
/// Counts shown or hidden by another table (the respondents per group, shared by every question) are
/// fixed: never chosen as a complement here, and hidden here whenever hidden there. `derived` counts are
/// never shown (the riders who did not choose an option): they must not be worked out when they are 1…4,
/// and may be otherwise.
enum SmallCellSuppression {
    static func hide(
        in table: CountTable, threshold: Int,
        fixedShown: Set<Int> = [], fixedHidden: Set<Int> = [], derived: Set<Int> = []
    ) -> Set<Int> {
        var hidden = fixedHidden.union(derived)
        for (entry, count) in table.counts.enumerated()
        where count >= 1 && count < threshold && !fixedShown.contains(entry) {
            hidden.insert(entry)
        }
        let chooser = ComplementChooser(table: table, fixedShown: fixedShown)
        func mustStayHidden(_ entry: Int) -> Bool {
            !derived.contains(entry) || (1..<threshold).contains(table.counts[entry])
        }
        while true {
            if let exposed = Derivation.derivable(in: table, hidden: hidden).first(where: mustStayHidden) {
                guard let complement = chooser.complement(protecting: exposed, hidden: hidden) else { break }
                hidden.insert(complement)
            } else if let line = smallCombinedCell(in: table, hidden: hidden, threshold: threshold, derived: derived) {
                guard let complement = chooser.smallest(among: line.map(\.entry), hidden: hidden) else { break }
                hidden.insert(complement)
            } else {
                break
            }
        }
        return hidden
    }

    /// The first equation whose hidden counts all have one sign (so their sum is revealed) and add up to
    /// 1 to `threshold - 1` riders, or to 0 with a hidden count among them (it would read as 0).
    static func smallCombinedCell(
        in table: CountTable, hidden: Set<Int>, threshold: Int, derived: Set<Int>
    ) -> [CountTable.Term]? {
        table.equations.first { equation in
            let unknown = equation.filter { hidden.contains($0.entry) }
            guard !unknown.isEmpty else { return false }
            let sameSign = unknown.allSatisfy { $0.coefficient > 0 } || unknown.allSatisfy { $0.coefficient < 0 }
            guard sameSign else { return false }
            let revealed = unknown.reduce(0) { $0 + abs($1.coefficient) * table.counts[$1.entry] }
            if revealed == 0 { return unknown.contains { !derived.contains($0.entry) } }
            return revealed < threshold
        }
    }
}

/// Picks the count to hide next.
private struct ComplementChooser {
    let table: CountTable
    let fixedShown: Set<Int>

    /// A count sharing an equation with `exposed` whose hiding makes `exposed` underivable, preferring small
    /// non-zero counts; failing that, the smallest candidate in its equations, then anywhere in the table.
    func complement(protecting exposed: Int, hidden: Set<Int>) -> Int? {
        let neighbours = table.equations(containing: exposed).flatMap { $0.map(\.entry) }
        let candidates = ordered(neighbours, hidden: hidden)
        for candidate in candidates {
            let trial = hidden.union([candidate])
            if !Derivation.derivable(in: table, hidden: trial).contains(exposed) { return candidate }
        }
        return candidates.first ?? smallest(among: Array(table.counts.indices), hidden: hidden)
    }

    func smallest(among entries: [Int], hidden: Set<Int>) -> Int? {
        ordered(entries, hidden: hidden).first
    }

    /// Shown, not fixed, distinct; non-zero counts first, smallest first, then zeros; ties by position.
    private func ordered(_ entries: [Int], hidden: Set<Int>) -> [Int] {
        Set(entries).filter { !hidden.contains($0) && !fixedShown.contains($0) }.sorted { left, right in
            let (a, b) = (table.counts[left], table.counts[right])
            if (a == 0) != (b == 0) { return b == 0 }
            return a != b ? a < b : left < right
        }
    }
}
