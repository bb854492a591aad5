//! Reading a metric against its target: which way is better, how far along it is, and
//! whether it is met. One place, so the picture, the tables and the diff agree.

use super::Metric;

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
        }
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
