#!/usr/bin/env python3
"""Generates the map shapes of the five Techniekpact landsdelen (content/techniekpact/regions.yaml).

Every border is written once, as a polyline of (longitude, latitude) points taken from places
along it (Den Helder, IJmuiden, Hoek van Holland, Vlissingen, Cadzand, Putte, Baarle, Vaals,
Venlo, Nijmegen, Winterswijk, Enschede, Coevorden, Ter Apel, Delfzijl, Lauwersoog, Harlingen,
Den Oever, Lelystad ...), generalised to a few kilometres. A landsdeel's outline is a chain of
those polylines (some walked backwards), so neighbours share exactly the same border points: no
gap and no overlap between them. Points are projected equirectangularly, longitudes scaled by
cos(52.2 deg), into the 1000 x 1200 space of the collection's map_size.

The landsdelen follow ../../shared/FACTS.md (the pact's regional steering groups): Noord
(Groningen, Fryslan, Drenthe), Oost (Gelderland, Overijssel), Noordwest (Noord-Holland, Utrecht,
Flevoland), Zuidwest (Zuid-Holland, Zeeland, West-Brabant) and Zuidoost (Limburg and Midden-,
Noordoost- and Zuidoost-Brabant). West-Brabant is taken as the Regio West-Brabant: west of a line
from the Bergsche Maas near Heusden past Geertruidenberg, east of Oosterhout and Breda, to the
Belgian border east of Baarle, with the Land van Altena north of the Bergsche Maas.

Each landsdeel is drawn as its provinces (Noord-Brabant as West-Brabant and the rest), so the
province borders show inside it, and Noord-Brabant's split between Zuidwest and Zuidoost is
visible as a province cut in two.

Simplifications: the IJsselmeer and Markermeer are one bay (the Houtribdijk is not drawn; the
Afsluitdijk is a thin part of Noordwest, though its eastern half is Fryslan's); the randmeren, rivers and the Veerse Meer are too narrow to show and count as land;
Walcheren, Noord- and Zuid-Beveland and Tholen join the Brabant mainland; Schouwen-Duiveland,
Goeree-Overflakkee, Zeeuws-Vlaanderen and the Wadden islands are separate parts.

Usage:  python3 content/tools/regions_map.py            # print the shapes
        python3 content/tools/regions_map.py --write    # replace them in regions.yaml, and
                                                        # redraw images/regions/*.svg
"""
import math
import os
import re
import sys

LON0, LAT0 = 3.30, 53.62  # top left of the map space
SCALE = 1000 / ((7.30 - LON0) * math.cos(math.radians(52.2)))  # map units per degree latitude
KX = SCALE * math.cos(math.radians(52.2))

# ---- junctions where three landsdelen (or two and the sea or a border) meet -----------------
A = (4.49, 52.30)   # coast between Zandvoort (Noord-Holland) and Noordwijk (Zuid-Holland)
T1 = (5.06, 51.86)  # Zuid-Holland, Utrecht (Vijfheerenlanden) and Gelderland near Leerdam
T2 = (5.12, 51.75)  # Altena, Heusden and the Bommelerwaard on the Maas
T3 = (5.83, 52.79)  # Fryslan, Overijssel and the Noordoostpolder near Kuinre
LEM = (5.71, 52.84)  # Lemmer on the IJsselmeer
KWZ = (5.34, 53.07)  # Kornwerderzand, the Frisian end of the Afsluitdijk
DO = (5.04, 52.93)   # Den Oever, the Noord-Holland end
B = (6.73, 52.63)   # Drenthe, Overijssel and Germany near Coevorden
C = (5.99, 51.73)   # Gelderland, Limburg and Germany near Mook and Groesbeek
D = (5.01, 51.46)   # West- and Midden-Brabant on the Belgian border east of Baarle

# Where province borders inside a landsdeel meet a coast or another border.
FL_NH = (5.10, 52.355)     # the IJmeer between Muiden and Almere
THOLEN_S = (4.225, 51.495)  # the Eendracht's south end, between Bergen op Zoom and Tholen
THOLEN_N = (4.25, 51.645)   # its north end, between Sint Philipsland and Steenbergen
MOERDIJK = (4.625, 51.715)  # the Hollands Diep at the Moerdijk bridges
FGD = (6.30, 53.09)        # Fryslan, Groningen and Drenthe near Haulerwijk and Marum
NUT = (5.29, 52.30)        # Noord-Holland, Utrecht and Flevoland in the Gooimeer and Eemmeer

# ---- seams between landsdelen --------------------------------------------------------------
NW_ZW = [A, (4.56, 52.27), (4.63, 52.22), (4.72, 52.20), (4.80, 52.19), (4.80, 52.12),
         (4.82, 52.06), (4.88, 52.00), (4.93, 51.96), (4.97, 51.92), (4.99, 51.87), T1]
NW_OOST = [T3, (5.90, 52.74), (5.92, 52.68), (5.86, 52.62), (5.80, 52.59), (5.83, 52.55),
           (5.78, 52.47), (5.70, 52.41), (5.62, 52.36), (5.52, 52.31), (5.45, 52.27),
           (5.47, 52.20), (5.47, 52.13), (5.52, 52.07), (5.60, 52.02), (5.62, 51.96),
           (5.45, 51.96), (5.34, 51.97), (5.24, 51.96), (5.17, 51.96), (5.16, 51.93),
           (5.12, 51.89), T1]
ZW_OOST = [T1, (5.01, 51.83), (5.06, 51.79), T2]
OOST_ZO = [T2, (5.22, 51.75), (5.30, 51.76), (5.43, 51.80), (5.56, 51.82), (5.66, 51.80),
           (5.74, 51.77), (5.86, 51.75), C]
ZW_ZO = [T2, (5.04, 51.72), (4.96, 51.70), (4.93, 51.68), (4.91, 51.63), (4.88, 51.56),
         (4.93, 51.51), (4.99, 51.49), D]
NOORD_NW = [LEM, (5.77, 52.82), T3]
NOORD_OOST = [T3, (5.92, 52.81), (6.00, 52.83), (6.12, 52.84), (6.18, 52.79), (6.16, 52.73),
              (6.18, 52.67), (6.30, 52.66), (6.40, 52.64), (6.52, 52.64), (6.62, 52.64), B]

# ---- coasts and national borders -----------------------------------------------------------
# Noord-Holland's North Sea and Wadden coast, Zandvoort to Den Oever.
COAST_NH = [A, (4.53, 52.37), (4.58, 52.46), (4.60, 52.53), (4.62, 52.62), (4.65, 52.73),
            (4.68, 52.82), (4.72, 52.92), (4.76, 52.965), (4.84, 52.93), (4.90, 52.90),
            (4.97, 52.95), DO]
# The IJsselmeer and Markermeer shore of Noord-Holland and Flevoland, Den Oever to Lemmer.
SHORE_NW = [DO, (5.08, 52.86), (5.11, 52.77), (5.20, 52.74), (5.29, 52.70), (5.15, 52.66),
            (5.06, 52.64), (5.08, 52.57), (5.07, 52.50), (5.03, 52.45), (4.99, 52.39),
            (5.07, 52.35), FL_NH, (5.13, 52.36), (5.17, 52.40), (5.30, 52.46), (5.42, 52.52),
            (5.52, 52.58), (5.63, 52.60), (5.71, 52.61), (5.62, 52.64), (5.60, 52.68),
            (5.62, 52.75), (5.66, 52.81), LEM]
# The Frisian IJsselmeer shore, Lemmer to Kornwerderzand.
SHORE_NOORD = [LEM, (5.60, 52.85), (5.50, 52.86), (5.40, 52.87), (5.36, 52.89), (5.40, 52.94),
               (5.42, 52.99), (5.40, 53.05), KWZ]
# Wadden coast of Fryslan and Groningen, and the Dollard, Kornwerderzand to Nieuwe Statenzijl.
COAST_NOORD = [KWZ, (5.41, 53.17), (5.48, 53.26), (5.62, 53.32), (5.76, 53.36), (5.90, 53.39),
               (6.08, 53.40), (6.21, 53.41), (6.35, 53.40), (6.48, 53.43), (6.62, 53.43),
               (6.75, 53.46), (6.85, 53.45), (6.93, 53.40), (6.93, 53.33), (7.04, 53.30),
               (7.08, 53.25), (7.15, 53.24), (7.21, 53.23)]
GERMANY_NOORD = [(7.21, 53.23), (7.21, 53.17), (7.20, 53.10), (7.19, 53.01), (7.10, 52.92),
                 (7.07, 52.85), (7.05, 52.76), (7.03, 52.67), (6.92, 52.64), (6.80, 52.65), B]
GERMANY_OOST = [B, (6.73, 52.56), (6.70, 52.49), (6.82, 52.46), (6.96, 52.44), (7.06, 52.39),
                (7.03, 52.30), (7.01, 52.24), (6.96, 52.18), (6.86, 52.13), (6.77, 52.11),
                (6.72, 52.07), (6.83, 52.00), (6.76, 51.93), (6.64, 51.90), (6.48, 51.84),
                (6.38, 51.84), (6.25, 51.86), (6.14, 51.84), (6.05, 51.85), (6.00, 51.82),
                (6.04, 51.77), C]
GERMANY_ZO = [C, (6.04, 51.69), (6.10, 51.60), (6.14, 51.55), (6.21, 51.48), (6.22, 51.40),
              (6.20, 51.35), (6.13, 51.30), (6.10, 51.25), (6.10, 51.18), (6.09, 51.13),
              (6.02, 51.11), (5.95, 51.08), (5.88, 51.06), (5.87, 51.03), (5.91, 51.00),
              (5.97, 50.97), (6.01, 50.95), (6.05, 50.91), (6.08, 50.87), (6.03, 50.82), (6.03, 50.77),
              (6.02, 50.754)]
# The Belgian border from Vaals round Limburg's tail and south of Eindhoven to Baarle.
BELGIUM_ZO = [(6.02, 50.754), (5.94, 50.76), (5.86, 50.76), (5.78, 50.76), (5.71, 50.76),
              (5.68, 50.79), (5.64, 50.82), (5.64, 50.85), (5.70, 50.89), (5.74, 50.94),
              (5.76, 50.99), (5.77, 51.05), (5.80, 51.10), (5.84, 51.16), (5.78, 51.19),
              (5.71, 51.22), (5.63, 51.23), (5.57, 51.26), (5.50, 51.29), (5.45, 51.26),
              (5.40, 51.27), (5.32, 51.27), (5.24, 51.31), (5.18, 51.35), (5.12, 51.42),
              (5.07, 51.46), D]
# The Belgian border west of Baarle to the Schelde, then the Westerschelde's north shore and
# round Walcheren, the Oosterschelde, Tholen, the Volkerak and the Hollands Diep to Voorne and
# the coast of Zuid-Holland.
BELGIUM_ZW = [D, (4.93, 51.43), (4.84, 51.45), (4.75, 51.43), (4.66, 51.43), (4.55, 51.44),
              (4.48, 51.47), (4.44, 51.42), (4.40, 51.37), (4.29, 51.37)]
COAST_ZW = [(4.29, 51.37), (4.21, 51.40), (4.08, 51.40), (3.99, 51.44), (3.91, 51.41),
            (3.82, 51.39), (3.73, 51.42), (3.62, 51.44), (3.56, 51.45), (3.49, 51.49),
            (3.44, 51.53), (3.50, 51.57), (3.60, 51.59), (3.72, 51.59), (3.85, 51.61),
            (3.89, 51.56), (3.99, 51.52), (4.06, 51.49), (4.13, 51.46), (4.20, 51.45),
            (4.25, 51.48), THOLEN_S, (4.20, 51.51), (4.10, 51.54), (4.02, 51.58), (4.10, 51.62),
            (4.20, 51.64), THOLEN_N, (4.31, 51.65), (4.40, 51.67), (4.47, 51.69), (4.62, 51.69),
            MOERDIJK, (4.63, 51.74), (4.54, 51.74), (4.43, 51.72), (4.30, 51.77), (4.18, 51.81),
            (4.09, 51.85), (4.03, 51.90), (4.00, 51.96), (4.12, 51.99), (4.20, 52.05),
            (4.27, 52.11), (4.34, 52.16), (4.40, 52.21), (4.45, 52.26), A]

# ---- province borders inside a landsdeel -------------------------------------------------
FR_GR = [(6.21, 53.41), (6.22, 53.35), (6.25, 53.28), (6.27, 53.20), (6.26, 53.14), FGD]
GR_DR = [FGD, (6.40, 53.13), (6.50, 53.15), (6.60, 53.15), (6.70, 53.12), (6.80, 53.05),
         (6.95, 52.95), (7.07, 52.85)]
FR_DR = [FGD, (6.37, 52.96), (6.33, 52.90), (6.20, 52.87), (6.12, 52.84)]
GLD_OV = [(5.83, 52.55), (5.95, 52.50), (6.07, 52.47), (6.10, 52.38), (6.12, 52.30),
          (6.16, 52.24), (6.25, 52.21), (6.40, 52.22), (6.50, 52.17), (6.62, 52.15),
          (6.70, 52.12), (6.77, 52.11)]
NH_U = [(4.80, 52.19), (4.88, 52.23), (5.00, 52.26), (5.08, 52.24), (5.17, 52.20),
        (5.25, 52.24), NUT]
NH_FL = [FL_NH, (5.20, 52.32), NUT]
U_FL = [NUT, (5.38, 52.28), (5.45, 52.27)]
ZH_NB = [MOERDIJK, (4.70, 51.73), (4.80, 51.77), (4.88, 51.81), (4.97, 51.83), (5.01, 51.83)]
ZL_NB_KREEKRAK = [(4.29, 51.37), (4.27, 51.41), (4.20, 51.45)]
ZL_NB_EENDRACHT = [THOLEN_S, (4.23, 51.52), (4.24, 51.57), THOLEN_N]
LB_NB = [(5.63, 51.23), (5.68, 51.29), (5.80, 51.34), (5.87, 51.40), (5.95, 51.45),
         (5.98, 51.52), (5.95, 51.60), (5.97, 51.66), (5.93, 51.71), (5.86, 51.75)]

# ---- islands (each its own part) -----------------------------------------------------------
ZEEUWS_VLAANDEREN = [(3.37, 51.37), (3.42, 51.39), (3.55, 51.41), (3.68, 51.39),
                     (3.83, 51.35), (3.95, 51.36), (4.04, 51.37), (4.13, 51.36),
                     (4.23, 51.35), (4.20, 51.30), (4.10, 51.27), (4.02, 51.25),
                     (3.92, 51.21), (3.80, 51.20), (3.70, 51.24), (3.60, 51.27),
                     (3.51, 51.24), (3.43, 51.25), (3.38, 51.29), (3.38, 51.33)]
SCHOUWEN = [(3.69, 51.67), (3.72, 51.72), (3.80, 51.75), (3.90, 51.74), (4.00, 51.71),
            (4.10, 51.68), (4.08, 51.65), (3.98, 51.64), (3.90, 51.63), (3.80, 51.64)]
GOEREE = [(3.84, 51.80), (3.90, 51.84), (4.02, 51.83), (4.12, 51.79), (4.20, 51.76),
          (4.30, 51.72), (4.42, 51.70), (4.38, 51.68), (4.28, 51.67), (4.18, 51.68),
          (4.05, 51.71), (3.93, 51.75), (3.86, 51.77)]
TEXEL = [(4.72, 53.00), (4.78, 53.07), (4.85, 53.14), (4.88, 53.18), (4.92, 53.16),
         (4.90, 53.08), (4.86, 53.01), (4.79, 52.99)]
VLIELAND = [(4.93, 53.25), (5.05, 53.30), (5.10, 53.30), (5.08, 53.27), (4.98, 53.24)]
TERSCHELLING = [(5.18, 53.36), (5.35, 53.41), (5.55, 53.45), (5.58, 53.43), (5.40, 53.38),
                (5.22, 53.34)]
AMELAND = [(5.62, 53.45), (5.75, 53.47), (5.90, 53.47), (5.92, 53.45), (5.75, 53.43)]
# The Afsluitdijk, drawn wider than it is (about 1.5 km instead of 90 m) so that it shows.
AFSLUITDIJK = [(5.06, 52.945), (5.328, 53.073), (5.336, 53.061), (5.068, 52.933)]
SCHIERMONNIKOOG = [(6.10, 53.48), (6.20, 53.50), (6.32, 53.50), (6.30, 53.47), (6.15, 53.46)]


def chain(*lines):
    """Joins polylines end to start into one ring (the last point is not repeated)."""
    ring = []
    for line in lines:
        if ring:
            assert ring[-1] == line[0], (ring[-1], line[0])
            line = line[1:]
        ring.extend(line)
    assert ring[0] == ring[-1], (ring[0], ring[-1])
    return ring[:-1]


def rev(line):
    return list(reversed(line))


def seg(line, a, b):
    """The part of polyline `line` from point a to point b, walked backwards when b comes first."""
    i, j = line.index(a), line.index(b)
    return line[i:j + 1] if i <= j else list(reversed(line[j:i + 1]))


# Each landsdeel is made of its provinces (West-Brabant and the rest of Noord-Brabant count as
# two), so the province borders show inside it, and of its islands.
GRONINGEN = chain(seg(COAST_NOORD, (6.21, 53.41), (7.21, 53.23)),
                  seg(GERMANY_NOORD, (7.21, 53.23), (7.07, 52.85)), rev(GR_DR), rev(FR_GR))
DRENTHE = chain(GR_DR, seg(GERMANY_NOORD, (7.07, 52.85), B), seg(NOORD_OOST, B, (6.12, 52.84)),
                rev(FR_DR))
FRYSLAN = chain(SHORE_NOORD, seg(COAST_NOORD, KWZ, (6.21, 53.41)), FR_GR, FR_DR,
                seg(NOORD_OOST, (6.12, 52.84), T3), rev(NOORD_NW))
OVERIJSSEL = chain(NOORD_OOST, seg(GERMANY_OOST, B, (6.77, 52.11)), rev(GLD_OV),
                   seg(NW_OOST, (5.83, 52.55), T3))
GELDERLAND = chain(GLD_OV, seg(GERMANY_OOST, (6.77, 52.11), C), rev(OOST_ZO), rev(ZW_OOST),
                   seg(NW_OOST, T1, (5.83, 52.55)))
NOORD_HOLLAND = chain(COAST_NH, seg(SHORE_NW, DO, FL_NH), NH_FL, rev(NH_U),
                      seg(NW_ZW, (4.80, 52.19), A))
FLEVOLAND = chain(seg(SHORE_NW, FL_NH, LEM), NOORD_NW, seg(NW_OOST, T3, (5.45, 52.27)),
                  rev(U_FL), rev(NH_FL))
UTRECHT = chain(NH_U, U_FL, seg(NW_OOST, (5.45, 52.27), T1), seg(NW_ZW, T1, (4.80, 52.19)))
ZUID_HOLLAND = chain(NW_ZW, seg(ZW_OOST, T1, (5.01, 51.83)), rev(ZH_NB),
                     seg(COAST_ZW, MOERDIJK, A))
WALCHEREN_BEVELAND = chain(seg(COAST_ZW, (4.29, 51.37), (4.20, 51.45)), rev(ZL_NB_KREEKRAK))
THOLEN = chain(seg(COAST_ZW, THOLEN_S, THOLEN_N), rev(ZL_NB_EENDRACHT))
WEST_BRABANT = chain(ZL_NB_KREEKRAK, seg(COAST_ZW, (4.20, 51.45), THOLEN_S), ZL_NB_EENDRACHT,
                     seg(COAST_ZW, THOLEN_N, MOERDIJK), ZH_NB, seg(ZW_OOST, (5.01, 51.83), T2),
                     ZW_ZO, BELGIUM_ZW)
OOST_BRABANT = chain(seg(OOST_ZO, T2, (5.86, 51.75)), rev(LB_NB),
                     seg(BELGIUM_ZO, (5.63, 51.23), D), rev(ZW_ZO))
LIMBURG = chain(seg(OOST_ZO, (5.86, 51.75), C), GERMANY_ZO,
                seg(BELGIUM_ZO, GERMANY_ZO[-1], (5.63, 51.23)), LB_NB)

REGIONS = {
    "noord": [FRYSLAN, GRONINGEN, DRENTHE, VLIELAND, TERSCHELLING, AMELAND, SCHIERMONNIKOOG],
    "oost": [GELDERLAND, OVERIJSSEL],
    "noordwest": [NOORD_HOLLAND, FLEVOLAND, UTRECHT, TEXEL, AFSLUITDIJK],
    "zuidwest": [ZUID_HOLLAND, WEST_BRABANT, WALCHEREN_BEVELAND, THOLEN, ZEEUWS_VLAANDEREN,
                 SCHOUWEN, GOEREE],
    "zuidoost": [OOST_BRABANT, LIMBURG],
}


def project(p):
    lon, lat = p
    return (round((lon - LON0) * KX, 1), round((LAT0 - lat) * SCALE, 1))


def shape_text(part):
    return " ".join("%g,%g" % project(p) for p in part)


def yaml_shape(parts, indent):
    pad = " " * indent
    if len(parts) == 1:
        return pad + 'shape: "%s"\n' % shape_text(parts[0])
    lines = [pad + "shape:\n"]
    for part in parts:
        lines.append(pad + '  - "%s"\n' % shape_text(part))
    return "".join(lines)


def write(path):
    """Replaces each item's shape (one line, or a list of quoted lines) in regions.yaml."""
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    out, current, i = [], None, 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"\s+- id: (\S+)", line)
        if m:
            current = m.group(1)
        m = re.match(r"(\s+)shape:", line)
        if m and current in REGIONS:
            out.append(yaml_shape(REGIONS[current], len(m.group(1))))
            i += 1
            while i < len(lines) and re.match(r"\s+- \"", lines[i]):
                i += 1
            continue
        out.append(line)
        i += 1
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(out)


def colours(path):
    """Each region's `color` from regions.yaml."""
    out, current = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s+- id: (\S+)", line)
            if m:
                current = m.group(1)
            m = re.match(r'\s+color: "(#[0-9A-Fa-f]{6})"', line)
            if m and current in REGIONS:
                out[current] = m.group(1)
    return out


def write_svgs(folder, fills):
    """images/regions/ID.svg: the whole country light, region ID in its colour. The kiosk draws
    its maps from the shapes themselves; these pictures are for other items about a region
    (projects.yaml), so that they show the very same outlines."""
    size, pad = 128, 6
    xs = [project(p)[0] for parts in REGIONS.values() for part in parts for p in part]
    ys = [project(p)[1] for parts in REGIONS.values() for part in parts for p in part]
    s = (size - 2 * pad) / max(max(xs) - min(xs), max(ys) - min(ys))
    ox = (size - (max(xs) - min(xs)) * s) / 2 - min(xs) * s
    oy = (size - (max(ys) - min(ys)) * s) / 2 - min(ys) * s
    for rid in REGIONS:
        lines = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" '
                 'height="%d">' % (size, size, size, size)]
        for other, parts in REGIONS.items():
            fill = fills.get(rid, "#30638E") if other == rid else "#D5DBE3"
            for part in parts:
                pts = " ".join("%.1f,%.1f" % (ox + x * s, oy + y * s)
                               for x, y in (project(p) for p in part))
                lines.append('<polygon points="%s" fill="%s" stroke="#FFFFFF" stroke-width="0.8" '
                             'stroke-linejoin="round"/>' % (pts, fill))
        lines.append("</svg>")
        with open(os.path.join(folder, rid + ".svg"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    if "--write" in sys.argv:
        bundle = os.path.join(here, "..", "techniekpact")
        write(os.path.join(bundle, "regions.yaml"))
        write_svgs(os.path.join(bundle, "images", "regions"), colours(os.path.join(bundle, "regions.yaml")))
    for rid, parts in REGIONS.items():
        print("%s: %d points in %d part(s)" % (rid, sum(len(p) for p in parts), len(parts)),
              file=sys.stderr)
        if "--write" not in sys.argv:
            print(rid)
            print(yaml_shape(parts, 2), end="")


if __name__ == "__main__":
    main()
