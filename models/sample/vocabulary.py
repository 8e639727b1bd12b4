"""The hand-written words the sample corpus is made from: per category, the subjects people post
about (each with its own hashtags, noun phrases and sentences), and the tones captions take.

A subject's first two hashtags go on every post about it; the rest are picked per post, so
hashtags that belong together (#ramen, #noodles, #japanesefood) keep turning up together.
A `rising` subject is posted mostly in the last week, a `fading` one mostly before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Trend = Literal["steady", "rising", "fading"]


@dataclass(frozen=True)
class Subject:
    key: str
    tags: tuple[str, ...]
    things: tuple[str, ...]
    lines: tuple[str, ...]
    emoji: tuple[str, ...]
    trend: Trend = "steady"


@dataclass(frozen=True)
class Category:
    name: str
    generic: tuple[str, ...]
    handles: tuple[str, ...]
    subjects: tuple[Subject, ...]


@dataclass(frozen=True)
class Tone:
    name: str
    templates: tuple[str, ...]
    openers: tuple[str, ...]
    closers: tuple[str, ...]


# Hashtags people add to posts of every kind.
EVERYWHERE = (
    "#instagood",
    "#photooftheday",
    "#picoftheday",
    "#love",
    "#instadaily",
    "#happy",
)

WEEKEND = ("#weekend", "#weekendvibes", "#sundayfunday")

# `{thing}` is a subject's noun phrase, `{Thing}` the same capitalised.
TONES = (
    Tone(
        "casual",
        templates=(
            "Current status: {thing}.",
            "Today was all about {thing}.",
            "Weekend plans: {thing}.",
            "A little bit of {thing} for your feed.",
            "Lately it's been {thing}.",
        ),
        openers=("Quick one from today.", "Catching up on posts.", "Little update."),
        closers=(
            "More soon.",
            "Hope your week is going well.",
            "That's the update.",
            "Anyone else?",
            "Have a good one.",
        ),
    ),
    Tone(
        "excited",
        templates=(
            "Obsessed with {thing}!",
            "Can't get over {thing}!",
            "Still buzzing about {thing}!",
            "Best part of the week? {Thing}!",
            "Okay, I'm officially hooked on {thing}.",
        ),
        openers=("Okay, wow.", "Best day in ages!", "Pinch me."),
        closers=(
            "Can't wait to do it again!",
            "Ten out of ten!",
            "Absolutely worth it!",
            "Already planning the next one!",
            "Who's in next time?",
        ),
    ),
    Tone(
        "reflective",
        templates=(
            "Grateful for {thing} today.",
            "Some days you just need {thing}.",
            "Taking a quiet moment to appreciate {thing}.",
            "Funny how {thing} can turn a whole week around.",
            "Saving this one to remember {thing}.",
        ),
        openers=("A slow one today.", "What a week.", "Quiet moments count too."),
        closers=(
            "Little things, really.",
            "Trying to remember days like this.",
            "Worth every minute.",
            "Slowing down feels good.",
            "Keeping this one for the hard days.",
        ),
    ),
    Tone(
        "playful",
        templates=(
            "No thoughts, just {thing}.",
            "Me, pretending I didn't plan my whole week around {thing}.",
            "Things I will not stop talking about: {thing}.",
            "Daily dose of {thing}.",
            "Brought to you by {thing}.",
        ),
        openers=("Update nobody asked for.", "Breaking news:", "Reporting live."),
        closers=(
            "No regrets.",
            "Send snacks.",
            "My camera roll is ninety percent this now.",
            "Zero self-control, as usual.",
            "You've been warned.",
        ),
    ),
)

MENTIONS = (
    "Thanks {handle} for the tip!",
    "With {handle}, as always.",
    "Big thanks to {handle}.",
    "Photo by {handle}.",
)

LINKS = (
    "More on the blog: {url}",
    "The whole story is here: {url}",
    "Details: {url}",
)

FOOD = Category(
    "food",
    generic=(
        "#food",
        "#foodie",
        "#instafood",
        "#foodstagram",
        "#yummy",
        "#FoodPhotography",
        "#delicious",
        "#foodlover",
        "#homemade",
        "#foodporn",
        "#eeeeeats",
        "#foodblogger",
    ),
    handles=("@lena.eats", "@tablefortwo.blog", "@crumbandcrust"),
    subjects=(
        Subject(
            "ramen",
            tags=(
                "#ramen",
                "#noodles",
                "#japanesefood",
                "#tonkotsu",
                "#ramenlover",
                "#noodlesoup",
                "#umami",
            ),
            things=(
                "this bowl of tonkotsu ramen",
                "late-night ramen with extra chashu",
                "a proper bowl of ramen",
            ),
            lines=(
                "Waited forty minutes in the rain for this ramen and regret nothing.",
                "Twelve hours of simmering broth for ten minutes of slurping.",
                "Found the tiny ramen counter everyone keeps whispering about.",
                "Extra egg, extra chili oil, zero shame.",
            ),
            emoji=("🍜",),
        ),
        Subject(
            "sourdough",
            tags=(
                "#sourdough",
                "#bread",
                "#homebaking",
                "#breadmaking",
                "#sourdoughbread",
                "#realbread",
                "#wildyeast",
            ),
            things=(
                "a loaf of sourdough fresh out of the oven",
                "the open crumb on this sourdough",
                "a sourdough starter that finally behaves",
            ),
            lines=(
                "Day three of feeding the starter and this loaf finally has an ear.",
                "Fed the starter at midnight, baked at dawn, ate half the loaf by noon.",
                "The crackle of a fresh crust cooling on the rack is my favourite sound.",
            ),
            emoji=("🍞",),
        ),
        Subject(
            "pumpkin-pie",
            tags=(
                "#thanksgiving",
                "#pumpkinpie",
                "#pie",
                "#baking",
                "#thanksgivingdinner",
                "#friendsgiving",
                "#holidaybaking",
            ),
            things=(
                "a slice of homemade pumpkin pie",
                "the Thanksgiving table before the chaos",
                "leftover pie for breakfast",
            ),
            lines=(
                "Made two pumpkin pies this year because one never survives the afternoon.",
                "Friendsgiving spread, round one: everyone brought a side and nobody "
                "brought a main.",
                "Lattice crust attempt number two, and it actually held together.",
            ),
            emoji=("🥧", "🦃"),
            trend="rising",
        ),
        Subject(
            "smoothie-bowl",
            tags=(
                "#smoothiebowl",
                "#acaibowl",
                "#healthyfood",
                "#breakfast",
                "#eatclean",
                "#healthybreakfast",
                "#plantbased",
            ),
            things=(
                "a smoothie bowl loaded with berries",
                "this acai bowl",
                "breakfast in bright colours",
            ),
            lines=(
                "Frozen banana, acai and way too much granola on top.",
                "Still clinging to smoothie bowl season even though it's cold outside.",
                "Breakfast that looks like a painting and tastes like summer.",
            ),
            emoji=("🥣", "🍓"),
            trend="fading",
        ),
        Subject(
            "tacos",
            tags=(
                "#tacos",
                "#mexicanfood",
                "#tacotuesday",
                "#streetfood",
                "#birria",
                "#salsa",
                "#tortillas",
            ),
            things=(
                "birria tacos with a cup of consommé",
                "a plate of street tacos",
                "taco night at home",
            ),
            lines=(
                "Hand-pressed tortillas make all the difference, I'm convinced.",
                "Dipped every single one of these birria tacos in the consommé.",
                "Taco Tuesday, but make it a Friday.",
            ),
            emoji=("🌮",),
        ),
        Subject(
            "sushi",
            tags=(
                "#sushi",
                "#japanesefood",
                "#sushilover",
                "#nigiri",
                "#salmon",
                "#omakase",
                "#sushitime",
            ),
            things=(
                "an omakase dinner worth saving up for",
                "salmon nigiri done right",
                "this sushi platter",
            ),
            lines=(
                "Sat at the counter and let the chef decide everything.",
                "Rolled my own sushi for the first time and it only mostly fell apart.",
                "Twelve courses of omakase and I'd happily go back tomorrow.",
            ),
            emoji=("🍣",),
        ),
        Subject(
            "coffee",
            tags=(
                "#coffee",
                "#coffeetime",
                "#latteart",
                "#barista",
                "#flatwhite",
                "#specialtycoffee",
                "#coffeelover",
            ),
            things=(
                "a flat white with a decent tulip",
                "my first cup of the morning",
                "slow coffee on a slow morning",
            ),
            lines=(
                "Finally poured a latte art tulip that looks like a tulip.",
                "The barista remembered my order and made my whole week.",
                "Pour-over, quiet kitchen, no notifications yet.",
            ),
            emoji=("☕",),
        ),
    ),
)

TRAVEL = Category(
    "travel",
    generic=(
        "#travel",
        "#travelgram",
        "#wanderlust",
        "#instatravel",
        "#TravelPhotography",
        "#explore",
        "#traveltheworld",
        "#adventure",
        "#vacation",
        "#travelblogger",
        "#travelling",
        "#traveladdict",
    ),
    handles=("@farfromhome.jo", "@wander.with.kai", "@slowtravel.notes"),
    subjects=(
        Subject(
            "christmas-markets",
            tags=(
                "#christmasmarket",
                "#wintertravel",
                "#weihnachtsmarkt",
                "#germany",
                "#europe",
                "#mulledwine",
                "#festive",
            ),
            things=(
                "mulled wine at the Christmas market",
                "the first Christmas market of the season",
                "a cup of glühwein and a bag of roasted almonds",
            ),
            lines=(
                "The Christmas markets opened this week and I've already been to three.",
                "Wandered the stalls in Nuremberg until my fingers went numb.",
                "Wooden huts, fairy lights and the smell of roasted almonds everywhere.",
            ),
            emoji=("🎄", "✨"),
            trend="rising",
        ),
        Subject(
            "beach",
            tags=(
                "#beach",
                "#islandlife",
                "#beachlife",
                "#ocean",
                "#sunset",
                "#paradise",
                "#summervibes",
            ),
            things=(
                "a quiet beach at golden hour",
                "the last beach day of the year",
                "turquoise water and nowhere to be",
            ),
            lines=(
                "Found a cove with nobody on it and stayed until the tide came in.",
                "Already missing warm sand and salty hair.",
                "Throwback to the island where I forgot what day it was.",
            ),
            emoji=("🌊", "🏝️"),
            trend="fading",
        ),
        Subject(
            "kyoto",
            tags=(
                "#japan",
                "#kyoto",
                "#japantravel",
                "#visitjapan",
                "#temple",
                "#tokyo",
                "#japanesefood",
            ),
            things=(
                "the torii gates at Fushimi Inari before the crowds",
                "a quiet temple garden in Kyoto",
                "autumn colours in Kyoto",
            ),
            lines=(
                "Got up at five to walk the torii gates with nobody else around.",
                "Two weeks in Japan and I'm already planning the next trip.",
                "Bullet train, bento box, window seat: perfect morning.",
            ),
            emoji=("⛩️", "🇯🇵"),
        ),
        Subject(
            "roadtrip",
            tags=(
                "#roadtrip",
                "#vanlife",
                "#roadtripping",
                "#campervan",
                "#openroad",
                "#getoutside",
                "#highway",
            ),
            things=(
                "the open road and a full tank",
                "life in a tiny van",
                "another scenic pull-out",
            ),
            lines=(
                "Eight hundred miles, four playlists and one flat tyre.",
                "Woke up in the van to frost on the windows and the best view yet.",
                "Pulled over for the view, stayed for the sunset.",
            ),
            emoji=("🚐",),
        ),
        Subject(
            "lisbon",
            tags=(
                "#lisbon",
                "#portugal",
                "#citybreak",
                "#europe",
                "#visitportugal",
                "#azulejos",
                "#streetphotography",
            ),
            things=(
                "yellow trams in Lisbon",
                "a long weekend in Lisbon",
                "painted tiles on every corner",
            ),
            lines=(
                "Forty-eight hours in Lisbon and I walked every hill twice.",
                "Got lost in Alfama on purpose and found the best custard tarts in town.",
                "Caught the old tram at sunrise before the city woke up.",
            ),
            emoji=("🇵🇹", "🚋"),
        ),
        Subject(
            "iceland",
            tags=(
                "#iceland",
                "#northernlights",
                "#icelandtravel",
                "#aurora",
                "#waterfall",
                "#landscape",
                "#visiticeland",
            ),
            things=(
                "the northern lights over a frozen lake",
                "a waterfall at the end of a long drive",
                "black sand and grey skies",
            ),
            lines=(
                "Stood in a field at midnight and watched the sky turn green.",
                "Chased waterfalls along the ring road for a week.",
                "Black sand, wild wind and the most dramatic coast I've ever seen.",
            ),
            emoji=("🌌", "🇮🇸"),
        ),
    ),
)

WEDDING = Category(
    "wedding",
    generic=(
        "#wedding",
        "#weddingday",
        "#bride",
        "#love",
        "#weddinginspiration",
        "#WeddingPhotography",
        "#groom",
        "#justmarried",
        "#weddingplanning",
        "#bridetobe",
        "#engaged",
        "#weddingideas",
    ),
    handles=("@willowandvine.events", "@studio.ivory", "@bloomhouse.florals"),
    subjects=(
        Subject(
            "winter-wedding",
            tags=(
                "#winterwedding",
                "#weddingseason",
                "#snowwedding",
                "#candlelight",
                "#decemberwedding",
                "#cozywedding",
                "#velvet",
            ),
            things=(
                "a candlelit winter wedding",
                "snow falling during the first dance",
                "a room full of velvet, candles and evergreen",
            ),
            lines=(
                "It started snowing right as they said their vows.",
                "Candlelight, evergreen garlands and a very warm reception.",
                "Winter weddings have my whole heart this year.",
            ),
            emoji=("❄️", "🕯️"),
            trend="rising",
        ),
        Subject(
            "flowers",
            tags=(
                "#weddingflowers",
                "#bridalbouquet",
                "#florist",
                "#peonies",
                "#weddingdecor",
                "#floraldesign",
                "#flowers",
            ),
            things=(
                "a bridal bouquet full of peonies",
                "the ceremony arch before the guests arrived",
                "this season's wedding flowers",
            ),
            lines=(
                "Spent the morning arranging two hundred stems for the ceremony arch.",
                "Peonies, ranunculus and a little eucalyptus for the bouquet.",
                "Every table had its own tiny bud vase and I loved it.",
            ),
            emoji=("💐",),
        ),
        Subject(
            "dress",
            tags=(
                "#weddingdress",
                "#bridalgown",
                "#bridalfashion",
                "#sayyestothedress",
                "#lace",
                "#bridalstyle",
                "#weddinggown",
            ),
            things=(
                "the dress I said yes to",
                "a lace gown with a long train",
                "the final fitting",
            ),
            lines=(
                "Said yes to the dress on the third try.",
                "Final fitting done, and I may have cried a little.",
                "The back of this gown deserved its own photo.",
            ),
            emoji=("👰", "🤍"),
        ),
        Subject(
            "cake",
            tags=(
                "#weddingcake",
                "#cake",
                "#cakedesign",
                "#buttercream",
                "#dessert",
                "#sugarflowers",
                "#caketopper",
            ),
            things=(
                "a three-tier buttercream cake",
                "the cake before anyone touched it",
                "sugar flowers on every tier",
            ),
            lines=(
                "Three tiers of lemon and elderflower, and not a crumb left.",
                "The cake cutting took longer than the ceremony.",
                "Piped every sugar flower on this cake by hand.",
            ),
            emoji=("🎂",),
        ),
        Subject(
            "proposal",
            tags=(
                "#engaged",
                "#proposal",
                "#shesaidyes",
                "#engagementring",
                "#engagementphotos",
                "#ringselfie",
                "#engagementshoot",
            ),
            things=(
                "the ring on my finger",
                "an engagement shoot at golden hour",
                "the moment right after she said yes",
            ),
            lines=(
                "He asked on the same trail where we had our first date.",
                "Engagement shoot in the old orchard, and the light was perfect.",
                "Still staring at my hand every five minutes.",
            ),
            emoji=("💍",),
        ),
        Subject(
            "garden-wedding",
            tags=(
                "#gardenwedding",
                "#outdoorwedding",
                "#barnwedding",
                "#rusticwedding",
                "#fairylights",
                "#countrywedding",
                "#summerwedding",
            ),
            things=(
                "a garden ceremony under the oaks",
                "fairy lights over the barn",
                "long tables in the orchard",
            ),
            lines=(
                "Barn doors open, fairy lights on, everyone dancing until midnight.",
                "Looking back at this season's garden weddings with a full heart.",
                "Long tables under the apple trees and a sky full of stars.",
            ),
            emoji=("🌿",),
            trend="fading",
        ),
    ),
)

FITNESS = Category(
    "fitness",
    generic=(
        "#fitness",
        "#gym",
        "#workout",
        "#fitnessmotivation",
        "#fit",
        "#training",
        "#motivation",
        "#fitfam",
        "#healthylifestyle",
        "#gymlife",
        "#exercise",
        "#FitnessJourney",
    ),
    handles=("@coach.marta", "@alex.moves", "@ironhouse.gym"),
    subjects=(
        Subject(
            "running",
            tags=(
                "#running",
                "#runner",
                "#runnersofinstagram",
                "#marathon",
                "#longrun",
                "#runningcommunity",
                "#marathontraining",
            ),
            things=(
                "a slow long run along the river",
                "the marathon training plan",
                "new miles and new blisters",
            ),
            lines=(
                "Twenty kilometres before breakfast and my legs have opinions.",
                "Marathon training, week eleven: still showing up.",
                "Ran the same route as last month and took two minutes off.",
            ),
            emoji=("🏃",),
        ),
        Subject(
            "turkey-trot",
            tags=(
                "#turkeytrot",
                "#thanksgiving",
                "#running",
                "#5k",
                "#raceday",
                "#funrun",
                "#thanksgivingrun",
            ),
            things=(
                "a turkey trot in a pie costume",
                "the race before the feast",
                "a chilly holiday 5k",
            ),
            lines=(
                "Ran the turkey trot dressed as a pumpkin pie and still got a PR.",
                "Earned my second helping this morning.",
                "Cold hands, warm heart, medal shaped like a turkey.",
            ),
            emoji=("🦃", "🏅"),
            trend="rising",
        ),
        Subject(
            "lifting",
            tags=(
                "#weightlifting",
                "#strengthtraining",
                "#deadlift",
                "#powerlifting",
                "#squats",
                "#legday",
                "#liftheavy",
            ),
            things=(
                "a new deadlift PR",
                "heavy squats on a Monday",
                "a brutal leg day",
            ),
            lines=(
                "Finally pulled 140 kilos and the whole gym heard about it.",
                "Slow progress is still progress: five more kilos on the squat.",
                "Leg day again, and the stairs are my enemy.",
            ),
            emoji=("🏋️", "💪"),
        ),
        Subject(
            "yoga",
            tags=(
                "#yoga",
                "#yogapractice",
                "#yogaeveryday",
                "#namaste",
                "#yogainspiration",
                "#mindfulness",
                "#stretching",
            ),
            things=(
                "a slow morning flow",
                "twenty minutes on the mat",
                "my first headstand without the wall",
            ),
            lines=(
                "Held my first headstand without the wall today.",
                "Sunrise flow on the balcony before the city woke up.",
                "Some mornings the mat is the only quiet place in the house.",
            ),
            emoji=("🧘",),
        ),
        Subject(
            "home-workout",
            tags=(
                "#homeworkout",
                "#hiit",
                "#cardio",
                "#bodyweight",
                "#sweat",
                "#workoutathome",
                "#noexcuses",
            ),
            things=(
                "a twenty-minute HIIT session",
                "a sweaty living-room workout",
                "burpees before coffee",
            ),
            lines=(
                "No gym, no problem: twenty minutes in the living room did the job.",
                "Burpees before coffee should be illegal.",
                "Thirty seconds on, fifteen off, and a puddle of sweat on the floor.",
            ),
            emoji=("💪", "🔥"),
        ),
        Subject(
            "open-water",
            tags=(
                "#openwaterswimming",
                "#swimming",
                "#wildswimming",
                "#swim",
                "#lakeswim",
                "#triathlon",
                "#outdoorswimming",
            ),
            things=(
                "a lake swim at sunrise",
                "the last open-water swim of the season",
                "cold water and a warm towel",
            ),
            lines=(
                "Last lake swim before the water gets too cold to be fun.",
                "Two kilometres across the lake and back before breakfast.",
                "Swapped the pool for the lake all summer and never looked back.",
            ),
            emoji=("🏊",),
            trend="fading",
        ),
    ),
)

FASHION = Category(
    "fashion",
    generic=(
        "#fashion",
        "#style",
        "#ootd",
        "#outfitoftheday",
        "#fashionista",
        "#instafashion",
        "#streetstyle",
        "#fashionblogger",
        "#outfit",
        "#lookbook",
        "#whatiwore",
        "#StyleInspo",
    ),
    handles=("@thrift.theory", "@atelier.noor", "@stylebyjules"),
    subjects=(
        Subject(
            "knitwear",
            tags=(
                "#knitwear",
                "#sweaterweather",
                "#chunkyknit",
                "#cozy",
                "#winterfashion",
                "#wool",
                "#layering",
            ),
            things=(
                "my favourite chunky knit",
                "proper sweater weather",
                "a cream wool cardigan",
            ),
            lines=(
                "Pulled the chunky knits out of storage and I'm not putting them back.",
                "Layered two sweaters today and zero regrets.",
                "Found this wool cardigan at a flea market for five euros.",
            ),
            emoji=("🧶", "🧣"),
            trend="rising",
        ),
        Subject(
            "linen",
            tags=(
                "#linen",
                "#summerstyle",
                "#summeroutfit",
                "#sundress",
                "#resortwear",
                "#vacationstyle",
                "#whitelinen",
            ),
            things=(
                "a white linen set",
                "one last sundress",
                "breezy linen everything",
            ),
            lines=(
                "Squeezing one last wear out of this linen set before it goes into storage.",
                "Linen, sandals and nowhere to be.",
                "This sundress has been on every trip this year.",
            ),
            emoji=("👗", "☀️"),
            trend="fading",
        ),
        Subject(
            "thrift",
            tags=(
                "#thrifted",
                "#vintage",
                "#thriftstorefinds",
                "#secondhand",
                "#sustainablefashion",
                "#vintagestyle",
                "#thriftflip",
            ),
            things=(
                "this thrifted leather jacket",
                "a vintage find from the market",
                "a secondhand outfit from head to toe",
            ),
            lines=(
                "Everything I'm wearing is secondhand, and the whole outfit cost less than lunch.",
                "Found a seventies suede jacket at the back of the charity shop.",
                "Thrift haul day: three coats, one hat, no self-control.",
            ),
            emoji=("♻️",),
        ),
        Subject(
            "sneakers",
            tags=(
                "#sneakers",
                "#sneakerhead",
                "#kicks",
                "#streetwear",
                "#shoegame",
                "#sneakersaddict",
                "#hypebeast",
            ),
            things=(
                "a fresh pair of sneakers",
                "the kicks I waited months for",
                "clean white sneakers",
            ),
            lines=(
                "Waited six months for this pair and they were worth every day.",
                "Keeping these white sneakers clean is a full-time job.",
                "Matched the laces to the jacket, obviously.",
            ),
            emoji=("👟",),
        ),
        Subject(
            "tailoring",
            tags=(
                "#tailoring",
                "#menswear",
                "#blazer",
                "#suit",
                "#dapper",
                "#menstyle",
                "#gentleman",
            ),
            things=(
                "a well-cut blazer",
                "a navy suit for the weekend",
                "tailoring that finally fits",
            ),
            lines=(
                "Took this blazer to the tailor and it's a whole new jacket.",
                "Navy suit, brown shoes, no tie: the Friday uniform.",
                "A good fit beats a big label every time.",
            ),
            emoji=("🕴️",),
        ),
        Subject(
            "accessories",
            tags=(
                "#accessories",
                "#jewelry",
                "#handbag",
                "#goldjewelry",
                "#bags",
                "#minimalstyle",
                "#leatherbag",
            ),
            things=(
                "a little leather bag that goes with everything",
                "layered gold necklaces",
                "the small details",
            ),
            lines=(
                "Stacked every gold ring I own and called it a look.",
                "This small leather bag goes with absolutely everything.",
                "It's always the accessories that finish the outfit.",
            ),
            emoji=("👜", "💫"),
        ),
    ),
)

ANIMALS = Category(
    "animals",
    generic=(
        "#animals",
        "#pets",
        "#cute",
        "#petsofinstagram",
        "#animallovers",
        "#instapets",
        "#petstagram",
        "#adorable",
        "#animal",
        "#pet",
        "#PetLovers",
        "#furbaby",
    ),
    handles=("@paws.and.pines", "@wildpaws.rescue", "@the.animal.diaries"),
    subjects=(
        Subject(
            "dog",
            tags=(
                "#dog",
                "#dogsofinstagram",
                "#puppy",
                "#doglover",
                "#goodboy",
                "#dogstagram",
                "#puppylove",
            ),
            things=(
                "this very good boy",
                "a muddy puppy after the park",
                "my favourite walking buddy",
            ),
            lines=(
                "He heard the word 'walk' and hasn't calmed down since.",
                "Muddy paws, happy tail, ruined carpet.",
                "Eight weeks old and already running the house.",
            ),
            emoji=("🐶", "🐾"),
        ),
        Subject(
            "cat",
            tags=(
                "#cat",
                "#catsofinstagram",
                "#kitten",
                "#catlover",
                "#meow",
                "#caturday",
                "#instacat",
            ),
            things=(
                "a cat in a sunbeam",
                "the kitten who owns this flat",
                "one very judgmental cat",
            ),
            lines=(
                "She sat on my keyboard for an hour and I just let it happen.",
                "Found him asleep in the laundry basket again.",
                "Bought a fancy cat bed; she prefers the box it came in.",
            ),
            emoji=("🐱",),
        ),
        Subject(
            "snow-dog",
            tags=(
                "#dogsinsnow",
                "#snowday",
                "#snowdog",
                "#husky",
                "#firstsnow",
                "#winterdog",
                "#dogsofinstagram",
            ),
            things=(
                "a husky in fresh snow",
                "the first snow day of the year",
                "zoomies in the snow",
            ),
            lines=(
                "First snow of the year and she did zoomies for twenty minutes.",
                "He's been waiting all year for this snow.",
                "Snow on the nose, pure joy on the face.",
            ),
            emoji=("❄️", "🐕"),
            trend="rising",
        ),
        Subject(
            "birds",
            tags=(
                "#birdwatching",
                "#birds",
                "#birdphotography",
                "#wildlife",
                "#birding",
                "#birdsofinstagram",
                "#nature",
            ),
            things=(
                "a robin on the garden fence",
                "an early morning at the hide",
                "a heron waiting patiently",
            ),
            lines=(
                "Sat in the hide for two hours for one heron, and it was worth it.",
                "A robin has claimed the bird feeder and won't share.",
                "Counted fourteen species on this morning's walk.",
            ),
            emoji=("🐦",),
        ),
        Subject(
            "horses",
            tags=(
                "#horse",
                "#equestrian",
                "#horses",
                "#horselove",
                "#horseriding",
                "#pony",
                "#horsesofinstagram",
            ),
            things=(
                "an early ride across the fields",
                "my old pony",
                "a horse who loves carrots more than me",
            ),
            lines=(
                "Early ride across the fields before the frost lifted.",
                "Twenty years old and still the boss of the paddock.",
                "Groomed her for an hour and she rolled in the mud immediately.",
            ),
            emoji=("🐴",),
        ),
        Subject(
            "lake-dog",
            tags=(
                "#labrador",
                "#summerdog",
                "#dogsthatswim",
                "#beachdog",
                "#fetch",
                "#dogbeach",
                "#labradorsofinstagram",
            ),
            things=(
                "a soggy labrador after a swim",
                "fetch at the lake",
                "beach zoomies",
            ),
            lines=(
                "Throwback to summer, when he basically lived in the lake.",
                "One more throw, he said, for the hundredth time.",
                "Wet dog smell, happy dog, happy owner.",
            ),
            emoji=("🐕", "🌊"),
            trend="fading",
        ),
    ),
)

NATURE = Category(
    "nature",
    generic=(
        "#nature",
        "#NaturePhotography",
        "#naturelovers",
        "#landscape",
        "#outdoors",
        "#earth",
        "#beautiful",
        "#naturelover",
        "#landscapephotography",
        "#sky",
        "#instanature",
        "#wilderness",
    ),
    handles=("@trailnotes", "@greenhour.photo", "@wildways.co"),
    subjects=(
        Subject(
            "first-snow",
            tags=(
                "#snow",
                "#winter",
                "#firstsnow",
                "#wintervibes",
                "#snowfall",
                "#winterwonderland",
                "#frost",
            ),
            things=(
                "the first snowfall of the year",
                "frost on every branch",
                "a snowy forest trail",
            ),
            lines=(
                "Woke up to the first snow and went straight outside in my pyjamas.",
                "Everything is quieter after a snowfall.",
                "Frost on every single branch this morning.",
            ),
            emoji=("❄️",),
            trend="rising",
        ),
        Subject(
            "autumn-leaves",
            tags=(
                "#autumn",
                "#fall",
                "#autumnleaves",
                "#foliage",
                "#fallcolors",
                "#autumnvibes",
                "#leaves",
            ),
            things=(
                "the last of the autumn colours",
                "a carpet of golden leaves",
                "a walk through the maple grove",
            ),
            lines=(
                "The maples went red and gold overnight.",
                "Catching the last of the autumn colours before the wind takes them.",
                "Kicked through every pile of leaves on the way home.",
            ),
            emoji=("🍂", "🍁"),
            trend="fading",
        ),
        Subject(
            "sunset",
            tags=(
                "#sunset",
                "#goldenhour",
                "#sunrise",
                "#skyporn",
                "#clouds",
                "#sunsetlovers",
                "#skyline",
            ),
            things=(
                "a sky on fire",
                "golden hour at the lake",
                "this sunset",
            ),
            lines=(
                "Pulled over on the way home because the sky was on fire.",
                "Set three alarms for this sunrise and it delivered.",
                "No filter needed tonight.",
            ),
            emoji=("🌅",),
        ),
        Subject(
            "mountains",
            tags=(
                "#mountains",
                "#hiking",
                "#mountainview",
                "#alps",
                "#summit",
                "#trail",
                "#hikingadventures",
            ),
            things=(
                "the view from the summit",
                "a ridge walk above the clouds",
                "a long climb and a short lunch at the top",
            ),
            lines=(
                "Six hours up, twenty minutes at the top, totally worth it.",
                "Above the clouds for the first time this year.",
                "The last kilometre to the summit nearly broke me.",
            ),
            emoji=("⛰️", "🥾"),
        ),
        Subject(
            "forest",
            tags=(
                "#forest",
                "#trees",
                "#woods",
                "#forestbathing",
                "#moss",
                "#mushrooms",
                "#greenery",
            ),
            things=(
                "a quiet walk in the woods",
                "moss on everything",
                "the tallest trees in the valley",
            ),
            lines=(
                "Found a whole family of mushrooms growing on a fallen log.",
                "An hour in the forest fixes most things.",
                "Everything smells of moss and rain today.",
            ),
            emoji=("🌲", "🍄"),
        ),
        Subject(
            "ocean",
            tags=(
                "#ocean",
                "#sea",
                "#waves",
                "#seascape",
                "#coast",
                "#beach",
                "#bluewater",
            ),
            things=(
                "the sound of the waves",
                "a stormy sea",
                "the coastline at low tide",
            ),
            lines=(
                "Watched the storm roll in over the sea from the cliff path.",
                "Low tide, rock pools and nobody else around.",
                "Could listen to these waves all day.",
            ),
            emoji=("🌊",),
        ),
    ),
)

ART = Category(
    "art",
    generic=(
        "#art",
        "#artist",
        "#artwork",
        "#drawing",
        "#painting",
        "#illustration",
        "#artistsoninstagram",
        "#contemporaryart",
        "#sketch",
        "#creative",
        "#artoftheday",
        "#instaart",
    ),
    handles=("@inkandwater.studio", "@clayday.ceramics", "@sketchesbyrae"),
    subjects=(
        Subject(
            "watercolour",
            tags=(
                "#watercolor",
                "#watercolour",
                "#watercolorpainting",
                "#aquarelle",
                "#paintingoftheday",
                "#loosewatercolor",
                "#botanicalart",
            ),
            things=(
                "a loose watercolour of the harbour",
                "a page of botanical studies",
                "my new watercolour palette",
            ),
            lines=(
                "Let the paint do its own thing on this one.",
                "Spent the whole afternoon painting the same three tulips.",
                "Watercolour is ninety percent waiting for things to dry.",
            ),
            emoji=("🎨",),
        ),
        Subject(
            "sketchbook",
            tags=(
                "#sketchbook",
                "#sketching",
                "#urbansketching",
                "#sketchbooktour",
                "#pencildrawing",
                "#inkdrawing",
                "#dailysketch",
            ),
            things=(
                "another page in the sketchbook",
                "ink sketches from the café",
                "a quick sketch on the train",
            ),
            lines=(
                "Filled the last page of this sketchbook today.",
                "Twenty-minute sketches of strangers at the café.",
                "Drew the station while waiting for a late train.",
            ),
            emoji=("✏️",),
        ),
        Subject(
            "ceramics",
            tags=(
                "#ceramics",
                "#pottery",
                "#handmade",
                "#clay",
                "#wheelthrown",
                "#stoneware",
                "#potterylove",
            ),
            things=(
                "a shelf of freshly glazed mugs",
                "a row of wheel-thrown bowls",
                "a fresh batch from the kiln",
            ),
            lines=(
                "Opened the kiln this morning and only one mug cracked.",
                "Threw twelve bowls today and kept four.",
                "Still learning to centre the clay, one wobbly bowl at a time.",
            ),
            emoji=("🏺",),
        ),
        Subject(
            "digital",
            tags=(
                "#digitalart",
                "#procreate",
                "#digitalillustration",
                "#characterdesign",
                "#ipadart",
                "#conceptart",
                "#illustrationartist",
            ),
            things=(
                "a character I've been sketching all week",
                "a new Procreate piece",
                "this little forest spirit",
            ),
            lines=(
                "Finished this piece at two in the morning, as is tradition.",
                "Redrew this character five times before the colours clicked.",
                "Timelapse of the whole process coming soon.",
            ),
            emoji=("🖌️",),
        ),
        Subject(
            "linocut",
            tags=(
                "#linocut",
                "#printmaking",
                "#christmascards",
                "#handmadecards",
                "#holidayart",
                "#blockprint",
                "#linoprint",
            ),
            things=(
                "a stack of hand-printed holiday cards",
                "a fresh linocut",
                "the first print off the block",
            ),
            lines=(
                "Carved the block last week and printed forty holiday cards today.",
                "There's nothing like peeling back the paper on the first print.",
                "Ink on my hands, ink on my sleeves, ink on the cat.",
            ),
            emoji=("🎄", "🖨️"),
            trend="rising",
        ),
        Subject(
            "inktober",
            tags=(
                "#inktober",
                "#inktober2026",
                "#ink",
                "#inkart",
                "#inkillustration",
                "#drawingchallenge",
                "#penandink",
            ),
            things=(
                "thirty-one days of ink drawings",
                "the last Inktober drawing",
                "a page of ink doodles",
            ),
            lines=(
                "Thirty-one drawings in thirty-one days, and my hand is still recovering.",
                "Posting the rest of my Inktober drawings a little late.",
                "Inktober taught me to stop erasing and keep going.",
            ),
            emoji=("🖋️",),
            trend="fading",
        ),
    ),
)

BEAUTY = Category(
    "beauty",
    generic=(
        "#beauty",
        "#makeup",
        "#skincare",
        "#makeupartist",
        "#beautyblogger",
        "#makeuplover",
        "#glam",
        "#beautytips",
        "#selfcare",
        "#instamakeup",
        "#MakeupLook",
        "#mua",
    ),
    handles=("@glowbymira", "@nailsbynina", "@thecurlroom"),
    subjects=(
        Subject(
            "holiday-glam",
            tags=(
                "#holidaymakeup",
                "#glittermakeup",
                "#partymakeup",
                "#redlips",
                "#sparkle",
                "#festivemakeup",
                "#glitter",
            ),
            things=(
                "a red lip for the holidays",
                "glitter on the lids",
                "full festive glam",
            ),
            lines=(
                "Tried a glitter cut crease for the holiday party and it lasted all night.",
                "Classic red lip, winged liner, done in ten minutes.",
                "Party season means glitter in places glitter should never be.",
            ),
            emoji=("✨", "💄"),
            trend="rising",
        ),
        Subject(
            "skincare-routine",
            tags=(
                "#skincareroutine",
                "#glowingskin",
                "#serum",
                "#spf",
                "#skincaretips",
                "#selfcaresunday",
                "#hydration",
            ),
            things=(
                "a simple four-step routine",
                "my evening skincare shelf",
                "glowing skin after a good night's sleep",
            ),
            lines=(
                "Cut my routine down to four products and my skin is calmer than ever.",
                "Reminder that sunscreen still matters in winter.",
                "Sunday night face mask and an early night.",
            ),
            emoji=("🧴",),
        ),
        Subject(
            "nails",
            tags=(
                "#nails",
                "#nailart",
                "#manicure",
                "#nailsofinstagram",
                "#naildesign",
                "#gelnails",
                "#nailinspo",
            ),
            things=(
                "a fresh set of chrome nails",
                "tiny painted snowflakes on every nail",
                "a classic French manicure",
            ),
            lines=(
                "Chrome nails for the month, and I can't stop looking at them.",
                "Painted these tiny flowers myself with a toothpick.",
                "Short, neat and glossy: my favourite kind of manicure.",
            ),
            emoji=("💅",),
        ),
        Subject(
            "hair",
            tags=(
                "#hair",
                "#hairstyle",
                "#curls",
                "#curlyhair",
                "#haircolor",
                "#balayage",
                "#hairgoals",
            ),
            things=(
                "a fresh balayage",
                "curls on a good day",
                "the haircut I was too scared to get",
            ),
            lines=(
                "Finally got the curtain bangs and I'm not scared anymore.",
                "Wash day went perfectly for once.",
                "Three hours in the chair for this balayage and it was worth it.",
            ),
            emoji=("💇",),
        ),
        Subject(
            "natural-makeup",
            tags=(
                "#naturalmakeup",
                "#everydaymakeup",
                "#nomakeupmakeup",
                "#dewyskin",
                "#minimalmakeup",
                "#cleanbeauty",
                "#softglam",
            ),
            things=(
                "five-minute everyday makeup",
                "dewy skin and a little blush",
                "soft glam for a quiet day",
            ),
            lines=(
                "Five products, five minutes, out the door.",
                "Tinted moisturiser, cream blush and a swipe of mascara.",
                "Learning to love the skin I actually have.",
            ),
            emoji=("🌸",),
        ),
        Subject(
            "bronze",
            tags=(
                "#bronzer",
                "#sunkissed",
                "#summermakeup",
                "#glowup",
                "#highlighter",
                "#bronzedskin",
                "#tan",
            ),
            things=(
                "a bronzed summer glow",
                "sun-kissed cheeks",
                "the last of the summer bronzer",
            ),
            lines=(
                "Holding on to this bronzer until it runs out.",
                "Freckles and highlighter, the summer uniform.",
                "Throwback to when my skin had seen the sun.",
            ),
            emoji=("☀️",),
            trend="fading",
        ),
    ),
)

MUSIC = Category(
    "music",
    generic=(
        "#music",
        "#musician",
        "#singer",
        "#song",
        "#livemusic",
        "#musiclover",
        "#songwriter",
        "#instamusic",
        "#musicislife",
        "#newmusic",
        "#band",
        "#MusicLife",
    ),
    handles=("@thebluebirdclub", "@maya.plays", "@vinyl.vault"),
    subjects=(
        Subject(
            "guitar",
            tags=(
                "#guitar",
                "#guitarist",
                "#acousticguitar",
                "#guitarcover",
                "#fingerstyle",
                "#electricguitar",
                "#guitarlife",
            ),
            things=(
                "a new acoustic guitar",
                "a fingerstyle cover I've been practising",
                "my old beat-up guitar",
            ),
            lines=(
                "Six months of practice and I can finally play this one without looking.",
                "New strings, new song, sore fingers.",
                "Recorded this cover in one take at midnight.",
            ),
            emoji=("🎸",),
        ),
        Subject(
            "vinyl",
            tags=(
                "#vinyl",
                "#vinylcollection",
                "#records",
                "#recordcollection",
                "#nowspinning",
                "#vinylcommunity",
                "#turntable",
            ),
            things=(
                "Sunday morning on the turntable",
                "a stack of new records from the market",
                "this record on repeat",
            ),
            lines=(
                "Dug through three crates to find this one.",
                "Now spinning: the record my dad played every Sunday.",
                "My shelf is officially out of room for records.",
            ),
            emoji=("💿", "🎶"),
        ),
        Subject(
            "festival",
            tags=(
                "#festival",
                "#musicfestival",
                "#festivalseason",
                "#festivalvibes",
                "#summerfestival",
                "#crowd",
                "#concert",
            ),
            things=(
                "the main stage at sunset",
                "three days of music in a field",
                "festival wristbands I refuse to cut off",
            ),
            lines=(
                "Still not over this summer's festival.",
                "Three days in a muddy field and I'd do it again tomorrow.",
                "Still wearing the wristband from August.",
            ),
            emoji=("🎪",),
            trend="fading",
        ),
        Subject(
            "gig",
            tags=(
                "#concert",
                "#gig",
                "#liveshow",
                "#concertphotography",
                "#tour",
                "#setlist",
                "#frontrow",
            ),
            things=(
                "a tiny club gig",
                "the front row at last night's show",
                "a sold-out show",
            ),
            lines=(
                "Front row, and I'd lost my voice by the second song.",
                "Played our first sold-out show last night and I'm still shaking.",
                "Small venue, loud band, perfect night.",
            ),
            emoji=("🎤",),
        ),
        Subject(
            "choir",
            tags=(
                "#choir",
                "#christmasmusic",
                "#carols",
                "#holidayconcert",
                "#christmassongs",
                "#singing",
                "#acapella",
            ),
            things=(
                "carol rehearsals with the choir",
                "the holiday concert programme",
                "four-part harmonies in an old church",
            ),
            lines=(
                "First choir rehearsal of the season and the harmonies are already there.",
                "We're singing carols in the town square on Saturday.",
                "Twelve voices, one old church, goosebumps everywhere.",
            ),
            emoji=("🎄", "🎶"),
            trend="rising",
        ),
        Subject(
            "piano",
            tags=(
                "#piano",
                "#pianist",
                "#pianocover",
                "#classicalmusic",
                "#pianopractice",
                "#keys",
                "#chopin",
            ),
            things=(
                "an evening at the piano",
                "a Chopin nocturne I've been practising",
                "the old upright in my grandmother's house",
            ),
            lines=(
                "Practised this nocturne every night for a month.",
                "Had the old upright tuned and it sounds brand new.",
                "Some evenings only the piano will do.",
            ),
            emoji=("🎹",),
        ),
    ),
)

SPORTS = Category(
    "sports",
    generic=(
        "#sports",
        "#sport",
        "#athlete",
        "#gameday",
        "#team",
        "#training",
        "#instasports",
        "#SportsPhotography",
        "#game",
        "#fans",
        "#sportslife",
        "#competition",
    ),
    handles=("@coach.dani", "@jo.trains", "@kinetic.club"),
    subjects=(
        Subject(
            "football",
            tags=(
                "#football",
                "#soccer",
                "#matchday",
                "#footballfans",
                "#goal",
                "#footballlife",
                "#stadium",
            ),
            things=(
                "a rainy match day at the stadium",
                "ninety minutes of nerves",
                "Sunday league football",
            ),
            lines=(
                "Scored a last-minute winner in Sunday league and I'm retiring on a high.",
                "Rain, mud and a three-nil win away from home.",
                "Nothing like the noise of a full stadium.",
            ),
            emoji=("⚽",),
        ),
        Subject(
            "basketball",
            tags=(
                "#basketball",
                "#hoops",
                "#nba",
                "#ballislife",
                "#streetball",
                "#basketballneverstops",
                "#dunk",
            ),
            things=(
                "pickup games at the outdoor court",
                "a buzzer-beater in the school gym",
                "courtside seats",
            ),
            lines=(
                "The pickup game ran until the streetlights came on.",
                "Hit a buzzer-beater and the whole gym went quiet.",
                "Courtside for the first time and I couldn't stop grinning.",
            ),
            emoji=("🏀",),
        ),
        Subject(
            "skiing",
            tags=(
                "#skiing",
                "#skiseason",
                "#ski",
                "#snowboarding",
                "#powder",
                "#freshtracks",
                "#apresski",
            ),
            things=(
                "the first powder day of the season",
                "fresh tracks before lunch",
                "opening day on the mountain",
            ),
            lines=(
                "Opening weekend at the resort and the snow is already perfect.",
                "First chair of the morning and untouched powder all the way down.",
                "Waxed the skis, packed the car, see you on the slopes.",
            ),
            emoji=("⛷️", "🏂"),
            trend="rising",
        ),
        Subject(
            "surfing",
            tags=(
                "#surfing",
                "#surf",
                "#surfer",
                "#waves",
                "#surflife",
                "#surfboard",
                "#longboard",
            ),
            things=(
                "a glassy morning session",
                "the last warm surf of the year",
                "a longboard and a quiet break",
            ),
            lines=(
                "Glassy waves and only three of us out this morning.",
                "Last warm surf of the year before the wetsuit gets thicker.",
                "Wiped out more than I stood up and loved every minute.",
            ),
            emoji=("🏄",),
            trend="fading",
        ),
        Subject(
            "cycling",
            tags=(
                "#cycling",
                "#roadcycling",
                "#bike",
                "#cyclinglife",
                "#gravel",
                "#bikeride",
                "#strava",
            ),
            things=(
                "a long ride through the hills",
                "a muddy gravel loop",
                "my trusty road bike",
            ),
            lines=(
                "A hundred kilometres through the hills and one very big cake stop.",
                "Gravel loop in the rain, mud up to my ears.",
                "Finally held thirty kilometres an hour on the flat loop.",
            ),
            emoji=("🚴",),
        ),
        Subject(
            "climbing",
            tags=(
                "#climbing",
                "#bouldering",
                "#rockclimbing",
                "#climbinggym",
                "#climber",
                "#boulder",
                "#chalk",
            ),
            things=(
                "the boulder problem that beat me for a month",
                "a chalky evening at the climbing gym",
                "an outdoor crag in the winter sun",
            ),
            lines=(
                "Finally sent the purple problem after a month of falling off it.",
                "Chalk everywhere, skin nowhere.",
                "Spent the whole session on one move and I'll be back tomorrow.",
            ),
            emoji=("🧗",),
        ),
    ),
)

PHOTOGRAPHY = Category(
    "photography",
    generic=(
        "#photography",
        "#photographer",
        "#photooftheday",
        "#picoftheday",
        "#photo",
        "#instaphoto",
        "#photographylovers",
        "#camera",
        "#PhotographyEveryday",
        "#capture",
        "#visualsoflife",
        "#shotoniphone",
    ),
    handles=("@lab.and.grain", "@sam.shoots", "@framebyframe.co"),
    subjects=(
        Subject(
            "film",
            tags=(
                "#filmphotography",
                "#35mm",
                "#filmisnotdead",
                "#analog",
                "#kodak",
                "#portra400",
                "#believeinfilm",
            ),
            things=(
                "a fresh roll of Portra",
                "grainy frames from an old camera",
                "the first roll through my grandfather's camera",
            ),
            lines=(
                "Got my first roll back from the lab and only half of it is blurry.",
                "Shot a whole roll of Portra on a grey afternoon.",
                "There's nothing like waiting a week to see your photos.",
            ),
            emoji=("🎞️",),
            trend="rising",
        ),
        Subject(
            "street",
            tags=(
                "#streetphotography",
                "#street",
                "#streetlife",
                "#urbanphotography",
                "#candid",
                "#blackandwhite",
                "#streetshot",
            ),
            things=(
                "a stranger crossing in perfect light",
                "long shadows on the high street",
                "the city in black and white",
            ),
            lines=(
                "Waited twenty minutes on this corner for someone to walk into the light.",
                "Everyone was looking down at their phones except this one man.",
                "Black and white makes the city feel older and quieter.",
            ),
            emoji=("📷",),
        ),
        Subject(
            "portrait",
            tags=(
                "#portrait",
                "#portraitphotography",
                "#portraits",
                "#naturallight",
                "#portraitmood",
                "#headshot",
                "#model",
            ),
            things=(
                "a portrait session in window light",
                "soft light and an honest smile",
                "my sister in the golden hour",
            ),
            lines=(
                "Window light, one reflector and a very patient friend.",
                "The best portraits happen between the poses.",
                "Asked my grandmother to sit for me and she nailed it first try.",
            ),
            emoji=("📸",),
        ),
        Subject(
            "astro",
            tags=(
                "#astrophotography",
                "#nightsky",
                "#milkyway",
                "#stars",
                "#longexposure",
                "#nightphotography",
                "#starscape",
            ),
            things=(
                "the Milky Way over the valley",
                "a clear night far from the city",
                "a forty-minute star trail",
            ),
            lines=(
                "Drove two hours from the city for a sky this dark.",
                "Thirty-second exposure, frozen fingers, zero regrets.",
                "Stood in a field at 2am waiting for the clouds to clear.",
            ),
            emoji=("🌌", "✨"),
        ),
        Subject(
            "macro",
            tags=(
                "#macro",
                "#macrophotography",
                "#closeup",
                "#insects",
                "#dewdrops",
                "#macrolove",
                "#tinyworld",
            ),
            things=(
                "a dewdrop on a spider's web",
                "the tiny world in the garden",
                "a ladybird up close",
            ),
            lines=(
                "Lay in the wet grass for an hour to get this ladybird.",
                "Every dewdrop on this web holds a tiny upside-down garden.",
                "New macro lens, and now I can't stop photographing moss.",
            ),
            emoji=("🔍", "🐞"),
        ),
        Subject(
            "drone",
            tags=(
                "#drone",
                "#dronephotography",
                "#aerial",
                "#dji",
                "#aerialphotography",
                "#fromabove",
                "#dronestagram",
            ),
            things=(
                "the coast from above",
                "wheat fields from four hundred feet",
                "a summer of drone flights",
            ),
            lines=(
                "Flew the drone over the wheat fields just before the harvest.",
                "The coastline makes so much more sense from above.",
                "Going back through this summer's drone shots before the weather turns.",
            ),
            emoji=("🚁",),
            trend="fading",
        ),
    ),
)

CATEGORIES = (
    FOOD,
    TRAVEL,
    WEDDING,
    FITNESS,
    FASHION,
    ANIMALS,
    NATURE,
    ART,
    BEAUTY,
    MUSIC,
    SPORTS,
    PHOTOGRAPHY,
)
