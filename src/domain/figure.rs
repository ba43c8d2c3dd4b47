//! Stick figures drawn from joint angles. A pose gives each body segment an
//! absolute direction (degrees, counter-clockwise from "facing right", y up);
//! forward kinematics from fixed limb lengths places every joint, the body is
//! set down on the ground line (or hung from the bar), and the result is an
//! SVG string. Moving exercises animate with SMIL between angle-interpolated
//! frames, so limbs keep their length mid-movement and no script runs per frame.

use std::fmt::Write as _;

/// The drawing area, in figure units (a standing adult is about 92 tall).
pub const WIDTH: f64 = 160.0;
pub const HEIGHT: f64 = 120.0;
/// Where the floor is, in SVG coordinates (y grows downwards).
pub const GROUND_Y: f64 = 112.0;
/// Height of the hanging bar, in SVG coordinates.
pub const BAR_Y: f64 = 8.0;

/// Segment lengths: fixed, so every pose has the same body.
pub const TORSO: f64 = 30.0;
pub const NECK: f64 = 9.0;
pub const HEAD_RADIUS: f64 = 6.5;
pub const UPPER_ARM: f64 = 15.0;
pub const FOREARM: f64 = 14.0;
pub const THIGH: f64 = 22.0;
pub const SHIN: f64 = 21.0;
pub const FOOT: f64 = 7.0;
/// Half the thickness of a drawn limb: what rests on the floor is its edge.
pub const LIMB_RADIUS: f64 = 2.5;
/// Half the thickness of the drawn torso.
pub const TORSO_RADIUS: f64 = 3.5;

/// One pose: the absolute direction of every segment, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pose {
    /// Hip to shoulder.
    pub torso: f64,
    /// Shoulder to the centre of the head.
    pub head: f64,
    /// Near then far arm: [upper arm, forearm].
    pub near_arm: [f64; 2],
    pub far_arm: [f64; 2],
    /// Near then far leg: [thigh, shin].
    pub near_leg: [f64; 2],
    pub far_leg: [f64; 2],
    /// Ankle to toe, near then far; `None` is square to the shin.
    pub feet: [Option<f64>; 2],
}

/// A prop drawn with the figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prop {
    /// Under the whole body.
    Mat,
    /// From the near hand to the near foot.
    Towel,
    /// Under a body part.
    Cushion(Anchor),
    /// Under a body part.
    FoamRoller(Anchor),
    /// A seat under the hips.
    Chair,
    /// Just beyond the body on the side it faces.
    Wall,
    /// Held overhead.
    Bar,
}

/// Where a cushion or roller goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Hips,
    Chest,
    Knees,
    Head,
}

/// What holds the body up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Support {
    /// The lowest point rests on the ground line.
    Ground,
    /// The hands hold the bar; the body hangs below it.
    Bar,
}

/// Every joint of a placed pose, in SVG coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Joints {
    pub hip: Point,
    pub shoulder: Point,
    pub head: Point,
    pub near_elbow: Point,
    pub near_wrist: Point,
    pub far_elbow: Point,
    pub far_wrist: Point,
    pub near_knee: Point,
    pub near_ankle: Point,
    pub near_toe: Point,
    pub far_knee: Point,
    pub far_ankle: Point,
    pub far_toe: Point,
}

/// Sine and cosine of an angle in degrees, within 1e-10 of the exact values.
/// A quarter-turn reduction and two short series: libm's general routines
/// (built for any radian argument) cost the wasm about 3 KB gzip.
pub fn sin_cos(degrees: f64) -> (f64, f64) {
    let quarter = (degrees / 90.0).round();
    // |x| <= pi/4, where six terms of each Taylor series are exact to far
    // below a pixel. Horner form: each step is 1 - x^2 / (k (k + 1)) times
    // the rest.
    let x = (degrees - quarter * 90.0).to_radians();
    let x2 = x * x;
    let series = |divisors: [f64; 6]| {
        divisors
            .iter()
            .rev()
            .fold(1.0, |rest, d| 1.0 - x2 / d * rest)
    };
    let sin = x * series([6.0, 20.0, 42.0, 72.0, 110.0, 156.0]);
    let cos = series([2.0, 12.0, 30.0, 56.0, 90.0, 132.0]);
    // Angles in poses are small numbers of degrees, so the cast is exact.
    match (quarter as i64).rem_euclid(4) {
        0 => (sin, cos),
        1 => (cos, -sin),
        2 => (-sin, -cos),
        _ => (-cos, sin),
    }
}

/// A point in SVG coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    fn step(self, degrees: f64, length: f64) -> Self {
        let (sin, cos) = sin_cos(degrees);
        // SVG's y grows downwards, angles are drawn with y up.
        Self {
            x: self.x + length * cos,
            y: self.y - length * sin,
        }
    }

    fn shift(self, dx: f64, dy: f64) -> Self {
        Self {
            x: self.x + dx,
            y: self.y + dy,
        }
    }

    /// Distance to another point.
    pub fn distance(self, other: Self) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

impl Pose {
    /// Forward kinematics from a hip at the origin.
    fn chain(&self) -> Joints {
        let hip = Point { x: 0.0, y: 0.0 };
        let shoulder = hip.step(self.torso, TORSO);
        let head = shoulder.step(self.head, NECK);
        let near_elbow = shoulder.step(self.near_arm[0], UPPER_ARM);
        let far_elbow = shoulder.step(self.far_arm[0], UPPER_ARM);
        let near_knee = hip.step(self.near_leg[0], THIGH);
        let far_knee = hip.step(self.far_leg[0], THIGH);
        let near_ankle = near_knee.step(self.near_leg[1], SHIN);
        let far_ankle = far_knee.step(self.far_leg[1], SHIN);
        let foot = |shin: f64, foot: Option<f64>| foot.unwrap_or(shin + 90.0);
        Joints {
            hip,
            shoulder,
            head,
            near_elbow,
            near_wrist: near_elbow.step(self.near_arm[1], FOREARM),
            far_elbow,
            far_wrist: far_elbow.step(self.far_arm[1], FOREARM),
            near_knee,
            near_ankle,
            near_toe: near_ankle.step(foot(self.near_leg[1], self.feet[0]), FOOT),
            far_knee,
            far_ankle,
            far_toe: far_ankle.step(foot(self.far_leg[1], self.feet[1]), FOOT),
        }
    }

    /// The pose's joints, set down on the floor (or hung from the bar) and
    /// centred across the drawing.
    pub fn place(&self, support: Support) -> Joints {
        let joints = self.chain();
        let (left, right, _, bottom) = joints.bounds();
        let dy = match support {
            Support::Ground => GROUND_Y - bottom,
            Support::Bar => {
                let hands = joints.near_wrist.y.min(joints.far_wrist.y);
                BAR_Y + LIMB_RADIUS - hands
            }
        };
        let dx = WIDTH / 2.0 - (left + right) / 2.0;
        joints.map(|p| p.shift(dx, dy))
    }

    /// The pose `t` of the way (0 to 1) towards `other`, turning each segment
    /// the short way round.
    pub fn lerp(&self, other: &Self, t: f64) -> Self {
        let a = |x: f64, y: f64| {
            let delta = (y - x + 540.0).rem_euclid(360.0) - 180.0;
            x + delta * t
        };
        let pair = |x: [f64; 2], y: [f64; 2]| [a(x[0], y[0]), a(x[1], y[1])];
        let foot = |x: Option<f64>, y: Option<f64>, shin_x: f64, shin_y: f64| match (x, y) {
            (None, None) => None,
            (x, y) => Some(a(x.unwrap_or(shin_x + 90.0), y.unwrap_or(shin_y + 90.0))),
        };
        Self {
            torso: a(self.torso, other.torso),
            head: a(self.head, other.head),
            near_arm: pair(self.near_arm, other.near_arm),
            far_arm: pair(self.far_arm, other.far_arm),
            near_leg: pair(self.near_leg, other.near_leg),
            far_leg: pair(self.far_leg, other.far_leg),
            feet: [
                foot(
                    self.feet[0],
                    other.feet[0],
                    self.near_leg[1],
                    other.near_leg[1],
                ),
                foot(
                    self.feet[1],
                    other.feet[1],
                    self.far_leg[1],
                    other.far_leg[1],
                ),
            ],
        }
    }
}

impl Joints {
    fn all(&self) -> [(Point, f64); 13] {
        [
            (self.hip, TORSO_RADIUS),
            (self.shoulder, TORSO_RADIUS),
            (self.head, HEAD_RADIUS),
            (self.near_elbow, LIMB_RADIUS),
            (self.near_wrist, LIMB_RADIUS),
            (self.far_elbow, LIMB_RADIUS),
            (self.far_wrist, LIMB_RADIUS),
            (self.near_knee, LIMB_RADIUS),
            (self.near_ankle, LIMB_RADIUS),
            (self.near_toe, LIMB_RADIUS),
            (self.far_knee, LIMB_RADIUS),
            (self.far_ankle, LIMB_RADIUS),
            (self.far_toe, LIMB_RADIUS),
        ]
    }

    /// Left, right, top and bottom edges of the drawn body.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        self.all().iter().fold(
            (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
            |(l, r, t, b), (p, radius)| {
                (
                    l.min(p.x - radius),
                    r.max(p.x + radius),
                    t.min(p.y - radius),
                    b.max(p.y + radius),
                )
            },
        )
    }

    fn map(self, f: impl Fn(Point) -> Point) -> Self {
        Self {
            hip: f(self.hip),
            shoulder: f(self.shoulder),
            head: f(self.head),
            near_elbow: f(self.near_elbow),
            near_wrist: f(self.near_wrist),
            far_elbow: f(self.far_elbow),
            far_wrist: f(self.far_wrist),
            near_knee: f(self.near_knee),
            near_ankle: f(self.near_ankle),
            near_toe: f(self.near_toe),
            far_knee: f(self.far_knee),
            far_ankle: f(self.far_ankle),
            far_toe: f(self.far_toe),
        }
    }

    /// The drawn lines, far side first so the near side covers it:
    /// (class, from, to).
    fn segments(&self) -> [(&'static str, Point, Point); 15] {
        [
            ("far", self.far_knee, self.hip),
            ("far", self.far_ankle, self.far_knee),
            ("far", self.far_toe, self.far_ankle),
            ("far", self.far_elbow, self.shoulder),
            ("far", self.far_wrist, self.far_elbow),
            ("torso", self.hip, self.shoulder),
            ("neck", self.shoulder, self.head),
            ("near", self.near_knee, self.hip),
            ("near", self.near_ankle, self.near_knee),
            ("near", self.near_toe, self.near_ankle),
            ("near", self.near_elbow, self.shoulder),
            ("near", self.near_wrist, self.near_elbow),
            // Zero-length strokes keep the head and hands in the same list
            // so one animation loop covers them all.
            ("head", self.head, self.head),
            ("hand", self.near_wrist, self.near_wrist),
            ("hand", self.far_wrist, self.far_wrist),
        ]
    }
}

/// A figure: one or more poses, props, and what holds it up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    pub poses: &'static [Pose],
    pub props: &'static [Prop],
    pub support: Support,
}

/// How to draw a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The first pose, still.
    Still,
    /// Moving through every pose and back, `seconds_per_move` for each move.
    Animated { seconds_per_move: u8 },
}

/// Frames inserted between two poses so limbs turn rather than shrink.
const INBETWEENS: usize = 4;

impl Figure {
    /// The figure as a complete `<svg>` element. `label` becomes its
    /// accessible name (an empty label hides a decorative figure from
    /// assistive technology); `mirrored` draws the other side.
    pub fn svg(&self, mode: Mode, mirrored: bool, label: &str) -> String {
        self.svg_of(self.poses.first().copied(), mode, mirrored, label)
    }

    /// One `<svg>` for each key pose, for people who prefer reduced motion.
    pub fn key_poses(&self, mirrored: bool, label: &str) -> Vec<String> {
        let count = self.poses.len();
        self.poses
            .iter()
            .enumerate()
            .map(|(i, pose)| {
                let label = if count > 1 {
                    format!("{label}, position {} of {count}", i + 1)
                } else {
                    label.to_string()
                };
                self.svg_of(Some(*pose), Mode::Still, mirrored, &label)
            })
            .collect()
    }

    /// The first pose as a picture standing on its own (the lock screen's
    /// artwork): its colours inside it, on a light ground, as a `data:` URL.
    pub fn artwork_url(&self, mirrored: bool) -> String {
        const STYLE: &str = "<rect width=\"160\" height=\"120\" fill=\"#f6f4ef\"/>\
            <style>line{stroke:#0b6e69;stroke-linecap:round;stroke-width:5}\
            .fig-far{stroke:#86b9b4}.fig-torso{stroke-width:7}.fig-neck{stroke-width:4}\
            .fig-head{stroke-width:13}.fig-hand{stroke-width:6}.fig-mat{fill:#c5e0dc}\
            .fig-ground{stroke:#8a9494;stroke-width:1.5}.fig-prop{fill:#ecebe5;stroke:#8a9494}\
            .fig-chair{fill:none;stroke:#4a5559;stroke-width:3}.fig-towel{stroke:#9a6200;stroke-width:2.5}</style>";
        let svg = self.svg(Mode::Still, mirrored, "").replacen(
            r#"<svg class="figure" viewBox="0 0 160 120" aria-hidden="true">"#,
            &format!(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 120">{STYLE}"#),
            1,
        );
        let mut url = String::from("data:image/svg+xml,");
        for c in svg.chars() {
            match c {
                '#' => url.push_str("%23"),
                '%' => url.push_str("%25"),
                '"' => url.push('\''),
                '<' => url.push_str("%3C"),
                '>' => url.push_str("%3E"),
                c => url.push(c),
            }
        }
        url
    }

    fn svg_of(&self, pose: Option<Pose>, mode: Mode, mirrored: bool, label: &str) -> String {
        let Some(pose) = pose else {
            return String::new();
        };
        let joints = pose.place(self.support);
        let mut out = String::with_capacity(4096);
        if label.is_empty() {
            let _ = write!(
                out,
                r#"<svg class="figure" viewBox="0 0 160 120" aria-hidden="true">"#
            );
        } else {
            let _ = write!(
                out,
                r#"<svg class="figure" viewBox="0 0 160 120" role="img" aria-label="{}">"#,
                escape(label)
            );
        }
        if mirrored {
            out.push_str(r#"<g transform="translate(160 0) scale(-1 1)">"#);
        }
        self.props_svg(&joints, &mut out);
        let frames = match mode {
            Mode::Animated { seconds_per_move } if self.poses.len() > 1 => {
                Some((self.frames(), f64::from(seconds_per_move.max(1))))
            }
            _ => None,
        };
        for (index, (class, from, to)) in joints.segments().iter().enumerate() {
            let _ = write!(
                out,
                r#"<line class="fig-{class}" x1="{}" y1="{}" x2="{}" y2="{}">"#,
                Tenths(from.x),
                Tenths(from.y),
                Tenths(to.x),
                Tenths(to.y)
            );
            if let Some((frames, seconds)) = &frames {
                let moves = (frames.len() - 1) / (INBETWEENS + 1);
                let duration = Tenths(seconds * moves as f64);
                for (attribute, pick) in [("x1", 0usize), ("y1", 1), ("x2", 2), ("y2", 3)] {
                    let values: Vec<String> = frames
                        .iter()
                        .map(|j| {
                            let (_, a, b) = j.segments()[index];
                            let v = [a.x, a.y, b.x, b.y][pick];
                            Tenths(v).to_string()
                        })
                        .collect();
                    let _ = write!(
                        out,
                        r#"<animate attributeName="{attribute}" dur="{duration}s" repeatCount="indefinite" calcMode="spline" keySplines="{}" values="{}"/>"#,
                        vec!["0.45 0 0.55 1"; values.len() - 1].join(";"),
                        values.join(";")
                    );
                }
            }
            out.push_str("</line>");
        }
        if mirrored {
            out.push_str("</g>");
        }
        out.push_str("</svg>");
        out
    }

    /// Every drawn frame of a full cycle: each pose, the in-betweens, and back
    /// to the first pose.
    fn frames(&self) -> Vec<Joints> {
        let mut cycle: Vec<Pose> = self.poses.to_vec();
        // Ping-pong (a, b, c, b, a) rather than jump from the last pose to the first.
        cycle.extend(self.poses.iter().rev().skip(1).copied());
        let mut frames = Vec::new();
        for pair in cycle.windows(2) {
            for step in 0..=INBETWEENS {
                let t = step as f64 / (INBETWEENS + 1) as f64;
                frames.push(pair[0].lerp(&pair[1], t).place(self.support));
            }
        }
        if let Some(last) = cycle.last() {
            frames.push(last.place(self.support));
        }
        frames
    }

    fn props_svg(&self, joints: &Joints, out: &mut String) {
        let (left, right, _, _) = joints.bounds();
        for prop in self.props {
            match prop {
                Prop::Mat => {
                    let _ = write!(
                        out,
                        r#"<rect class="fig-mat" x="{}" y="{}" width="{}" height="3" rx="1.5"/>"#,
                        Tenths(left - 6.0),
                        Tenths(GROUND_Y),
                        Tenths(right - left + 12.0)
                    );
                }
                Prop::Towel => {
                    let (a, b) = (joints.near_wrist, joints.near_toe);
                    let _ = write!(
                        out,
                        r#"<line class="fig-towel" x1="{}" y1="{}" x2="{}" y2="{}"/>"#,
                        Tenths(a.x),
                        Tenths(a.y),
                        Tenths(b.x),
                        Tenths(b.y)
                    );
                }
                Prop::Cushion(anchor) | Prop::FoamRoller(anchor) => {
                    let at = match anchor {
                        Anchor::Hips => joints.hip,
                        Anchor::Chest => joints.shoulder,
                        Anchor::Knees => joints.near_knee,
                        Anchor::Head => joints.head,
                    };
                    if matches!(prop, Prop::FoamRoller(_)) {
                        let _ = write!(
                            out,
                            r#"<circle class="fig-prop" cx="{}" cy="{}" r="6"/>"#,
                            Tenths(at.x),
                            Tenths(GROUND_Y - 6.0)
                        );
                    } else {
                        let _ = write!(
                            out,
                            r#"<rect class="fig-prop" x="{}" y="{}" width="20" height="{}" rx="4"/>"#,
                            Tenths(at.x - 10.0),
                            Tenths(at.y + 2.0),
                            Tenths((GROUND_Y - at.y - 2.0).max(3.0))
                        );
                    }
                }
                Prop::Chair => {
                    let seat = joints.hip.y + TORSO_RADIUS;
                    let x = joints.hip.x;
                    let (s, g) = (Tenths(seat), Tenths(GROUND_Y));
                    let _ = write!(
                        out,
                        r#"<path class="fig-chair" d="M{} {s}h20M{} {s}V{g}M{} {s}V{g}M{} {s}V{}"/>"#,
                        Tenths(x - 12.0),
                        Tenths(x - 10.0),
                        Tenths(x + 6.0),
                        Tenths(x - 12.0),
                        Tenths(seat - 28.0)
                    );
                }
                Prop::Wall => {
                    let _ = write!(
                        out,
                        r#"<line class="fig-chair" x1="{x}" y1="4" x2="{x}" y2="{}"/>"#,
                        Tenths(GROUND_Y),
                        x = Tenths((right + 1.5).min(WIDTH - 1.0))
                    );
                }
                Prop::Bar => {
                    let _ = write!(
                        out,
                        r#"<line class="fig-chair" x1="{}" y1="{b}" x2="{}" y2="{b}"/>"#,
                        Tenths(joints.near_wrist.x - 25.0),
                        Tenths(joints.near_wrist.x + 25.0),
                        b = Tenths(BAR_Y)
                    );
                }
            }
        }
        if matches!(self.support, Support::Ground) && !self.props.contains(&Prop::Mat) {
            let _ = write!(
                out,
                r#"<line class="fig-ground" x1="4" y1="{g}" x2="{}" y2="{g}"/>"#,
                Tenths(WIDTH - 4.0),
                g = Tenths(GROUND_Y)
            );
        }
    }
}

/// A number with one decimal, written through integer formatting: Rust's
/// float formatting would add about 20 KB to the wasm for no visible gain.
struct Tenths(f64);

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Truncation is intended: the value is rounded to tenths first.
        #[allow(clippy::cast_possible_truncation)]
        let tenths = (self.0 * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let abs = tenths.unsigned_abs();
        write!(f, "{sign}{}.{}", abs / 10, abs % 10)
    }
}

/// Escapes text for an attribute value.
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_artwork_stands_on_its_own_as_a_data_url() {
        for stretch in crate::domain::catalogue::stretches() {
            let url = stretch.figure.artwork_url(false);
            let svg = url.strip_prefix("data:image/svg+xml,").expect("a data URL");
            assert!(
                svg.starts_with("%3Csvg xmlns="),
                "{}: {svg:.60}",
                stretch.id
            );
            assert!(
                svg.contains("%3Cstyle%3E"),
                "{}: carries its colours",
                stretch.id
            );
            assert!(
                !svg.contains(['<', '>', '#', '"']),
                "{}: every character a URL cannot hold is escaped",
                stretch.id
            );
        }
    }

    use super::*;
    use crate::domain::catalogue::{stretches, Position, Stretch};

    const EPSILON: f64 = 1e-6;

    /// Every pose and every in-between frame the app can draw for an entry.
    fn drawn_frames(stretch: &Stretch) -> Vec<Joints> {
        let figure = stretch.figure;
        let mut frames: Vec<Joints> = figure
            .poses
            .iter()
            .map(|p| p.place(figure.support))
            .collect();
        if figure.poses.len() > 1 {
            frames.extend(figure.frames());
        }
        frames
    }

    #[test]
    fn every_entry_renders_still_animated_mirrored_and_as_key_poses() {
        for stretch in stretches() {
            let figure = stretch.figure;
            let still = figure.svg(Mode::Still, false, stretch.name);
            assert!(
                still.starts_with("<svg") && still.ends_with("</svg>"),
                "{}",
                stretch.id
            );
            assert!(
                !still.contains("<animate"),
                "{}: a still figure must not move",
                stretch.id
            );
            let moving = figure.svg(
                Mode::Animated {
                    seconds_per_move: 4,
                },
                false,
                stretch.name,
            );
            assert_eq!(
                moving.contains("<animate"),
                figure.poses.len() > 1,
                "{}: only multi-pose figures animate",
                stretch.id
            );
            let mirrored = figure.svg(Mode::Still, true, stretch.name);
            assert!(mirrored.contains("scale(-1 1)"), "{}", stretch.id);
            assert!(mirrored.contains(&format!("aria-label=\"{}\"", stretch.name)));
            assert!(figure
                .svg(Mode::Still, false, "")
                .contains("aria-hidden=\"true\""));
            assert_eq!(
                figure.key_poses(false, stretch.name).len(),
                figure.poses.len()
            );
        }
    }

    #[test]
    fn every_figure_stays_inside_its_view_box() {
        for stretch in stretches() {
            for (i, joints) in drawn_frames(stretch).iter().enumerate() {
                let (left, right, top, bottom) = joints.bounds();
                assert!(
                    left >= -EPSILON
                        && right <= WIDTH + EPSILON
                        && top >= -EPSILON
                        && bottom <= HEIGHT + EPSILON,
                    "{} frame {i} spills out: x {left:.1}..{right:.1}, y {top:.1}..{bottom:.1}",
                    stretch.id
                );
            }
        }
    }

    #[test]
    fn limbs_keep_their_lengths_in_every_frame() {
        for stretch in stretches() {
            for joints in drawn_frames(stretch) {
                let j = joints;
                let lengths = [
                    (j.hip, j.shoulder, TORSO),
                    (j.shoulder, j.head, NECK),
                    (j.shoulder, j.near_elbow, UPPER_ARM),
                    (j.near_elbow, j.near_wrist, FOREARM),
                    (j.shoulder, j.far_elbow, UPPER_ARM),
                    (j.far_elbow, j.far_wrist, FOREARM),
                    (j.hip, j.near_knee, THIGH),
                    (j.near_knee, j.near_ankle, SHIN),
                    (j.near_ankle, j.near_toe, FOOT),
                    (j.hip, j.far_knee, THIGH),
                    (j.far_knee, j.far_ankle, SHIN),
                    (j.far_ankle, j.far_toe, FOOT),
                ];
                for (a, b, length) in lengths {
                    assert!((a.distance(b) - length).abs() < EPSILON, "{}", stretch.id);
                }
            }
        }
    }

    #[test]
    fn lying_figures_rest_their_torso_on_the_ground() {
        // A lying body may lift its hips (a bridge) or its chest (a sphinx),
        // never both: one end of the torso stays on the floor. A plank is the
        // one exercise whose point is holding the torso off the floor.
        const HELD_OFF_THE_FLOOR: &[&str] = &["knee-plank"];
        for stretch in stretches() {
            if HELD_OFF_THE_FLOOR.contains(&stretch.id) {
                continue;
            }
            let lying = matches!(
                stretch.position,
                Position::LyingOnBack | Position::LyingOnFront | Position::SideLying
            );
            if !lying {
                continue;
            }
            for (i, pose) in stretch.figure.poses.iter().enumerate() {
                let j = pose.place(stretch.figure.support);
                let on_floor = |p: Point| (p.y + TORSO_RADIUS - GROUND_Y).abs() < 1.5;
                assert!(
                    on_floor(j.hip) || on_floor(j.shoulder),
                    "{} pose {}: torso floats above the floor (hip {:.1}, shoulder {:.1})",
                    stretch.id,
                    i + 1,
                    j.hip.y,
                    j.shoulder.y
                );
            }
        }
    }

    #[test]
    fn hanging_figures_hold_the_bar_and_standing_ones_touch_the_floor() {
        for stretch in stretches() {
            let j = stretch.figure.poses[0].place(stretch.figure.support);
            let (_, _, _, bottom) = j.bounds();
            match stretch.figure.support {
                Support::Bar => assert!(
                    (j.near_wrist.y.min(j.far_wrist.y) - LIMB_RADIUS - BAR_Y).abs() < EPSILON
                ),
                Support::Ground => assert!((bottom - GROUND_Y).abs() < EPSILON, "{}", stretch.id),
            }
        }
    }

    #[test]
    fn sine_and_cosine_match_the_standard_library_at_every_tenth_of_a_degree() {
        for tenths in -7200..=7200 {
            let degrees = f64::from(tenths) / 10.0;
            let (sin, cos) = super::sin_cos(degrees);
            let r = degrees.to_radians();
            assert!(
                (sin - r.sin()).abs() < 1e-10,
                "sin {degrees}: {sin} vs {}",
                r.sin()
            );
            assert!(
                (cos - r.cos()).abs() < 1e-10,
                "cos {degrees}: {cos} vs {}",
                r.cos()
            );
        }
    }

    #[test]
    fn numbers_are_written_in_tenths() {
        let cases = [
            (0.0, "0.0"),
            (12.34, "12.3"),
            (12.35, "12.4"),
            (-0.04, "0.0"),
            (-3.06, "-3.1"),
            (160.0, "160.0"),
        ];
        for (value, text) in cases {
            assert_eq!(Tenths(value).to_string(), text, "{value}");
        }
        let svg = stretches()[0].figure.svg(Mode::Still, false, "x");
        assert!(svg.contains(&format!(r#"viewBox="0 0 {WIDTH} {HEIGHT}""#)));
    }

    #[test]
    fn turning_takes_the_short_way_round() {
        let a = stretches()[0].figure.poses[0];
        let mut b = a;
        b.torso = a.torso + 350.0;
        let half = a.lerp(&b, 0.5);
        assert!((half.torso - (a.torso - 5.0)).abs() < EPSILON);
    }

    /// Writes tests/artifacts/figures.html: every figure with its name, for a
    /// person to look at (`make figures` screenshots it).
    #[test]
    fn write_the_contact_sheet() {
        let mut html = String::from(
            "<!doctype html><meta charset=utf-8><title>Limber figures</title><style>\
             body{font:13px system-ui;margin:8px;background:#f6f4ef;color:#1b2326}\
             .grid{display:grid;grid-template-columns:repeat(auto-fill,240px);gap:6px}\
             .cell{background:#fff;border-radius:8px;padding:4px}.cell p{margin:0 4px;font-weight:600}\
             .row{display:flex}.row svg{width:50%}.row svg:only-child{width:100%}svg{width:100%;height:auto;display:block}\
             .fig-near,.fig-torso,.fig-neck,.fig-head,.fig-hand{stroke:#0b6e69;stroke-linecap:round}\
             .fig-far{stroke:#8fb8b4;stroke-linecap:round;stroke-width:5}.fig-near{stroke-width:5}\
             .fig-torso{stroke-width:7}.fig-neck{stroke-width:4}.fig-head{stroke-width:13}.fig-hand{stroke-width:6}\
             .fig-mat{fill:#b9d8d4}.fig-ground{stroke:#8a9494;stroke-width:1.5}\
             .fig-prop{fill:#ecebe5;stroke:#8a9494}.fig-chair{stroke:#4a5559;stroke-width:3;fill:none;stroke-linecap:round}\
             .fig-towel{stroke:#9a6200;stroke-width:2}</style><div class=grid>",
        );
        for stretch in stretches() {
            html.push_str("<div class=cell><p>");
            html.push_str(stretch.name);
            html.push_str("</p><div class=row>");
            for pose in stretch.figure.key_poses(false, stretch.name).iter().take(2) {
                html.push_str(pose);
            }
            html.push_str("</div></div>");
        }
        html.push_str("</div>");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
        std::fs::create_dir_all(&dir).expect("create tests/artifacts");
        std::fs::write(dir.join("figures.html"), html).expect("write the contact sheet");
    }
}
