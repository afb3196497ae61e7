/* starling-demo-world.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-demo"

#include "config.h"

#include <math.h>
#include <string.h>

#include "starling-demo-world.h"

/* The world spans this many days before its epoch. */
#define WORLD_DAYS 150
#define N_FOLLOWERS 2200
#define N_FOLLOWING 150
#define N_BRAND_POSTS 320
#define N_HOME_POSTS 1350
#define N_HOME_BOOSTS 160
#define THREAD_LENGTH 32
#define MS_PER_DAY (G_GINT64_CONSTANT (86400000))
#define MS_PER_HOUR (G_GINT64_CONSTANT (3600000))

const DemoEmoji demo_world_emojis[] = {
  { "coffeebean", 0, "Coffee" },
  { "espresso", 1, "Coffee" },
  { "latteart", 2, "Coffee" },
  { "kettle", 3, "Coffee" },
  { "crane", 4, "Brand" },
  { "steam", 5, NULL },
  { "leaf", 6, "Nature" },
  { "sunrise", 7, "Nature" },
  { "blobcoffee", 8, "Blobs" },
  { "blobheart", 9, "Blobs" },
  { "mastodon", 10, NULL },
  { "fediverse", 11, NULL },
};
const guint demo_world_n_emojis = G_N_ELEMENTS (demo_world_emojis);

const DemoCard demo_world_cards[] = {
  { "https://www.coffeereview.example/2025/harvest-report", "The 2025 harvest report: what changed in Ethiopia",
    "Rains came late, prices rose and the washing stations adapted. A field report.", "Coffee Review", 3 },
  { "https://sprudge.example/brewing/pour-over-ratio", "Pour-over ratios, explained without the maths",
    "Why 1:16 is a starting point and not a rule.", "Sprudge", 5 },
  { "https://blog.joinmastodon.org/2025/10/mastodon-4.5/", "Mastodon 4.5 is out",
    "Quote posts, better moderation tools and more.", "Mastodon Blog", 10 },
  { "https://www.worldcoffeeresearch.example/climate", "Coffee and a warming climate",
    "New varieties bred for heat and drought are reaching farms.", "World Coffee Research", 6 },
  { "https://kettleandcrane.example/journal/roast-day", "Roast day at Kettle & Crane",
    "Behind the scenes of a Tuesday roast: 60 kg, three origins, one very warm room.", "Kettle & Crane", 2 },
  { "https://www.seriouseats.example/cold-brew", "The best cold brew method we tested",
    "We tried twelve methods. Immersion won.", "Serious Eats", 7 },
  { "https://fediverse.example/report/2025", "The state of the fediverse in 2025",
    "Servers, software and people: the numbers.", "Fediverse Report", 11 },
  { "https://tamper.example/reviews/hand-grinders", "Six hand grinders, one winner",
    "Burr alignment matters more than price.", "Tamper", 1 },
};
const guint demo_world_n_cards = G_N_ELEMENTS (demo_world_cards);

static const DemoTag default_tags[] = {
  { "coffee", TRUE }, { "specialtycoffee", FALSE }, { "espresso", FALSE },
  { "pourover", TRUE }, { "roasting", FALSE }, { "latteart", FALSE },
  { "sustainability", FALSE }, { "fediverse", FALSE }, { "photography", FALSE },
  { "smallbusiness", FALSE }, { "baking", FALSE }, { "mondaymotivation", FALSE },
  { "opensource", FALSE }, { "linux", FALSE }, { "gnome", FALSE },
  { "caturday", FALSE }, { "books", FALSE }, { "cycling", FALSE },
};

/* Shares of the brand's followers by server, and how each server's NodeInfo
 * behaves; the long tail is generated below. */
static const DemoDomain static_domains[] = {
  { "starling.example", "mastodon", "4.5.0", "/nodeinfo/2.0", DEMO_REACH_OK, 1240, 8, 0, NULL },
  { "threads.net", "threads", "1.0", "/nodeinfo/2.0", DEMO_REACH_FORBIDDEN, 275000000, 220, 0, NULL },
  { "mastodon.social", "mastodon", "4.5.0", "/nodeinfo/2.0", DEMO_REACH_OK, 2950000, 200, 0, NULL },
  { "fosstodon.org", "mastodon", "4.4.4", "/nodeinfo/2.0", DEMO_REACH_OK, 62000, 40, 0, NULL },
  { "hachyderm.io", "mastodon", "4.4.3", "/nodeinfo/2.0", DEMO_REACH_OK, 56000, 36, 0, NULL },
  { "mstdn.jp", "mastodon", "4.3.11", "/nodeinfo/2.0", DEMO_REACH_OK, 310000, 30, 0, NULL },
  { "mastodon.online", "mastodon", "4.5.0", "/nodeinfo/2.0", DEMO_REACH_OK, 190000, 32, 0, NULL },
  { "mas.to", "mastodon", "4.4.5", "/nodeinfo/2.0", DEMO_REACH_OK, 180000, 22, 0, NULL },
  { "mastodon.world", "mastodon", "4.4.5", "/nodeinfo/2.0", DEMO_REACH_OK, 210000, 22, 0, NULL },
  { "chaos.social", "mastodon", "4.4.4+glitch", "/nodeinfo/2.0", DEMO_REACH_OK, 17000, 12, 0, NULL },
  { "infosec.exchange", "mastodon", "4.5.0+glitch", "/nodeinfo/2.0", DEMO_REACH_OK, 68000, 14, 0, NULL },
  { "social.coop", "mastodon", "4.2.10+hometown-1.1.1", "/nodeinfo/2.0", DEMO_REACH_OK, 4100, 6, 0, NULL },
  { "mastodon.art", "mastodon", "4.3.9", "/nodeinfo/2.0", DEMO_REACH_OK, 47000, 16, 0, NULL },
  { "toot.cafe", "mastodon", "4.4.4", "/nodeinfo/2.0", DEMO_REACH_OK, 2400, 5, 0, NULL },
  { "det.social", "mastodon", "4.4.4", "/nodeinfo/2.0", DEMO_REACH_OK, 76000, 14, 0, NULL },
  { "pixelfed.social", "pixelfed", "0.12.5", "/nodeinfo/2.0", DEMO_REACH_OK, 260000, 42, 1, NULL },
  { "pixey.org", "pixelfed", "0.12.4", "/nodeinfo/2.0", DEMO_REACH_OK, 9000, 8, 1, NULL },
  { "tilvids.com", "peertube", "7.1.1", "/nodeinfo/2.0.json", DEMO_REACH_OK, 3200, 6, 0, NULL },
  { "framatube.org", "peertube", "7.0.1", "/nodeinfo/2.0.json", DEMO_REACH_OK, 1100, 3, 0, NULL },
  { "misskey.io", "misskey", "2025.4.1", "/nodeinfo/2.1", DEMO_REACH_OK, 480000, 40, 0, NULL },
  { "misskey.design", "misskey", "2025.2.0", "/nodeinfo/2.1", DEMO_REACH_OK, 19000, 6, 0, NULL },
  { "blahaj.zone", "sharkey", "2025.2.3", "/nodeinfo/2.1", DEMO_REACH_OK, 12000, 12, 2, NULL },
  { "gts.superseriousbusiness.org", "gotosocial", "0.19.1", "/nodeinfo/2.0", DEMO_REACH_OK, 40, 4, 3, NULL },
  { "goblin.camp", "gotosocial", "0.18.3", "/nodeinfo/2.0", DEMO_REACH_OK, 300, 5, 3, NULL },
  { "akko.wtf", "akkoma", "3.15.2", "/nodeinfo/2.1.json", DEMO_REACH_OK, 1800, 6, 4, NULL },
  { "fedi.absturztau.be", "akkoma", "3.13.3", "/nodeinfo/2.1.json", DEMO_REACH_OK, 900, 4, 4, NULL },
  { "stereophonic.space", "pleroma", "2.9.1", "/nodeinfo/2.1.json", DEMO_REACH_OK, 600, 4, 0, NULL },
  { "libranet.de", "friendica", "2024.12", "/nodeinfo/2.0", DEMO_REACH_OK, 10000, 8, 5, NULL },
  { "squeet.me", "friendica", "2024.08", "/nodeinfo/2.0", DEMO_REACH_OK, 1500, 3, 5, NULL },
  { "a.gup.pe", "guppe", "1.6.0", "/nodeinfo/2.0", DEMO_REACH_OK, 21000, 4, 0, NULL },
  { "botsin.space", "mastodon", "4.2.8", "/nodeinfo/2.0", DEMO_REACH_BAD_GATEWAY, 20000, 5, 0, NULL },
  { "mastodon.lol", "mastodon", "4.1.2", "/nodeinfo/2.0", DEMO_REACH_DROP, 9000, 3, 0, NULL },
  { "social.vivaldi.net", "mastodon", "4.4.2", "/nodeinfo/2.0", DEMO_REACH_NOT_FOUND, 30000, 6, 0, NULL },
};

/* Which software the long tail runs, with weights. */
static const struct {
  const char *software;
  const char *version;
  const char *path;
  guint quirk;
  guint weight;
} tail_software[] = {
  { "mastodon", "4.4.5", "/nodeinfo/2.0", 0, 10 },
  { "mastodon", "4.3.9", "/nodeinfo/2.0", 0, 5 },
  { "gotosocial", "0.19.0", "/nodeinfo/2.0", 3, 4 },
  { "akkoma", "3.14.0", "/nodeinfo/2.1.json", 4, 2 },
  { "pleroma", "2.8.0", "/nodeinfo/2.1.json", 0, 1 },
  { "sharkey", "2025.2.2", "/nodeinfo/2.1", 2, 2 },
  { "friendica", "2024.12", "/nodeinfo/2.0", 5, 1 },
  { "snac", "2.78", "/nodeinfo/2.0", 0, 1 },
};

static const char *first_names[] = {
  "ada", "alex", "amara", "ana", "arjun", "bea", "ben", "carla", "chen", "dana",
  "diego", "elif", "emma", "fatima", "felix", "finn", "greta", "hana", "ines", "ivan",
  "jamal", "jonas", "julia", "kai", "kenji", "lea", "leo", "lina", "lucas", "maya",
  "mei", "milo", "nadia", "nina", "noah", "olga", "omar", "priya", "rafael", "rosa",
  "sam", "sara", "sofia", "tariq", "theo", "una", "vera", "wren", "yusuf", "zoe",
};
static const char *last_names[] = {
  "Andersen", "Baker", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad",
  "Ito", "Jansen", "Kowalski", "Laurent", "Müller", "Nakamura", "Okafor", "Petrov",
  "Quinn", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zhou",
};
static const char *handle_suffixes[] = {
  "", "", "", "_", "brews", "codes", "draws", "photo", "bakes", "writes", "42", "2",
  "_art", "reads", "cycles", "dev",
};
static const char *tail_words[] = {
  "cosy", "social", "toot", "fedi", "mast", "kitchen", "garden", "river", "north",
  "harbor", "maple", "cedar", "pixel", "lunar", "ember", "tidal", "moss", "quiet",
};
static const char *tail_tlds[] = { ".social", ".town", ".zone", ".cafe", ".space", ".net", ".online", ".club" };

static const char *origins[] = {
  "Ethiopia Guji", "Kenya Nyeri", "Colombia Huila", "Guatemala Huehuetenango",
  "Rwanda Nyamasheke", "Peru Cajamarca", "Honduras Santa Barbara", "Brazil Mantiqueira",
  "Costa Rica Tarrazú", "Indonesia Aceh",
};
static const char *notes[] = {
  "blueberry and jasmine", "red grape and cocoa", "stone fruit and honey",
  "caramel and toasted almond", "blackcurrant and brown sugar", "milk chocolate and orange",
  "bergamot and peach", "hazelnut and molasses",
};

static const char *brand_templates[] = {
  "New on the shelf: %s, washed. Notes of %s. #coffee #specialtycoffee",
  "Roast day! Today it's %s in the drum. The whole street smells of %s. #roasting",
  "Good morning :coffeebean: What's in your cup today? We're on %s, %s.",
  "Pour-over tip: bloom for 45 seconds, then pour slowly in circles. Try it with our %s (%s). #pourover",
  "Our café opens at 8 today. Filter of the week is %s — %s. #smallbusiness",
  "Cupping table this afternoon: %s. Surprising %s on the finish. #coffee",
  "We pay our farmers above Fair Trade minimum; this year's report on %s is up: https://kettleandcrane.example/journal/transparency — tasting notes %s #sustainability",
  "Latte art practice went… fine :latteart: Milk from the farm down the road, espresso from %s, notes of %s. #latteart",
  "Weekend box is shipping: %s plus a surprise. Expect %s. :crane:",
  "Thank you for 2000 followers across the fediverse :blobheart: Coffee's on us this Saturday. (%s, %s)",
};

static const char *other_templates[] = {
  "Finally fixed the bug that has haunted me for a week. It was a missing comma. #opensource",
  "Morning ride along the river, 42 km and one flat tyre. #cycling",
  "Sourdough attempt number seven. The crumb is getting there. #baking",
  "Reading \"The Left Hand of Darkness\" again and it gets better each time. #books",
  "It's Saturday, so here is the cat. #caturday",
  "Took the old film camera out today. Developing tonight. #photography",
  "Hot take: tabs for indentation, spaces for alignment.",
  "GNOME 49 is looking really polished. Kudos to everyone involved. #gnome #linux",
  "Anyone have recommendations for a good hand grinder under 100 euros?",
  "The light this evening was unreal. Went for a walk just to see it.",
  "Just published a new post on my blog about self-hosting: https://blog.example.org/self-hosting",
  "Why does every meeting that could be an email become two meetings?",
  "Local bakery now does cardamom buns on Fridays. Dangerous knowledge. #baking",
  "The garden is finally producing tomatoes. Hundreds of them. Send recipes.",
  "My first pull request to a big project got merged today! #opensource",
  "Trying a new pour-over recipe: 15 g coffee, 250 g water, 3 minutes. #coffee #pourover",
  "Small reminder to drink some water and stretch a bit.",
  "New espresso machine day. I have no self-control. #espresso",
  "Public transport strike today, so I'm working from the kitchen table.",
  "Beautiful frost on the windows this morning.",
  "Is it just me or is everyone learning Rust this year? #linux",
  "Finished the quilt I started two winters ago.",
  "The fediverse is what Twitter felt like in 2009. #fediverse",
  "Spoiler-free review of the finale: it was worth the wait.",
  "Someone on the train was reading the same book as me and we both pretended not to notice.",
  "This crypto airdrop will make you rich, click now!!",
  "New NFT drop this Friday, only 1000 pieces.",
};

static const char *reply_templates[] = {
  "@%s this looks amazing, ordering some now!",
  "@%s what grind size do you recommend for a V60?",
  "@%s we had this at the café last week, so good :blobcoffee:",
  "@%s is the decaf version coming back?",
  "@%s love how transparent you are about sourcing.",
  "@%s ha, same here.",
  "@%s thanks for the tip!",
};

static const char *thread_lines[] = {
  "A thread about how a coffee gets from a farm in Huila to your cup. 🧵",
  "It starts with cherries. Coffee is the seed of a fruit, picked by hand when it is red and ripe.",
  "Pickers go over the same trees several times in a harvest, because cherries ripen unevenly.",
  "At the washing station the fruit is pulped, fermented and washed. That takes a day or two.",
  "Then the beans dry on raised beds for two or three weeks, turned by hand many times a day.",
  "Dry parchment coffee rests in the warehouse before it is milled, sorted and graded.",
  "Every lot is cupped: roasted lightly, ground, steeped and tasted. That is how we choose ours.",
  "Green coffee travels in GrainPro bags inside jute sacks, mostly by sea.",
  "The crossing takes four to six weeks. Containers are kept away from the engines' heat.",
  "When the coffee arrives we cup it again, because travel changes things.",
  "Then we work out a roast profile: time, temperature, airflow. Dozens of small batches.",
  "A roast takes about eleven minutes. The first crack tells us the sugars are caramelising.",
  "We cool the beans fast in the tray, then let them rest for at least three days.",
  "Resting lets carbon dioxide escape. Fresh coffee is not always the best coffee.",
  "Then bags, labels, valves. Each bag carries the farm's name and the harvest date.",
  "We ship on Mondays and Thursdays, so coffee never sits in a warehouse.",
  "About the money: the farm receives 62% more than the commodity price for this lot.",
  "We publish every contract on our site, because trust needs numbers.",
  "What does that mean for the price of a bag? About 1.40 more than a blend from a supermarket.",
  "We think it is worth it, and so do the 40 families who grow this coffee.",
  "Next question we get a lot: why light roasts?",
  "Light roasts keep more of the origin's character: fruit, flowers, acidity.",
  "Darker roasts taste more of the roast itself: chocolate, smoke, bitterness.",
  "Neither is wrong! But a light roast tells you where a coffee comes from.",
  "Brewing a light roast wants hotter water, around 94 °C, and a finer grind.",
  "For espresso we rest the beans a bit longer, two weeks or so.",
  "And store them in the bag, away from light. Not in the fridge, please.",
  "If a coffee tastes sour, grind finer. If it tastes bitter, grind coarser.",
  "That rule of thumb will fix most cups.",
  "Questions welcome! We answer every reply, even if it takes a day.",
  "Thanks for reading this far. Here is a photo of the farm at sunrise :sunrise:",
  "End of thread. Next week: water chemistry, the rabbit hole. #coffee",
  "PS: the farm visit video is up on our PeerTube channel.",
};

static const char *alt_texts[] = {
  "Freshly roasted beans cooling in a steel tray, steam rising.",
  "A barista pouring milk into a cup, forming a tulip.",
  "Burlap sacks of green coffee stacked in a warehouse.",
  "A pour-over dripper on a glass carafe by a sunny window.",
  "Coffee cherries, red and yellow, on a branch.",
  "Our shop front in the morning, chalkboard menu outside.",
  NULL,
};

static const char *languages[] = { "en", "en", "en", "en", "de", "fr", "ja", "es", "en", "nl" };

/* @template with each `%s` replaced by the next of @a and @b. */
static char *
fill_template (const char *template,
               const char *a,
               const char *b)
{
  GString *out = g_string_new (NULL);
  const char *values[] = { a, b };
  guint used = 0;

  for (const char *p = template; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 's' && used < G_N_ELEMENTS (values))
        {
          g_string_append (out, values[used++]);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gint64
random_ms (GRand  *rand,
           gint64  from,
           gint64  to)
{
  if (to <= from)
    return from;
  return from + (gint64) (g_rand_double (rand) * (double) (to - from));
}

/* How lively an hour is, 0–1, by hour of the day (UTC) and day of the week:
 * mornings and evenings, quieter at weekends. */
static double
liveliness (gint64 ms)
{
  static const double by_hour[24] = {
    0.15, 0.1, 0.08, 0.06, 0.06, 0.1, 0.25, 0.5, 0.85, 1.0, 0.8, 0.65,
    0.7, 0.6, 0.55, 0.6, 0.65, 0.75, 0.9, 0.95, 0.85, 0.6, 0.4, 0.25,
  };
  gint64 seconds = ms / 1000;
  guint hour = (guint) ((seconds / 3600) % 24);
  guint weekday = (guint) (((seconds / 86400) + 3) % 7);  /* 0 = Monday */
  double day = weekday >= 5 ? 0.7 : 1.0;

  return by_hour[hour] * day;
}

static guint
random_weighted (GRand       *rand,
                 const guint *weights,
                 guint        n)
{
  guint total = 0;
  guint pick;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  pick = g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < n; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }
  return n - 1;
}

static int
compare_status_ids (gconstpointer a,
                    gconstpointer b)
{
  const DemoStatus *sa = *(DemoStatus * const *) a;
  const DemoStatus *sb = *(DemoStatus * const *) b;

  return sa->id < sb->id ? -1 : sa->id > sb->id;
}

static int
compare_event_ids (gconstpointer a,
                   gconstpointer b)
{
  const DemoEvent *ea = *(DemoEvent * const *) a;
  const DemoEvent *eb = *(DemoEvent * const *) b;

  return ea->id < eb->id ? -1 : ea->id > eb->id;
}

static int
compare_follow_ids (gconstpointer a,
                    gconstpointer b)
{
  const DemoAccount *aa = *(DemoAccount * const *) a;
  const DemoAccount *ab = *(DemoAccount * const *) b;

  return aa->follow_id < ab->follow_id ? -1 : aa->follow_id > ab->follow_id;
}

static void
domain_free (DemoDomain *domain)
{
  g_free (domain->owned_name);
  g_free (domain);
}

static void
account_free (DemoAccount *account)
{
  g_free (account->username);
  g_free (account->display_name);
  g_free (account);
}

static void
status_free (DemoStatus *status)
{
  g_free (status->content);
  g_free (status->text);
  g_free (status->spoiler_text);
  g_free (status);
}

static void
media_free (DemoMedia *media)
{
  g_free (media->description);
  g_free (media->content_type);
  g_clear_pointer (&media->upload, g_bytes_unref);
  g_free (media);
}

static void
poll_free (DemoPoll *poll)
{
  for (guint i = 0; i < poll->n_options; i++)
    g_free (poll->options[i]);
  g_free (poll);
}

static void
list_free (DemoList *list)
{
  g_free (list->title);
  g_ptr_array_unref (list->members);
  g_free (list);
}

static void
filter_free (DemoFilter *filter)
{
  g_free (filter->title);
  g_free (filter);
}

static void
scheduled_free (DemoScheduled *scheduled)
{
  g_free (scheduled->text);
  g_free (scheduled->visibility);
  g_free (scheduled->spoiler_text);
  g_free (scheduled->idempotency);
  g_clear_pointer (&scheduled->media_ids, g_ptr_array_unref);
  g_free (scheduled);
}

static DemoAccount *
add_account (StarlingDemoWorld *world,
             const char        *username,
             const char        *display_name,
             guint              domain,
             gint64             created_ms)
{
  DemoAccount *account = g_new0 (DemoAccount, 1);
  DemoDomain *d = g_ptr_array_index (world->domains, domain);
  g_autofree char *unique = NULL;
  char *acct;

  account->username = g_strdup (username);
  account->domain = domain;
  acct = domain == 0 ? g_strdup (username) : g_strdup_printf ("%s@%s", username, d->name);
  for (guint n = 2; g_hash_table_contains (world->accounts_by_acct, acct); n++)
    {
      g_free (acct);
      g_free (account->username);
      account->username = g_strdup_printf ("%s%u", username, n);
      acct = domain == 0 ? g_strdup (account->username)
                         : g_strdup_printf ("%s@%s", account->username, d->name);
    }
  account->display_name = g_strdup (display_name);
  account->created_at = (created_ms / MS_PER_DAY) * 86400;
  account->seed = g_rand_int (world->rand);
  account->id = starling_demo_world_next_id (world, created_ms);
  g_ptr_array_add (world->accounts, account);
  g_hash_table_insert (world->accounts_by_id, &account->id, account);
  g_hash_table_insert (world->accounts_by_acct, acct, account);

  return account;
}

static DemoAccount *
add_person (StarlingDemoWorld *world,
            guint              domain,
            gint64             epoch_ms)
{
  GRand *rand = world->rand;
  const char *first = first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
  const char *last = last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))];
  const char *suffix = handle_suffixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (handle_suffixes))];
  g_autofree char *username = g_strconcat (first, suffix, NULL);
  g_autofree char *display = NULL;
  DemoAccount *account;
  gboolean emoji = g_rand_int_range (rand, 0, 25) == 0;

  display = g_strdup_printf ("%c%s %s%s", g_ascii_toupper (first[0]), first + 1, last,
                             emoji ? " :blobcoffee:" : "");
  account = add_account (world, username, display, domain,
                         random_ms (rand, epoch_ms - 6 * 365 * MS_PER_DAY, epoch_ms - 30 * MS_PER_DAY));
  if (emoji)
    account->flags |= DEMO_ACCOUNT_EMOJI_NAME;
  /* A long tail of audiences: most have tens of followers, a few thousands. */
  account->followers_count = (guint) (20.0 / (0.01 + g_rand_double (rand) * g_rand_double (rand)));
  account->following_count = g_rand_int_range (rand, 10, 900);
  account->statuses_count = g_rand_int_range (rand, 5, 12000);
  account->last_status_at = (epoch_ms - g_rand_int_range (rand, 0, 20) * MS_PER_DAY) / 1000;
  if (g_rand_int_range (rand, 0, 30) == 0)
    account->flags |= DEMO_ACCOUNT_LOCKED;

  return account;
}

static DemoStatus *
new_status (StarlingDemoWorld *world,
            DemoAccount       *account,
            const char        *text,
            gint64             ms)
{
  DemoStatus *status = g_new0 (DemoStatus, 1);

  status->id = starling_demo_world_next_id (world, ms);
  status->account = account;
  status->text = g_strdup (text);
  status->content = starling_demo_world_text_to_html (world, text);
  status->spoiler_text = g_strdup ("");
  status->language = "en";
  g_ptr_array_add (world->statuses, status);
  g_hash_table_insert (world->statuses_by_id, &status->id, status);

  return status;
}

static DemoEvent *
new_event (StarlingDemoWorld *world,
           DemoEventType      type,
           DemoAccount       *account,
           DemoStatus        *status,
           gint64             ms)
{
  DemoEvent *event = g_new0 (DemoEvent, 1);

  event->id = starling_demo_world_next_id (world, ms);
  event->type = type;
  event->account = account;
  event->status = status;
  g_ptr_array_add (world->events, event);

  return event;
}

static DemoMedia *
new_media (StarlingDemoWorld *world,
           GRand             *rand,
           gint64             ms)
{
  static const guint sizes[][2] = { { 640, 480 }, { 480, 640 }, { 640, 360 }, { 600, 600 }, { 640, 427 } };
  guint size = g_rand_int_range (rand, 0, G_N_ELEMENTS (sizes));
  DemoMedia *media = starling_demo_world_add_media (world, DEMO_MEDIA_IMAGE, sizes[size][0], sizes[size][1]);
  const char *alt = alt_texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (alt_texts))];

  media->id = starling_demo_world_next_id (world, ms);
  media->palette = g_rand_int_range (rand, 0, 16);
  media->description = g_strdup (alt);
  media->focus_x = g_rand_int_range (rand, -5, 6) / 10.0;
  media->focus_y = g_rand_int_range (rand, -5, 6) / 10.0;
  media->attached = TRUE;
  if (g_rand_int_range (rand, 0, 12) == 0)
    media->type = DEMO_MEDIA_GIFV;

  return media;
}

static DemoPoll *
new_poll (StarlingDemoWorld  *world,
          gint64              expires_ms,
          gboolean            multiple,
          const char * const *options)
{
  DemoPoll *poll = g_new0 (DemoPoll, 1);

  poll->id = g_rand_int_range (world->rand, 100000, 999999) * (guint64) 1000 + world->polls->len;
  poll->expires_at = expires_ms;
  poll->multiple = multiple;
  for (; options[poll->n_options] != NULL && poll->n_options < 4; poll->n_options++)
    poll->options[poll->n_options] = g_strdup (options[poll->n_options]);
  for (guint i = 0; i < poll->n_options; i++)
    {
      poll->votes[i] = g_rand_int_range (world->rand, 3, 120);
      poll->voters += poll->votes[i];
    }
  if (multiple)
    poll->voters = poll->voters * 3 / 4;
  g_ptr_array_add (world->polls, poll);

  return poll;
}

/* Favourites, boosts, replies and quotes of one brand post, by followers,
 * at times that follow the post with a decay over days and the rhythm of
 * the followers' days. Nothing happens after the epoch. */
static void
engage (StarlingDemoWorld *world,
        DemoStatus        *status,
        gint64             epoch_ms)
{
  GRand *rand = world->rand;
  gint64 posted = starling_demo_world_id_to_ms (status->id);
  double appeal = 0.4 + liveliness (posted) * (0.6 + g_rand_double (rand));
  guint favourites = (guint) (appeal * g_rand_int_range (rand, 8, 55));
  guint reblogs = favourites / g_rand_int_range (rand, 3, 7);
  guint replies = g_rand_int_range (rand, 0, 4);

  if (status->n_media > 0)
    favourites += favourites / 2;

  for (guint i = 0; i < favourites + reblogs + replies; i++)
    {
      DemoAccount *who = starling_demo_world_random_follower (world);
      /* Half-life of about nine hours, with a tail over days. */
      double delay_hours = -9.0 / G_LN2 * log (1.0 - g_rand_double (rand) * 0.999);
      gint64 at = posted + (gint64) (delay_hours * MS_PER_HOUR) + g_rand_int_range (rand, 0, 60000);
      DemoEventType type;

      if (at >= epoch_ms)
        continue;
      if (liveliness (at) < g_rand_double (rand) * 0.8)
        at += (gint64) g_rand_int_range (rand, 4, 10) * MS_PER_HOUR;
      if (at >= epoch_ms)
        continue;

      if (i < favourites)
        {
          type = DEMO_EVENT_FAVOURITE;
          status->favourites_count++;
        }
      else if (i < favourites + reblogs)
        {
          type = DEMO_EVENT_REBLOG;
          status->reblogs_count++;
        }
      else
        {
          g_autofree char *text = NULL;
          DemoStatus *reply;

          text = fill_template (reply_templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (reply_templates))],
                                world->brand->username, NULL);
          reply = new_status (world, who, text, at);
          reply->in_reply_to = status;
          reply->mentions_brand = TRUE;
          status->replies_count++;
          new_event (world, DEMO_EVENT_MENTION, who, reply, at);
          continue;
        }
      new_event (world, type, who, status, at);
    }
}

static void
generate_domains (StarlingDemoWorld *world)
{
  GRand *rand = world->rand;
  guint weights[G_N_ELEMENTS (tail_software)];

  for (guint i = 0; i < G_N_ELEMENTS (static_domains); i++)
    {
      DemoDomain *domain = g_new (DemoDomain, 1);

      *domain = static_domains[i];
      g_ptr_array_add (world->domains, domain);
    }

  for (guint i = 0; i < G_N_ELEMENTS (tail_software); i++)
    weights[i] = tail_software[i].weight;

  /* The long tail: small servers with one to a few followers each. */
  for (guint i = 0; i < 64; i++)
    {
      DemoDomain *domain = g_new0 (DemoDomain, 1);
      guint kind = random_weighted (rand, weights, G_N_ELEMENTS (weights));
      const char *a = tail_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (tail_words))];
      const char *b = tail_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (tail_words))];
      const char *tld = tail_tlds[g_rand_int_range (rand, 0, G_N_ELEMENTS (tail_tlds))];

      domain->owned_name = g_strdup_printf ("%s%s%s", a, b, tld);
      for (guint j = 0; j < world->domains->len; j++)
        if (g_str_equal (((DemoDomain *) g_ptr_array_index (world->domains, j))->name, domain->owned_name))
          {
            g_free (domain->owned_name);
            domain->owned_name = g_strdup_printf ("%s%s%u%s", a, b, i, tld);
            break;
          }
      domain->name = domain->owned_name;
      domain->software = tail_software[kind].software;
      domain->version = tail_software[kind].version;
      domain->nodeinfo_path = tail_software[kind].path;
      domain->quirk = tail_software[kind].quirk;
      domain->users = g_rand_int_range (rand, 1, 400);
      domain->weight = g_rand_int_range (rand, 1, 4);
      domain->reach = g_rand_int_range (rand, 0, 16) == 0 ? DEMO_REACH_BAD_GATEWAY : DEMO_REACH_OK;
      g_ptr_array_add (world->domains, domain);
    }
}

static void
generate_accounts (StarlingDemoWorld *world,
                   gint64             epoch_ms)
{
  GRand *rand = world->rand;
  g_autofree guint *weights = g_new (guint, world->domains->len);
  DemoAccount *brand;
  gint64 follow_from = epoch_ms - 700 * MS_PER_DAY;

  brand = add_account (world, "kettlecrane", "Kettle & Crane Coffee :crane:", 0,
                       epoch_ms - 900 * MS_PER_DAY);
  brand->flags |= DEMO_ACCOUNT_EMOJI_NAME;
  brand->seed = 7;
  world->brand = brand;

  weights[0] = 0;
  for (guint i = 1; i < world->domains->len; i++)
    weights[i] = ((DemoDomain *) g_ptr_array_index (world->domains, i))->weight;

  /* A few other people on the demo instance itself. */
  for (guint i = 0; i < 14; i++)
    {
      DemoAccount *account = add_person (world, 0, epoch_ms);

      account->rel |= DEMO_REL_FOLLOWED_BY;
      if (i < 10)
        account->rel |= DEMO_REL_FOLLOWING;
    }

  for (guint i = 0; i < N_FOLLOWERS; i++)
    {
      guint domain = random_weighted (rand, weights, world->domains->len);
      DemoDomain *d = g_ptr_array_index (world->domains, domain);
      DemoAccount *account = add_person (world, domain, epoch_ms);

      account->rel |= DEMO_REL_FOLLOWED_BY;
      if (g_str_equal (d->name, "botsin.space"))
        account->flags |= DEMO_ACCOUNT_BOT;
      if (g_str_equal (d->name, "a.gup.pe"))
        account->flags |= DEMO_ACCOUNT_GROUP;
    }

  /* Named bots and groups. */
  {
    static const struct { const char *user, *name, *domain; guint flags; } special[] = {
      { "coffeenews", "Coffee News Bot", "botsin.space", DEMO_ACCOUNT_BOT },
      { "espresso", "Espresso Group", "a.gup.pe", DEMO_ACCOUNT_GROUP },
      { "roasters", "Roasters Guild", "a.gup.pe", DEMO_ACCOUNT_GROUP },
      { "weatherbot", "Weather Bot", "mastodon.social", DEMO_ACCOUNT_BOT },
    };

    for (guint i = 0; i < G_N_ELEMENTS (special); i++)
      for (guint j = 0; j < world->domains->len; j++)
        if (g_str_equal (((DemoDomain *) g_ptr_array_index (world->domains, j))->name, special[i].domain))
          {
            DemoAccount *account = add_account (world, special[i].user, special[i].name, j,
                                                epoch_ms - 400 * MS_PER_DAY);

            account->flags |= special[i].flags;
            account->followers_count = g_rand_int_range (rand, 200, 5000);
            account->statuses_count = g_rand_int_range (rand, 1000, 30000);
            account->rel |= DEMO_REL_FOLLOWED_BY;
            break;
          }
  }

  /* The brand follows some of its followers back and a few others. */
  for (guint n = 0; n < N_FOLLOWING; )
    {
      DemoAccount *account;

      if (n % 3 == 2)
        account = add_person (world, random_weighted (rand, weights, world->domains->len), epoch_ms);
      else
        account = g_ptr_array_index (world->accounts, g_rand_int_range (rand, 1, world->accounts->len));
      if (account->rel & DEMO_REL_FOLLOWING)
        continue;
      account->rel |= DEMO_REL_FOLLOWING;
      n++;
    }

  /* Follow records, their times and cursors. */
  for (guint i = 1; i < world->accounts->len; i++)
    {
      DemoAccount *account = g_ptr_array_index (world->accounts, i);
      DemoDomain *d = g_ptr_array_index (world->domains, account->domain);

      if (g_str_equal (d->name, "threads.net"))
        account->statuses_count = g_rand_int_range (rand, 0, 400);
      if (account->rel & DEMO_REL_FOLLOWED_BY)
        {
          /* More follows lately: the brand is growing. */
          double r = sqrt (g_rand_double (rand));

          account->followed_at = follow_from + (gint64) (r * (double) (epoch_ms - follow_from - MS_PER_HOUR));
          account->follow_id = starling_demo_world_next_id (world, account->followed_at);
          g_ptr_array_add (world->followers, account);
        }
      if (account->rel & DEMO_REL_FOLLOWING)
        g_ptr_array_add (world->following, account);
    }
  g_ptr_array_sort (world->followers, compare_follow_ids);
  for (guint i = 0; i < world->following->len; i++)
    {
      DemoAccount *account = g_ptr_array_index (world->following, i);

      /* A follow id unrelated to the follower cursor: a second record. */
      account->follow_id = account->follow_id + 1;
      if (account->follow_id == 1)
        account->follow_id = starling_demo_world_next_id (world, random_ms (rand, follow_from, epoch_ms));
    }
  g_ptr_array_sort (world->following, compare_follow_ids);

  brand->followers_count = world->followers->len;
  brand->following_count = world->following->len;

  /* A few relationships of other kinds. */
  for (guint i = 0; i < 3; i++)
    {
      DemoAccount *account = add_person (world, random_weighted (rand, weights, world->domains->len), epoch_ms);

      account->rel |= i == 0 ? DEMO_REL_BLOCKING : DEMO_REL_MUTING;
    }
  for (guint i = 0; i < 4; i++)
    ((DemoAccount *) g_ptr_array_index (world->following, i * 7))->rel |= DEMO_REL_ENDORSED;
}

static void
generate_brand_posts (StarlingDemoWorld *world,
                      gint64             epoch_ms)
{
  GRand *rand = world->rand;
  DemoAccount *brand = world->brand;
  gint64 start = epoch_ms - WORLD_DAYS * MS_PER_DAY;
  DemoStatus *previous = NULL;
  guint pinned = 0;

  for (guint i = 0; i < N_BRAND_POSTS; i++)
    {
      const char *template = brand_templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (brand_templates))];
      const char *origin = origins[g_rand_int_range (rand, 0, G_N_ELEMENTS (origins))];
      const char *note = notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))];
      g_autofree char *text = NULL;
      gint64 day = start + (gint64) i * (WORLD_DAYS - 1) * MS_PER_DAY / N_BRAND_POSTS;
      gint64 ms = (day / MS_PER_DAY) * MS_PER_DAY
                  + (g_rand_boolean (rand) ? 7 : 14) * MS_PER_HOUR
                  + g_rand_int_range (rand, 0, 3 * 3600) * (gint64) 1000;
      DemoStatus *status;
      guint kind = g_rand_int_range (rand, 0, 100);

      text = fill_template (template, origin, note);
      status = new_status (world, brand, text, ms);
      status->application = TRUE;

      if (kind < 40)
        {
          guint n = g_rand_int_range (rand, 1, 5);

          for (guint m = 0; m < n; m++)
            status->media[status->n_media++] = new_media (world, rand, ms);
          if (kind < 3)
            status->flags |= DEMO_STATUS_SENSITIVE;
        }
      else if (kind < 55)
        status->card = &demo_world_cards[g_rand_int_range (rand, 0, demo_world_n_cards)];
      else if (kind < 59)
        {
          g_free (status->spoiler_text);
          status->spoiler_text = g_strdup ("Coffee prices, long");
          status->flags |= DEMO_STATUS_SENSITIVE;
        }
      else if (kind < 61)
        {
          static const char *options[] = { "Light roast", "Medium roast", "Dark roast", "I just want caffeine", NULL };

          status->poll = new_poll (world, ms + 3 * MS_PER_DAY, FALSE, options);
        }
      else if (kind < 66 && previous != NULL)
        {
          /* Replies to someone it follows. */
          DemoAccount *other = starling_demo_world_random_following (world);
          g_autofree char *acct = other->domain == 0 ? g_strdup (other->username)
            : g_strdup_printf ("%s@%s", other->username, starling_demo_world_domain_name (world, other));
          g_autofree char *reply = g_strdup_printf ("@%s thank you! Glad you liked the %s.", acct, origin);
          g_autofree char *theirs = g_strdup_printf ("Tried the %s from @%s this morning. %s! :coffeebean:",
                                                     origin, brand->username, note);
          DemoStatus *their = new_status (world, other, theirs, ms - 2 * MS_PER_HOUR);

          their->favourites_count = g_rand_int_range (rand, 0, 20);
          their->replies_count = 1;
          g_free (status->text);
          g_free (status->content);
          status->text = g_steal_pointer (&reply);
          status->content = starling_demo_world_text_to_html (world, status->text);
          status->in_reply_to = their;
          status->mentions_other = other;
        }
      if (g_rand_int_range (rand, 0, 40) == 0)
        {
          status->edited_at = ms + g_rand_int_range (rand, 2, 50) * 60000;
        }
      if (i % 10 == 3)
        status->language = languages[g_rand_int_range (rand, 0, G_N_ELEMENTS (languages))];
      if (i > N_BRAND_POSTS - 80 && pinned < 3 && kind < 40)
        {
          status->flags |= DEMO_STATUS_PINNED;
          pinned++;
        }
      engage (world, status, epoch_ms);
      previous = status;
    }

  /* A poll that already ended, with its result. */
  {
    static const char *options[] = { "Oat", "Whole milk", "Black, always", NULL };
    DemoStatus *status = new_status (world, brand, "Settle this for us: what goes in a flat white? #coffee",
                                     epoch_ms - 40 * MS_PER_DAY);
    status->poll = new_poll (world, epoch_ms - 39 * MS_PER_DAY, FALSE, options);
    status->poll->voted = TRUE;
    status->poll->own_votes = 1 << 2;
    engage (world, status, epoch_ms);
    new_event (world, DEMO_EVENT_POLL, brand, status, epoch_ms - 39 * MS_PER_DAY);
  }

  /* The long thread. */
  {
    gint64 ms = epoch_ms - 20 * MS_PER_DAY + 9 * MS_PER_HOUR;
    DemoStatus *parent = NULL;

    for (guint i = 0; i < THREAD_LENGTH; i++)
      {
        g_autofree char *text = g_strdup_printf ("%s (%u/%u)", thread_lines[i], i + 1, THREAD_LENGTH);
        DemoStatus *status = new_status (world, brand, text, ms + i * 90000);

        status->in_reply_to = parent;
        status->visibility = i == 0 ? DEMO_VISIBILITY_PUBLIC : DEMO_VISIBILITY_UNLISTED;
        if (i == 0)
          world->thread_root = status;
        if (i == THREAD_LENGTH - 2)
          status->media[status->n_media++] = new_media (world, rand, ms);
        if (parent != NULL)
          parent->replies_count++;
        engage (world, status, epoch_ms);
        parent = status;
      }
  }
}

static void
generate_home (StarlingDemoWorld *world,
               gint64             epoch_ms)
{
  GRand *rand = world->rand;
  gint64 start = epoch_ms - WORLD_DAYS * MS_PER_DAY;
  g_autoptr (GPtrArray) strangers_posts = g_ptr_array_new ();
  static const char *vote_options[] = { "Mornings", "Evenings", "Whenever the kettle boils", NULL };

  for (guint i = 0; i < N_HOME_POSTS; i++)
    {
      DemoAccount *author = starling_demo_world_random_following (world);
      const char *text = other_templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (other_templates))];
      gint64 ms = random_ms (rand, start, epoch_ms - 60000);
      DemoStatus *status;
      guint kind = g_rand_int_range (rand, 0, 100);

      /* Fewer posts at night. */
      if (liveliness (ms) < g_rand_double (rand) * 0.5)
        ms = random_ms (rand, start, epoch_ms - 60000);
      status = new_status (world, author, text, ms);
      status->language = languages[g_rand_int_range (rand, 0, G_N_ELEMENTS (languages))];
      status->favourites_count = (guint) (g_rand_double (rand) * g_rand_double (rand) * 80);
      status->reblogs_count = status->favourites_count / g_rand_int_range (rand, 2, 9);
      status->replies_count = g_rand_int_range (rand, 0, 5);
      author->statuses_count++;
      if (kind < 25)
        status->media[status->n_media++] = new_media (world, rand, ms);
      else if (kind < 30)
        status->card = &demo_world_cards[g_rand_int_range (rand, 0, demo_world_n_cards)];
      else if (kind < 33)
        {
          g_free (status->spoiler_text);
          status->spoiler_text = g_strdup (kind == 30 ? "Politics" : "Food, eye contact");
          status->flags |= DEMO_STATUS_SENSITIVE;
        }
      else if (kind == 33)
        status->visibility = DEMO_VISIBILITY_UNLISTED;
      else if (kind == 34)
        status->visibility = DEMO_VISIBILITY_PRIVATE;
      if (g_rand_int_range (rand, 0, 30) == 0)
        status->edited_at = ms + g_rand_int_range (rand, 1, 30) * 60000;
      if (g_rand_int_range (rand, 0, 25) == 0)
        status->flags |= DEMO_STATUS_FAVOURITED;
      if (g_rand_int_range (rand, 0, 60) == 0)
        status->flags |= DEMO_STATUS_BOOKMARKED;
      if (g_rand_int_range (rand, 0, 90) == 0)
        status->flags |= DEMO_STATUS_REBLOGGED;
    }

  /* Posts by people the brand doesn't follow, some boosted into home. */
  for (guint i = 0; i < N_HOME_BOOSTS; i++)
    {
      DemoAccount *stranger = g_ptr_array_index (world->accounts, g_rand_int_range (rand, 1, world->accounts->len));
      const char *text = other_templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (other_templates))];
      gint64 ms = random_ms (rand, start, epoch_ms - 2 * MS_PER_HOUR);
      DemoStatus *original = new_status (world, stranger, text, ms);
      DemoStatus *boost;
      DemoAccount *booster = starling_demo_world_random_following (world);

      original->favourites_count = g_rand_int_range (rand, 5, 300);
      original->reblogs_count = g_rand_int_range (rand, 1, 80);
      if (g_rand_int_range (rand, 0, 3) == 0)
        original->media[original->n_media++] = new_media (world, rand, ms);
      g_ptr_array_add (strangers_posts, original);
      if (booster == stranger)
        continue;
      boost = new_status (world, booster, "", ms + g_rand_int_range (rand, 60, 3 * 3600) * (gint64) 1000);
      g_clear_pointer (&boost->content, g_free);
      boost->content = g_strdup ("");
      boost->reblog = original;
    }

  /* A quote post by the brand of someone else's post. */
  {
    DemoStatus *quoted = g_ptr_array_index (strangers_posts, 3);
    DemoStatus *quote = new_status (world, world->brand,
                                    "This, a hundred times. Good coffee starts with fair prices. #coffee",
                                    starling_demo_world_id_to_ms (quoted->id) + 5 * MS_PER_HOUR);

    quote->quote = quoted;
    quoted->quotes_count++;
    engage (world, quote, epoch_ms);
  }

  /* Someone the brand follows asks something with an open poll. */
  {
    DemoAccount *author = g_ptr_array_index (world->following, 5);
    DemoStatus *status = new_status (world, author, "When do you drink your first coffee of the day? #coffee",
                                     epoch_ms - 5 * MS_PER_HOUR);

    status->poll = new_poll (world, epoch_ms + 2 * MS_PER_DAY, TRUE, vote_options);
    world->votable_poll = status;
  }

  /* Direct conversations. */
  for (guint i = 0; i < 4; i++)
    {
      DemoAccount *other = g_ptr_array_index (world->followers, 10 + i * 31);
      g_autofree char *acct = g_strdup_printf ("@%s Do you ship to %s? Asking for a friend.",
                                               world->brand->username, i % 2 ? "Norway" : "Canada");
      gint64 ms = epoch_ms - (i + 1) * 2 * MS_PER_DAY;
      DemoStatus *question = new_status (world, other, acct, ms);
      DemoStatus *answer;
      DemoConversation *conversation = g_new0 (DemoConversation, 1);
      g_autofree char *reply = g_strdup_printf ("@%s@%s we do! Shipping takes about a week.",
                                                other->username, starling_demo_world_domain_name (world, other));

      question->visibility = DEMO_VISIBILITY_DIRECT;
      question->mentions_brand = TRUE;
      new_event (world, DEMO_EVENT_MENTION, other, question, ms);
      answer = new_status (world, world->brand, reply, ms + 40 * 60000);
      answer->visibility = DEMO_VISIBILITY_DIRECT;
      answer->in_reply_to = question;
      answer->mentions_other = other;
      question->replies_count = 1;
      conversation->id = starling_demo_world_next_id (world, ms);
      conversation->account = other;
      conversation->last_status = i == 0 ? question : answer;
      conversation->unread = i == 0;
      g_ptr_array_add (world->conversations, conversation);
    }
}

static void
generate_rest (StarlingDemoWorld *world,
               gint64             epoch_ms)
{
  GRand *rand = world->rand;
  static const char *list_titles[] = { "Coffee people", "Suppliers", "Friends" };

  /* Follows of the brand within the window, and follow requests. */
  for (guint i = 0; i < world->followers->len; i++)
    {
      DemoAccount *account = g_ptr_array_index (world->followers, i);

      if (account->followed_at > epoch_ms - WORLD_DAYS * MS_PER_DAY)
        new_event (world, DEMO_EVENT_FOLLOW, account, NULL, account->followed_at);
    }

  /* Updates of posts the brand boosted, and quotes of the brand's posts. */
  for (guint i = 0, n = 0; i < world->statuses->len && n < 6; i++)
    {
      DemoStatus *status = g_ptr_array_index (world->statuses, i);

      if (status->account == world->brand && status->reblog == NULL && status->poll == NULL
          && status->in_reply_to == NULL && status->visibility == DEMO_VISIBILITY_PUBLIC
          && g_rand_int_range (rand, 0, 30) == 0)
        {
          DemoAccount *who = starling_demo_world_random_follower (world);
          gint64 ms = starling_demo_world_id_to_ms (status->id) + 3 * MS_PER_HOUR;
          DemoStatus *quote;

          if (ms >= epoch_ms)
            continue;
          quote = new_status (world, who, "Worth reading if you care about where your coffee comes from.", ms);
          quote->quote = status;
          status->quotes_count++;
          new_event (world, DEMO_EVENT_QUOTE, who, quote, ms);
          n++;
        }
    }
  for (guint i = 0, n = 0; i < world->statuses->len && n < 5; i++)
    {
      DemoStatus *status = g_ptr_array_index (world->statuses, i);

      if (status->account != world->brand && status->edited_at != 0 && (status->flags & DEMO_STATUS_FAVOURITED))
        {
          new_event (world, DEMO_EVENT_UPDATE, status->account, status, status->edited_at);
          n++;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (list_titles); i++)
    {
      DemoList *list = g_new0 (DemoList, 1);

      list->id = 1000 + i * 7 + (world->seed % 7);
      list->title = g_strdup (list_titles[i]);
      list->replies_policy = i == 2 ? "followed" : "list";
      list->exclusive = i == 1;
      list->members = g_ptr_array_new ();
      for (guint j = 0; j < 12; j++)
        {
          DemoAccount *member = g_ptr_array_index (world->following, (i * 13 + j * 5) % world->following->len);

          if (!g_ptr_array_find (list->members, member, NULL))
            g_ptr_array_add (list->members, member);
        }
      g_ptr_array_add (world->lists, list);
    }

  {
    DemoFilter *warn = g_new0 (DemoFilter, 1);
    DemoFilter *hide = g_new0 (DemoFilter, 1);

    warn->id = 301;
    warn->title = g_strdup ("Spoilers");
    warn->action = "warn";
    warn->keyword = "spoiler";
    warn->context[0] = "home";
    warn->context[1] = "public";
    g_ptr_array_add (world->filters, warn);

    hide->id = 302;
    hide->title = g_strdup ("Crypto spam");
    hide->action = "hide";
    hide->keyword = "crypto";
    hide->context[0] = "home";
    hide->context[1] = "notifications";
    hide->context[2] = "public";
    g_ptr_array_add (world->filters, hide);
  }

  for (guint i = 0; i < 2; i++)
    {
      DemoScheduled *scheduled = g_new0 (DemoScheduled, 1);

      scheduled->id = 500 + i;
      scheduled->scheduled_at = epoch_ms + (i + 1) * 2 * MS_PER_DAY + 9 * MS_PER_HOUR;
      scheduled->text = g_strdup (i == 0 ? "Monday means a new origin on the shelf. Stay tuned! #coffee"
                                         : "Reminder: the café is closed for the holiday on Friday.");
      scheduled->visibility = g_strdup ("public");
      scheduled->spoiler_text = NULL;
      scheduled->media_ids = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (world->scheduled, scheduled);
    }

  /* Bookmarks and favourites of the brand carry their own cursors. */
  for (guint i = 0; i < world->statuses->len; i++)
    {
      DemoStatus *status = g_ptr_array_index (world->statuses, i);

      if (status->flags & DEMO_STATUS_BOOKMARKED)
        status->bookmark_id = status->id + 7;
      if (status->flags & DEMO_STATUS_FAVOURITED)
        status->favourite_id = status->id + 5;
    }
}

/**
 * starling_demo_world_new:
 * @seed: what the world is made from
 * @epoch: the world's "now" in unix seconds; everything happened before it
 *
 * Returns: (transfer full): a new world, the same for the same @seed and @epoch
 */
StarlingDemoWorld *
starling_demo_world_new (guint32 seed,
                         gint64  epoch)
{
  StarlingDemoWorld *world = g_new0 (StarlingDemoWorld, 1);
  gint64 epoch_ms = epoch * 1000;

  world->seed = seed;
  world->generating = TRUE;
  world->epoch = epoch;
  world->rand = g_rand_new_with_seed (seed);
  world->domain = "starling.example";
  world->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) domain_free);
  world->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) account_free);
  world->accounts_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  world->accounts_by_acct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  world->statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) status_free);
  world->statuses_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  world->events = g_ptr_array_new_with_free_func (g_free);
  world->followers = g_ptr_array_new ();
  world->following = g_ptr_array_new ();
  world->media = g_ptr_array_new_with_free_func ((GDestroyNotify) media_free);
  world->polls = g_ptr_array_new_with_free_func ((GDestroyNotify) poll_free);
  world->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) list_free);
  world->filters = g_ptr_array_new_with_free_func ((GDestroyNotify) filter_free);
  world->scheduled = g_ptr_array_new_with_free_func ((GDestroyNotify) scheduled_free);
  world->conversations = g_ptr_array_new_with_free_func (g_free);
  world->n_tags = G_N_ELEMENTS (default_tags);
  world->tags = g_memdup2 (default_tags, sizeof default_tags);

  generate_domains (world);
  generate_accounts (world, epoch_ms);
  generate_brand_posts (world, epoch_ms);
  generate_home (world, epoch_ms);
  generate_rest (world, epoch_ms);

  g_ptr_array_sort (world->statuses, compare_status_ids);
  g_ptr_array_sort (world->events, compare_event_ids);

  for (guint i = 0; i < world->statuses->len; i++)
    {
      DemoStatus *status = g_ptr_array_index (world->statuses, i);

      if (status->reblog == NULL)
        status->account->last_status_at = MAX (status->account->last_status_at,
                                               starling_demo_world_id_to_ms (status->id) / 1000);
      if (status->account == world->brand)
        world->brand->statuses_count++;
    }

  world->generating = FALSE;
  world->last_id = MAX (world->last_id, (guint64) epoch_ms << 16);
  world->markers[0].last_read_id = ((DemoStatus *) g_ptr_array_index (world->statuses,
                                                                      world->statuses->len - 30))->id;
  world->markers[0].version = 412;
  world->markers[0].updated_at = epoch_ms - 2 * MS_PER_HOUR;
  world->markers[1].last_read_id = ((DemoEvent *) g_ptr_array_index (world->events,
                                                                     world->events->len - 12))->id;
  world->markers[1].version = 97;
  world->markers[1].updated_at = epoch_ms - 3 * MS_PER_HOUR;

  return world;
}

void
starling_demo_world_free (StarlingDemoWorld *world)
{
  if (world == NULL)
    return;

  g_ptr_array_unref (world->conversations);
  g_ptr_array_unref (world->scheduled);
  g_ptr_array_unref (world->filters);
  g_ptr_array_unref (world->lists);
  g_ptr_array_unref (world->polls);
  g_ptr_array_unref (world->media);
  g_ptr_array_unref (world->following);
  g_ptr_array_unref (world->followers);
  g_ptr_array_unref (world->events);
  g_hash_table_unref (world->statuses_by_id);
  g_ptr_array_unref (world->statuses);
  g_hash_table_unref (world->accounts_by_acct);
  g_hash_table_unref (world->accounts_by_id);
  g_ptr_array_unref (world->accounts);
  g_ptr_array_unref (world->domains);
  g_rand_free (world->rand);
  g_free (world->tags);
  g_free (world);
}

/* A snowflake id: the time in ms in the high bits, a sequence below. Ids
 * of the world are unique; those handed out after generation also grow. */
guint64
starling_demo_world_next_id (StarlingDemoWorld *world,
                             gint64             ms)
{
  guint64 id = ((guint64) ms << 16) | world->seq++;

  /* After generation, always newer than anything before. */
  if (!world->generating && id <= world->last_id)
    id = world->last_id + 1;
  world->last_id = MAX (world->last_id, id);

  return id;
}

gint64
starling_demo_world_id_to_ms (guint64 id)
{
  return (gint64) (id >> 16);
}

static gboolean
parse_id (const char *text,
          guint64    *out)
{
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  *out = g_ascii_strtoull (text, &end, 10);
  return end != NULL && *end == '\0';
}

DemoAccount *
starling_demo_world_find_account (StarlingDemoWorld *world,
                                  const char        *id)
{
  guint64 value;

  if (!parse_id (id, &value))
    return NULL;
  return g_hash_table_lookup (world->accounts_by_id, &value);
}

DemoStatus *
starling_demo_world_find_status (StarlingDemoWorld *world,
                                 const char        *id)
{
  guint64 value;
  DemoStatus *status;

  if (!parse_id (id, &value))
    return NULL;
  status = g_hash_table_lookup (world->statuses_by_id, &value);
  if (status != NULL && (status->flags & DEMO_STATUS_DELETED))
    return NULL;
  return status;
}

DemoMedia *
starling_demo_world_find_media (StarlingDemoWorld *world,
                                const char        *id)
{
  guint64 value;

  if (!parse_id (id, &value))
    return NULL;
  for (guint i = 0; i < world->media->len; i++)
    {
      DemoMedia *media = g_ptr_array_index (world->media, i);

      if (media->id == value)
        return media;
    }
  return NULL;
}

DemoPoll *
starling_demo_world_find_poll (StarlingDemoWorld *world,
                               const char        *id)
{
  guint64 value;

  if (!parse_id (id, &value))
    return NULL;
  for (guint i = 0; i < world->polls->len; i++)
    {
      DemoPoll *poll = g_ptr_array_index (world->polls, i);

      if (poll->id == value)
        return poll;
    }
  return NULL;
}

DemoStatus *
starling_demo_world_add_status (StarlingDemoWorld *world,
                                DemoAccount       *account,
                                const char        *text,
                                gint64             ms)
{
  DemoStatus *status = new_status (world, account, text, ms);

  /* New statuses are the newest: the array stays sorted. */
  account->statuses_count++;
  account->last_status_at = ms / 1000;
  return status;
}

DemoEvent *
starling_demo_world_add_event (StarlingDemoWorld *world,
                               DemoEventType      type,
                               DemoAccount       *account,
                               DemoStatus        *status)
{
  return new_event (world, type, account, status, g_get_real_time () / 1000);
}

DemoMedia *
starling_demo_world_add_media (StarlingDemoWorld *world,
                               DemoMediaType      type,
                               guint              width,
                               guint              height)
{
  DemoMedia *media = g_new0 (DemoMedia, 1);

  media->type = type;
  media->width = width;
  media->height = height;
  media->id = starling_demo_world_next_id (world, world->generating ? 0 : g_get_real_time () / 1000);
  g_ptr_array_add (world->media, media);
  return media;
}

const char *
starling_demo_world_domain_name (StarlingDemoWorld *world,
                                 DemoAccount       *account)
{
  return ((DemoDomain *) g_ptr_array_index (world->domains, account->domain))->name;
}

DemoDomain *
starling_demo_world_find_domain (StarlingDemoWorld *world,
                                 const char        *name)
{
  for (guint i = 0; i < world->domains->len; i++)
    {
      DemoDomain *domain = g_ptr_array_index (world->domains, i);

      if (g_ascii_strcasecmp (domain->name, name) == 0)
        return domain;
    }
  return NULL;
}

const char *
starling_demo_world_tag_name (guint index)
{
  return index < G_N_ELEMENTS (default_tags) ? default_tags[index].name : NULL;
}

guint
starling_demo_world_n_statuses (StarlingDemoWorld *world)
{
  return world->statuses->len;
}

DemoAccount *
starling_demo_world_random_following (StarlingDemoWorld *world)
{
  return g_ptr_array_index (world->following, g_rand_int_range (world->rand, 0, world->following->len));
}

DemoAccount *
starling_demo_world_random_follower (StarlingDemoWorld *world)
{
  return g_ptr_array_index (world->followers, g_rand_int_range (world->rand, 0, world->followers->len));
}

guint
starling_demo_world_count_text (StarlingDemoWorld *world,
                                const char        *text)
{
  guint count = 0;

  for (guint i = 0; i < world->statuses->len; i++)
    {
      DemoStatus *status = g_ptr_array_index (world->statuses, i);

      if (!(status->flags & DEMO_STATUS_DELETED) && status->text != NULL && strstr (status->text, text) != NULL)
        count++;
    }
  return count;
}

const char *
starling_demo_event_type_name (DemoEventType type)
{
  static const char *names[] = {
    "mention", "favourite", "reblog", "follow", "poll", "update", "quote", "status", "follow_request",
  };

  g_assert (type < DEMO_N_EVENTS);
  return names[type];
}

static void
append_escaped (GString    *html,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (html, escaped);
}

static gboolean
is_word (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_';
}

/**
 * starling_demo_world_text_to_html:
 * @world: the world, whose accounts mentions are resolved against
 * @text: what someone typed
 *
 * Formats @text as Mastodon does: paragraphs, line breaks, links with the
 * `invisible`/`ellipsis` spans, mentions as h-cards and hashtags. Custom
 * emoji stay as `:shortcode:`.
 *
 * Returns: (transfer full): sanitized HTML
 */
char *
starling_demo_world_text_to_html (StarlingDemoWorld *world,
                                  const char        *text)
{
  GString *html = g_string_new ("<p>");
  const char *p = text;

  while (*p != '\0')
    {
      if (p[0] == '\n' && p[1] == '\n')
        {
          g_string_append (html, "</p><p>");
          p += 2;
        }
      else if (*p == '\n')
        {
          g_string_append (html, "<br />");
          p++;
        }
      else if (g_str_has_prefix (p, "https://") || g_str_has_prefix (p, "http://"))
        {
          const char *end = p;
          const char *rest = strstr (p, "://") + 3;
          gsize shown;

          while (*end != '\0' && !g_ascii_isspace (*end))
            end++;
          while (end > rest && strchr (".,;:!?)", end[-1]) != NULL)
            end--;
          shown = MIN ((gsize) (end - rest), 30);
          g_string_append (html, "<a href=\"");
          append_escaped (html, p, end - p);
          g_string_append (html, "\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\"><span class=\"invisible\">");
          append_escaped (html, p, rest - p);
          g_string_append_printf (html, "</span><span class=\"%s\">", (gsize) (end - rest) > shown ? "ellipsis" : "");
          append_escaped (html, rest, shown);
          g_string_append (html, "</span><span class=\"invisible\">");
          append_escaped (html, rest + shown, end - rest - shown);
          g_string_append (html, "</span></a>");
          p = end;
        }
      else if ((*p == '@' || *p == '#') && (p == text || !is_word (g_utf8_get_char (g_utf8_prev_char (p)))))
        {
          const char *end = p + 1;
          g_autofree char *name = NULL;

          while (*end != '\0' && (is_word (g_utf8_get_char (end)) || (*p == '@' && (*end == '@' || *end == '.' || *end == '-'))))
            end = g_utf8_next_char (end);
          while (end > p + 1 && end[-1] == '.')
            end--;
          name = g_strndup (p + 1, end - p - 1);
          if (*p == '#' && end > p + 1)
            {
              g_autofree char *lower = g_utf8_strdown (name, -1);

              g_string_append_printf (html, "<a href=\"https://%s/tags/", world->domain);
              append_escaped (html, lower, -1);
              g_string_append (html, "\" class=\"mention hashtag\" rel=\"tag\">#<span>");
              append_escaped (html, name, -1);
              g_string_append (html, "</span></a>");
              p = end;
            }
          else if (*p == '@' && g_hash_table_contains (world->accounts_by_acct, name))
            {
              DemoAccount *account = g_hash_table_lookup (world->accounts_by_acct, name);
              const char *domain = starling_demo_world_domain_name (world, account);

              g_string_append_printf (html, "<span class=\"h-card\" translate=\"no\"><a href=\"https://%s/@", domain);
              append_escaped (html, account->username, -1);
              g_string_append (html, "\" class=\"u-url mention\">@<span>");
              append_escaped (html, account->username, -1);
              g_string_append (html, "</span></a></span>");
              p = end;
            }
          else
            {
              append_escaped (html, p, end - p);
              p = end;
            }
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          append_escaped (html, p, next - p);
          p = next;
        }
    }
  g_string_append (html, "</p>");

  return g_string_free (html, FALSE);
}

/* A post someone the brand follows might write. */
char *
starling_demo_world_random_text (StarlingDemoWorld *world)
{
  return g_strdup (other_templates[g_rand_int_range (world->rand, 0, G_N_ELEMENTS (other_templates))]);
}
