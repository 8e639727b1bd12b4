"""Caption templates per tone.

Thing templates take a noun phrase in its forms: `{a}` "an espresso" / "some figs", `{the}`,
`{this}` "these figs", `{name}` "figs", `{mod}` "fig" (as a modifier), and the verbs that agree
with it, `{is}`, `{has}`, `{was}`; a capitalised field (`{The}`, `{This}`) opens a sentence.
Scene templates take `{scene}`, a phrase that carries its own determiner ("a splash of pink",
"soft golden lights", "game day"). Guess templates name what the model guessed, in jest, for a
photo it is unsure of. `{emoji}` is the subject's emoji.

No template starts with a field that could begin in lower case ("iPod"), so every caption
starts with a capital letter.
"""

from __future__ import annotations

from typing import Final, Literal

Tone = Literal["casual", "funny", "inspirational", "minimal"]
TONES: Final[tuple[Tone, ...]] = ("casual", "funny", "inspirational", "minimal")

THING: Final[dict[Tone, tuple[str, ...]]] = {
    "casual": (
        "Just me and {a} today {emoji}",
        "{The} {is} the highlight of my day {emoji}",
        "Spending the afternoon with {a} {emoji}",
        "Currently obsessed with {this} {emoji}",
        "Nothing beats {a} on a slow day {emoji}",
        "A little {mod} moment for your feed {emoji}",
        "Found {a} and had to share {emoji}",
        "Can't get enough of {this} {emoji}",
        "{This} made my whole day {emoji}",
        "Snapped {a} on the way home {emoji}",
        "Weekend plans: {a} and good company {emoji}",
        "Say hello to {the} {emoji}",
    ),
    "funny": (
        "{The} {has} more followers than me at this point {emoji}",
        "Not to be dramatic, but {this} {is} everything {emoji}",
        "Plot twist: {the} {was} the main character all along {emoji}",
        "Me: I'll take one photo. Also me: 47 photos of {the} {emoji}",
        "If you need me, I'll be with {the} {emoji}",
        "Pretending {this} {is} mine for the next five minutes {emoji}",
        "Rate {this} out of ten. Wrong answers only {emoji}",
        "Nobody asked, but here {is} {a} {emoji}",
        "My therapist says I talk about {the} too much {emoji}",
        "Day three of pretending I'm not obsessed with {this} {emoji}",
        "Breaking news: {a} just stole the show {emoji}",
        "Zero self-control around {a}, as usual {emoji}",
    ),
    "inspirational": (
        "Find joy in the little things, like {a} {emoji}",
        "Slow down and notice {the} {emoji}",
        "Every day brings something beautiful. Today it was {a} {emoji}",
        "Let {this} remind you what matters {emoji}",
        "Beauty lives in simple things, like {a} {emoji}",
        "Small moments, big joy: {a} {emoji}",
        "The best days start with {a} {emoji}",
        "Take a breath and enjoy {the} {emoji}",
        "Grateful for moments like {this} {emoji}",
        "Stay curious. The world is full of wonders like {a} {emoji}",
        "Here's to {the} and everything still ahead {emoji}",
        "Keep your eyes open: {a} can change your whole day {emoji}",
    ),
    "minimal": (
        "Just {a}.",
        "{This}.",
        "Today: {a}.",
        "Me and {a}.",
        "{A}, nothing more.",
        "Currently: {name}.",
        "Nothing but {the}.",
        "Noted: {a}.",
        "Simple: {a}.",
        "{This} {emoji}",
        "{The}, today.",
        "Mood: {name}.",
    ),
}

SCENE: Final[dict[Tone, tuple[str, ...]]] = {
    "casual": (
        "Lost in {scene} today {emoji}",
        "All about {scene} right now {emoji}",
        "Here for {scene} {emoji}",
        "Nothing fancy, just {scene} {emoji}",
        "Can't get enough of {scene} {emoji}",
        "Sharing {scene} with you all {emoji}",
        "Taking in {scene} {emoji}",
        "My weekend, summed up: {scene} {emoji}",
        "Caught {scene} on camera {emoji}",
        "Saving {scene} for later {emoji}",
        "Today's highlight: {scene} {emoji}",
        "Soaking up {scene} {emoji}",
    ),
    "funny": (
        "Me pretending I planned {scene} {emoji}",
        "POV: you scrolled into {scene} {emoji}",
        "Nobody asked, but here's {scene} {emoji}",
        "Main character energy, brought to you by {scene} {emoji}",
        "My camera roll is 90% {scene} now {emoji}",
        "Rate {scene} out of ten. Wrong answers only {emoji}",
        "I came for the photo and stayed for {scene} {emoji}",
        "Current status: emotionally attached to {scene} {emoji}",
        "Some people have hobbies. I have {scene} {emoji}",
        "Explaining {scene} to the group chat like it's breaking news {emoji}",
        "Zero self-control around {scene} {emoji}",
        "Peak performance looks like this: {scene} {emoji}",
    ),
    "inspirational": (
        "Find beauty in {scene} {emoji}",
        "Let {scene} remind you how good life can be {emoji}",
        "Gratitude looks a lot like {scene} {emoji}",
        "Small joys, like {scene}, add up {emoji}",
        "Make room for {scene} {emoji}",
        "There is magic in {scene} {emoji}",
        "Breathe in {scene} and let the rest go {emoji}",
        "Chasing {scene}, one day at a time {emoji}",
        "Hold on to {scene} {emoji}",
        "Some moments ask you to stop and look: {scene} {emoji}",
        "The best things are found in {scene} {emoji}",
        "Slow down for {scene} {emoji}",
    ),
    "minimal": (
        "Just {scene}.",
        "Today: {scene}.",
        "Mood: {scene}.",
        "Only {scene}.",
        "Noted: {scene}.",
        "Currently: {scene}.",
        "Quietly, {scene}.",
        "Simply {scene}.",
        "Nothing but {scene}.",
        "In focus: {scene}.",
        "Here: {scene}.",
        "In frame: {scene} {emoji}",
    ),
}

# For a photo the model is unsure of: its best guesses, named as guesses. Funny tone only.
GUESS: Final[tuple[str, ...]] = (
    "My phone thinks this is {guess}. Close enough {emoji}",
    "The algorithm says {guess}. I'll allow it {emoji}",
    "Is it {guess}? Is it {guess2}? It's art {emoji}",
)
