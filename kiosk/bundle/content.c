/* content.c: collections, items, home, quiz and kiosk settings, and references by id.
 *
 * Ids are registered while collections are read; everything that points at an id (related
 * items, tile targets, quiz scores, attract items) is queued as a Ref and resolved at the end,
 * so a reference may point forward, backward or into another file. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bundle/loader.h"

void add_ref(Loader *l, RefKind kind, const YFile *f, const YNode *n, void *slot, void *owner)
{
    if (l->n_refs == l->cap_refs) {
        size_t cap = l->cap_refs ? l->cap_refs * 2 : 256;
        Ref *r = realloc(l->refs, cap * sizeof *r);
        if (!r) return;
        l->refs = r;
        l->cap_refs = cap;
    }
    l->refs[l->n_refs++] = (Ref){kind, {f, n}, slot, owner};
}

static void register_id(Loader *l, const YFile *f, const YNode *n, const char *id, IdKind kind,
                        void *ptr)
{
    if (strcmp(id, "quiz") == 0 || strcmp(id, "about") == 0 || strcmp(id, "title") == 0) {
        load_error(l, f, n, "'%s' is reserved for the built-in screen; choose another id", id);
        return;
    }
    const IdEntry *old = strmap_get(&l->ids, id);
    if (old) {
        load_error(l, f, n, "the id '%s' is used twice; it was first used in %s:%d", id,
                   old->at.file->name, old->at.node->line);
        return;
    }
    IdEntry *e = arena_alloc(l->scratch, sizeof *e);
    if (!e) return;
    *e = (IdEntry){kind, ptr, {f, n}};
    strmap_put(&l->ids, id, e);
}

static bool is_mapping(Loader *l, const YFile *f, const YNode *n, const Schema *s)
{
    if (schema_check(s, n, f->name, l->diags)) return true;
    load_error(l, f, n, "expected %s here (a mapping of keys like 'id: ...'), but found %s",
               s->what, n->kind == YNODE_SEQ ? "a list" : "a single value");
    return false;
}

/* Words organisers use for a layout, in English and Dutch, beside typos of its name. */
static const char *layout_meant(const char *word)
{
    static const struct {
        const char *word, *layout;
    } meant[] = {
        {"profiles", "cards"}, {"profile", "cards"},  {"people", "cards"},  {"persons", "cards"},
        {"portraits", "cards"}, {"profielen", "cards"}, {"personen", "cards"},
        {"kaarten", "cards"},  {"tiles", "grid"},     {"gallery", "grid"},  {"icons", "grid"},
        {"tegels", "grid"},    {"raster", "grid"},    {"rows", "list"},     {"table", "list"},
        {"lines", "list"},     {"lijst", "list"},     {"regions", "map"},   {"kaart", "map"},
        {"plattegrond", "plan"}, {"floorplan", "plan"}, {"floor_plan", "plan"},
        {"grundriss", "plan"}, {"lageplan", "plan"}, {"numbers", "figures"},
        {"cijfers", "figures"}, {"stats", "figures"},  {"charts", "figures"},
        {"timetable", "schedule"}, {"programme", "schedule"}, {"program", "schedule"},
        {"programma", "schedule"}, {"rooster", "schedule"}, {"agenda", "schedule"},
        {"calendar", "schedule"},
    };
    for (size_t i = 0; i < sizeof meant / sizeof meant[0]; i++)
        if (strcasecmp(word, meant[i].word) == 0) return meant[i].layout;
    return NULL;
}

static Layout read_layout(Loader *l, const YFile *f, const YNode *n)
{
    static const char *const names[] = {"grid",    "list",     "cards", "map",
                                        "figures", "schedule", "plan"};
    enum { N_LAYOUTS = sizeof names / sizeof names[0] };
    if (!n) return LAYOUT_GRID;
    for (size_t i = 0; n->kind == YNODE_SCALAR && i < N_LAYOUTS; i++)
        if (strcmp(n->str, names[i]) == 0) return (Layout)i;
    const char *hint = n->kind == YNODE_SCALAR ? schema_suggest(n->str, names, N_LAYOUTS) : NULL;
    if (!hint && n->kind == YNODE_SCALAR) hint = layout_meant(n->str);
    load_error(l, f, n, "'layout' must be grid, list, cards, map, figures, schedule or plan%s%s%s",
               hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
    return LAYOUT_GRID;
}

static void read_categories(Loader *l, const YFile *f, const YNode *n, Collection *c)
{
    const YNode *seq = read_seq(l, f, n, 0, 64, "categories");
    if (!seq) return;
    Category *cats = arena_calloc(l->arena, seq->n ? seq->n : 1, sizeof *cats);
    if (!cats) return;
    for (size_t i = 0; i < seq->n; i++) {
        const YNode *m = seq->kids[i];
        if (!is_mapping(l, f, m, &SCHEMA_CATEGORY)) continue;
        Category *cat = &cats[c->n_categories];
        read_id(l, f, ynode_get(m, "id"), &cat->id);
        read_text(l, f, ynode_get(m, "title"), &cat->title);
        read_image(l, f, ynode_get(m, "icon"), &cat->icon);
        if (!cat->id) continue;
        for (size_t j = 0; j < c->n_categories; j++)
            if (strcmp(cats[j].id, cat->id) == 0)
                load_error(l, f, ynode_get(m, "id"), "the category '%s' is listed twice", cat->id);
        c->n_categories++;
    }
    c->categories = cats;
}

static void read_item_categories(Loader *l, const YFile *f, const YNode *n, const Collection *c,
                                 Item *it)
{
    const YNode *seq = read_seq(l, f, n, 0, 64, "category ids");
    if (!seq) return;
    int *idx = arena_calloc(l->arena, seq->n ? seq->n : 1, sizeof *idx);
    if (!idx) return;
    for (size_t i = 0; i < seq->n; i++) {
        const YNode *k = seq->kids[i];
        bool found = false;
        /* The first match only: a category listed twice (already reported) must not give
         * this item more indices than idx has room for. */
        for (size_t j = 0; !found && k->kind == YNODE_SCALAR && j < c->n_categories; j++)
            if (strcmp(c->categories[j].id, k->str) == 0) {
                idx[it->n_categories++] = (int)j;
                found = true;
            }
        if (!found) {
            const char *names[64];
            for (size_t j = 0; j < c->n_categories; j++) names[j] = c->categories[j].id;
            /* No suggestion once messages are no longer kept: aliases can repeat a list of
             * unknown names a hundred thousand times, and each suggestion costs up to
             * 64 x 64 x 64 steps. */
            const char *hint = k->kind == YNODE_SCALAR && l->diags->count < DIAG_MAX
                                   ? schema_suggest(k->str, names, c->n_categories) : NULL;
            load_error(l, f, k, "'%s' is not a category of the collection '%s'%s%s%s",
                       k->kind == YNODE_SCALAR ? k->str : "?", c->id ? c->id : "?",
                       hint ? "; did you mean '" : " (add it under the collection's "
                       "'categories')", hint ? hint : "", hint ? "'?" : "");
        }
    }
    it->categories = idx;
}

static void read_facts(Loader *l, const YFile *f, const YNode *n, Item *it)
{
    const YNode *seq = read_seq(l, f, n, 0, 32, "facts");
    if (!seq) return;
    Fact *facts = arena_calloc(l->arena, seq->n ? seq->n : 1, sizeof *facts);
    for (size_t i = 0; facts && i < seq->n; i++) {
        const YNode *m = seq->kids[i];
        if (!is_mapping(l, f, m, &SCHEMA_FACT)) continue;
        read_text(l, f, ynode_get(m, "label"), &facts[it->n_facts].label);
        read_text(l, f, ynode_get(m, "value"), &facts[it->n_facts].value);
        it->n_facts++;
    }
    it->facts = facts;
}

static void read_links(Loader *l, const YFile *f, const YNode *n, Item *it)
{
    const YNode *seq = read_seq(l, f, n, 0, 8, "links");
    if (!seq) return;
    Link *links = arena_calloc(l->arena, seq->n ? seq->n : 1, sizeof *links);
    for (size_t i = 0; links && i < seq->n; i++) {
        const YNode *m = seq->kids[i];
        if (!is_mapping(l, f, m, &SCHEMA_LINK)) continue;
        read_url(l, f, ynode_get(m, "url"), &links[it->n_links].url);
        read_text(l, f, ynode_get(m, "caption"), &links[it->n_links].caption);
        it->n_links++;
    }
    it->links = links;
}

static void read_item_sources(Loader *l, const YFile *f, const YNode *n, Item *it)
{
    const YNode *seq = read_seq(l, f, n, 0, 8, "sources");
    if (!seq) return;
    Source *src = arena_calloc(l->arena, seq->n ? seq->n : 1, sizeof *src);
    for (size_t i = 0; src && i < seq->n; i++) {
        const YNode *m = seq->kids[i];
        if (!is_mapping(l, f, m, &SCHEMA_SOURCE)) continue;
        read_text(l, f, ynode_get(m, "title"), &src[it->n_sources].title);
        read_url(l, f, ynode_get(m, "url"), &src[it->n_sources].url);
        it->n_sources++;
    }
    it->sources = src;
}

static void read_strings(Loader *l, const YFile *f, const YNode *n, Item *it)
{
    const YNode *seq = read_seq(l, f, n, 0, 64, "tags");
    if (!seq) return;
    const char **tags = arena_calloc(l->arena, seq->n ? seq->n : 1, sizeof *tags);
    for (size_t i = 0; tags && i < seq->n; i++)
        if (read_string(l, f, seq->kids[i], &tags[it->n_tags])) it->n_tags++;
    it->tags = tags;
}

static void read_item(Loader *l, const YFile *f, const YNode *m, Collection *c, Item *it)
{
    it->collection = c;
    read_id(l, f, ynode_get(m, "id"), &it->id);
    if (it->id) register_id(l, f, ynode_get(m, "id"), it->id, ID_ITEM, it);
    else it->id = "";
    read_text(l, f, ynode_get(m, "title"), &it->title);
    read_text(l, f, ynode_get(m, "short_title"), &it->short_title);
    read_text(l, f, ynode_get(m, "subtitle"), &it->subtitle);
    read_body(l, f, ynode_get(m, "body"), it->body);
    read_image(l, f, ynode_get(m, "image"), &it->image);
    read_image_fit(l, f, m, it);
    read_video(l, f, ynode_get(m, "video"), it);
    read_item_categories(l, f, ynode_get(m, "categories"), c, it);
    read_strings(l, f, ynode_get(m, "tags"), it);
    read_facts(l, f, ynode_get(m, "facts"), it);
    read_links(l, f, ynode_get(m, "links"), it);
    read_item_sources(l, f, ynode_get(m, "sources"), it);
    read_color(l, f, ynode_get(m, "color"), &it->color, &it->has_color);
    const YNode *figure = ynode_get(m, "figure");
    read_figure(l, f, figure, it);
    read_series(l, f, ynode_get(m, "series"), it);
    if (c->layout == LAYOUT_FIGURES && !figure)
        load_error(l, f, m, "an item in a 'figures' collection needs a 'figure' (the number "
                   "to show, with its year)");
    const YNode *when = ynode_get(m, "when");
    read_when(l, f, when, it);
    read_text(l, f, ynode_get(m, "where"), &it->where);
    read_table(l, f, ynode_get(m, "table"), it);
    if (c->layout == LAYOUT_SCHEDULE && !when)
        load_error(l, f, m, "an item in a 'schedule' collection needs 'when' (its date or days, "
                   "from and to)");
    const YNode *shape = ynode_get(m, "shape");
    if (c->layout != LAYOUT_PLAN || c->plan) /* else no size to place it in (said once) */
        read_shape(l, f, shape, c, &it->shape, &it->n_shape);
    if (c->layout == LAYOUT_MAP && !shape)
        load_error(l, f, m, "an item on a map needs a 'shape' (the area to tap)");
    read_pin(l, f, ynode_get(m, "pin"), c, it);
    if (c->layout == LAYOUT_PLAN && !shape && !ynode_get(m, "pin"))
        load_error(l, f, m, "a place on a plan needs a 'pin: \"x,y\"' (a point) or a 'shape' "
                   "(an area), in the coordinates of the plan's picture");
    const YNode *rel = read_seq(l, f, ynode_get(m, "related"), 0, 32, "related item ids");
    if (rel) {
        const Item **slots = arena_calloc(l->arena, rel->n ? rel->n : 1, sizeof *slots);
        for (size_t i = 0; slots && i < rel->n; i++)
            add_ref(l, REF_RELATED, f, rel->kids[i], &slots[i], it);
        it->related = slots;
        it->n_related = rel->n;
    }
    read_gallery(l, f, ynode_get(m, "gallery"), it);
}

static void read_map_size(Loader *l, const YFile *f, const YNode *m, Collection *c)
{
    const YNode *n = ynode_get(m, "map_size");
    if (c->layout != LAYOUT_MAP) {
        if (n) load_error(l, f, n, "'map_size' is only used with 'layout: map'");
        return;
    }
    if (!n) {
        load_error(l, f, m, "a collection with 'layout: map' needs 'map_size: [width, height]'");
        return;
    }
    int w = 0, h = 0;
    if (n->kind != YNODE_SEQ || n->n != 2) {
        load_error(l, f, n, "'map_size' must be two numbers: [width, height]");
        return;
    }
    if (read_int(l, f, n->kids[0], 1, 100000, &w) && read_int(l, f, n->kids[1], 1, 100000, &h)) {
        c->map_w = (float)w;
        c->map_h = (float)h;
    }
}

void content_collections(Loader *l)
{
    Bundle *b = l->b;
    Collection *cols = arena_calloc(l->arena, l->n_collections ? l->n_collections : 1,
                                    sizeof *cols);
    if (!cols) return;
    for (size_t i = 0; i < l->n_collections; i++) {
        const YFile *f = l->collections[i].file;
        const YNode *m = l->collections[i].node;
        if (!is_mapping(l, f, m, &SCHEMA_COLLECTION)) continue;
        Collection *c = &cols[b->n_collections];
        c->index = b->n_collections;
        read_id(l, f, ynode_get(m, "id"), &c->id);
        if (c->id) register_id(l, f, ynode_get(m, "id"), c->id, ID_COLLECTION, c);
        else c->id = "";
        read_text(l, f, ynode_get(m, "title"), &c->title);
        read_text(l, f, ynode_get(m, "intro"), &c->intro);
        read_image(l, f, ynode_get(m, "icon"), &c->icon);
        c->layout = read_layout(l, f, ynode_get(m, "layout"));
        read_map_size(l, f, m, c);
        read_plan(l, f, m, c);
        read_categories(l, f, ynode_get(m, "categories"), c);
        const YNode *items = read_seq(l, f, ynode_get(m, "items"), 1, SIZE_MAX, "items");
        b->n_collections++;
        if (!items || l->too_many_items) continue;
        size_t n = items->n;
        if (c->layout == LAYOUT_FIGURES && n > BUNDLE_MAX_FIGURES)
            load_error(l, f, items->kids[BUNDLE_MAX_FIGURES], "a 'figures' collection shows at "
                       "most %d figures; put the others in another collection", BUNDLE_MAX_FIGURES);
        if (c->layout == LAYOUT_PLAN && n > BUNDLE_MAX_PLACES)
            load_error(l, f, items->kids[BUNDLE_MAX_PLACES], "a plan shows at most %d places; "
                       "split it into more plans (a floor each, say)", BUNDLE_MAX_PLACES);
        if (l->n_items + n > BUNDLE_MAX_ITEMS) {
            const YNode *at = items->kids[BUNDLE_MAX_ITEMS - l->n_items];
            load_error(l, f, at, "the bundle has more than %d items; split it into more "
                       "bundles", BUNDLE_MAX_ITEMS);
            l->too_many_items = true;
            continue;
        }
        Item *its = arena_calloc(l->arena, n, sizeof *its);
        if (!its) continue;
        for (size_t j = 0; j < n; j++) {
            const YNode *im = items->kids[j];
            if (!is_mapping(l, f, im, &SCHEMA_ITEM)) continue;
            its[c->n_items].index = c->n_items;
            read_item(l, f, im, c, &its[c->n_items]);
            c->n_items++;
        }
        c->items = its;
        l->n_items += c->n_items;
        if (c->layout == LAYOUT_MAP || c->layout == LAYOUT_PLAN) map_label_points(c);
    }
    b->collections = cols;
    b->n_items = l->n_items;
    if (b->n_collections == 0)
        diag_add(l->diags, DIAG_ERROR, l->collections ? l->collections[0].file->name : b->dir,
                 0, 0, "the bundle has no collections; add at least one under 'collections'");
}

void content_kiosk(Loader *l)
{
    KioskSettings *k = &l->b->kiosk;
    *k = (KioskSettings){.idle_timeout_s = 60, .attract_delay_s = 30, .attract_slide_s = 8};
    const YFile *f = l->kiosk.file;
    const YNode *m = l->kiosk.node;
    if (!m || !is_mapping(l, f, m, &SCHEMA_KIOSK)) return;
    read_int(l, f, ynode_get(m, "idle_timeout"), 10, 3600, &k->idle_timeout_s);
    read_int(l, f, ynode_get(m, "attract_delay"), 0, 3600, &k->attract_delay_s);
    read_int(l, f, ynode_get(m, "attract_slide"), 2, 120, &k->attract_slide_s);
    /* 'attract_items' is the first version's name, from when every slide was an item. */
    const YNode *given = ynode_get(m, "attract_slides"), *old = ynode_get(m, "attract_items");
    if (given && old)
        load_error(l, f, old, "give either 'attract_slides' or 'attract_items' (its older name), "
                              "not both");
    const YNode *seq = read_seq(l, f, given ? given : old, 1, 200,
                                "slides: item ids and the words title and quiz");
    if (!seq) return;
    AttractSlide *slides = arena_calloc(l->arena, seq->n, sizeof *slides);
    for (size_t i = 0; slides && i < seq->n; i++) {
        const YNode *n = seq->kids[i];
        bool word = n->kind == YNODE_SCALAR && n->str;
        if (word && strcmp(n->str, "title") == 0) {
            slides[i].kind = SLIDE_TITLE;
        } else if (word && strcmp(n->str, "quiz") == 0) {
            slides[i].kind = SLIDE_QUIZ;
            if (!l->quiz.node) load_error(l, f, n, "the quiz slide needs a quiz in the bundle");
        } else {
            slides[i].kind = SLIDE_ITEM;
            add_ref(l, REF_ATTRACT, f, n, &slides[i].item, NULL);
        }
    }
    k->attract_slides = slides;
    k->n_attract_slides = seq->n;
}

/* Characters, not bytes: a Ukrainian word is as long as an English one on screen. */
static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void read_answer(Loader *l, const YFile *f, const YNode *m, Answer *a)
{
    read_text(l, f, ynode_get(m, "text"), &a->text);
    const YNode *why = ynode_get(m, "why");
    if (read_text(l, f, why, &a->why))
        for (size_t i = 0; i < BUNDLE_MAX_LANGS; i++)
            if (a->why.s[i] && utf8_chars(a->why.s[i]) > QUIZ_WHY_MAX) {
                /* Three of them share one line on the result, beside the others' words. */
                load_warning(l, f, why, "'why' \"%s\" is long for the result's \"you chose\" "
                             "line; keep it to 1-3 words (%d characters at most)", a->why.s[i],
                             QUIZ_WHY_MAX);
                break;
            }
    const YNode *s = ynode_get(m, "scores");
    if (!s) return;
    if (s->kind != YNODE_MAP || s->n == 0) {
        load_error(l, f, s, "'scores' must be a mapping of item ids to points, like "
                   "'{career-welder: 2}'");
        return;
    }
    Score *scores = arena_calloc(l->arena, s->n / 2, sizeof *scores);
    for (size_t i = 0; scores && i + 1 < s->n; i += 2) {
        Score *sc = &scores[a->n_scores];
        if (!read_int(l, f, s->kids[i + 1], -100, 100, &sc->points)) continue;
        add_ref(l, REF_SCORE, f, s->kids[i], &sc->item, NULL);
        a->n_scores++;
    }
    a->scores = scores;
}

void content_quiz(Loader *l)
{
    const YFile *f = l->quiz.file;
    const YNode *m = l->quiz.node;
    if (!m || !is_mapping(l, f, m, &SCHEMA_QUIZ)) return;
    Quiz *q = arena_alloc(l->arena, sizeof *q);
    if (!q) return;
    q->result_count = 3;
    read_text(l, f, ynode_get(m, "title"), &q->title);
    read_text(l, f, ynode_get(m, "intro"), &q->intro);
    read_image(l, f, ynode_get(m, "icon"), &q->icon);
    const YNode *r = ynode_get(m, "result");
    if (r && is_mapping(l, f, r, &SCHEMA_RESULT)) {
        read_text(l, f, ynode_get(r, "title"), &q->result_title);
        read_text(l, f, ynode_get(r, "text"), &q->result_text);
        read_int(l, f, ynode_get(r, "count"), 1, 5, &q->result_count);
    }
    const YNode *qs = read_seq(l, f, ynode_get(m, "questions"), 1, 50, "questions");
    Question *questions = qs ? arena_calloc(l->arena, qs->n, sizeof *questions) : NULL;
    for (size_t i = 0; questions && i < qs->n; i++) {
        const YNode *qm = qs->kids[i];
        if (!is_mapping(l, f, qm, &SCHEMA_QUESTION)) continue;
        Question *qq = &questions[q->n_questions++];
        read_text(l, f, ynode_get(qm, "text"), &qq->text);
        const YNode *as = read_seq(l, f, ynode_get(qm, "answers"), 2, 4, "answers");
        Answer *answers = as ? arena_calloc(l->arena, as->n, sizeof *answers) : NULL;
        for (size_t j = 0; answers && j < as->n; j++) {
            const YNode *am = as->kids[j];
            if (!is_mapping(l, f, am, &SCHEMA_ANSWER)) continue;
            read_answer(l, f, am, &answers[qq->n_answers++]);
        }
        qq->answers = answers;
    }
    q->questions = questions;
    l->b->quiz = q;
}

void content_home(Loader *l)
{
    Bundle *b = l->b;
    const YFile *f = l->home.file;
    const YNode *m = l->home.node;
    if (!m) {
        diag_add(l->diags, DIAG_ERROR, b->dir, 0, 0, "the bundle has no 'home' section; add "
                 "one with the tiles of the home screen");
        return;
    }
    if (!is_mapping(l, f, m, &SCHEMA_HOME)) return;
    b->home_title = b->title;
    read_text(l, f, ynode_get(m, "title"), &b->home_title);
    read_text(l, f, ynode_get(m, "subtitle"), &b->home_subtitle);
    const YNode *seq = read_seq(l, f, ynode_get(m, "tiles"), 1, 8, "tiles");
    if (!seq) return;
    Tile *tiles = arena_calloc(l->arena, seq->n, sizeof *tiles);
    for (size_t i = 0; tiles && i < seq->n; i++) {
        const YNode *tm = seq->kids[i];
        if (!is_mapping(l, f, tm, &SCHEMA_TILE)) continue;
        Tile *t = &tiles[b->n_tiles++];
        read_text(l, f, ynode_get(tm, "title"), &t->title);
        read_text(l, f, ynode_get(tm, "short_title"), &t->short_title);
        read_text(l, f, ynode_get(tm, "subtitle"), &t->subtitle);
        read_image(l, f, ynode_get(tm, "image"), &t->image);
        read_color(l, f, ynode_get(tm, "color"), &t->color, &t->has_color);
        const YNode *target = ynode_get(tm, "target");
        if (target) add_ref(l, REF_TARGET, f, target, NULL, t);
    }
    b->tiles = tiles;
}

/* A suggestion compares the id with every id of the bundle (up to BUNDLE_MAX_ITEMS, at up to
 * 64 x 64 steps each), so only the first few dangling references get one: 330 items related to
 * the same 32 missing ids (a 35 KB bundle.yaml, with an alias) took 4 s to check. */
enum { DANGLING_HINTS_MAX = 20 };

static void dangling(Loader *l, const Ref *r, const char *what, size_t *hints)
{
    const YNode *n = r->at.node;
    if (l->diags->count >= DIAG_MAX) { /* no suggestions once messages are no longer kept */
        load_error(l, r->at.file, n, "dangling reference");
        return;
    }
    const char **names = NULL;
    const char *hint = NULL;
    if (*hints < DANGLING_HINTS_MAX) {
        ++*hints;
        names = malloc(l->ids.n * sizeof *names);
        size_t k = 0;
        for (size_t i = 0; names && i < l->ids.cap; i++)
            if (l->ids.keys[i]) names[k++] = l->ids.keys[i];
        hint = names ? schema_suggest(n->str, names, k) : NULL;
    }
    load_error(l, r->at.file, n, "%s '%s' does not exist%s%s%s", what, n->str,
               hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
    free(names);
}

static void resolve_target(Loader *l, const Ref *r, const IdEntry *e, size_t *hints)
{
    Tile *t = r->owner;
    const Bundle *b = l->b;
    const char *id = r->at.node->str;
    if (strcmp(id, "about") == 0) {
        t->kind = TARGET_ABOUT;
        if (!text_present(&t->title)) t->title = b->title;
    } else if (strcmp(id, "quiz") == 0) {
        if (!b->quiz) {
            load_error(l, r->at.file, r->at.node, "this tile leads to the quiz, but the bundle "
                       "has no 'quiz' section");
            return;
        }
        t->kind = TARGET_QUIZ;
        if (!text_present(&t->title)) t->title = b->quiz->title;
        if (!t->image) t->image = b->quiz->icon;
    } else if (!e) {
        dangling(l, r, "the tile target", hints);
    } else if (e->kind == ID_COLLECTION) {
        const Collection *c = e->ptr;
        t->kind = TARGET_COLLECTION;
        t->collection = c;
        if (!text_present(&t->title)) t->title = c->title;
        if (!t->image) t->image = c->icon;
    } else {
        const Item *it = e->ptr;
        t->kind = TARGET_ITEM;
        t->item = it;
        if (!text_present(&t->title)) t->title = it->title;
        if (!text_present(&t->short_title)) t->short_title = it->short_title;
        if (!text_present(&t->subtitle)) t->subtitle = it->subtitle;
        if (!t->image) t->image = it->image;
    }
}

void content_resolve(Loader *l)
{
    size_t hints = 0; /* dangling references given a suggestion so far */
    for (size_t i = 0; i < l->n_refs; i++) {
        const Ref *r = &l->refs[i];
        const YNode *n = r->at.node;
        if (n->kind != YNODE_SCALAR) {
            load_error(l, r->at.file, n, "expected an id here, but found a %s",
                       n->kind == YNODE_SEQ ? "list" : "mapping");
            continue;
        }
        const IdEntry *e = strmap_get(&l->ids, n->str);
        switch (r->kind) {
        case REF_TARGET:
            resolve_target(l, r, e, &hints);
            break;
        case REF_RELATED:
        case REF_SCORE:
        case REF_ATTRACT:
            if (!e) {
                dangling(l, r, r->kind == REF_RELATED ? "the related item"
                               : r->kind == REF_SCORE ? "the scored item"
                                                      : "the attract item",
                         &hints);
            } else if (e->kind != ID_ITEM) {
                load_error(l, r->at.file, n, "'%s' is a collection; only items can be used here",
                           n->str);
            } else if (r->kind == REF_RELATED && e->ptr == r->owner) {
                load_error(l, r->at.file, n, "an item cannot be related to itself");
            } else {
                *(const Item **)r->slot = e->ptr;
            }
            break;
        }
    }
}
