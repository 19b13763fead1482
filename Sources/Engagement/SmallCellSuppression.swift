/// Small-cell suppression with complementary suppression, the rule of the group portrait:
///
/// 1. Primary: every count from 1 to `threshold - 1` (1…4 riders) is hidden. Zeros are shown, except in a
///    group of fewer than `threshold` respondents, whose every count the caller hides (`fixedHidden`).
/// 2. Complementary: while a hidden count can be worked out exactly from the shown counts (by any
///    combination of the table's row, column and total equations), hide one more count in an equation with
///    it: the smallest non-zero one that makes it underivable, else the smallest non-zero one, zeros last.
/// 3. Combined cells: while an equation reveals the sum of its hidden counts (they all sit on one side, e.g.
///    a row whose total is shown) and that sum is 1 to `threshold - 1`, hide the smallest other count in it
///    (or, when it has none left, in an equation next to it); otherwise two hidden cells of 1 and 2 would
///    show that "3 riders" chose one of them.
///
/// Counts shown or hidden by another table (the respondents per group, shared by every question) are
/// fixed: never chosen as a complement here, and hidden here whenever hidden there. `derived` counts are
/// never shown but can be worked out (the riders who did not choose an option): they must not be worked
/// out when they are 1…4, and may be otherwise.
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
        // What the fixed counts alone pin down stays known however much is hidden here: never worth hiding,
        // and beyond this table's reach (the table it comes from made sure it is not a small count).
        let pinned = pinnedByFixed(table, fixedShown: fixedShown)
        let chooser = ComplementChooser(table: table, unavailable: fixedShown.union(pinned))
        func mustStayHidden(_ entry: Int) -> Bool {
            !pinned.contains(entry) && (!derived.contains(entry) || (1..<threshold).contains(table.counts[entry]))
        }
        while true {
            let workedOut = Derivation.derivable(in: table, hidden: hidden)
            let complement: Int?
            if let exposed = workedOut.first(where: mustStayHidden) {
                complement = chooser.complement(protecting: exposed, hidden: hidden)
            } else if let line = smallCombinedCell(
                in: table, unknown: hidden.subtracting(workedOut), threshold: threshold, derived: derived) {
                complement = chooser.complement(breaking: line, hidden: hidden)
            } else {
                break
            }
            guard let complement else { break }
            hidden.insert(complement)
        }
        return hidden
    }

    /// The counts the fixed ones determine: by the equations, or by counts never being negative (when the
    /// rest of an equation is known to be 0, every count on one side of it is 0).
    static func pinnedByFixed(_ table: CountTable, fixedShown: Set<Int>) -> Set<Int> {
        var pinned = Set(Derivation.derivable(in: table, hidden: Set(table.counts.indices).subtracting(fixedShown)))
        var grew = true
        while grew {
            grew = false
            for equation in table.equations {
                let open = equation.filter { !fixedShown.contains($0.entry) && !pinned.contains($0.entry) }
                guard !open.isEmpty else { continue }
                let sameSign = open.allSatisfy { $0.coefficient > 0 } || open.allSatisfy { $0.coefficient < 0 }
                let known = equation.filter { fixedShown.contains($0.entry) || pinned.contains($0.entry) }
                if sameSign, known.reduce(0, { $0 + $1.coefficient * table.counts[$1.entry] }) == 0 {
                    pinned.formUnion(open.map(\.entry))
                    grew = true
                }
            }
        }
        return pinned
    }

    /// The first equation whose unknown counts all have one sign (so their sum is revealed) and add up to
    /// 1 to `threshold - 1` riders, or to 0 with a hidden shown-kind count among them (it would read as 0).
    static func smallCombinedCell(
        in table: CountTable, unknown: Set<Int>, threshold: Int, derived: Set<Int>
    ) -> [CountTable.Term]? {
        table.equations.first { equation in
            let terms = equation.filter { unknown.contains($0.entry) }
            guard !terms.isEmpty else { return false }
            let sameSign = terms.allSatisfy { $0.coefficient > 0 } || terms.allSatisfy { $0.coefficient < 0 }
            guard sameSign else { return false }
            let revealed = terms.reduce(0) { $0 + abs($1.coefficient) * table.counts[$1.entry] }
            if revealed == 0 { return terms.contains { !derived.contains($0.entry) } }
            return revealed < threshold
        }
    }
}

/// Picks the count to hide next.
private struct ComplementChooser {
    let table: CountTable
    /// Fixed counts, and counts the fixed ones pin down.
    let unavailable: Set<Int>

    /// A count sharing an equation with `exposed` whose hiding makes `exposed` underivable, preferring small
    /// non-zero counts; failing that, the smallest candidate in its equations, then anywhere in the table.
    func complement(protecting exposed: Int, hidden: Set<Int>) -> Int? {
        let candidates = ordered(neighbours(of: [exposed]), hidden: hidden)
        for candidate in candidates {
            if !Derivation.derivable(in: table, hidden: hidden.union([candidate])).contains(exposed) { return candidate }
        }
        return candidates.first ?? ordered(Array(table.counts.indices), hidden: hidden).first
    }

    /// The smallest count of `line` still shown; when none is left, of the equations that share a count
    /// with it (what lets the reader work out its shown-looking side); then anywhere.
    func complement(breaking line: [CountTable.Term], hidden: Set<Int>) -> Int? {
        let entries = line.map(\.entry)
        return ordered(entries, hidden: hidden).first
            ?? ordered(neighbours(of: entries), hidden: hidden).first
            ?? ordered(Array(table.counts.indices), hidden: hidden).first
    }

    private func neighbours(of entries: [Int]) -> [Int] {
        entries.flatMap { entry in table.equations(containing: entry).flatMap { $0.map(\.entry) } }
    }

    /// Shown, available, distinct; non-zero counts first, smallest first, then zeros; ties by position.
    private func ordered(_ entries: [Int], hidden: Set<Int>) -> [Int] {
        Set(entries).filter { !hidden.contains($0) && !unavailable.contains($0) }.sorted { left, right in
            let (a, b) = (table.counts[left], table.counts[right])
            if (a == 0) != (b == 0) { return b == 0 }
            return a != b ? a < b : left < right
        }
    }
}
