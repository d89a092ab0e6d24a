#!/usr/bin/python3
"""The independent reader for CalendarCorpusTest: Python's icalendar with
recurring-ical-events (Debian's python3-icalendar and python3-recurring-ical-events; they
share no code with ical4j). Reads one .ics file and prints the busy and tentative time
inside [from, to) as the contract defines it, one interval a line:

    busy 2019-03-18T04:00:00Z 2019-03-18T05:00:00Z
    tentative ...

Busy: every VEVENT occurrence unless TRANSP:TRANSPARENT or STATUS:CANCELLED; tentative:
STATUS:TENTATIVE; VFREEBUSY periods by FBTYPE. Floating and all-day values are read in the
zone given (an all-day event blocks whole local days). Intervals are clipped to [from, to),
merged per kind, and sorted.

usage: reference.py FILE FROM TO ZONE
"""
import datetime
import re
import sys

import icalendar
import pytz
import recurring_ical_events

UTC = pytz.utc


def instant(value, zone, date_end=False):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return zone.localize(value).astimezone(UTC)
        return value.astimezone(UTC)
    # a DATE: local midnight in the request's zone
    return zone.localize(datetime.datetime(value.year, value.month, value.day)).astimezone(UTC)


def merge(intervals):
    out = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out


def duration(text):
    m = re.fullmatch(r"\+?P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)", text.strip().upper())
    if not m:
        return None
    w, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    return datetime.timedelta(weeks=w, days=d, hours=h, minutes=mi, seconds=s)


def stamp(text):
    return UTC.localize(datetime.datetime.strptime(text.strip().upper(), "%Y%m%dT%H%M%SZ"))


def main(path, start, end, zone_name):
    zone = pytz.timezone(zone_name)
    span_from = stamp(start)
    span_to = stamp(end)
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    busy, tentative = [], []
    margin = datetime.timedelta(days=2)
    for event in recurring_ical_events.of(calendar).between(span_from - margin, span_to + margin):
        status = str(event.get("STATUS", "")).upper()
        if status == "CANCELLED" or str(event.get("TRANSP", "")).upper() == "TRANSPARENT":
            continue
        s_value = event["DTSTART"].dt
        e_value = event["DTEND"].dt if "DTEND" in event else None
        s = instant(s_value, zone)
        if e_value is None:
            e = s + datetime.timedelta(days=1) if not isinstance(s_value, datetime.datetime) else s
        else:
            e = instant(e_value, zone)
        if not isinstance(s_value, datetime.datetime) and e <= s:
            e = instant(s_value + datetime.timedelta(days=1), zone)
        if e <= s or e <= span_from or s >= span_to:
            continue
        (tentative if status == "TENTATIVE" else busy).append((max(s, span_from), min(e, span_to)))
    for component in calendar.walk("VFREEBUSY"):
        values = component.get("FREEBUSY", [])
        if not isinstance(values, list):
            values = [values]
        for prop in values:
            kind = str(prop.params.get("FBTYPE", "BUSY")).upper()
            if kind == "FREE":
                continue
            text = prop.to_ical().decode() if hasattr(prop, "to_ical") else str(prop)
            for item in text.split(","):
                parts = item.strip().split("/")
                if len(parts) != 2:
                    continue
                try:
                    s = stamp(parts[0])
                    d = duration(parts[1])
                    e = s + d if d is not None else stamp(parts[1])
                except ValueError:
                    continue
                if e <= s or e <= span_from or s >= span_to:
                    continue
                (tentative if kind == "BUSY-TENTATIVE" else busy).append((max(s, span_from), min(e, span_to)))
    for kind, intervals in (("busy", busy), ("tentative", tentative)):
        for s, e in merge(intervals):
            print(kind, s.strftime("%Y-%m-%dT%H:%M:%SZ"), e.strftime("%Y-%m-%dT%H:%M:%SZ"))


if __name__ == "__main__":
    main(*sys.argv[1:5])
