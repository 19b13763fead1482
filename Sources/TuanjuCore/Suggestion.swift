/// "Did you mean": the known names nearest to a mistyped one.
public enum Suggestion {
    /// The names within a small edit distance of `word` (a third of its length, at least 2), nearest first;
    /// a name that `word` starts or is the start of counts as near.
    public static func closest(to word: String, among names: [String]) -> [String] {
        let limit = max(2, word.count / 3)
        let scored = names.map { name -> (String, Int) in
            let distance = (name.hasPrefix(word) || word.hasPrefix(name)) && min(name.count, word.count) >= 3
                ? min(1, editDistance(word, name)) : editDistance(word, name)
            return (name, distance)
        }.filter { $0.1 <= limit }
        guard let best = scored.map(\.1).min() else { return [] }
        return scored.filter { $0.1 == best }.map(\.0).sorted()
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
