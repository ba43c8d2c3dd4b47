//! The closed vocabularies of the catalogue. Each value has a stable slug (used
//! in data files and URLs) and a label (shown to people). The build script
//! includes this file too, so an unknown slug in the data fails the build.

macro_rules! slug_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $slug:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $(#[doc = $label] $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+];

            /// The stable machine name used in data files and URLs.
            pub fn slug(self) -> &'static str {
                match self {
                    $(Self::$variant => $slug,)+
                }
            }

            /// The name shown to people.
            pub fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label,)+
                }
            }

            /// Parses a slug; `None` for anything not in the vocabulary.
            pub fn from_slug(slug: &str) -> Option<Self> {
                match slug {
                    $($slug => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

slug_enum! {
    /// What an exercise is for.
    Kind {
        Stretch = "stretch", "Stretch";
        Strength = "strength", "Strength";
        Breathing = "breathing", "Breathing";
        Rest = "rest", "Rest";
    }
}

slug_enum! {
    /// A part of the body an exercise works on.
    Area {
        LowerBack = "lower-back", "Lower back";
        UpperBack = "upper-back", "Upper back";
        Hips = "hips", "Hips";
        Glutes = "glutes", "Glutes";
        Hamstrings = "hamstrings", "Hamstrings";
        HipFlexors = "hip-flexors", "Hip flexors";
        Thighs = "thighs", "Thighs";
        Core = "core", "Core";
        Sides = "sides", "Sides";
        Shoulders = "shoulders", "Shoulders";
        Neck = "neck", "Neck";
    }
}

slug_enum! {
    /// How the body starts.
    Position {
        LyingOnBack = "lying-on-back", "Lying on your back";
        LyingOnFront = "lying-on-front", "Lying on your front";
        SideLying = "side-lying", "Lying on your side";
        HandsAndKnees = "hands-and-knees", "Hands and knees";
        Kneeling = "kneeling", "Kneeling";
        SeatedFloor = "seated-floor", "Sitting on the floor";
        SeatedChair = "seated-chair", "Sitting in a chair";
        Standing = "standing", "Standing";
        Hanging = "hanging", "Hanging";
    }
}

slug_enum! {
    /// What an exercise needs besides the body.
    Equipment {
        None = "none", "Nothing";
        Mat = "mat", "Mat";
        Towel = "towel", "Towel";
        Cushion = "cushion", "Cushion";
        FoamRoller = "foam-roller", "Foam roller";
        Chair = "chair", "Chair";
        Wall = "wall", "Wall";
        Bar = "bar", "Bar";
    }
}

slug_enum! {
    /// Whether the body holds still, moves slowly, or only breathes.
    Movement {
        Static = "static", "Hold still";
        Dynamic = "dynamic", "Slow movement";
        Breathing = "breathing", "Breathing";
    }
}

slug_enum! {
    /// Who a caution is for.
    CautionAbout {
        Pregnancy = "pregnancy", "Pregnancy";
        Knee = "knee", "Knees";
        Wrist = "wrist", "Wrists";
        HipReplacement = "hip-replacement", "Hip replacement";
        AcutePain = "acute-pain", "Sharp or new pain";
        Osteoporosis = "osteoporosis", "Osteoporosis";
        Shoulder = "shoulder", "Shoulders";
        Neck = "neck", "Neck";
        Balance = "balance", "Balance";
        BloodPressure = "blood-pressure", "Blood pressure";
        SpineSurgery = "spine-surgery", "Spine surgery";
        LegSymptoms = "leg-symptoms", "Leg pain or numbness";
    }
}

slug_enum! {
    /// Which sides a two-sided exercise is done on in a routine.
    Sides {
        Both = "both", "Both sides";
        Left = "left", "Left side only";
        Right = "right", "Right side only";
    }
}

slug_enum! {
    /// How soon a warning sign needs help, most urgent first.
    Urgency {
        Emergency = "emergency", "Emergency";
        Urgent = "urgent", "Urgent";
        Routine = "routine", "Routine";
    }
}
