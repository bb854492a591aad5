//! Reading a metric against its target: which way is better, how far along it is, and
//! whether it is met. One place, so the picture, the tables and the diff agree.

use super::{Metric, Spanned};
use crate::date::Date;

/// One dated measurement in a metric's `history`.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub date: Spanned<Date>,
    pub value: f64,
    pub respondents: Option<u64>,
}

/// Which way a metric improves; higher unless the map says `better: lower` (call
/// volumes, days to decision, effort scores written so that lower is easier).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

impl Better {
    pub fn parse(s: &str) -> Option<Better> {
        match s {
            "higher" => Some(Better::Higher),
            "lower" => Some(Better::Lower),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
        }
    }
}

/// Where a metric stands against its target (met, close, behind): always said in a
/// word, never colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// At or past the target in the better direction.
    Met,
    /// Short of it by at most a tenth of the target.
    Close,
    Behind,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Close => "close",
            Status::Behind => "behind",
        }
    }

    /// A mark that reads without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Met => "✓",
            Status::Close => "≈",
            Status::Behind => "✗",
        }
    }
}

impl Metric {
    /// How far toward the target, 1 meaning there (capped at 1.2): value ÷ target when
    /// higher is better, target ÷ value when lower is.
    pub fn progress(&self) -> Option<f64> {
        let (v, t) = (self.value?, self.target?);
        if !v.is_finite() || !t.is_finite() {
            return None;
        }
        let p = match self.better {
            Better::Higher if t > 0.0 => v / t,
            Better::Lower if v > 0.0 => t / v,
            // Targets of zero (or below) are met or not, with nothing in between.
            _ => match self.status()? {
                Status::Met => 1.0,
                _ => 0.0,
            },
        };
        Some(p.clamp(0.0, 1.2))
    }

    pub fn status(&self) -> Option<Status> {
        let (v, t) = (self.value?, self.target?);
        if !v.is_finite() || !t.is_finite() {
            return None;
        }
        let gap = match self.better {
            Better::Higher => v - t,
            Better::Lower => t - v,
        };
        Some(if gap >= 0.0 {
            Status::Met
        } else if t != 0.0 && -gap <= t.abs() * 0.1 {
            Status::Close
        } else {
            Status::Behind
        })
    }

    /// The values a trend line draws, oldest first: the history, then `value` when it
    /// differs from the latest point (a measurement not yet dated), so the line always
    /// ends where the figures say the metric stands.
    pub fn trend(&self) -> Vec<f64> {
        let mut values: Vec<f64> = self.history.iter().map(|p| p.value).collect();
        if let Some(v) = self.value.filter(|v| v.is_finite())
            && values.last() != Some(&v)
        {
            values.push(v);
        }
        values
    }

    /// The latest dated point, if any.
    pub fn latest(&self) -> Option<&Point> {
        self.history.last()
    }

    /// True when each of the last two steps of the trend moves further from the target
    /// in the metric's better direction (see [`Metric::toward_target`]).
    pub fn moving_away(&self) -> bool {
        let t = match self.target {
            Some(t) if t.is_finite() => t,
            _ => return false,
        };
        let distance = |x: f64| match self.better {
            Better::Higher => (t - x).max(0.0),
            Better::Lower => (x - t).max(0.0),
        };
        let trend = self.trend();
        match trend.as_slice() {
            [.., a, b, c] => distance(*b) > distance(*a) && distance(*c) > distance(*b),
            _ => false,
        }
    }

    /// Whether going from `before` to this metric's value moves toward the target:
    /// `Some(true)` closer, `Some(false)` further, `None` when it cannot be told.
    pub fn toward_target(&self, before: Option<f64>) -> Option<bool> {
        let (b, v, t) = (before?, self.value?, self.target?);
        let distance = |x: f64| match self.better {
            Better::Higher => (t - x).max(0.0),
            Better::Lower => (x - t).max(0.0),
        };
        let (was, now) = (distance(b), distance(v));
        (was != now).then_some(now < was)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Spanned;

    fn metric(value: f64, target: f64, better: Better) -> Metric {
        Metric {
            name: Spanned {
                value: "m".into(),
                span: Default::default(),
            },
            kind: None,
            value: Some(value),
            target: Some(target),
            unit: None,
            better,
            extensions: Vec::new(),
            history: Vec::new(),
        }
    }

    fn with_history(mut m: Metric, values: &[f64]) -> Metric {
        m.history = values
            .iter()
            .enumerate()
            .map(|(i, v)| Point {
                date: Spanned {
                    value: Date::from_days(20_000 + i as i64 * 30),
                    span: Default::default(),
                },
                value: *v,
                respondents: None,
            })
            .collect();
        m
    }

    #[test]
    fn the_trend_ends_at_the_value() {
        let m = with_history(metric(0.31, 0.4, Better::Higher), &[0.22, 0.31]);
        assert_eq!(m.trend(), [0.22, 0.31]);
        let m = with_history(metric(0.35, 0.4, Better::Higher), &[0.22, 0.31]);
        assert_eq!(m.trend(), [0.22, 0.31, 0.35]);
        let mut m = with_history(metric(0.0, 0.4, Better::Higher), &[0.22]);
        m.value = None;
        assert_eq!(m.trend(), [0.22]);
    }

    #[test]
    fn moving_away_reads_the_better_direction() {
        // Higher is better: two falls in a row move away.
        let falling = with_history(metric(0.2, 0.4, Better::Higher), &[0.3, 0.25, 0.2]);
        assert!(falling.moving_away());
        // One fall, then a rise: not two steps away.
        let mixed = with_history(metric(0.3, 0.4, Better::Higher), &[0.3, 0.25, 0.3]);
        assert!(!mixed.moving_away());
        // Lower is better: rising call volumes move away; falling ones do not.
        let calls = with_history(metric(20.0, 5.0, Better::Lower), &[12.0, 16.0, 20.0]);
        assert!(calls.moving_away());
        let fewer = with_history(metric(12.0, 5.0, Better::Lower), &[20.0, 16.0, 12.0]);
        assert!(!fewer.moving_away());
        // Above the target either way, nothing moves away from it.
        let above = with_history(metric(0.5, 0.4, Better::Higher), &[0.7, 0.6, 0.5]);
        assert!(!above.moving_away());
        // Two points are one step.
        let short = with_history(metric(0.2, 0.4, Better::Higher), &[0.3, 0.2]);
        assert!(!short.moving_away());
        let mut no_target = falling.clone();
        no_target.target = None;
        assert!(!no_target.moving_away());
    }

    #[test]
    fn lower_is_better_reads_the_right_way_round() {
        // 18 calls per 100 applications against a target of 5: far off, not "met".
        let calls = metric(18.0, 5.0, Better::Lower);
        assert_eq!(calls.status(), Some(Status::Behind));
        assert!(calls.progress().unwrap() < 0.3);
        assert_eq!(metric(5.0, 5.0, Better::Lower).status(), Some(Status::Met));
        assert_eq!(
            metric(5.4, 5.0, Better::Lower).status(),
            Some(Status::Close)
        );
        assert_eq!(calls.toward_target(Some(25.0)), Some(true));
        assert_eq!(calls.toward_target(Some(12.0)), Some(false));
    }

    #[test]
    fn higher_is_better_by_default() {
        let conversion = metric(0.62, 0.75, Better::default());
        assert_eq!(conversion.status(), Some(Status::Behind));
        assert!((conversion.progress().unwrap() - 0.62 / 0.75).abs() < 1e-9);
        assert_eq!(
            metric(0.7, 0.75, Better::Higher).status(),
            Some(Status::Close)
        );
        assert_eq!(
            metric(0.8, 0.75, Better::Higher).status(),
            Some(Status::Met)
        );
        assert_eq!(metric(0.0, 0.0, Better::Lower).progress(), Some(1.0));
        assert_eq!(conversion.toward_target(Some(0.62)), None);
    }
}
