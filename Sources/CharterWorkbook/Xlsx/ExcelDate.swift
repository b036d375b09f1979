public import PolicyKit

/// Excel's serial dates: a date is stored as a number of days, and only its format says it is one.
public enum ExcelDate {
    /// Where a workbook's serial numbers count from.
    public enum System: Hashable, Sendable {
        /// The 1900 date system, Excel's default: 1 is 1900-01-01, and 60 is the 29 February 1900
        /// that Lotus 1-2-3 believed in and Excel keeps, so from 61 (1900-03-01) on, a serial is
        /// one more than its count of days from 1899-12-31.
        case from1900
        /// The 1904 date system of early Mac Excel (`<workbookPr date1904="1"/>`): 0 is 1904-01-01.
        case from1904
    }

    /// The calendar day of `serial` in `system`, its time of day dropped; `nil` for a serial
    /// before the system's first day, for 60 in the 1900 system (a day that never was), and for one
    /// after 9999-12-31.
    ///
    /// The serial is rounded to the millisecond first, as Excel displays it, so 46203.99999999999
    /// is the next day's midnight.
    public static func date(serial: Double, system: System) -> CivilDate? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let milliseconds = (serial * 86_400_000).rounded()
        let days = Int((milliseconds / 86_400_000).rounded(.down))
        let day: Int
        switch system {
        case .from1900:
            guard days >= 1, days != 60 else { return nil }
            day = epoch1900.dayNumber + days - (days > 60 ? 1 : 0)
        case .from1904:
            day = epoch1904.dayNumber + days
        }
        guard day <= CivilDate.latest.dayNumber else { return nil }
        return CivilDate(dayNumber: day)
    }

    /// The serial of `date` in `system`, as Excel stores that date.
    public static func serial(of date: CivilDate, system: System) -> Int {
        switch system {
        case .from1900:
            let days = date.dayNumber - epoch1900.dayNumber
            return days >= 60 ? days + 1 : days
        case .from1904:
            return date.dayNumber - epoch1904.dayNumber
        }
    }

    /// The day before serial 1 in the 1900 system.
    static let epoch1900 = CivilDate(dayNumber: -25568)  // 1899-12-31
    /// Serial 0 of the 1904 system.
    static let epoch1904 = CivilDate(dayNumber: -24107)  // 1904-01-01
}
