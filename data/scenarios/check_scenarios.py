#!/usr/bin/env python3
"""Checks exercise scenarios (MSEL, format vigie-scenario version 1) and prints a summary.

    python3 data/scenarios/check_scenarios.py [FILE.yaml ...]

Without arguments, checks every *.yaml next to this script. For each file it checks the required keys, the
ids (unique), the T+ times (format, order of the timed injects, within the duration), the contingency
references, that every content is exercise traffic (CAP <status>, EMSI CONTEXT/MODE, EDXL-DE
distributionStatus, Hub Santé status), that XML contents are well-formed and JSON contents valid, the NMEA
checksums, the entry drafts (kinds, required fields, unit statuses, incident types, agencies, units and
hospitals of data/marseille/), that every expected action is done in time by a scripted response matching
its `match`, and the counts asked of a scenario (timed injects, actions, contingencies, duration).

Each problem is printed as `file:line: field: message`. Exit status 0 when every file passes, 1 otherwise.
Needs python3 and python3-yaml only.
"""
import datetime as dt
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
MARSEILLE = os.path.join(HERE, '..', 'marseille')

# What a scenario must have to be used for training (asked of the three Marseille scenarios).
MIN_TIMED_INJECTS = 60
MIN_ACTIONS = 15
MIN_CONTINGENCIES = 5
MIN_DURATION_S = 2 * 3600

AGENCIES = {'fire', 'samu', 'police', 'officials'}
RECIPIENT_AGENCIES = AGENCIES | {'municipal_police', 'all'}
CHANNELS = {'phone', 'radio', 'mail', 'cap', 'emsi', 'edxl-have', 'nmea', 'hubsante', 'geojson'}
FORMATS = {'text', 'cap', 'emsi', 'edxl-have', 'nmea', 'hubsante', 'geojson'}
UNIT_STATUSES = {'available', 'en_route', 'on_scene', 'returning', 'unavailable'}
# core/feeds/taxonomy.cpp (families) and data/feeds/taxonomy.md
# Kept in step with core/feeds/taxonomy.cpp (its families table).
INCIDENT_TYPES = {'building_fire', 'brush_fire', 'vehicle_fire', 'cardiac_arrest', 'illness', 'injury', 'childbirth', 'water_rescue', 'traffic_accident', 'hazmat', 'gas_leak', 'weather', 'flood', 'earthquake', 'crowd_event', 'crowd_crush', 'security', 'public_order', 'suspect_package', 'infrastructure', 'other', 'drowning', 'assault'}
ZONE_KINDS = {'perimeter', 'exclusion', 'staging', 'event'}
ED_STATUSES = {'open', 'saturated', 'closed'}
MATCH_KEYS = {'kind', 'agency', 'author', 'text', 'unit', 'incident'}
TOP_KEYS = {'format', 'version', 'id', 'title', 'description', 'start', 'duration', 'objectives', 'initial',
            'injects', 'responses'}
INJECT_KEYS = {'id', 'at', 'contingency', 'from', 'to', 'channel', 'format', 'position', 'content', 'expect'}
ACTION_KEYS = {'id', 'text', 'match', 'within', 'contingency'}
EXERCISE_STATUSES = {'exercise', 'test'}

T_RE = re.compile(r'^T\+(\d{2,}):([0-5]\d):([0-5]\d)$')
D_RE = re.compile(r'^(\d{2,}):([0-5]\d):([0-5]\d)$')
ID_RE = re.compile(r'^[a-z0-9-]+$')
KIND_RE = re.compile(r'^[a-z]+(\.[a-z_]+)*$')
PLACEHOLDER_RE = re.compile(r'\$\{([^}]*)\}')
PLACEHOLDER_OK = re.compile(r'^T([+-]\d{2,}:[0-5]\d:[0-5]\d)?$')
ISO_RE = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$')
PHONE_RE = re.compile(r'(?<![\d.])(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)')
EMAIL_RE = re.compile(r'[\w.+-]+@[\w-]+\.[\w.-]+')
PLATE_RE = re.compile(r'\b[A-Z]{2}-\d{3}-[A-Z]{2}\b')


# ---------------------------------------------------------------- YAML with line numbers
class LineDict(dict):
    line = 0

    def at(self, key):
        """The line of `key` in the file, else the mapping's."""
        return getattr(self, 'key_lines', {}).get(key, self.line)


class LineList(list):
    line = 0


class Loader(yaml.SafeLoader):
    pass


# Timestamps stay text (as yaml-cpp gives them): `start` is checked as written.
Loader.yaml_implicit_resolvers = {
    k: [(tag, regexp) for tag, regexp in v if tag != 'tag:yaml.org,2002:timestamp']
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _map(loader, node):
    d = LineDict()
    d.line = node.start_mark.line + 1
    d.key_lines = {}
    loader.flatten_mapping(node)
    for k, v in node.value:
        key = loader.construct_object(k, deep=True)
        if key in d:
            raise yaml.constructor.ConstructorError(None, None, f'duplicate key {key!r}', k.start_mark)
        d[key] = loader.construct_object(v, deep=True)
        if isinstance(key, str):
            # a block scalar's text starts on the line after its key
            d.key_lines[key] = v.start_mark.line + (2 if getattr(v, 'style', None) in ('|', '>') else 1)
    return d


def _seq(loader, node):
    lst = LineList(loader.construct_object(c, deep=True) for c in node.value)
    lst.line = node.start_mark.line + 1
    return lst


Loader.add_constructor('tag:yaml.org,2002:map', _map)
Loader.add_constructor('tag:yaml.org,2002:seq', _seq)


def line_of(obj, default):
    return getattr(obj, 'line', 0) or default


# ---------------------------------------------------------------- reference data
def load_reference():
    ref = {'units': {}, 'hospitals': set(), 'places': set()}
    try:
        for u in json.load(open(os.path.join(MARSEILLE, 'fleet.json'), encoding='utf-8')):
            ref['units'][u['id']] = u
        for name in ('hospitals', 'fire_stations', 'police_stations', 'venues', 'town_halls'):
            path = os.path.join(MARSEILLE, name + '.geojson')
            for f in json.load(open(path, encoding='utf-8'))['features']:
                ref['places'].add(f['properties']['id'])
                if name == 'hospitals':
                    ref['hospitals'].add(f['properties']['id'])
    except OSError as e:
        print(f'warning: reference data not read ({e}); unit and hospital ids are not checked')
        return None
    return ref


# ---------------------------------------------------------------- helpers
def parse_t(text):
    m = T_RE.match(text) if isinstance(text, str) else None
    return None if not m else int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3])


def parse_d(text):
    m = D_RE.match(text) if isinstance(text, str) else None
    return None if not m else int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3])


def fmt_t(s):
    return 'T+%02d:%02d:%02d' % (s // 3600, s % 3600 // 60, s % 60)


def expand(content, at_dt):
    """${T}, ${T+hh:mm:ss}, ${T-hh:mm:ss} → ISO 8601 with the scenario's offset."""
    def repl(m):
        inner = m[1]
        t = at_dt
        if len(inner) > 1:
            sign = 1 if inner[1] == '+' else -1
            h, mi, s = inner[2:].split(':')
            t = at_dt + sign * dt.timedelta(hours=int(h), minutes=int(mi), seconds=int(s))
        return t.isoformat()
    return PLACEHOLDER_RE.sub(repl, content)


def local(tag):
    return tag.rsplit('}', 1)[-1]


def find(elem, path):
    """First element along a path of local names (namespaces ignored)."""
    cur = [elem]
    for part in path.split('/'):
        nxt = [c for e in cur for c in e if local(c.tag) == part]
        if not nxt:
            return None
        cur = nxt
    return cur[0]


def text_at(elem, path):
    e = find(elem, path)
    return (e.text or '').strip() if e is not None else ''


def nmea_checksum_ok(line):
    if '*' not in line:
        return False
    body, _, given = line[1:].rpartition('*')
    s = 0
    for c in body.encode('ascii', 'replace'):
        s ^= c
    return given[:2].upper() == '%02X' % s


# ---------------------------------------------------------------- the checker
class Checker:
    def __init__(self, path, ref):
        self.path, self.ref = path, ref
        self.name = os.path.relpath(path)
        self.problems = []
        self.warnings = []

    def err(self, line, field, msg):
        self.problems.append(f'{self.name}:{line}: {field}: {msg}')

    def warn(self, line, field, msg):
        self.warnings.append(f'{self.name}:{line}: {field}: {msg}')

    # -------------------------------------------------------- entry drafts
    def check_entry(self, e, line, field, require_time=False):
        if not isinstance(e, dict):
            return self.err(line, field, 'an entry draft must be a mapping')
        line = line_of(e, line)
        for k in ('kind', 'author'):
            if not isinstance(e.get(k), str) or not e.get(k).strip():
                self.err(line, f'{field}.{k}', 'required (non-empty string)')
        kind = e.get('kind', '')
        if isinstance(kind, str) and kind and not KIND_RE.match(kind):
            self.err(line, f'{field}.kind', f'"{kind}" is not lower-case words joined by dots')
        if isinstance(kind, str) and kind.startswith('exercise.'):
            self.err(line, f'{field}.kind', 'exercise.* entries are written by the player, not by a scenario')
        if 'agency' in e and e['agency'] not in AGENCIES:
            self.err(line, f'{field}.agency', f'"{e["agency"]}" is not one of {sorted(AGENCIES)}')
        if require_time and 'time' not in e:
            self.err(line, f'{field}.time', 'required')
        if 'time' in e and not (isinstance(e['time'], str) and ISO_RE.match(e['time'])):
            self.err(line, f'{field}.time', 'not an ISO 8601 time with an offset')
        data = e.get('data', {})
        if not isinstance(data, dict):
            return self.err(line, f'{field}.data', 'must be a mapping')
        geo = e.get('geo')
        gtype = None
        if geo is not None:
            gtype = self.check_geo(geo, line, f'{field}.geo')

        def need(k):
            v = data.get(k)
            if not isinstance(v, str) or not v.strip():
                self.err(line, f'{field}.data.{k}', f'{kind}: required (non-empty string)')
                return None
            return v

        if kind in ('note', 'decision'):
            need('text')
        elif kind == 'unit.status':
            u = need('unit')
            if data.get('status') not in UNIT_STATUSES:
                self.err(line, f'{field}.data.status',
                         f'"{data.get("status")}" is not one of {sorted(UNIT_STATUSES)}')
            self.check_unit(u, e, line, field)
        elif kind == 'unit.position':
            u = need('unit')
            if gtype != 'Point':
                self.err(line, f'{field}.geo', 'unit.position: a geo Point is required')
            self.check_unit(u, e, line, field)
        elif kind in ('incident.open', 'incident.update', 'incident.close'):
            need('incident')
            sev = data.get('severity')
            if sev is not None and (not isinstance(sev, int) or isinstance(sev, bool) or not 1 <= sev <= 5):
                self.err(line, f'{field}.data.severity', 'must be a number from 1 to 5')
            t = data.get('type')
            if t is not None and t not in INCIDENT_TYPES:
                self.err(line, f'{field}.data.type', f'"{t}" is not a type of the taxonomy {sorted(INCIDENT_TYPES)}')
            c = data.get('casualties')
            if c is not None:
                if not isinstance(c, dict):
                    self.err(line, f'{field}.data.casualties', 'must be a mapping {red, yellow, green, black}')
                else:
                    for k, v in c.items():
                        if k not in ('red', 'yellow', 'green', 'black'):
                            self.err(line, f'{field}.data.casualties.{k}', 'not a triage colour')
                        elif not isinstance(v, int) or v < 0:
                            self.err(line, f'{field}.data.casualties.{k}', 'must be a count >= 0')
            st = data.get('status')
            if st is not None and kind != 'incident.close' and st not in ('open', 'contained'):
                self.err(line, f'{field}.data.status', 'must be open or contained')
        elif kind == 'zone.draw':
            need('zone')
            if not data.get('removed') and gtype != 'Polygon':
                self.err(line, f'{field}.geo', 'zone.draw: a geo Polygon is required')
            if 'kind' in data and data['kind'] not in ZONE_KINDS:
                self.err(line, f'{field}.data.kind', f'"{data["kind"]}" is not one of {sorted(ZONE_KINDS)}')
        elif kind == 'hospital.status':
            h = need('hospital')
            if h and self.ref and h not in self.ref['hospitals']:
                self.err(line, f'{field}.data.hospital', f'"{h}" is not an id of data/marseille/hospitals.geojson')
            if 'ed_status' in data and data['ed_status'] not in ED_STATUSES:
                self.err(line, f'{field}.data.ed_status', f'"{data["ed_status"]}" is not one of {sorted(ED_STATUSES)}')
            if 'name' in data:
                self.warn(line, f'{field}.data.name', 'is scrubbed as a person\'s name: name hospitals by their id')
        for k in ('name', 'nom', 'caller', 'patient', 'victim', 'victime'):
            if k in data and kind != 'hospital.status':
                self.warn(line, f'{field}.data.{k}', 'a field named like a person is scrubbed by the room')
        self.check_private(json.dumps(data, ensure_ascii=False), line, f'{field}.data')

    def check_unit(self, u, e, line, field):
        if not u or not self.ref:
            return
        unit = self.ref['units'].get(u)
        if unit is None:
            self.err(line, f'{field}.data.unit', f'"{u}" is not a unit of data/marseille/fleet.json')
        elif e.get('agency') and e['agency'] != unit['agency']:
            self.err(line, f'{field}.agency', f'"{e["agency"]}" but {u} belongs to {unit["agency"]}')

    def check_geo(self, geo, line, field):
        if not isinstance(geo, dict) or geo.get('type') not in ('Point', 'Polygon', 'LineString'):
            self.err(line, field, 'must be a GeoJSON Point, Polygon or LineString')
            return None
        c = geo.get('coordinates')
        t = geo['type']
        pts = [c] if t == 'Point' else (c or []) if t == 'LineString' else (c[0] if c else [])
        for p in pts:
            if not self.lonlat(p):
                self.err(line, f'{field}.coordinates', f'{p!r} is not [lon, lat] in WGS84')
                break
        if t == 'Polygon' and pts and (len(pts) < 4 or pts[0] != pts[-1]):
            self.err(line, f'{field}.coordinates', 'a polygon ring needs at least 4 points, the last equal to the first')
        return t

    @staticmethod
    def lonlat(p):
        return (isinstance(p, list) and len(p) == 2 and all(isinstance(x, (int, float)) for x in p)
                and -180 <= p[0] <= 180 and -90 <= p[1] <= 90)

    def check_private(self, text, line, field):
        for rx, what in ((PHONE_RE, 'a phone number'), (EMAIL_RE, 'an e-mail address'),
                         (PLATE_RE, 'a number plate')):
            m = rx.search(text)
            if m:
                self.err(line, field, f'holds {what} ("{m[0]}"): scenarios hold no personal data')

    # -------------------------------------------------------- contents
    def check_content(self, inj, line, field, at_dt):
        fmt, content = inj.get('format'), inj.get('content')
        if not isinstance(content, str) or not content.strip():
            return self.err(line, f'{field}.content', 'required (non-empty text)')
        for m in PLACEHOLDER_RE.finditer(content):
            if not PLACEHOLDER_OK.match(m[1]):
                self.err(line, f'{field}.content', f'placeholder "${{{m[1]}}}" is not ${{T}}, ${{T+hh:mm:ss}} or ${{T-hh:mm:ss}}')
        m = re.search(r'\bactual\b', content, re.I)
        if m and fmt != 'text':
            self.err(line + content.count('\n', 0, m.start()), f'{field}.content',
                     'says "Actual": a scenario carries exercise traffic only')
        self.check_private(content, line, f'{field}.content')
        body = expand(content, at_dt)
        if fmt in ('cap', 'emsi', 'edxl-have'):
            try:
                root = ET.fromstring(body.encode('utf-8'))
            except ET.ParseError as e:
                return self.err(line + e.position[0] - 1, f'{field}.content', f'XML not well-formed: {e}')
            getattr(self, 'check_' + fmt.replace('-', '_'))(root, line, f'{field}.content')
        elif fmt in ('hubsante', 'geojson'):
            try:
                doc = json.loads(body)
            except json.JSONDecodeError as e:
                return self.err(line, f'{field}.content', f'JSON not valid: {e}')
            if fmt == 'hubsante':
                self.check_hubsante(doc, line, f'{field}.content')
            elif not isinstance(doc, dict) or doc.get('type') not in ('FeatureCollection', 'Feature'):
                self.err(line, f'{field}.content', 'GeoJSON: a Feature or FeatureCollection is expected')
        elif fmt == 'nmea':
            self.check_nmea(content, line, f'{field}.content')
        elif fmt == 'text' and content.lstrip().startswith('<'):
            self.warn(line, f'{field}.format', 'text content looks like XML: is the format right?')

    def check_cap(self, root, line, field):
        if local(root.tag) != 'alert':
            return self.err(line, field, f'CAP: root <{local(root.tag)}>, expected <alert>')
        for k in ('identifier', 'sender', 'sent', 'status', 'msgType', 'scope'):
            if not text_at(root, k):
                self.err(line, field, f'CAP: <{k}> is required')
        if text_at(root, 'status').lower() not in EXERCISE_STATUSES:
            self.err(line, field, f'CAP: <status> is "{text_at(root, "status")}", must be Exercise (or Test)')
        if not ISO_RE.match(text_at(root, 'sent')):
            self.err(line, field, 'CAP: <sent> is not an ISO 8601 time with an offset (use ${T})')
        mt = text_at(root, 'msgType')
        if mt not in ('Alert', 'Update', 'Cancel'):
            self.err(line, field, f'CAP: <msgType> "{mt}" carries no situation (Alert, Update or Cancel)')
        if mt in ('Update', 'Cancel') and len(text_at(root, 'references').split(' ')[0].split(',')) != 3:
            self.err(line, field, 'CAP: an Update or Cancel needs <references> "sender,identifier,sent"')
        infos = [c for c in root if local(c.tag) == 'info']
        if not infos and mt != 'Cancel':
            self.err(line, field, 'CAP: no <info>')
        for info in infos:
            for k, allowed in (('category', None), ('event', None),
                               ('urgency', {'Immediate', 'Expected', 'Future', 'Past', 'Unknown'}),
                               ('severity', {'Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'}),
                               ('certainty', {'Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown', 'Very Likely'})):
                v = text_at(info, k)
                if not v or (allowed and v not in allowed):
                    self.err(line, field, f'CAP: <info><{k}> "{v}" missing or not a CAP value')
            areas = [a for a in info if local(a.tag) == 'area']
            if not any(find(a, 'circle') is not None or find(a, 'polygon') is not None for a in areas):
                self.warn(line, field, 'CAP: no <circle> or <polygon>: the incident has no place on the map')
            for a in areas:
                for g in a:
                    if local(g.tag) == 'polygon':
                        pts = (g.text or '').split()
                        if len(pts) < 4 or pts[0] != pts[-1]:
                            self.err(line, field, 'CAP: <polygon> needs at least 4 "lat,lon" pairs, closed')
                        for p in pts:
                            la, _, lo = p.partition(',')
                            if not self.lonlat([float(lo or 'nan'), float(la or 'nan')]):
                                self.err(line, field, f'CAP: <polygon> pair "{p}" is not lat,lon')
                                break
                    elif local(g.tag) == 'circle':
                        parts = (g.text or '').split()
                        ok = len(parts) == 2 and ',' in parts[0]
                        if ok:
                            la, lo = parts[0].split(',')
                            ok = self.lonlat([float(lo), float(la)]) and float(parts[1]) >= 0
                        if not ok:
                            self.err(line, field, f'CAP: <circle> "{g.text}" is not "lat,lon radius_km"')

    def check_emsi(self, root, line, field):
        if local(root.tag) != 'emsi':
            return self.err(line, field, f'EMSI: root <{local(root.tag)}>, expected <emsi>')
        for k in ('CONTEXT/ID', 'CONTEXT/MODE', 'CONTEXT/MSGTYPE', 'CONTEXT/CREATION'):
            if not text_at(root, k):
                self.err(line, field, f'EMSI: {k} is required')
        if text_at(root, 'CONTEXT/MODE').upper() not in ('EXERCS', 'TEST'):
            self.err(line, field, f'EMSI: CONTEXT/MODE is "{text_at(root, "CONTEXT/MODE")}", must be EXERCS (or TEST)')
        if not ISO_RE.match(text_at(root, 'CONTEXT/CREATION')):
            self.err(line, field, 'EMSI: CONTEXT/CREATION is not an ISO 8601 time with an offset (use ${T})')
        ev = find(root, 'EVENT')
        if ev is None and find(root, 'RESOURCE') is None:
            self.err(line, field, 'EMSI: neither an EVENT nor a RESOURCE')
        if ev is not None:
            if not (text_at(ev, 'ID') or text_at(ev, 'MAIN_EVENT_ID')):
                self.err(line, field, 'EMSI: EVENT without ID')
            if not text_at(ev, 'ETYPE/CATEGORY'):
                self.warn(line, field, 'EMSI: EVENT without ETYPE/CATEGORY: its type will be "other"')
            lat, lon = text_at(ev, 'EGEO/POSITION/COORD/LAT'), text_at(ev, 'EGEO/POSITION/COORD/LONG')
            try:
                if not self.lonlat([float(lon), float(lat)]):
                    raise ValueError
            except ValueError:
                self.warn(line, field, 'EMSI: EVENT without a readable EGEO/POSITION/COORD: no place on the map')

    def check_edxl_have(self, root, line, field):
        if local(root.tag) != 'EDXLDistribution':
            return self.err(line, field, 'EDXL-HAVE: wrap the HospitalStatus in an EDXL-DE <EDXLDistribution> '
                                         'whose distributionStatus says Exercise')
        for k in ('distributionID', 'senderID', 'dateTimeSent', 'distributionStatus'):
            if not text_at(root, k):
                self.err(line, field, f'EDXL-DE: {k} is required')
        if not (text_at(root, 'distributionType') or text_at(root, 'distributionKind')):
            self.err(line, field, 'EDXL-DE: distributionType (1.0) or distributionKind (2.0) is required')
        if text_at(root, 'distributionStatus').lower() not in EXERCISE_STATUSES:
            self.err(line, field, f'EDXL-DE: distributionStatus is "{text_at(root, "distributionStatus")}", must be Exercise (or Test)')
        hs = find(root, 'contentObject/xmlContent/embeddedXMLContent/HospitalStatus')
        if hs is None:
            return self.err(line, field, 'EDXL-HAVE: no HospitalStatus in contentObject/xmlContent/embeddedXMLContent')
        hospitals = [h for h in hs if local(h.tag) == 'Hospital']
        if not hospitals:
            self.err(line, field, 'EDXL-HAVE: HospitalStatus without Hospital')
        for h in hospitals:
            oid = text_at(h, 'Organization/OrganizationInformation/OrganizationID')
            if not (oid or text_at(h, 'Organization/OrganizationInformation/OrganisationName/NameElement')):
                self.err(line, field, 'EDXL-HAVE: Hospital needs an OrganizationID or a name')
            if oid and self.ref and oid not in self.ref['hospitals']:
                self.warn(line, field, f'EDXL-HAVE: OrganizationID "{oid}" is not an id of hospitals.geojson')
            if not ISO_RE.match(text_at(h, 'LastUpdateTime')):
                self.err(line, field, 'EDXL-HAVE: Hospital LastUpdateTime must be ISO 8601 with an offset (use ${T})')

    def check_hubsante(self, doc, line, field):
        if not isinstance(doc, dict):
            return self.err(line, field, 'Hub Santé: a JSON object is expected')
        msg = None
        if 'distributionID' in doc:
            for k in ('distributionID', 'senderID', 'dateTimeSent', 'distributionStatus', 'distributionKind'):
                if not doc.get(k):
                    self.err(line, field, f'Hub Santé EDXL-DE: {k} is required')
            if str(doc.get('distributionStatus', '')).lower() not in EXERCISE_STATUSES:
                self.err(line, field, f'Hub Santé EDXL-DE: distributionStatus is "{doc.get("distributionStatus")}", must be Exercise')
            try:
                msg = doc['content'][0]['jsonContent']['embeddedJsonContent']['message']
            except (KeyError, IndexError, TypeError):
                return self.err(line, field, 'Hub Santé: no content[0].jsonContent.embeddedJsonContent.message')
        else:
            msg = doc.get('message')
            if not isinstance(msg, dict):
                return self.err(line, field, 'Hub Santé: neither an EDXL-DE envelope nor a "message" wrapper')
        if str(msg.get('status', '')).lower() not in EXERCISE_STATUSES:
            self.err(line, field, f'Hub Santé: message status is "{msg.get("status")}", must be Exercise')
        cases = [k for k in ('createCase', 'createCaseHealth', 'geoPositionsUpdate', 'resourcesStatus',
                             'resourcesInfo', 'resourcesInfoCisu', 'emsi') if k in msg]
        if not cases:
            return self.err(line, field, 'Hub Santé: no use case the room maps (createCase, geoPositionsUpdate, …)')
        body = msg[cases[0]]
        if cases[0] == 'createCase':
            if not body.get('caseId'):
                self.err(line, field, 'Hub Santé createCase: caseId is required')
            if not ISO_RE.match(str(body.get('creation', ''))):
                self.err(line, field, 'Hub Santé createCase: creation must be ISO 8601 with an offset (use ${T})')
        if cases[0] == 'geoPositionsUpdate':
            for p in body.get('position', []):
                if not (p.get('resourceId') and ISO_RE.match(str(p.get('datetime', ''))) and
                        self.lonlat([p.get('coord', {}).get('lon'), p.get('coord', {}).get('lat')])):
                    self.err(line, field, 'Hub Santé geoPositionsUpdate: resourceId, coord and datetime are required')

    def check_nmea(self, content, line, field):
        fixes = 0
        for n, raw in enumerate(content.splitlines(), 1):
            s = raw.strip()
            if not s or s.startswith('#'):
                continue
            if not s.startswith(('$', '!')):
                self.err(line, field, f'NMEA line {n}: not a sentence')
            elif not nmea_checksum_ok(s):
                self.err(line, field, f'NMEA line {n}: checksum wrong or missing')
            elif s[3:6] in ('RMC', 'GGA'):
                fixes += 1
        if not any(l.strip()[3:6] == 'RMC' for l in content.splitlines() if l.strip().startswith('$')):
            self.err(line, field, 'NMEA: no RMC sentence (GGA has no date without one)')
        if not fixes:
            self.err(line, field, 'NMEA: no position fix')

    # -------------------------------------------------------- the whole file
    def run(self):
        try:
            with open(self.path, encoding='utf-8') as f:
                doc = yaml.load(f, Loader=Loader)
        except (OSError, yaml.YAMLError, UnicodeDecodeError) as e:
            mark = getattr(e, 'problem_mark', None)
            self.err(mark.line + 1 if mark else 0, '(file)', str(e).replace('\n', ' '))
            return None
        if not isinstance(doc, dict):
            self.err(1, '(file)', 'the scenario must be a YAML mapping')
            return None
        for k in doc:
            if k not in TOP_KEYS:
                self.warn(doc.line, k, 'unknown key')
        if doc.get('format') != 'vigie-scenario':
            self.err(doc.line, 'format', 'must be exactly "vigie-scenario"')
        if doc.get('version') != 1:
            self.err(doc.line, 'version', 'must be 1')
        if not (isinstance(doc.get('id'), str) and ID_RE.match(doc['id'])):
            self.err(doc.line, 'id', 'required, [a-z0-9-]+')
        for k in ('title', 'description'):
            if not isinstance(doc.get(k), str) or not doc[k].strip():
                self.err(doc.line, k, 'required (non-empty text)')
        start = doc.get('start')
        start_dt = None
        if not (isinstance(start, str) and ISO_RE.match(start)):
            self.err(doc.at('start'), 'start', 'required: an ISO 8601 time with an offset (2026-10-25T20:30:00+01:00)')
        else:
            start_dt = dt.datetime.fromisoformat(start.replace('Z', '+00:00'))
        duration = parse_d(doc.get('duration'))
        if duration is None:
            self.err(doc.at('duration'), 'duration', 'required: "hh:mm:ss"')
            duration = 0
        if start_dt is None:
            start_dt = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)

        objectives = doc.get('objectives')
        if not isinstance(objectives, list) or not objectives:
            self.err(doc.line, 'objectives', 'required: a list of {id, text}')
            objectives = []
        seen = set()
        for i, o in enumerate(objectives):
            ln = line_of(o, doc.line)
            if not isinstance(o, dict) or not o.get('id') or not isinstance(o.get('text'), str):
                self.err(ln, f'objectives[{i}]', 'needs an id and a text')
                continue
            if o['id'] in seen:
                self.err(ln, f'objectives[{i}].id', f'"{o["id"]}" is used twice')
            seen.add(o['id'])

        initial = doc.get('initial') or {}
        if not isinstance(initial, dict):
            self.err(doc.line, 'initial', 'must be a mapping {fleet, entries}')
            initial = {}
        if 'fleet' in initial and initial['fleet'] != 'marseille':
            self.err(line_of(initial, doc.line), 'initial.fleet', 'the only fleet is "marseille"')
        for i, e in enumerate(initial.get('entries') or []):
            self.check_entry(e, line_of(initial, doc.line), f'initial.entries[{i}]')

        injects = doc.get('injects')
        if not isinstance(injects, list) or not injects:
            self.err(doc.line, 'injects', 'required: a list of injects')
            injects = []
        ids, actions, contingency_refs = {}, {}, []
        last_at = -1
        timed = 0
        for i, inj in enumerate(injects):
            field = f'injects[{i}]'
            if not isinstance(inj, dict):
                self.err(line_of(injects, doc.line), field, 'must be a mapping')
                continue
            ln = inj.line
            for k in inj:
                if k not in INJECT_KEYS:
                    self.warn(ln, f'{field}.{k}', 'unknown key')
            iid = inj.get('id')
            if not isinstance(iid, str) or not iid:
                self.err(inj.at('id'), f'{field}.id', 'required')
            elif iid in ids:
                self.err(inj.at('id'), f'{field}.id', f'"{iid}" is used twice')
            else:
                ids[iid] = inj
            at = inj.get('at')
            at_s = None
            if at is None:
                if inj.get('contingency') is not True:
                    self.err(inj.at('at'), f'{field}.at', 'required unless the inject is `contingency: true`')
            else:
                if inj.get('contingency') is True:
                    self.err(inj.at('at'), f'{field}.at', 'a contingency inject has no `at`: it is played at a deadline')
                at_s = parse_t(at)
                if at_s is None:
                    self.err(inj.at('at'), f'{field}.at', f'"{at}" is not T+hh:mm:ss')
                else:
                    timed += 1
                    if at_s > duration:
                        self.err(inj.at('at'), f'{field}.at', f'{at} is after the end of the exercise ({doc.get("duration")})')
                    if at_s < last_at:
                        self.err(inj.at('at'), f'{field}.at', f'{at} comes before the previous timed inject ({fmt_t(last_at)})')
                    last_at = max(last_at, at_s)
            for k in ('from', 'to', 'channel', 'format'):
                if not isinstance(inj.get(k), str) or not inj[k].strip():
                    self.err(ln, f'{field}.{k}', 'required')
            if inj.get('channel') and inj['channel'] not in CHANNELS:
                self.err(inj.at('channel'), f'{field}.channel', f'"{inj["channel"]}" is not one of {sorted(CHANNELS)}')
            if inj.get('format') and inj['format'] not in FORMATS:
                self.err(inj.at('format'), f'{field}.format', f'"{inj["format"]}" is not one of {sorted(FORMATS)}')
            if 'position' in inj and not self.lonlat(inj['position']):
                self.err(inj.at('position'), f'{field}.position', 'must be [lon, lat] in WGS84')
            self.check_content(inj, inj.at('content'), field, start_dt + dt.timedelta(seconds=at_s or 0))
            for j, a in enumerate(inj.get('expect') or []):
                af = f'{field}.expect[{j}]'
                if not isinstance(a, dict):
                    self.err(ln, af, 'must be a mapping')
                    continue
                aln = a.line
                for k in a:
                    if k not in ACTION_KEYS:
                        self.warn(aln, f'{af}.{k}', 'unknown key')
                aid = a.get('id')
                if not aid:
                    self.err(a.at('id'), f'{af}.id', 'required')
                elif aid in actions:
                    self.err(a.at('id'), f'{af}.id', f'"{aid}" is used twice')
                else:
                    actions[aid] = (inj, a)
                if not isinstance(a.get('text'), str) or not a['text'].strip():
                    self.err(a.at('text'), f'{af}.text', 'required')
                if parse_d(a.get('within')) is None:
                    self.err(a.at('within'), f'{af}.within', 'required: "hh:mm:ss"')
                m = a.get('match')
                if not isinstance(m, dict) or not m:
                    self.err(a.at('match'), f'{af}.match', 'required: {kind, agency, author, text, unit, incident}')
                else:
                    for k, v in m.items():
                        if k not in MATCH_KEYS:
                            self.err(aln, f'{af}.match.{k}', f'unknown key (one of {sorted(MATCH_KEYS)})')
                    kinds = m.get('kind')
                    for kd in (kinds if isinstance(kinds, list) else [kinds] if kinds else []):
                        if not (isinstance(kd, str) and KIND_RE.match(kd)) or kd.startswith('exercise.'):
                            self.err(aln, f'{af}.match.kind', f'"{kd}" is not an entry kind a trainee writes')
                    if 'agency' in m and m['agency'] not in AGENCIES:
                        self.err(aln, f'{af}.match.agency', f'"{m["agency"]}" is not one of {sorted(AGENCIES)}')
                    if 'text' in m and not str(m['text']).isascii():
                        self.warn(aln, f'{af}.match.text', 'non-ASCII: how the entry\'s JSON writes accents may differ')
                if a.get('contingency'):
                    contingency_refs.append((aln, af, a['contingency']))

        for aln, af, ref in contingency_refs:
            target = ids.get(ref)
            if target is None:
                self.err(a.at('contingency'), f'{af}.contingency', f'"{ref}" is not an inject of this file')
            elif target.get('contingency') is not True:
                self.err(a.at('contingency'), f'{af}.contingency', f'"{ref}" is not a `contingency: true` inject')
        referenced = {r for _, _, r in contingency_refs}
        for iid, inj in ids.items():
            if inj.get('contingency') is True and iid not in referenced:
                self.err(inj.line, f'injects({iid})', 'contingency inject that no action names: it is never played')

        # play time of every inject (a contingency plays at the deadline of the action naming it)
        play = {}
        for iid, inj in ids.items():
            if parse_t(inj.get('at')) is not None:
                play[iid] = parse_t(inj['at'])
        for aid, (inj, a) in actions.items():
            if a.get('contingency') and inj['id'] in play and parse_d(a.get('within')) is not None:
                play.setdefault(a['contingency'], play[inj['id']] + parse_d(a['within']))

        responses = doc.get('responses') or []
        resp = []
        for i, r in enumerate(responses):
            rf = f'responses[{i}]'
            if not isinstance(r, dict):
                self.err(line_of(responses, doc.line), rf, 'must be a mapping {at, entry}')
                continue
            t = parse_t(r.get('at'))
            if t is None:
                self.err(r.at('at'), f'{rf}.at', f'"{r.get("at")}" is not T+hh:mm:ss')
                continue
            if t > duration:
                self.err(r.at('at'), f'{rf}.at', f'{r["at"]} is after the end of the exercise')
            e = r.get('entry')
            self.check_entry(e, r.line, f'{rf}.entry')
            if isinstance(e, dict):
                resp.append((t, e, r.line))

        done = 0
        for aid, (inj, a) in actions.items():
            within = parse_d(a.get('within'))
            t0 = play.get(inj['id'])
            if within is None or t0 is None or not isinstance(a.get('match'), dict):
                continue
            hits = [(t, ln) for t, e, ln in resp if t0 <= t <= t0 + within and matches(a['match'], e)]
            if hits:
                done += 1
            else:
                self.err(a.line, f'expect({aid})',
                         f'no scripted response matches {a["match"]} between {fmt_t(t0)} and {fmt_t(t0 + within)}')

        n_cont = sum(1 for i in ids.values() if i.get('contingency') is True)
        n_actions_cont = sum(1 for _, a in actions.values() if a.get('contingency'))
        if timed < MIN_TIMED_INJECTS:
            self.err(doc.line, 'injects', f'{timed} timed injects, at least {MIN_TIMED_INJECTS} are asked')
        if len(actions) < MIN_ACTIONS:
            self.err(doc.line, 'injects', f'{len(actions)} expected actions, at least {MIN_ACTIONS} are asked')
        if n_actions_cont < MIN_CONTINGENCIES:
            self.err(doc.line, 'injects', f'{n_actions_cont} actions with a contingency, at least {MIN_CONTINGENCIES} are asked')
        if duration < MIN_DURATION_S:
            self.err(doc.at('duration'), 'duration', f'{doc.get("duration")}: at least 02:00:00 is asked')
        if timed and last_at > duration:
            self.err(doc.at('duration'), 'duration', 'shorter than the last inject')
        by_format = {}
        for inj in ids.values():
            by_format[inj.get('format')] = by_format.get(inj.get('format'), 0) + 1
        return dict(id=doc.get('id'), timed=timed, contingency=n_cont, actions=len(actions),
                    actions_cont=n_actions_cont, responses=len(resp), done=done,
                    duration=doc.get('duration'), last=fmt_t(max(last_at, 0)), objectives=len(objectives),
                    initial=len(initial.get('entries') or []), formats=by_format)


def matches(match, entry):
    kinds = match.get('kind')
    if kinds:
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if entry.get('kind') not in kinds:
            return False
    if 'agency' in match and entry.get('agency') != match['agency']:
        return False
    if 'author' in match and match['author'].lower() not in (entry.get('author') or '').lower():
        return False
    data = entry.get('data') or {}
    if 'text' in match:
        text = json.dumps(data, ensure_ascii=False, separators=(',', ':')).lower()
        if str(match['text']).lower() not in text:
            return False
    if 'unit' in match and data.get('unit') != match['unit']:
        return False
    if 'incident' in match and data.get('incident') != match['incident']:
        return False
    return True


def main(argv):
    files = argv[1:] or sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith('.yaml'))
    if not files:
        print('no scenario to check')
        return 1
    ref = load_reference()
    failed = 0
    rows = []
    for path in files:
        c = Checker(path, ref)
        summary = c.run()
        for w in c.warnings:
            print('warning: ' + w)
        for p in c.problems:
            print(p)
        ok = not c.problems
        failed += not ok
        rows.append((c.name, ok, summary))
    print()
    print('Scenario summary')
    for name, ok, s in rows:
        if not s:
            print(f'  {name}: FAILED (unreadable)')
            continue
        fmts = ', '.join(f'{k} {v}' for k, v in sorted(s['formats'].items(), key=lambda kv: str(kv[0])))
        print(f'  {name} [{s["id"]}]: {"OK" if ok else "FAILED"}')
        print(f'    duration {s["duration"]}, last timed inject {s["last"]}; {s["objectives"]} objectives, '
              f'{s["initial"]} initial entries')
        print(f'    injects: {s["timed"]} timed + {s["contingency"]} contingency ({fmts})')
        print(f'    expected actions: {s["actions"]} ({s["actions_cont"]} with a contingency); '
              f'scripted responses: {s["responses"]}, actions done in time by them: {s["done"]}/{s["actions"]}')
    print(f'{len(rows) - failed} of {len(rows)} scenario(s) pass')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
