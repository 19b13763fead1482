/// One field of a CSV line the project writes: text (which a spreadsheet must never run as a formula) or a
/// number (which must stay a number, so a negative longitude or points amount keeps its `-`).
public struct CSVField: Sendable, Equatable {
    /// The field as written, before RFC 4180 quoting.
    let content: String

    /// Text: a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` (OWASP's CSV injection advice).
    public static func text(_ value: String) -> CSVField { CSVField(content: CSVWriter.guarded(value)) }

    /// Optional text: empty when nil.
    public static func text(_ value: String?) -> CSVField { text(value ?? "") }

    public static func number(_ value: Int) -> CSVField { CSVField(content: String(value)) }

    /// A finite number as Swift prints it; an infinite or NaN one is empty (no spreadsheet reads them).
    public static func number(_ value: Double) -> CSVField { CSVField(content: value.isFinite ? "\(value)" : "") }

    /// A number already formatted by the caller (`0.25`, `-116.4`, `1e-05`). Anything that is not a plain
    /// decimal numeral (`-2+3`, `-1-1`) is treated as text and guarded, so a mislabelled field cannot carry a formula.
    public static func numeral(_ text: String) -> CSVField {
        CSVWriter.isNumeral(text) ? CSVField(content: text) : .text(text)
    }
}

/// The one writer of every CSV the project produces (exports, the fulfilment report, the portrait): RFC 4180
/// quoting (a field holding a comma, quote, CR or LF is quoted, quotes doubled), lines ending in LF, and
/// text fields guarded against spreadsheet formulas. `CSVWriter.unguarded` undoes the guard for importers,
/// so what an export writes imports back unchanged.
public enum CSVWriter {
    /// The characters that make a spreadsheet read a cell as a formula (or, for tab and CR, shift it).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// One line: the fields, quoted where needed, joined by commas, ending in `\n`.
    public static func line(_ fields: [CSVField]) -> String {
        fields.map { quoted($0.content) }.joined(separator: ",") + "\n"
    }

    /// A header line: every name as text.
    public static func header(_ names: [String]) -> String {
        line(names.map(CSVField.text))
    }

    /// RFC 4180: quoted when it holds a comma, a quote, CR or LF; quotes doubled.
    static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var result = "\""
        for character in field {
            result.append(character)
            if character == "\"" { result.append("\"") }
        }
        return result + "\""
    }

    /// Text with a `'` in front when, past any `'` it already starts with, it starts like a formula. Counting
    /// the existing `'`s keeps the guard reversible: `'=x` (typed so) is written `''=x` and reads back as `'=x`.
    static func guarded(_ text: String) -> String {
        needsGuard(text.unicodeScalars) ? "'" + text : text
    }

    /// What an importer does to a field: takes away the one `'` that `guarded` added, and nothing else.
    public static func unguarded(_ field: String) -> String {
        let scalars = field.unicodeScalars
        guard scalars.first == "'", needsGuard(scalars.dropFirst()) else { return field }
        return String(scalars.dropFirst())
    }

    private static func needsGuard<S: Collection<Unicode.Scalar>>(_ scalars: S) -> Bool {
        guard let first = scalars.first(where: { $0 != "'" }) else { return false }
        return formulaStarts.contains(first)
    }

    /// `-?digits[.digits][e[+-]digits]`: what a spreadsheet reads as a number and never as a formula.
    static func isNumeral(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { (0x30...0x39).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
