//! CSV for spreadsheets (RFC 4180), shared by every export a person takes
//! to Excel: fields quoted when they must be, text guarded against being
//! run as a formula, a byte order mark so Chinese reads right.

/// What starts every CSV file: a UTF-8 byte order mark. Excel reads a CSV
/// without one in the system's legacy code page (GBK on a Chinese Windows,
/// Latin-1 elsewhere) and garbles Chinese; with it, Excel reads UTF-8, and
/// other tools skip it.
pub const BOM: &str = "\u{feff}";

/// Line end of a record (RFC 4180).
pub const CRLF: &str = "\r\n";

/// A field, quoted when it holds a comma, a quote, CR or LF (quotes
/// doubled).
pub fn field(value: &str) -> String {
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// A free-text field (a name, a title, an id from the data): a value a
/// spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a TAB or CR
/// before one) gets a leading `'`, so it shows as the text it is and never
/// runs (CSV injection).
pub fn text_field(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        field(&format!("'{value}"))
    } else {
        field(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be_and_formulas_never_run() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\"\n"), "\"say \"\"hi\"\"\n\"");
        assert_eq!(
            text_field("=HYPERLINK(\"x\")"),
            "\"'=HYPERLINK(\"\"x\"\")\""
        );
        assert_eq!(text_field("-3"), "'-3");
        assert_eq!(text_field("张三"), "张三");
    }
}
