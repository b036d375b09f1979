/// A calendar date without a time or a time zone, as the dataset writes it (`YYYY-MM-DD`).
///
/// Every age, duration and "within the last N" rule is measured between two civil dates, so a
/// decision never depends on the clock or the time zone of the machine that runs it. The value is
/// packed into one integer whose order is the calendar order, so comparing dates is one compare.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The packed value: `year << 9 | month << 5 | day`, ordered like the calendar.
    @usableFromInline let packed: Int32

    /// Creates a date when the year (1 to 9999), month and day name a real calendar day.
    @inlinable
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        packed = Int32(year << 9 | month << 5 | day)
    }

    /// Reads a date written `YYYY-MM-DD`, or returns `nil` for anything else.
    public init?(_ text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard let date = utf8.withUnsafeBufferPointer({ CivilDate(utf8: $0) }) else { return nil }
        self = date
    }

    /// Reads a date from exactly ten UTF-8 bytes `YYYY-MM-DD`, or returns `nil`.
    @inlinable
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        var value = 0
        var year = 0
        var month = 0
        for index in 0..<10 where index != 4 && index != 7 {
            let digit = Int(bytes[index]) &- 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            value = value &* 10 &+ digit
            if index == 3 {
                year = value
                value = 0
            } else if index == 6 {
                month = value
                value = 0
            }
        }
        self.init(year: year, month: month, day: value)
    }

    /// The year, 1 to 9999.
    @inlinable public var year: Int { Int(packed >> 9) }
    /// The month, 1 to 12.
    @inlinable public var month: Int { Int(packed >> 5) & 0xF }
    /// The day of the month, 1 to 31.
    @inlinable public var day: Int { Int(packed) & 0x1F }

    /// The date written `YYYY-MM-DD`.
    public var description: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

    /// The date's text, as ``description`` has it, lent as UTF-8 bytes for the time of `body`
    /// without building a `String` (reasons and records write dates by the million).
    @inlinable
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            func put(_ value: Int, at start: Int, width: Int) {
                var rest = value
                for offset in (0..<width).reversed() {
                    buffer[start + offset] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
            }
            put(year, at: 0, width: 4)
            buffer[4] = UInt8(ascii: "-")
            put(month, at: 5, width: 2)
            buffer[7] = UInt8(ascii: "-")
            put(day, at: 8, width: 2)
            return try body(UnsafeBufferPointer(buffer))
        }
    }

    /// The date as Chinese prose writes it (`2026年6月30日`), lent as UTF-8 bytes for the time of
    /// `body`, as ``chineseText`` has it.
    @inlinable
    public func withChineseUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        // Four digits of year, two each of month and day, and three characters of three bytes.
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 17) { buffer in
            var end = 0
            func put(_ value: Int) {
                var divisor = 1
                while divisor * 10 <= value { divisor *= 10 }
                var rest = value
                repeat {
                    buffer[end] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor)
                    end += 1
                    rest %= divisor
                    divisor /= 10
                } while divisor > 0
            }
            func put(_ character: (UInt8, UInt8, UInt8)) {
                buffer[end] = character.0
                buffer[end + 1] = character.1
                buffer[end + 2] = character.2
                end += 3
            }
            put(year)
            put((0xE5, 0xB9, 0xB4))  // 年
            put(month)
            put((0xE6, 0x9C, 0x88))  // 月
            put(day)
            put((0xE6, 0x97, 0xA5))  // 日
            return try body(UnsafeBufferPointer(rebasing: buffer[0..<end]))
        }
    }

    /// Whether `lhs` is an earlier date than `rhs`.
    @inlinable
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.packed < rhs.packed }

    /// Whether `year` is a leap year of the Gregorian calendar.
    @inlinable
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month of a year.
    @inlinable
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date `months` calendar months later (earlier when negative): the spec's `add_months`.
    ///
    /// The day of the month is kept and clamped to the last day of the target month: 31 August
    /// plus 6 months is 28 (or 29) February.
    ///
    /// Returns the date clamped to 0001-01-01 or 9999-12-31 when the result leaves those years.
    public func addingMonths(_ months: Int) -> CivilDate {
        let total = (year * 12 + (month - 1)) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        if newYear < 1 { return CivilDate.earliest }
        if newYear > 9999 { return CivilDate.latest }
        let newDay = min(day, CivilDate.daysInMonth(year: newYear, month: newMonth))
        return CivilDate(packedYear: newYear, month: newMonth, day: newDay)
    }

    /// The date `days` days later (earlier when negative), clamped to the representable years.
    public func addingDays(_ days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// Days since 1970-01-01 (negative before it), in the proleptic Gregorian calendar.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01, clamped to 0001-01-01 … 9999-12-31.
    public init(dayNumber: Int) {
        let clamped = min(max(dayNumber, CivilDate.earliest.dayNumber), CivilDate.latest.dayNumber)
        // Howard Hinnant's civil_from_days.
        let z = clamped + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(packedYear: year, month: month, day: day)
    }

    @usableFromInline
    init(packedYear year: Int, month: Int, day: Int) {
        packed = Int32(year << 9 | month << 5 | day)
    }

    /// The first representable date, 0001-01-01.
    public static let earliest = CivilDate(packedYear: 1, month: 1, day: 1)
    /// The last representable date, 9999-12-31.
    public static let latest = CivilDate(packedYear: 9999, month: 12, day: 31)

    /// Completed years from this date (a birth date) to `date`.
    ///
    /// A 29 February birthday is reached on 1 March in a common year.
    public func age(at date: CivilDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    /// The calendar half-year that holds this date.
    public var halfYear: HalfYear { HalfYear(year: year, second: month > 6) }
}

/// A calendar half-year: 1 January to 30 June (`H1`) or 1 July to 31 December (`H2`).
///
/// Points are kept and letters sent per half-year (半年度积分).
public struct HalfYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year.
    public let year: Int
    /// Whether this is the second half (July to December).
    public let isSecondHalf: Bool

    /// Creates the first or second half of `year`.
    public init(year: Int, second: Bool) {
        self.year = year
        self.isSecondHalf = second
    }

    /// The first day of the half-year.
    public var start: CivilDate {
        CivilDate(packedYear: year, month: isSecondHalf ? 7 : 1, day: 1)
    }

    /// The last day of the half-year.
    public var end: CivilDate {
        CivilDate(packedYear: year, month: isSecondHalf ? 12 : 6, day: isSecondHalf ? 31 : 30)
    }

    /// The half-year as the decision records write it, such as `2026H1`.
    public var description: String { "\(year)H\(isSecondHalf ? 2 : 1)" }

    /// Whether `lhs` is an earlier half-year than `rhs`.
    public static func < (lhs: HalfYear, rhs: HalfYear) -> Bool {
        (lhs.year, lhs.isSecondHalf ? 1 : 0) < (rhs.year, rhs.isSecondHalf ? 1 : 0)
    }
}
