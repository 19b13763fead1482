import ArgumentParser
import Foundation
import TuanjuCore
import TuanjuViews

/// `--limit`, `--after` and `--all`: the paging options of every list command.
struct PagingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(PageCLIMsg.optPageLimit)) var limit = PageRequest.defaultLimit
    @Option(help: ArgumentHelp(PageCLIMsg.optAfter, valueName: "id")) var after: String?
    @Flag(help: ArgumentHelp(PageCLIMsg.optAll)) var all = false

    var request: PageRequest { PageRequest(after: after, limit: limit) }
}

/// How a list command prints. The JSON of one page stays a JSON array on stdout (the shape scripts rely on);
/// where the next page starts goes to stderr, out of band: `{"next": "X"}` / `{"next": null}` with `--json`,
/// else a last line `next page: --after X`. With `--all` the pages are walked with the cursor and printed as
/// they come, one page in memory at a time: JSON Lines (one compact object per row) or one table whose
/// column widths are fixed by the first page.
enum Listing {
    static let lineEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func print<Row, Shape: Encodable>(
        _ paging: PagingOptions, json: Bool, headers: [String],
        fetch: (PageRequest) throws -> Page<Row>, encode: (Row) -> Shape, cells: (Row) -> [String]
    ) throws {
        let console = Console.current
        guard paging.all else {
            let page = try fetch(paging.request)
            if json {
                try Output.json(page.rows.map(encode))
                console.err(nextLine(page.next))
            } else {
                var table = Table(headers)
                for row in page.rows { table.add(cells(row)) }
                table.print()
                if let next = page.next { console.err(PageCLIMsg.nextPage.text(["id": next])) }
            }
            return
        }
        var request = paging.request
        var widths: [Int]?
        while true {
            let page = try fetch(request)
            if json {
                var text = ""
                for row in page.rows { text += String(decoding: try lineEncoder.encode(JSONTree.encode(encode(row))), as: UTF8.self) + "\n" }
                console.write(text)
            } else {
                var table = Table(headers)
                for row in page.rows { table.add(cells(row)) }
                if let fixed = widths {
                    for line in table.render(widths: fixed).dropFirst(2) { console.out(line) }
                } else {
                    widths = table.widths
                    table.print()
                }
            }
            guard let next = page.next else { break }
            request.after = next
        }
        if json { console.err(nextLine(nil)) }
    }

    /// `{"next": "X"}`, or `{"next": null}` at the end.
    static func nextLine(_ next: String?) -> String {
        guard let next else { return #"{"next": null}"# }
        let quoted = (try? lineEncoder.encode(next)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\(next)\""
        return #"{"next": "# + quoted + "}"
    }
}
