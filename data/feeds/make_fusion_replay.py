#!/usr/bin/env python3
"""Writes fusion_replay.csv: a labelled replay of the evening of 14 July in Marseille.

Each incident happens at a real place (jittered up to 150 m), is reported 1 to 5 times by different services
within 9 minutes and up to 130 m from where it is, with the types each service would use (a car fire is a
fire for the BMPM, a road accident for the police, an injury for the SAMU). Hard cases on purpose: incidents
of incompatible kinds at the same place and time (a fight beside a fire), and the same place again later in
the evening. The column `incident` is the ground truth. Deterministic (seeded); re-run to regenerate.
"""
import csv, math, random
from datetime import datetime, timedelta, timezone

random.seed(20260714)
PLACES = {  # lat, lon
    "Vieux-Port": (43.2951, 5.3740), "Notre-Dame de la Garde": (43.2840, 5.3712),
    "Gare Saint-Charles": (43.3027, 5.3806), "Stade Vélodrome": (43.2699, 5.3959),
    "La Joliette": (43.3046, 5.3656), "Castellane": (43.2856, 5.3835), "Plages du Prado": (43.2613, 5.3745),
    "L'Estaque": (43.3617, 5.3133), "La Timone": (43.2895, 5.4007), "Belle de Mai": (43.3117, 5.3872),
    "Noailles": (43.2966, 5.3814), "Le Panier": (43.2990, 5.3690), "Endoume": (43.2830, 5.3570),
    "Saint-Barnabé": (43.3030, 5.4180), "Château-Gombert": (43.3590, 5.4400), "Le Mucem": (43.2967, 5.3610),
    "Cours Julien": (43.2935, 5.3835), "La Plaine": (43.2937, 5.3880), "Bonneveine": (43.2500, 5.3850),
    "Les Goudes": (43.2160, 5.3480), "Saint-Antoine": (43.3720, 5.3550), "La Rose": (43.3330, 5.4290),
    "Mazargues": (43.2490, 5.4010), "Pointe Rouge": (43.2440, 5.3690), "Vallon des Auffes": (43.2850, 5.3500),
}
SCENARIOS = [  # family, the types each service reports
    ("fire", ["vehicle_fire", "vehicle_fire", "traffic_accident", "injury", "building_fire"]),
    ("fire", ["building_fire", "building_fire", "injury"]),
    ("fire", ["brush_fire", "brush_fire", "building_fire"]),
    ("traffic", ["traffic_accident", "traffic_accident", "injury"]),
    ("medical", ["cardiac_arrest", "cardiac_arrest", "injury"]),
    ("security", ["security", "security"]),
    ("crowd", ["crowd_event", "crowd_event"]),
    ("hazmat", ["hazmat", "hazmat"]),
]
COMPATIBLE = {("fire", "traffic"), ("medical", "traffic"), ("medical", "fire")}
SOURCES = ["cap/bmpm", "emsi/samu", "csv/police", "geojson/capteur", "emsi/bmpm", "csv/mairie"]
START = datetime(2026, 7, 14, 19, 0, tzinfo=timezone(timedelta(hours=2)))


def compatible(a, b):
    return a == b or (a, b) in COMPATIBLE or (b, a) in COMPATIBLE


def offset(lat, lon, metres):
    r = metres * math.sqrt(random.random())
    t = random.uniform(0, 2 * math.pi)
    return (lat + r * math.sin(t) / 111320.0, lon + r * math.cos(t) / (111320.0 * math.cos(math.radians(lat))))


def dist(a, b):
    dy = (a[0] - b[0]) * 111320.0
    dx = (a[1] - b[1]) * 111320.0 * math.cos(math.radians(a[0]))
    return math.hypot(dx, dy)


incidents = []
while len(incidents) < 70:
    name = random.choice(list(PLACES))
    family, types = random.choice(SCENARIOS)
    where = offset(*PLACES[name], 150)
    t0 = START + timedelta(minutes=random.uniform(0, 230))
    # Two incidents of compatible kinds are told apart by place or time, as a desk would: not within
    # 700 m and 35 minutes of each other. Incompatible kinds may sit side by side (the hard case).
    if any(compatible(family, f) and dist(where, w) < 700 and abs((t0 - t).total_seconds()) < 35 * 60
           for f, w, t, _ in incidents):
        continue
    incidents.append((family, where, t0, types))
    if len(incidents) % 9 == 0:  # a fight or a crowd surge right beside this one, at the same time
        other = ("security", ["security", "security"]) if family != "security" else ("crowd", ["crowd_event"])
        incidents.append((other[0], offset(*where, 80), t0 + timedelta(minutes=2), other[1]))

rows = []
for n, (family, where, t0, types) in enumerate(incidents, 1):
    count = random.choice([1, 2, 2, 3, 3, 3, 4, 5])
    for k in range(count):
        lat, lon = offset(*where, 130)
        t = t0 + timedelta(seconds=random.uniform(0, 9 * 60))
        rows.append({"report": "", "incident": f"INC-{n:03d}", "time": t.isoformat(timespec="seconds"),
                     "lat": f"{lat:.6f}", "lon": f"{lon:.6f}", "type": types[k % len(types)],
                     "source": SOURCES[(n + k) % len(SOURCES)]})
rows.sort(key=lambda r: r["time"])
for i, r in enumerate(rows, 1):
    r["report"] = f"R{i:04d}"
with open("fusion_replay.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["report", "incident", "time", "lat", "lon", "type", "source"])
    w.writeheader()
    w.writerows(rows)
print(len(incidents), "incidents,", len(rows), "reports")
