"""Emoji that fit a subject, a category or a tone."""

from __future__ import annotations

from collections.abc import Iterable

# Words of a concept's name or its nearest hypernyms, and the emoji that shows them.

# Animals: only for a concept in the animals category (a "hot dog" is not a dog).
ANIMAL_EMOJI = {
    "cat": "🐱",
    "dog": "🐶",
    "puppy": "🐶",
    "bird": "🐦",
    "parrot": "🦜",
    "owl": "🦉",
    "eagle": "🦅",
    "duck": "🦆",
    "penguin": "🐧",
    "flamingo": "🦩",
    "peacock": "🦚",
    "peafowl": "🦚",
    "rooster": "🐓",
    "hen": "🐔",
    "fish": "🐟",
    "shark": "🦈",
    "whale": "🐋",
    "dolphin": "🐬",
    "octopus": "🐙",
    "crab": "🦀",
    "lobster": "🦞",
    "snail": "🐌",
    "butterfly": "🦋",
    "bee": "🐝",
    "ant": "🐜",
    "ladybug": "🐞",
    "spider": "🕷️",
    "snake": "🐍",
    "turtle": "🐢",
    "lizard": "🦎",
    "crocodile": "🐊",
    "frog": "🐸",
    "monkey": "🐒",
    "gorilla": "🦍",
    "bear": "🐻",
    "panda": "🐼",
    "koala": "🐨",
    "lion": "🦁",
    "tiger": "🐯",
    "fox": "🦊",
    "wolf": "🐺",
    "horse": "🐴",
    "zebra": "🦓",
    "elephant": "🐘",
    "rabbit": "🐰",
    "hamster": "🐹",
    "pig": "🐷",
    "sheep": "🐑",
    "camel": "🐪",
    "sealion": "🦭",
    "seal": "🦭",
}
# Everything else, whatever the concept's category.
WORD_EMOJI = {
    "coffee": "☕",
    "espresso": "☕",
    "tea": "🍵",
    "wine": "🍷",
    "beer": "🍺",
    "cocktail": "🍸",
    "pizza": "🍕",
    "cheeseburger": "🍔",
    "hamburger": "🍔",
    "hotdog": "🌭",
    "burrito": "🌯",
    "taco": "🌮",
    "spaghetti": "🍝",
    "carbonara": "🍝",
    "soup": "🍲",
    "bagel": "🥯",
    "baguette": "🥖",
    "bread": "🍞",
    "pretzel": "🥨",
    "cream": "🍦",
    "popsicle": "🍡",
    "cake": "🍰",
    "chocolate": "🍫",
    "strawberry": "🍓",
    "banana": "🍌",
    "lemon": "🍋",
    "orange": "🍊",
    "apple": "🍏",
    "pineapple": "🍍",
    "pomegranate": "🍎",
    "mushroom": "🍄",
    "corn": "🌽",
    "broccoli": "🥦",
    "cucumber": "🥒",
    "pepper": "🫑",
    "guitar": "🎸",
    "piano": "🎹",
    "violin": "🎻",
    "drum": "🥁",
    "trumpet": "🎺",
    "saxophone": "🎷",
    "microphone": "🎤",
    "soccer": "⚽",
    "basketball": "🏀",
    "baseball": "⚾",
    "tennis": "🎾",
    "volleyball": "🏐",
    "rugby": "🏉",
    "golf": "⛳",
    "ski": "⛷️",
    "bicycle": "🚲",
    "car": "🚗",
    "bus": "🚌",
    "train": "🚆",
    "locomotive": "🚂",
    "airliner": "✈️",
    "airplane": "✈️",
    "aircraft": "✈️",
    "boat": "⛵",
    "ship": "🚢",
    "rocket": "🚀",
    "missile": "🚀",
    "mountain": "⛰️",
    "volcano": "🌋",
    "beach": "🏖️",
    "daisy": "🌼",
    "flower": "🌸",
    "tree": "🌳",
    "camera": "📷",
    "book": "📚",
    "laptop": "💻",
    "computer": "💻",
    "phone": "📱",
    "watch": "⌚",
    "clock": "🕰️",
    "dress": "👗",
    "gown": "👗",
    "sneaker": "👟",
    "shoe": "👞",
    "hat": "🎩",
    "sunglasses": "🕶️",
    "bag": "👜",
    "purse": "👛",
    "lipstick": "💄",
    "ring": "💍",
    "candle": "🕯️",
    "balloon": "🎈",
    "bubble": "🫧",
    "pumpkin": "🎃",
    "umbrella": "☂️",
    "castle": "🏰",
    "tent": "⛺",
    "bridge": "🌉",
    "fountain": "⛲",
    "dumbbell": "🏋️",
    "barbell": "🏋️",
    "teddy": "🧸",
}

CATEGORY_EMOJI = {
    "food": "🍽️",
    "travel": "✈️",
    "wedding": "💍",
    "fitness": "💪",
    "fashion": "👗",
    "animals": "🐾",
    "nature": "🌿",
    "art": "🎨",
    "beauty": "💄",
    "music": "🎵",
    "sports": "🏅",
    "photography": "📷",
}

# What each tone adds after the subject's own emoji; minimal adds nothing.
TONE_EMOJI = {
    "casual": ("😊", "🙌", ""),
    "funny": ("😂", "🤷", "😅"),
    "inspirational": ("✨", "🌟", "🌱"),
    "minimal": ("",),
}
DEFAULT_EMOJI = "✨"


def emoji_for(words: Iterable[str], category: str | None) -> str:
    """The first word's emoji, else the category's, else a sparkle.

    Give the words most telling first: the whole name run together ("hotdog"), its head noun,
    its other words, then the concept's broader words.
    """
    for word in words:
        found = WORD_EMOJI.get(word.lower())
        if found is None and category == "animals":
            found = ANIMAL_EMOJI.get(word.lower())
        if found:
            return found
    if category and category in CATEGORY_EMOJI:
        return CATEGORY_EMOJI[category]
    return DEFAULT_EMOJI


def words_shown_by(text: str) -> set[str]:
    """The words that the emoji in `text` stand for ("🐱" -> "cat")."""
    table = {**ANIMAL_EMOJI, **WORD_EMOJI}
    return {word for word, emoji in table.items() if emoji in text}
