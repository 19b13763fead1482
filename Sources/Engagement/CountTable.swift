/// Counts of riders laid out as a table, with the linear equations a reader knows hold between them
/// (a row of groups adds up to its total, the options of a column add up to the respondents, ...).
/// Suppression reasons about these equations only, never about what the rows mean.
struct CountTable {
    /// One term of an equation: `coefficient × counts[entry]`.
    struct Term {
        let entry: Int
        let coefficient: Int
    }

    var counts: [Int]
    /// Each equation states `Σ coefficient × count = 0`.
    var equations: [[Term]]

    /// The equations that mention `entry`.
    func equations(containing entry: Int) -> [[Term]] {
        equations.filter { equation in equation.contains { $0.entry == entry } }
    }
}

/// Which hidden entries of a table a reader can still work out exactly from the shown ones and the
/// equations: any linear combination, not only one row or column at a time. Tables are small (tens of
/// entries), so a reduced row echelon form per question is cheap.
enum Derivation {
    /// The hidden entries whose value is fixed by the equations and the shown entries, in ascending order.
    static func derivable(in table: CountTable, hidden: Set<Int>) -> [Int] {
        let unknowns = hidden.sorted()
        guard !unknowns.isEmpty else { return [] }
        let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        var matrix: [[Double]] = table.equations.compactMap { equation in
            var row = [Double](repeating: 0, count: unknowns.count)
            for term in equation { if let index = column[term.entry] { row[index] += Double(term.coefficient) } }
            return row.contains { $0 != 0 } ? row : nil
        }
        reduce(&matrix)
        // In reduced form a row with a single non-zero pins that unknown; any other row ties it to a free one.
        var pinned: [Int] = []
        for row in matrix {
            let nonZero = row.indices.filter { abs(row[$0]) > epsilon }
            if nonZero.count == 1 { pinned.append(unknowns[nonZero[0]]) }
        }
        return pinned.sorted()
    }

    private static let epsilon = 1e-9

    /// Gauss-Jordan elimination with partial pivoting, in place.
    private static func reduce(_ matrix: inout [[Double]]) {
        guard let width = matrix.first?.count else { return }
        var pivotRow = 0
        for column in 0..<width where pivotRow < matrix.count {
            let best = (pivotRow..<matrix.count).max { abs(matrix[$0][column]) < abs(matrix[$1][column]) }!
            guard abs(matrix[best][column]) > epsilon else { continue }
            matrix.swapAt(pivotRow, best)
            let pivot = matrix[pivotRow][column]
            matrix[pivotRow] = matrix[pivotRow].map { $0 / pivot }
            for other in matrix.indices where other != pivotRow {
                let factor = matrix[other][column]
                if abs(factor) > epsilon {
                    for index in 0..<width { matrix[other][index] -= factor * matrix[pivotRow][index] }
                }
            }
            pivotRow += 1
        }
    }
}
