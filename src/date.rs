//! Calendar dates as maps write them (`YYYY-MM-DD`), and the days between two of them.
//! Small enough that a date crate would cost more than it gives.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Why a text is not a date: its form, or a month or day the calendar does not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not written `YYYY-MM-DD`.
    Form,
    /// Written so, but there is no such month (`2026-13-01`).
    NoSuchMonth(u32),
    /// Written so, but the month is shorter (`2026-02-30`); `last` is its last day.
    NoSuchDay {
        year: i32,
        month: u32,
        day: u32,
        last: u32,
    },
}

impl DateError {
    /// What is wrong, for "`reviewed` is `2026-02-30`, ...".
    pub fn explain(self) -> Option<String> {
        match self {
            DateError::Form => None,
            DateError::NoSuchMonth(m) => Some(format!("but there is no month {m}")),
            DateError::NoSuchDay {
                year,
                month,
                day,
                last,
            } => Some(format!(
                "a day that does not exist: {} {year} has {last} days, not {day}",
                MONTHS.get(month as usize - 1).unwrap_or(&"this month")
            )),
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Parses an RFC 3339 full-date: four-digit year, two-digit month and day, valid in the calendar.
    pub fn parse(s: &str) -> Option<Date> {
        Date::check(s).ok()
    }

    /// [`Date::parse`], saying what is wrong when it is not a date.
    pub fn check(s: &str) -> Result<Date, DateError> {
        Date::read(s).ok_or(DateError::Form)?
    }

    fn read(s: &str) -> Option<Result<Date, DateError>> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let year = num(0..4)? as i32;
        let month = num(5..7)?;
        let day = num(8..10)?;
        if !(1..=12).contains(&month) {
            return Some(Err(DateError::NoSuchMonth(month)));
        }
        let last = days_in_month(year, month);
        if day < 1 || day > last {
            return Some(Err(DateError::NoSuchDay {
                year,
                month,
                day,
                last,
            }));
        }
        Some(Ok(Date { year, month, day }))
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((secs / 86_400) as i64)
    }

    /// The inverse of [`Date::days`] (Hinnant's `civil_from_days`).
    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn parses_only_real_calendar_dates() {
        assert!(Date::parse("2026-10-01").is_some());
        assert!(Date::parse("2024-02-29").is_some());
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-10-01",
            "2026-10-01T",
            "２０２６-10-01",
            "2026-00-10",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn says_which_part_of_a_date_does_not_exist() {
        use super::DateError;
        assert_eq!(Date::check("2026-1-01"), Err(DateError::Form));
        assert_eq!(Date::check("2026-13-01"), Err(DateError::NoSuchMonth(13)));
        let e = Date::check("2026-02-30").unwrap_err();
        assert_eq!(
            e.explain().unwrap(),
            "a day that does not exist: February 2026 has 28 days, not 30"
        );
        assert!(Date::check("2026-04-00").is_err());
    }

    #[test]
    fn day_counts_round_trip() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        let a = Date::parse("2025-10-24").unwrap();
        let b = Date::parse("2026-11-23").unwrap();
        assert_eq!(b.days() - a.days(), 395);
        for d in [-1000, 0, 19_000, 20_000, 100_000] {
            assert_eq!(Date::from_days(d).days(), d);
        }
    }
}
