import Testing

/// The suites of CharterWorkbook (inflate, CRC-32, zip, xlsx), nested here so that
/// `swift test --filter Workbook` runs them all and nothing else.
@Suite struct WorkbookTests {}
